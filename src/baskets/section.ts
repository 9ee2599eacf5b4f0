/**
 * The default study report's basket section (issue 7 item 5): each shipped basket's return over a
 * period (year to date to 2023-04-24 in the default study) beside the figure published for a
 * comparable sector (the CMB International note quoted in the article: chips +65%, optical modules
 * +146%, PCB +45%, servers +62%; the figures are data in baskets/*.yaml, `published`), with one
 * sentence per basket on why the two differ, and the cumulative chart.
 *
 * To show how much the comparison depends on choices the article does not state, each row also
 * gives the same basket under the other weighting (equal vs float cap) and the range of our figure
 * for end dates around `to` (the article gives "year to date" without a date; its Wind figures are
 * to the 2023-04-24 close).
 */
import { resolve } from 'node:path';
import { openPriceStore } from '../data/prices/index.js';
import { addDays } from './dates.js';
import { cumulativeChart } from './chart.js';
import { compareBaskets } from './compare.js';
import type { BasketResultJson, CompareJson } from './json.js';
import { DEFAULT_BASKETS_DIR, knownSymbols, loadBaskets } from './load.js';
import { ruleLabel } from './markdown.js';
import type { Weighting } from './schema.js';
import type { BasketSectionJson, BasketSectionRow } from './sectionSchema.js';
import { pct, table } from '../report/format.js';

export const SECTION_CHART = 'baskets-cumulative.svg';
/** End dates tried around `to`: a week before to four days after (calendar days). */
export const END_RANGE_DAYS: [number, number] = [-7, 4];

export interface BasketSectionOptions {
  from: string;
  to: string;
  /** Relative to root unless absolute; default `baskets`. */
  basketsDir?: string;
  /** Relative to root unless absolute; default `prices`. */
  pricesDir?: string;
}

export type { BasketSectionRow, BasketSectionJson } from './sectionSchema.js';

export interface BasketSection {
  json: BasketSectionJson;
  markdown: string;
  charts: { file: string; title: string; svg: string }[];
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** A difference of two returns in percentage points: 0.095 -> '+9.5 pp'. */
function pp(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '—' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;
}

const otherWeighting = (w: Weighting): Exclude<Weighting, 'custom'> => (w === 'equal' ? 'float-cap' : 'equal');

/** The lowest and highest cumulative return of a basket on its days within [lo, hi]. */
function rangeOf(b: BasketResultJson | undefined, lo: string, hi: string): BasketSectionRow['endRange'] {
  const out: BasketSectionRow['endRange'] = { from: lo, to: hi, min: null, max: null, minDate: null, maxDate: null };
  if (!b) return out;
  b.series.dates.forEach((d, k) => {
    const v = b.series.basket[k];
    if (d < lo || d > hi || v === null) return;
    if (out.min === null || v < out.min) [out.min, out.minDate] = [v, d];
    if (out.max === null || v > out.max) [out.max, out.maxDate] = [v, d];
  });
  return out;
}

/**
 * One sentence per basket, from its own numbers: how far ours is from the published figure, and
 * which of the choices the article leaves open (weights, outliers, end date) could close the gap.
 * The reasons common to every basket are stated once in the section's introduction.
 */
function explain(b: BasketResultJson, row: Omit<BasketSectionRow, 'explanation'>): string {
  const ours = pct(b.totalReturn, 1);
  const alt = row.alternative.totalReturn;
  const bits: string[] = [];
  if (alt !== null) bits.push(`${row.alternative.weighting} weights give ${pct(alt, 1)}`);
  if (row.medianMemberReturn !== null) bits.push(`the median member ${pct(row.medianMemberReturn, 1)}`);
  if (b.bestMember) bits.push(`the best, ${b.bestMember.symbol}${b.bestMember.name ? ` ${b.bestMember.name}` : ''}, ${pct(b.bestMember.return, 1)}`);
  const r = row.endRange;
  const range = r.min !== null && r.max !== null ? `ending between ${r.from} and ${r.to} ours would be ${pct(r.min, 1)} to ${pct(r.max, 1)}` : null;
  const missing = b.missingMembers.length ? ` Not held: ${b.missingMembers.map((m) => `${m.symbol} (${m.status}: ${m.reason.split(':')[0]})`).join('; ')}.` : '';
  if (!b.published || b.totalReturn === null || row.difference === null) {
    return `No published figure for this sector; ours is ${ours} (${row.membersHeld} names, ${ruleLabel(b)}): ${[...bits, ...(range ? [range] : [])].join('; ')}.${missing}`;
  }
  const pub = b.published.value;
  let between = false;
  let inRange = false;
  const verdicts: string[] = [];
  if (alt !== null) {
    const lo = Math.min(b.totalReturn, alt);
    const hi = Math.max(b.totalReturn, alt);
    between = pub >= lo && pub <= hi;
    verdicts.push(between ? 'theirs lies between our two weightings' : pub > hi ? 'theirs is above both our weightings' : 'theirs is below both our weightings');
  }
  if (r.min !== null && r.max !== null) {
    inRange = pub >= r.min && pub <= r.max;
    verdicts.push(inRange ? 'within our end-date range' : 'outside our end-date range');
  }
  const cause =
    between || inRange
      ? `${[between ? 'the weighting' : '', inRange ? 'the end date' : ''].filter(Boolean).join(' or ')} alone could account for the gap`
      : 'neither the weighting nor the end date accounts for the gap, so it comes from the constituents (CMBI\'s list is not given)';
  return (
    `Ours ${ours} against ${pct(pub, 0)} (${pp(row.difference)}), ${row.membersHeld} names ${ruleLabel(b)}: ${[...bits, ...(range ? [range] : [])].join('; ')}` +
    `${verdicts.length ? `; ${verdicts.join(' and ')}` : ''}: ${cause}.${missing}`
  );
}

export function sectionJson(main: CompareJson, alternative: CompareJson, extended: CompareJson): BasketSectionJson {
  const lo = addDays(main.period.to, END_RANGE_DAYS[0]);
  const hi = addDays(main.period.to, END_RANGE_DAYS[1]);
  const rows = main.baskets.map((b): BasketSectionRow => {
    const alt = alternative.baskets.find((x) => x.id === b.id);
    const ext = extended.baskets.find((x) => x.id === b.id);
    const heldMembers = b.memberDetails.filter((d) => (d.status === 'included' || d.status === 'joined-late') && d.return !== null);
    const row: Omit<BasketSectionRow, 'explanation'> = {
      id: b.id,
      name: b.name,
      weighting: b.weighting,
      rebalancing: b.rebalancing,
      membersHeld: heldMembers.length,
      members: b.members.length,
      baseDate: b.period.baseDate,
      endDate: b.period.endDate,
      totalReturn: b.totalReturn,
      alternative: { weighting: alt?.weighting ?? otherWeighting(b.weighting), totalReturn: alt?.totalReturn ?? null },
      medianMemberReturn: median(heldMembers.map((d) => d.return!)),
      endRange: rangeOf(ext, lo, hi),
      benchmark: { symbol: b.benchmark.symbol, totalReturn: b.benchmark.totalReturn },
      published: b.published,
      difference: b.published && b.totalReturn !== null ? b.totalReturn - b.published.value : null,
      bestMember: b.bestMember,
      worstMember: b.worstMember,
      missingMembers: b.missingMembers,
    };
    return { ...row, explanation: explain(b, row) };
  });
  return { period: main.period, baskets: rows, conventions: main.conventions };
}

export function sectionMarkdown(json: BasketSectionJson, chart?: { file: string; title: string }): string {
  const out: string[] = [];
  const { from, to } = json.period;
  out.push(`## Sector baskets: ${from} close to ${to} close, beside the published figures`, '');
  out.push(
    `The article quotes a CMB International note: chips +65%, optical modules +146%, PCB +45%, servers +62% "year to date" (about three months to late April 2023). ` +
      `Our baskets are built from the suggested A-share names (baskets/*.yaml), not from CMBI's indices, so the figures are shown side by side, not as a check. ` +
      `They differ for three reasons common to every basket: the note's constituents and weights are not in the article (ours: the suggested names, weighted as in each basket file, with the other weighting beside it); ` +
      `its period is "year to date", about three months to late April, without exact dates (ours: the ${from} close to the ${to} close, with the range for end dates around it); ` +
      `and our closes are forward-adjusted AKShare prices, which leave returns unchanged except for a slight rescaling by later cash dividends (prices/PROVENANCE.md).`,
    '',
  );
  const any = json.baskets[0];
  const rangeHead = any ? `Ours, ending ${any.endRange.from}..${any.endRange.to}` : 'End-date range';
  out.push(
    table(
      ['Basket', 'Held', 'Weighting', 'Ours', 'Other weighting', 'Median member', rangeHead, 'Published (CMBI)', 'Difference', 'Benchmark'],
      json.baskets.map((r) => [
        `${r.name} (\`${r.id}\`)`,
        `${r.membersHeld} / ${r.members}`,
        `${r.weighting}, ${r.rebalancing === 'none' ? 'buy-and-hold' : 'daily'}`,
        pct(r.totalReturn, 1),
        `${pct(r.alternative.totalReturn, 1)} (${r.alternative.weighting})`,
        pct(r.medianMemberReturn, 1),
        r.endRange.min === null ? '—' : `${pct(r.endRange.min, 1)} to ${pct(r.endRange.max, 1)}`,
        r.published ? pct(r.published.value, 0) : '—',
        pp(r.difference),
        `${r.benchmark.symbol} ${pct(r.benchmark.totalReturn, 1)}`,
      ]),
      ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
    '',
  );
  for (const r of json.baskets) out.push(`- **${r.name}.** ${r.explanation}`);
  out.push('');
  if (chart) out.push(`![${chart.title}](${chart.file})`, '');
  const src = json.baskets.find((r) => r.published)?.published;
  if (src) out.push(`Published figures: ${src.source}.`, '');
  return out.join('\n');
}

export async function basketSection(root: string, opts: BasketSectionOptions): Promise<BasketSection> {
  const store = openPriceStore(resolve(root, opts.pricesDir ?? 'prices'));
  // As for `baskets compare`: a member or benchmark missing from the manifest is an error, not a note.
  const baskets = loadBaskets(resolve(root, opts.basketsDir ?? DEFAULT_BASKETS_DIR), { known: knownSymbols(store, root) });
  const period = { from: opts.from, to: opts.to };
  const main = compareBaskets(baskets, store, period, { root });
  const alternative: CompareJson = {
    ...main,
    baskets: baskets.map((b) => compareBaskets([b], store, period, { root, weighting: otherWeighting(b.weighting) }).baskets[0]),
  };
  const extended = compareBaskets(baskets, store, { from: opts.from, to: addDays(opts.to, END_RANGE_DAYS[1]) }, { root });
  const json = sectionJson(main, alternative, extended);
  const title = `Sector baskets: cumulative return from the ${opts.from} close to ${opts.to}`;
  const svg = cumulativeChart(main, title);
  const charts = [{ file: SECTION_CHART, title, svg }];
  return { json, markdown: sectionMarkdown(json, { file: `charts/${SECTION_CHART}`, title }), charts };
}
