/**
 * Published claims checked against the data: each claim names a symbol, a measure and the figure
 * as published; we recompute the figure from the price rows and state a verdict with the exact
 * closes used, so a reader can redo the arithmetic from the CSV.
 */
import type { Claim } from './config.js';
import type { ClaimResultJson, EventResultJson } from '../report/schema.js';
import type { PriceSeries } from '../data/prices/types.js';
import { formatDay, parseIsoDay } from '../util/dayNumber.js';
import { periodReturn, lastIndexOnOrBefore } from '../core/index.js';
import { pct } from '../report/format.js';

export interface ClaimContext {
  /** The listing's price series and a description of it (file, adjustment), or why there is none. */
  series(symbol: string): { ok: true; series: PriceSeries; describe: string; adjustmentNote?: string } | { ok: false; reason: string };
  /** Day 0 of each event on each listing: the study's engine results, or `claims check`'s own alignment (src/claims/check.ts). */
  events: readonly ClaimEvent[];
}

/** What the checker reads of an event result. */
export type ClaimEvent = Pick<EventResultJson, 'id' | 'symbol' | 'day0' | 'outcome' | 'reason'>;

const pp = (x: number) => `${(Math.abs(x) * 100).toFixed(2)} pp`;

export function checkClaim(c: Claim, ctx: ClaimContext): ClaimResultJson {
  const base = { id: c.id, text: c.text, source: c.source, symbol: c.symbol, measure: c.measure, claimed: c.claimed, comparison: c.comparison };
  const s = ctx.series(c.symbol);
  if (!s.ok) return { ...base, ours: null, verdict: 'cannot-check', explanation: s.reason, basis: '—' };
  const measured = measure(c, s.series, ctx.events);
  if (measured.value === null) return { ...base, ours: null, verdict: 'cannot-check', explanation: measured.why, basis: '—' };
  const ours = measured.value;
  const diff = ours - c.claimed;
  let verdict: ClaimResultJson['verdict'];
  let explanation: string;
  switch (c.comparison) {
    case 'at-least':
      verdict = ours >= c.claimed ? 'confirmed' : 'not-confirmed';
      explanation = ours >= c.claimed ? `${pct(ours)} is above the claimed ${pct(c.claimed)}` : `${pct(ours)} falls short of the claimed ${pct(c.claimed)} by ${pp(diff)}`;
      break;
    case 'at-most':
      verdict = ours <= c.claimed ? 'confirmed' : 'not-confirmed';
      explanation = ours <= c.claimed ? `${pct(ours)} is below the claimed ${pct(c.claimed)}` : `${pct(ours)} exceeds the claimed ${pct(c.claimed)} by ${pp(diff)}`;
      break;
    case 'nearly':
      // "Nearly X" is true of a figure just below X.
      verdict = diff <= 0 && -diff <= c.tolerance ? 'confirmed' : Math.abs(diff) <= c.tolerance ? 'approximately' : 'not-confirmed';
      explanation = `${pct(ours)} is ${pp(diff)} ${diff <= 0 ? 'below' : 'above'} the claimed ${pct(c.claimed)}`;
      break;
    default:
      verdict = Math.abs(diff) <= c.tolerance ? 'confirmed' : Math.abs(diff) <= 10 * c.tolerance ? 'approximately' : 'not-confirmed';
      explanation =
        Math.abs(diff) < 5e-5
          ? `matches to the published precision`
          : `differs from the claimed ${pct(c.claimed)} by ${pp(diff)}`;
  }
  if (verdict !== 'confirmed' && s.adjustmentNote) explanation += `; ${s.adjustmentNote}`;
  return { ...base, ours, verdict, explanation, basis: `${measured.basis} (${s.describe})` };
}

function measure(c: Claim, series: PriceSeries, events: readonly ClaimEvent[]): { value: number | null; why: string; basis: string } {
  if (c.measure === 'period') {
    const from = parseIsoDay(c.from ?? '');
    const to = parseIsoDay(c.to ?? '');
    if (!Number.isFinite(from) || !Number.isFinite(to)) return { value: null, why: 'claim has no from/to dates', basis: '' };
    // The base is the close of `from` itself (2022-12-30 for "2023 year to date").
    const p = periodReturn(series.days, series.close, from + 1, to);
    if (!Number.isFinite(p.value)) return { value: null, why: `no close on or before ${c.from} and ${c.to}`, basis: '' };
    return { value: p.value, why: '', basis: `close ${p.fromDate} ${p.fromClose} → close ${p.toDate} ${p.toClose}` };
  }
  const ev = events.find((e) => (e.id === c.event || e.id === `${c.event}@${c.symbol}`) && e.symbol === c.symbol);
  if (!ev || !ev.day0) return { value: null, why: `event ${c.event} has no day 0 for ${c.symbol}${ev ? ` (${ev.outcome}: ${ev.reason})` : ''}`, basis: '' };
  const [a, b] = c.window ?? [0, 0];
  const i0 = lastIndexOnOrBefore(series.days, parseIsoDay(ev.day0));
  const first = i0 + a;
  const last = i0 + b;
  if (first < 1 || last >= series.days.length) return { value: null, why: 'window outside the data', basis: '' };
  const baseClose = series.close[first - 1];
  const baseDate = formatDay(series.days[first - 1]);
  if (c.measure === 'rawReturn') {
    return {
      value: series.close[last] / baseClose - 1,
      why: '',
      basis: `close ${baseDate} ${baseClose} → close ${formatDay(series.days[last])} ${series.close[last]}`,
    };
  }
  if (!series.high) return { value: null, why: 'the price file has no high column', basis: '' };
  let best = -Infinity;
  let at = first;
  for (let r = first; r <= last; r++) if (series.high[r] > best) ((best = series.high[r]), (at = r));
  return { value: best / baseClose - 1, why: '', basis: `close ${baseDate} ${baseClose} → high ${formatDay(series.days[at])} ${best}` };
}
