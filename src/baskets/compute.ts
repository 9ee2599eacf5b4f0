/**
 * One basket over one period: members from the price store, weight bases, the index path on the
 * union calendar, and the comparison metrics, as a `BasketResultJson` (see json.ts for every
 * field's definition). The numerics are in calendar.ts, weights.ts, series.ts and metrics.ts; this
 * module decides which member takes part and says why when one does not.
 *
 * Period convention (as for the study's periods and the article's claims): `from` is the base date,
 * whose close is the starting value (2022-12-30 for 2023 year to date), `to` the last close.
 */
import { alignToDays, alignedReturns } from '../core/returns.js';
import { lastIndexOnOrBefore, periodReturn } from '../core/moves.js';
import type { PriceSeries, PriceStore } from '../data/prices/index.js';
import { formatDay, parseIsoDay } from '../util/dayNumber.js';
import { ConfigError } from '../util/errors.js';
import { periodCalendar } from './calendar.js';
import type { BasketResultJson, BenchmarkJson, FloatCapJson, MemberResultJson } from './json.js';
import { loadMember } from './members.js';
import { A_SHARE_TRADING_DAYS, annualisedVolatility, betaCorrelation, maxDrawdown, totalReturn } from './metrics.js';
import type { BasketDefinition, Weighting } from './schema.js';
import { buyAndHold, dailyRebalanced, SUSPENSION_GAP_DAYS, type BasketPath, type MemberColumns } from './series.js';
import { relativeWeight, turnoverRounding, weightBasis } from './weights.js';

export interface BasketPeriod {
  /** Base date YYYY-MM-DD: its close (or the last close before it) is the start value. */
  from: string;
  /** Last date YYYY-MM-DD: the last close on or before it is the end value. */
  to: string;
}

export interface ComputeOptions {
  /** Overrides the file's weighting (`--weighting`); custom weights cannot be given this way. */
  weighting?: Exclude<Weighting, 'custom'>;
  /** Repository root: file paths in the output are made relative to it. */
  root?: string;
  periodsPerYear?: number;
}

/** Numbers for JSON: NaN and infinities become null. */
const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);

interface Candidate {
  index: number;
  symbol: string;
  name: string | null;
  file: string;
  series: PriceSeries;
  basis: Float64Array;
}

export function parsePeriod(period: BasketPeriod): { fromDay: number; toDay: number } {
  const fromDay = parseIsoDay(period.from);
  const toDay = parseIsoDay(period.to);
  if (!Number.isFinite(fromDay)) throw new ConfigError('must be a real date YYYY-MM-DD', { field: 'from', value: period.from });
  if (!Number.isFinite(toDay)) throw new ConfigError('must be a real date YYYY-MM-DD', { field: 'to', value: period.to });
  if (toDay <= fromDay) throw new ConfigError(`must be after from (${period.from})`, { field: 'to', value: period.to });
  return { fromDay, toDay };
}

export function computeBasket(def: BasketDefinition, store: PriceStore, period: BasketPeriod, opts: ComputeOptions = {}): BasketResultJson {
  const { fromDay, toDay } = parsePeriod(period);
  const weighting: Weighting = opts.weighting ?? def.weighting;
  const perYear = opts.periodsPerYear ?? A_SHARE_TRADING_DAYS;
  const details: MemberResultJson[] = def.members.map((symbol) => emptyMember(symbol));
  const notes: string[] = [];
  if (opts.weighting && opts.weighting !== def.weighting) notes.push(`weighting ${opts.weighting} used instead of the file's ${def.weighting} (command-line override)`);

  // 1. Members with prices in the period, each with its weight basis per row.
  const candidates: Candidate[] = [];
  def.members.forEach((symbol, index) => {
    const d = details[index];
    const load = loadMember(store, symbol, opts.root);
    d.name = load.name;
    if (!load.ok) return setStatus(d, 'no-data', load.reason);
    d.file = load.file;
    const s = load.series;
    const n = s.days.length;
    if (n === 0) return setStatus(d, 'no-data', `no rows in ${load.file}`);
    if (s.days[0] > toDay) return setStatus(d, 'no-data', `first row ${formatDay(s.days[0])} is after the period end ${period.to}`);
    if (s.days[n - 1] <= fromDay) return setStatus(d, 'no-data', `last row ${formatDay(s.days[n - 1])} is on or before the base date ${period.from}: no return in the period`);
    const basis = weightBasis(s, weighting, relativeWeight(def.weights, symbol));
    if (!basis.ok) return setStatus(d, 'excluded', `${basis.reason} (${load.file})`);
    candidates.push({ index, symbol, name: load.name, file: load.file, series: s, basis: basis.basis });
  });

  const base = resultShell(def, weighting, period, perYear, details, notes);
  if (candidates.length === 0) {
    notes.push('no member has prices in the period: nothing to compute');
    return finish(base, def, store, null, opts, perYear);
  }
  const cal = periodCalendar(
    candidates.map((c) => c.series.days),
    fromDay,
    toDay,
  );
  const calendar = cal.days;
  if (!cal.baseOnOrBeforeFrom) notes.push(`no member traded on or before ${period.from}: the basket starts at the close of ${formatDay(calendar[0])}`);
  const baseDay = calendar[0];

  // 2. The path, by rebalancing rule.
  let path: BasketPath;
  if (def.rebalancing === 'none') {
    const held: Candidate[] = [];
    for (const c of candidates) {
      const d = details[c.index];
      const r0 = lastIndexOnOrBefore(c.series.days, baseDay);
      if (r0 < 0) {
        setStatus(
          d,
          'excluded',
          `listed ${formatDay(c.series.days[0])} (first row), after the base close of ${formatDay(baseDay)}: a buy-and-hold basket is bought at the base close and cannot hold it (rebalancing: daily would add it from its first return)`,
        );
        continue;
      }
      if (!(c.basis[r0] > 0)) {
        setStatus(d, 'excluded', `no float cap (amount / turnover rate) on or before ${formatDay(c.series.days[r0])}`);
        continue;
      }
      held.push(c);
    }
    if (held.length === 0) {
      notes.push('no member can be held from the base close');
      return finish(base, def, store, null, opts, perYear);
    }
    const p = buyAndHold(calendar, held.map(columns));
    held.forEach((c, j) => {
      const d = details[c.index];
      const s = c.series;
      d.status = 'included';
      d.weight = p.weights[j];
      d.return = fin(p.memberReturns[j]);
      d.contribution = fin(p.contributions[j]);
      Object.assign(d, rowsUsed(s, p.baseRows[j], p.endRows[j]));
      if (weighting === 'float-cap') d.floatCap = capInfo(s, p.baseRows[j]);
      d.flags.push(...absenceFlags(calendar, s.days, 'carried at its last close'));
    });
    path = p;
  } else {
    const p = dailyRebalanced(calendar, candidates.map(columns));
    candidates.forEach((c, j) => {
      const d = details[c.index];
      const s = c.series;
      if (p.daysHeld[j] === 0) {
        setStatus(d, 'excluded', `no return in the period on the basket's days (first row ${formatDay(s.days[0])}, last ${formatDay(s.days[s.days.length - 1])})`);
        return;
      }
      const firstRow = s.days.indexOf(calendar[p.firstHeld[j]]);
      const lastRow = lastIndexOnOrBefore(s.days, calendar[calendar.length - 1]);
      d.status = s.days[0] > baseDay ? 'joined-late' : 'included';
      if (d.status === 'joined-late')
        d.reason = `listed ${formatDay(s.days[0])} (first row), after the base close of ${formatDay(baseDay)}: held from its first return on ${formatDay(calendar[p.firstHeld[j]])} (the listing day has no previous close)`;
      d.weight = p.meanWeights[j];
      d.return = fin(p.memberReturns[j]);
      d.contribution = fin(p.contributions[j]);
      d.daysHeld = p.daysHeld[j];
      Object.assign(d, rowsUsed(s, firstRow - 1, lastRow));
      if (weighting === 'float-cap') d.floatCap = capInfo(s, firstRow - 1);
      d.flags.push(...absenceFlags(calendar, s.days, 'left out on those days, weights renormalised over the others'));
      if (p.gapReturns[j] > 0)
        d.flags.push(`${p.gapReturns[j]} return(s) span more than ${SUSPENSION_GAP_DAYS} calendar days (resumption after a suspension): counted on the resumption day`);
    });
    path = p;
  }
  return finish(base, def, store, path, opts, perYear);
}

function columns(c: Candidate): MemberColumns {
  return { days: c.series.days, close: c.series.close, basis: c.basis };
}

function emptyMember(symbol: string): MemberResultJson {
  return {
    symbol,
    name: null,
    status: 'no-data',
    reason: null,
    weight: null,
    return: null,
    contribution: null,
    fromDate: null,
    toDate: null,
    fromClose: null,
    toClose: null,
    flags: [],
  };
}

function setStatus(d: MemberResultJson, status: MemberResultJson['status'], reason: string): void {
  d.status = status;
  d.reason = reason;
}

function rowsUsed(s: PriceSeries, fromRow: number, toRow: number): Pick<MemberResultJson, 'fromDate' | 'toDate' | 'fromClose' | 'toClose'> {
  const ok = (r: number) => r >= 0 && r < s.days.length;
  return {
    fromDate: ok(fromRow) ? formatDay(s.days[fromRow]) : null,
    toDate: ok(toRow) ? formatDay(s.days[toRow]) : null,
    fromClose: ok(fromRow) ? fin(s.close[fromRow]) : null,
    toClose: ok(toRow) ? fin(s.close[toRow]) : null,
  };
}

/** The AKShare row behind a float-cap weight: the last row on or before `row` with a usable cap. */
function capInfo(s: PriceSeries, row: number): FloatCapJson | undefined {
  if (!s.amount || !s.turnoverRate) return undefined;
  for (let r = row; r >= 0; r--) {
    const a = s.amount[r];
    const t = s.turnoverRate[r];
    if (a > 0 && t > 0) return { date: formatDay(s.days[r]), amount: a, turnoverRate: t, floatCap: a / (t / 100), roundingBound: turnoverRounding(t) };
  }
  return undefined;
}

/**
 * Basket days (after the base day) inside the member's own date range on which it has no row
 * (suspension), and basket days after its last row (data end): each named, never hidden.
 */
function absenceFlags(calendar: Int32Array, days: Int32Array, treatment: string): string[] {
  const first = days[0];
  const last = days[days.length - 1];
  const missing: number[] = [];
  let after = 0;
  let j = 0;
  for (let k = 1; k < calendar.length; k++) {
    const d = calendar[k];
    if (d < first) continue;
    if (d > last) {
      after++;
      continue;
    }
    while (j < days.length && days[j] < d) j++;
    if (days[j] !== d) missing.push(d);
  }
  const out: string[] = [];
  if (missing.length)
    out.push(
      `no row on ${missing.length} basket day(s) (suspended; ${missing.slice(0, 3).map(formatDay).join(', ')}${missing.length > 3 ? ', ...' : ''}): ${treatment}`,
    );
  if (after) out.push(`data end ${formatDay(last)}: no row on the last ${after} basket day(s), ${treatment}`);
  return out;
}

function resultShell(
  def: BasketDefinition,
  weighting: Weighting,
  period: BasketPeriod,
  perYear: number,
  details: MemberResultJson[],
  notes: string[],
): BasketResultJson {
  return {
    id: def.id,
    name: def.name,
    description: def.description ?? null,
    members: [...def.members],
    weighting,
    ...(weighting !== def.weighting ? { weightingDefined: def.weighting } : {}),
    rebalancing: def.rebalancing,
    period: { from: period.from, to: period.to, baseDate: null, endDate: null, days: 0 },
    totalReturn: null,
    volatility: null,
    periodsPerYear: perYear,
    maxDrawdown: null,
    maxDrawdownPeak: null,
    maxDrawdownTrough: null,
    maxDrawdownRecovery: null,
    beta: null,
    correlation: null,
    betaDays: 0,
    excessReturn: null,
    benchmark: { symbol: def.benchmark, name: null, totalReturn: null, volatility: null, fromDate: null, toDate: null, fromClose: null, toClose: null },
    bestMember: null,
    worstMember: null,
    contributionSum: null,
    memberDetails: details,
    missingMembers: [],
    published: def.published ?? null,
    series: { dates: [], basket: [], benchmark: [], members: [] },
    notes,
  };
}

/** Metrics of the path, the benchmark beside it, best/worst members and the missing-member list. */
function finish(
  out: BasketResultJson,
  def: BasketDefinition,
  store: PriceStore,
  path: BasketPath | null,
  opts: ComputeOptions,
  perYear: number,
): BasketResultJson {
  out.missingMembers = out.memberDetails
    .filter((d) => d.status === 'no-data' || d.status === 'excluded')
    .map((d) => ({ symbol: d.symbol, status: d.status, reason: d.reason ?? 'unknown' }));
  const bench = loadMember(store, def.benchmark, opts.root);
  if (!bench.ok) out.benchmark.reason = bench.reason;
  else out.benchmark.name = bench.name;
  if (!path) {
    if (bench.ok) out.benchmark.reason = 'no basket path to compare with';
    return out;
  }
  const { days, level, returns } = path;
  const n = days.length;
  out.period.baseDate = formatDay(days[0]);
  out.period.endDate = formatDay(days[n - 1]);
  out.period.days = n - 1;
  out.totalReturn = fin(totalReturn(level));
  out.volatility = fin(annualisedVolatility(returns, perYear));
  const dd = maxDrawdown(level);
  out.maxDrawdown = fin(dd.value);
  out.maxDrawdownPeak = dd.peak >= 0 ? formatDay(days[dd.peak]) : null;
  out.maxDrawdownTrough = dd.trough >= 0 ? formatDay(days[dd.trough]) : null;
  out.maxDrawdownRecovery = dd.recovery >= 0 ? formatDay(days[dd.recovery]) : null;

  let benchCum: (number | null)[] = days.length ? Array.from(days, () => null) : [];
  if (bench.ok) {
    const b = bench.series;
    const pr = periodReturn(b.days, b.close, days[0] + 1, days[n - 1]);
    const bRet = alignedReturns(days, b.days, b.close);
    const bj: BenchmarkJson = out.benchmark;
    bj.totalReturn = fin(pr.value);
    bj.volatility = fin(annualisedVolatility(bRet, perYear));
    bj.fromDate = pr.fromDate;
    bj.toDate = pr.toDate;
    bj.fromClose = fin(pr.fromClose);
    bj.toClose = fin(pr.toClose);
    if (pr.fromDate !== out.period.baseDate || pr.toDate !== out.period.endDate)
      bj.reason = `benchmark closes of ${pr.fromDate} and ${pr.toDate} against basket days ${out.period.baseDate} and ${out.period.endDate}`;
    const bc = betaCorrelation(returns, bRet);
    out.beta = fin(bc.beta);
    out.correlation = fin(bc.correlation);
    out.betaDays = bc.n;
    out.excessReturn = out.totalReturn !== null && bj.totalReturn !== null ? out.totalReturn - bj.totalReturn : null;
    const aligned = alignToDays(days, b.days, b.close);
    benchCum = Array.from(aligned, (c) => fin(c / pr.fromClose - 1));
  }
  out.series = {
    dates: Array.from(days, formatDay),
    basket: Array.from(level, (l) => fin(l / level[0] - 1)),
    benchmark: benchCum,
    members: Array.from(path.active),
  };

  const held = out.memberDetails.filter((d) => (d.status === 'included' || d.status === 'joined-late') && d.return !== null);
  if (held.length) {
    const best = held.reduce((a, b) => (b.return! > a.return! ? b : a));
    const worst = held.reduce((a, b) => (b.return! < a.return! ? b : a));
    out.bestMember = { symbol: best.symbol, name: best.name, return: best.return! };
    out.worstMember = { symbol: worst.symbol, name: worst.name, return: worst.return! };
    out.contributionSum = held.reduce((s, d) => s + (d.contribution ?? 0), 0);
  }
  return out;
}
