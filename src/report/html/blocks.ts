/**
 * report.md's block Markdown (headings, paragraphs, nested lists, tables, chart images) as HTML, in
 * one pass over the lines: the page costs time and memory linear in the report (a 20,000-event
 * report is one string of rows joined once, never a string grown row by row).
 *
 * Tables become sortable (a button per header, aria-sort on the header cell); a column whose every
 * cell is a figure or missing is numeric: right-aligned, tabular figures, its sort key in `data-v`,
 * and a percentage signed + or - is marked `pos`/`neg` for colour. Tables of the Events and
 * per-event sections are also `filterable` by the page's filter box.
 */
import { cellNumber } from './cellNumber.js';
import { escapeHtml } from './escape.js';
import { inlineHtml } from './inline.js';

export interface BlockOptions {
  /** SVG (inline-ready) for a chart image's path, e.g. `charts/caar.svg`; undefined leaves it out. */
  chart: (path: string) => string | undefined;
  /** Drop the first level-1 heading (the page header shows the title). */
  skipTitle?: boolean;
}

export interface BlockResult {
  html: string;
  /** The level-2 headings with their ids, for the page's contents. */
  toc: { id: string; text: string }[];
}

const HEADING = /^(#{1,6}) (.*)$/;
const IMAGE = /^!\[(.*)\]\(([^()\s]+)\)$/;
const LIST = /^( *)- (.*)$/;
const SEPARATOR = /^\|(\s*:?-{3,}:?\s*\|)+\s*$/;

/** Sections whose tables list events, one row each: the filter box applies to them. */
function listsEvents(h2: string): boolean {
  return h2 === 'Events' || h2.startsWith('Per-event results');
}

/** A table row's cells: split on `|` not escaped by a backslash (format.ts table() escapes them). */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** The text a cell shows (its Markdown without markup), for its number. */
function plain(md: string): string {
  if (!/[\\<*[]/.test(md)) return md;
  return md
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/<a id="[^"]*"><\/a>/g, '')
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}

/** A column of shares (`% positive`): signed like a move but not one, so not coloured as one. */
const SHARE = /positive|share/i;

function tableHtml(header: string[], align: string[], rows: string[][], filterable: boolean): string {
  const texts = rows.map((r) => r.map(plain));
  const nums = texts.map((r) => r.map(cellNumber));
  const numeric = header.map((_, k) => {
    let any = false;
    for (const r of nums) {
      const v = r[k];
      if (v === null) return false;
      if (v !== undefined) any = true;
    }
    return any || align[k] === 'r';
  });
  const moves = header.map((h) => !SHARE.test(h));
  const out: string[] = [];
  out.push(`<div class="table-wrap"><table class="sortable${filterable ? ' filterable' : ''}"><thead><tr>`);
  header.forEach((h, k) => {
    out.push(`<th scope="col"${numeric[k] ? ' class="n" data-type="num"' : ''} aria-sort="none"><button type="button">${inlineHtml(h)}</button></th>`);
  });
  out.push('</tr></thead><tbody>');
  rows.forEach((r, i) => {
    out.push('<tr>');
    header.forEach((_, k) => {
      const md = r[k] ?? '';
      if (!numeric[k]) {
        // A long text (a summary, a list of sources) gets a column wide enough to read; a short one
        // (an id, a date, a symbol) is never broken at its hyphens.
        const cls = md.length > 40 ? ' class="long"' : md.length <= 32 ? ' class="s"' : '';
        out.push(`<td${cls}>${inlineHtml(md)}</td>`);
        return;
      }
      const v = nums[i][k];
      const sign = moves[k] && typeof v === 'number' && v !== 0 && texts[i][k].includes('%') ? (v > 0 ? ' pos' : ' neg') : '';
      out.push(`<td class="n${sign}"${typeof v === 'number' ? ` data-v="${v}"` : ''}>${inlineHtml(md)}</td>`);
    });
    out.push('</tr>');
  });
  out.push('</tbody></table></div>');
  return out.join('');
}

function listHtml(items: { depth: number; text: string }[]): string {
  const out: string[] = [];
  let depth = -1;
  for (const it of items) {
    const d = Math.min(it.depth, depth + 1);
    if (d > depth) out.push('<ul>');
    else {
      out.push('</li>');
      for (; depth > d; depth--) out.push('</ul></li>');
    }
    depth = d;
    out.push(`<li>${inlineHtml(it.text)}`);
  }
  for (; depth >= 0; depth--) out.push('</li></ul>');
  return out.join('');
}

/** HTML of report.md text. */
export function blocksHtml(md: string, opts: BlockOptions): BlockResult {
  const lines = md.split('\n');
  const out: string[] = [];
  const toc: BlockResult['toc'] = [];
  const ids = new Set<string>();
  let h2 = '';
  let skip = opts.skipTitle === true;
  let filterBox = false;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      i++;
      const level = h[1].length;
      if (level === 1 && skip) {
        skip = false;
        continue;
      }
      const text = h[2];
      const base = `s-${plain(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'section'}`;
      let id = base;
      for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
      ids.add(id);
      if (level === 2) {
        h2 = plain(text);
        toc.push({ id, text: plain(text) });
      }
      out.push(`<h${level} id="${id}">${inlineHtml(text)}</h${level}>`);
      continue;
    }
    const img = IMAGE.exec(line);
    if (img) {
      i++;
      const svg = opts.chart(img[2]);
      // The SVG draws its own title; the caption is for screen readers. Price paths sit two abreast.
      const small = /(^|\/)price-[^/]*$/.test(img[2]) ? ' small' : '';
      if (svg !== undefined) out.push(`<figure class="chart${small}">${svg}<figcaption class="sr">${inlineHtml(img[1])}</figcaption></figure>`);
      continue;
    }
    if (line.startsWith('|') && SEPARATOR.test(lines[i + 1] ?? '')) {
      const header = cells(line);
      const align = cells(lines[i + 1]).map((c) => (c.endsWith(':') ? 'r' : 'l'));
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(cells(lines[i]));
      const filterable = listsEvents(h2);
      if (filterable && !filterBox) {
        filterBox = true;
        out.push(
          '<div id="filter-box" class="filter-box" role="search"><label for="filter">Filter events</label> <input id="filter" type="search" placeholder="id, symbol, name, title…" autocomplete="off"> <span id="filter-count" aria-live="polite"></span></div>',
        );
      }
      out.push(tableHtml(header, align, rows, filterable));
      continue;
    }
    if (LIST.test(line)) {
      const items: { depth: number; text: string }[] = [];
      for (let m; i < lines.length && (m = LIST.exec(lines[i])); i++) items.push({ depth: Math.floor(m[1].length / 2), text: m[2] });
      out.push(listHtml(items));
      continue;
    }
    const para: string[] = [];
    for (; i < lines.length && lines[i].trim() !== '' && !HEADING.test(lines[i]) && !IMAGE.test(lines[i]) && !LIST.test(lines[i]) && !lines[i].startsWith('|'); i++) para.push(lines[i].trim());
    if (para.length === 0) {
      // A stray table row without a separator: shown as text rather than lost.
      para.push(lines[i]);
      i++;
    }
    out.push(`<p>${inlineHtml(para.join(' '))}</p>`);
  }
  return { html: out.join('\n'), toc };
}
