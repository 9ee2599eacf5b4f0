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
  series(symbol: string): { ok: true; series: PriceSeries; describe: string; adjustmentNote?: string; traded?: { series: PriceSeries; describe: string } } | { ok: false; reason: string };
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
  if (c.measure === 'price') return checkPrice(c, s, ctx.events, base);
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
    case 'nearly': {
      // "Nearly X" is true of a figure just short of X in size: just below +16%, just above -9% ("跌近9%").
      const short = c.claimed < 0 ? diff >= 0 : diff <= 0;
      verdict = short && Math.abs(diff) <= c.tolerance ? 'confirmed' : Math.abs(diff) <= c.tolerance ? 'approximately' : 'not-confirmed';
      explanation = `${pct(ours)} is ${pp(diff)} ${diff <= 0 ? 'below' : 'above'} the claimed ${pct(c.claimed)}`;
      break;
    }
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

/**
 * The rows a claim is about: an event's window (`window` around its day 0), or the sessions after
 * `from` up to and including `to` (a dated one-day claim is from = D-1, to = D). The base is the
 * close before the first row.
 */
function rowsOf(c: Claim, series: PriceSeries, events: readonly ClaimEvent[]): { first: number; last: number } | { why: string } {
  if (c.event === undefined && c.to !== undefined) {
    const to = parseIsoDay(c.to);
    const from = c.from !== undefined ? parseIsoDay(c.from) : to - 1;
    if (!Number.isFinite(from) || !Number.isFinite(to)) return { why: 'claim has no valid from/to dates' };
    const last = lastIndexOnOrBefore(series.days, to);
    const first = lastIndexOnOrBefore(series.days, from) + 1;
    // An intraday figure on a day without a session would silently read the day before.
    if (last < 0 || series.days[last] !== to) return { why: `no trading session on ${c.to} in the price file` };
    if (first < 1 || first > last) return { why: `no close before ${c.to} to measure from` };
    return { first, last };
  }
  const ev = events.find((e) => (e.id === c.event || e.id === `${c.event}@${c.symbol}`) && e.symbol === c.symbol);
  if (!ev || !ev.day0) return { why: `event ${c.event} has no day 0 for ${c.symbol}${ev ? ` (${ev.outcome}: ${ev.reason})` : ''}` };
  const [a, b] = c.window ?? [0, 0];
  const i0 = lastIndexOnOrBefore(series.days, parseIsoDay(ev.day0));
  const first = i0 + a;
  const last = i0 + b;
  if (first < 1 || last >= series.days.length) return { why: 'window outside the data' };
  return { first, last };
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
  const rows = rowsOf(c, series, events);
  if ('why' in rows) return { value: null, why: rows.why, basis: '' };
  const { first, last } = rows;
  const baseClose = series.close[first - 1];
  const baseDate = formatDay(series.days[first - 1]);
  if (c.measure === 'rawReturn') {
    return {
      value: series.close[last] / baseClose - 1,
      why: '',
      basis: `close ${baseDate} ${baseClose} → close ${formatDay(series.days[last])} ${series.close[last]}`,
    };
  }
  if (c.measure === 'minLowReturn') {
    // "一度跌超9%": the day's (window's) lowest traded price against the close before it.
    if (!series.low) return { value: null, why: 'the price file has no low column', basis: '' };
    let worst = Infinity;
    let at = first;
    for (let r = first; r <= last; r++) if (series.low[r] < worst) ((worst = series.low[r]), (at = r));
    return { value: worst / baseClose - 1, why: '', basis: `close ${baseDate} ${baseClose} → low ${formatDay(series.days[at])} ${worst}` };
  }
  if (!series.high) return { value: null, why: 'the price file has no high column', basis: '' };
  let best = -Infinity;
  let at = first;
  for (let r = first; r <= last; r++) if (series.high[r] > best) ((best = series.high[r]), (at = r));
  return { value: best / baseClose - 1, why: '', basis: `close ${baseDate} ${baseClose} → high ${formatDay(series.days[at])} ${best}` };
}

type SeriesOk = Extract<ReturnType<ClaimContext['series']>, { ok: true }>;

/**
 * "报46.7元": a price level on one day, `at: close` (the day's close) or `at: intraday` (some trade
 * that day: claimed within [low, high]; ours is the traded price nearest the claim). Adjusted
 * prices are not traded prices, so an adjusted series is read only through its unadjusted sibling
 * on that date; without one the claim cannot be checked. `tolerance` is in currency units here
 * (0.005 = half a fen: a price is quoted to the fen).
 *
 * @example 300418.SZ 2023-04-11 close 46.7 (prices/cn/unadjusted/300418.csv): claimed 46.7, at close → confirmed
 */
function checkPrice(c: Claim, s: SeriesOk, events: readonly ClaimEvent[], base: Omit<ClaimResultJson, 'ours' | 'verdict' | 'explanation' | 'basis'>): ClaimResultJson {
  const cannot = (why: string): ClaimResultJson => ({ ...base, ours: null, verdict: 'cannot-check', explanation: why, basis: '—' });
  const at = c.at ?? 'close';
  const adjusted = s.adjustmentNote !== undefined;
  const onAdjusted = rowsOf(c, s.series, events);
  if ('why' in onAdjusted) return cannot(onAdjusted.why);
  const day = s.series.days[onAdjusted.last];
  let series = s.series;
  let describe = s.describe;
  let r = onAdjusted.last;
  if (adjusted) {
    const t = s.traded;
    const k = t ? Array.prototype.indexOf.call(t.series.days, day) : -1;
    if (!t || k < 0)
      return cannot(
        `a price level on ${formatDay(day)}: ${s.describe} are adjusted prices, not the traded ones, and ${t ? `the unadjusted series (${t.describe}) has no row for that date` : 'the manifest has no unadjusted series for this listing'}`,
      );
    ((series = t.series), (describe = t.describe), (r = k));
  }
  const d = formatDay(day);
  let ours: number;
  let basis: string;
  if (at === 'close') {
    ours = series.close[r];
    basis = `close ${d} ${ours}`;
  } else {
    if (!series.low || !series.high) return cannot('the price file has no high/low columns for an intraday price');
    const lo = series.low[r];
    const hi = series.high[r];
    ours = Math.min(hi, Math.max(lo, c.claimed));
    basis = `range ${d} low ${lo} – high ${hi}`;
  }
  const diff = ours - c.claimed;
  const fmt = (x: number) => x.toFixed(2);
  let verdict: ClaimResultJson['verdict'];
  if (c.comparison === 'at-least') verdict = ours >= c.claimed - c.tolerance ? 'confirmed' : 'not-confirmed';
  else if (c.comparison === 'at-most') verdict = ours <= c.claimed + c.tolerance ? 'confirmed' : 'not-confirmed';
  else if (c.comparison === 'nearly') verdict = diff <= 0 && -diff <= c.tolerance ? 'confirmed' : Math.abs(diff) <= c.tolerance ? 'approximately' : 'not-confirmed';
  else verdict = Math.abs(diff) <= c.tolerance ? 'confirmed' : Math.abs(diff) <= 10 * c.tolerance ? 'approximately' : 'not-confirmed';
  const explanation =
    at === 'intraday'
      ? Math.abs(diff) <= 1e-9
        ? `${fmt(c.claimed)} lies within the day's traded range`
        : `${fmt(c.claimed)} is outside the day's traded range by ${fmt(Math.abs(diff))}`
      : Math.abs(diff) <= 1e-9
        ? `the close is ${fmt(ours)}, as claimed`
        : `the close ${fmt(ours)} differs from the claimed ${fmt(c.claimed)} by ${fmt(Math.abs(diff))}`;
  return { ...base, ours, verdict, explanation: adjusted ? `${explanation} (traded prices from the unadjusted series; the study's series is adjusted)` : explanation, basis: `${basis} (${describe})` };
}
