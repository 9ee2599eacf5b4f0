/**
 * Inline Markdown of report.md (the subset renderMarkdown writes) as HTML: backslash escapes,
 * `code`, **strong**, *emphasis*, [links](url) and the `<a id="event-…"></a>` anchors of the Events
 * table. Everything else is text and is escaped. A `*` run counts as emphasis only when it opens
 * after a space, `(` or the start and a closing run follows: significance stars after a figure
 * (`+20.29%**`, `(p 0.050)**`) stay stars.
 */
import { escapeHtml, safeHref } from './escape.js';

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const MARKUP = /[\\`<[*]/;
const MARKUP_AT = /[\\`<[*]/g;
const ANCHOR = /^<a id="([A-Za-z0-9_-]+)"><\/a>/;

/** Where the `]` closing a link label that opens at `from` is, skipping escaped brackets; -1 if none. */
function labelEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i;
  }
  return -1;
}

/**
 * One line of inline Markdown as HTML.
 *
 * @example inlineHtml('**CAAR** +1.20%** see [e1](#event-e1) and `x<y`')
 * // '<strong>CAAR</strong> +1.20%** see <a href="#event-e1">e1</a> and <code>x&lt;y</code>'
 */
export function inlineHtml(s: string): string {
  // Most cells are a figure or an id: no markup, only escaping.
  if (!MARKUP.test(s)) return escapeHtml(s);
  let out = '';
  let text = '';
  const flush = () => {
    out += escapeHtml(text);
    text = '';
  };
  const open: string[] = [];
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && ASCII_PUNCT.test(s[i + 1])) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const j = s.indexOf('`', i + 1);
      if (j > i) {
        flush();
        out += `<code>${escapeHtml(s.slice(i + 1, j))}</code>`;
        i = j + 1;
        continue;
      }
    }
    if (c === '<') {
      const m = ANCHOR.exec(s.slice(i, i + 120));
      if (m) {
        flush();
        out += `<a id="${m[1]}"></a>`;
        i += m[0].length;
        continue;
      }
    }
    if (c === '[') {
      const j = labelEnd(s, i + 1);
      if (j > 0 && s[j + 1] === '(') {
        const k = s.indexOf(')', j + 2);
        if (k > 0) {
          flush();
          const label = inlineHtml(s.slice(i + 1, j));
          const href = safeHref(s.slice(j + 2, k));
          out += href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
          i = k + 1;
          continue;
        }
      }
    }
    if (c === '*') {
      let n = 1;
      while (s[i + n] === '*') n++;
      const run = s.slice(i, i + n);
      const prev = i > 0 ? s[i - 1] : ' ';
      const next = s[i + n] ?? ' ';
      if (n <= 2 && open.at(-1) === run && !/\s/.test(prev)) {
        flush();
        out += n === 2 ? '</strong>' : '</em>';
        open.pop();
        i += n;
        continue;
      }
      if (n <= 2 && /[\s(]/.test(prev) && !/\s/.test(next) && s.indexOf(run, i + n + 1) > 0) {
        flush();
        out += n === 2 ? '<strong>' : '<em>';
        open.push(run);
        i += n;
        continue;
      }
      text += run;
      i += n;
      continue;
    }
    // Plain text up to the next character that may start markup, in one slice.
    MARKUP_AT.lastIndex = i + 1;
    const next = MARKUP_AT.exec(s);
    const end = next ? next.index : s.length;
    text += s.slice(i, end);
    i = end;
  }
  flush();
  // An opener whose closer never came (it was a star after all) still closes: the page stays well formed.
  for (const run of open.reverse()) out += run === '**' ? '</strong>' : '</em>';
  return out;
}
