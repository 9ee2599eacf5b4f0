/**
 * claims.md of `evstudy claims check`: every claim of the article with its line, our figure, the
 * verdict in the study checker's words and the closes used, then the names that matched nothing and
 * the warnings. Article text is not trusted Markdown: each cell goes through mdText.
 */
import type { ClaimsCheckJson, CheckedClaimJson } from './schema.js';
import { pct, table } from '../report/format.js';
import { mdText } from '../report/mdText.js';

const RETURN_MEASURES = new Set(['period', 'rawReturn', 'maxHighReturn', 'minLowReturn', 'limit']);

/** A claimed figure as the article means it: a return in percent, a price or market cap as written. */
function figure(c: CheckedClaimJson, x: number | null): string {
  if (x === null) return '—';
  return RETURN_MEASURES.has(c.measure) ? pct(x) : String(x);
}

function what(c: CheckedClaimJson): string {
  if (c.measure === 'period' && c.from && c.to) return `period ${c.from} → ${c.to}`;
  const m = c.at ? `${c.measure} (${c.at})` : c.measure;
  if (c.event && c.window) return `${m} ${c.event} [${c.window[0]},${c.window[1]}]`;
  if (c.to) return `${m} ${c.to}`;
  return m;
}

export function claimsMarkdown(r: ClaimsCheckJson): string {
  const n = r.counts;
  const out = [
    `# Market claims of ${mdText(r.source)} checked against the prices`,
    '',
    `Article date ${r.date ?? 'unknown'} (${mdText(r.dateSource)}); prices from ${mdText(r.pricesDir)}, events from ${mdText(r.eventsDir)}.`,
    '',
    `${r.claims.length} claims: ${n.confirmed} confirmed, ${n.approximately} approximately, ${n['not-confirmed']} not confirmed, ${n['cannot-check']} cannot be checked.`,
    '',
    // The verdict words are the study claims table's (src/study/claims.ts), so the two agree.
    'Verdicts as in a study\'s claims table: *confirmed* within the claim\'s tolerance (or on the right side of "at least"/"at most"/"nearly"), *approximately* within ten times the tolerance, *not-confirmed* otherwise (the figure contradicts the article), *cannot-check* when the data cannot give the figure (the reason is stated).',
    '',
    table(
      ['line', 'as published', 'symbol', 'measure', 'claimed', 'ours', 'verdict', 'why', 'basis (closes used)'],
      r.claims.map((c) => [
        String(c.line),
        mdText(c.text),
        mdText(c.symbol ?? '—'),
        mdText(what(c)),
        `${c.comparison === 'about' ? '' : `${c.comparison} `}${figure(c, c.claimed)}`,
        figure(c, c.ours),
        c.verdict,
        mdText(c.why),
        mdText(c.basis),
      ]),
      ['r', 'l', 'l', 'l', 'r', 'r', 'l', 'l', 'l'],
    ),
    '',
  ];
  if (r.unresolved.length) {
    out.push('## Unresolved names and dates', '', 'Reported, not guessed: a name needs its listing (or an alias) in the price manifest, a date without a year needs --date.', '');
    out.push(table(['line', 'name', 'sentence', 'why'], r.unresolved.map((u) => [String(u.line), mdText(u.name), mdText(u.text), mdText(u.reason)]), ['r', 'l', 'l', 'l']), '');
  }
  if (r.warnings.length) out.push('## Warnings', '', ...r.warnings.map((w) => `- ${mdText(w)}`), '');
  return out.join('\n');
}
