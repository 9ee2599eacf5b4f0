/**
 * The event-study pipeline for one study: align each event to its listing's own day 0, fit the
 * normal-return model on the event's own estimation window, compute per-event ARs, CARs, BHARs and
 * raw moves, then aggregate across events (overall and per group) with the test battery.
 *
 * Every event gets an outcome and a reason; only `ok` / `shifted` events enter the aggregate, once
 * per listing and day 0, and under `listings: primary | average` once per firm-announcement
 * (listings.ts); each result says whether it is in (`inAggregate`) and why not.
 * Results are keyed by the event's id, never by ticker.
 */
import { formatDay as formatDayUncached } from '../util/dayNumber.js';
import { DataError, EvstudyError } from '../util/errors.js';
import type { EventResultJson, AggregateJson, Outcome } from '../report/schema.js';
import type { DataProvider, EngineSettings, ListingsMode, SecurityData, StudyEvent, RegressorSet } from './types.js';
import { AVERAGE_RULE, PRIMARY_RULE, markAggregateMembership, setAsideSecondaryListings } from './listings.js';
import { fitEventModel } from './fit.js';
import { alignEvent, type Aligned } from './align.js';
import { aggregatePanel, type AggregateOptions } from './aggregate.js';
import { defaultThreads, parallelThreshold, warmWorkers } from './parallel.js';
import { priceLimitFlags } from './limits.js';
import { gapFlags } from '../core/returns.js';
import { indexOfDay, lowerBound } from '../calendar/index.js';
import { abnormalReturns, carWindow, perEventInput, rawReturn, maxHighReturn, minLowReturn, twoSidedTPValue, type PerEventInput } from '../core/index.js';
import { scaleGapDays, weekdaySessions } from '../core/gapScale.js';
import { rSquared } from '../core/rSquared.js';
import type { FittedModel } from '../core/models/types.js';
import { win } from '../report/format.js';

export interface EngineResult {
  events: EventResultJson[];
  aggregate: AggregateJson;
  groups: { group: string; unit?: 'listing' | 'firm-announcement'; aggregate: AggregateJson }[];
  notes: string[];
  /** The unit of observation when the settings name a listings mode (study runs). */
  listings?: { mode: ListingsMode; rule: string; observations: number; setAside: number; separate: AggregateJson | null };
}

interface Computed {
  json: EventResultJson;
  row: PerEventInput | null;
  /** Trading-day rows of day 0 and the window, for overlap checks. */
  symbol: string;
  day0: number | null;
  windowDays: [number, number] | null;
  estDays: [number, number] | null;
  /** Id of the event of the same listing and day 0 that stands for this one in the aggregate. */
  duplicateOf?: string;
}

export interface EngineProgress {
  (done: number, total: number): void;
}

/** How to run, not what to compute: results are the same for any value. */
export type EngineOptions = AggregateOptions;

/**
 * Dates as text, memoized: every event prints ~40 dates (its window's days, estimation bounds,
 * CAR windows) from a few hundred distinct trading days, and Date#toISOString dominated the
 * per-event cost of a market-wide study.
 */
const dayText = new Map<number, string>();
function formatDay(day: number): string {
  let s = dayText.get(day);
  if (s === undefined) {
    s = formatDayUncached(day);
    if (dayText.size > 100_000) dayText.clear();
    dayText.set(day, s);
  }
  return s;
}

/**
 * The event-study engine on any data a DataProvider describes: day 0 per event, the normal-return
 * model fitted on the estimation window, abnormal returns, CARs, and the aggregate with every test.
 *
 * @example
 * import { runEngine, DEFAULT_SETTINGS } from 'evstudy';
 * const { events, aggregate } = runEngine(myEvents, myProvider, { ...DEFAULT_SETTINGS, model: 'mean' });
 */
export function runEngine(
  events: StudyEvent[],
  provider: DataProvider,
  settings: EngineSettings,
  progress?: EngineProgress,
  options: EngineOptions = {},
): EngineResult {
  // A large study aggregates on worker threads: start them now, they load while events are fitted.
  const threads = options.threads ?? defaultThreads();
  if (threads > 1 && events.length >= parallelThreshold()) warmWorkers(threads);
  const computed: Computed[] = [];
  const secCache = new Map<string, ReturnType<DataProvider['security']>>();
  const secOf = (symbol: string): ReturnType<DataProvider['security']> => {
    let sec = secCache.get(symbol);
    if (!sec) {
      sec = provider.security(symbol);
      secCache.set(symbol, sec);
    }
    return sec;
  };
  // Dropping other events' windows from an estimation sample needs every event's day 0 first.
  const drop = settings.estimationContamination !== 'keep';
  const pre = drop ? events.map((ev) => preAlign(ev, secOf(ev.symbol), settings)) : [];
  const day0s = drop ? listingDay0s(events, pre) : null;
  events.forEach((ev, i) => {
    computed.push(runOne(ev, secOf(ev.symbol), provider, settings, pre[i], day0s?.get(ev.symbol)));
    progress?.(i + 1, events.length);
  });
  const eligible = computed.map((c) => c.row !== null);
  const notes = flagOverlaps(computed, settings);
  const everyListing = computed.filter((c) => c.row !== null).map((c) => c.row as PerEventInput);
  // Each listing's own row before cross-listings are set aside or averaged: a market's group counts
  // every listing trading there (one per firm within a market), before the firm-level pooling.
  const listingRows = computed.map((c) => c.row);
  const aside =
    settings.listings === 'primary' || settings.listings === 'average'
      ? setAsideSecondaryListings(events, computed, eligible, settings.listings)
      : { setAside: 0, secondaryOf: new Map<number, string>(), averageOf: new Map<number, string[]>() };
  markAggregateMembership(computed, eligible, aside.secondaryOf, aside.averageOf);

  const included = computed.filter((c) => c.row !== null);
  const aggregate = aggregatePanel(
    included.map((c) => c.row as PerEventInput),
    settings,
    { ...options, threads },
  );
  // Groups by where listings trade (market, exchange) are per-listing results of that market, the
  // pooled aggregate the firm-level one (listings primary / average): BABA and BIDU belong in the US
  // group even though their firms' observation in the pool is the Hong Kong listing.
  const perMarket = (settings.groupBy === 'market' || settings.groupBy === 'exchange') && settings.listings !== undefined && settings.listings !== 'separate';
  const members = perMarket
    ? computed.flatMap((c, i) => (listingRows[i] !== null ? [{ group: c.json.group, row: listingRows[i] as PerEventInput }] : []))
    : included.map((c) => ({ group: c.json.group, row: c.row as PerEventInput }));
  const groupNames = [...new Set(members.map((m) => m.group).filter((g): g is string => !!g))].sort();
  const groups = groupNames.map((group) => ({
    group,
    ...(settings.listings !== undefined ? { unit: perMarket || settings.listings === 'separate' ? ('listing' as const) : ('firm-announcement' as const) } : {}),
    aggregate: aggregatePanel(
      members.filter((m) => m.group === group).map((m) => m.row),
      settings,
      { ...options, threads },
    ),
  }));
  const listings = settings.listings
    ? {
        mode: settings.listings,
        rule: settings.listings === 'average' ? AVERAGE_RULE : settings.listings === 'primary' ? PRIMARY_RULE : 'every listing is its own observation',
        observations: included.length,
        setAside: aside.setAside,
        // Robustness: the same battery with every listing as its own event (what `separate` reports).
        separate: aside.setAside > 0 ? aggregatePanel(everyListing, settings, { ...options, threads }) : null,
      }
    : undefined;
  return { events: computed.map((c) => c.json), aggregate, groups, notes, ...(listings ? { listings } : {}) };
}

/** Day 0 of an event, or undefined when runOne must find out itself (and report or throw why). */
function preAlign(ev: StudyEvent, sec: ReturnType<DataProvider['security']>, s: EngineSettings): Aligned | undefined {
  if (!sec.ok) return undefined;
  try {
    return alignEvent(ev, sec.value, s.nonTradingDay);
  } catch {
    return undefined;
  }
}

/** The events of one listing with a day 0, sorted by that row (then id). */
interface ListingDay0s {
  rows: Int32Array;
  ids: string[];
}

function listingDay0s(events: StudyEvent[], pre: (Aligned | undefined)[]): Map<string, ListingDay0s> {
  const by = new Map<string, { row: number; id: string }[]>();
  events.forEach((ev, i) => {
    const a = pre[i];
    if (!a || !a.ok) return;
    const list = by.get(ev.symbol) ?? [];
    list.push({ row: a.index, id: ev.id });
    by.set(ev.symbol, list);
  });
  const out = new Map<string, ListingDay0s>();
  for (const [symbol, list] of by) {
    list.sort((x, y) => x.row - y.row || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    out.set(symbol, { rows: Int32Array.from(list, (x) => x.row), ids: list.map((x) => x.id) });
  }
  return out;
}

/** Ids the report.json field names per event; the rest are counted. */
export const EXCLUDED_IDS = 50;

interface Contamination {
  /** Rows of the estimation window to treat as missing. */
  rows: Int32Array;
  days: number;
  eventCount: number;
  ids: string[];
}

/**
 * Rows of the estimation window [i0+e0, i0+e1] that lie in the event window of another event of the
 * same listing: that event's own price reaction (a jump, limit-up days) would otherwise enter alpha
 * and sigma as normal returns. The whole window is removed, not day 0 only, since reactions run on.
 * Null when no row is affected. Within a listing, the events whose window [r+w0, r+w1] meets
 * [from, to] are those with r in [from-w1, to-w0]: a contiguous run of the sorted rows.
 */
function contamination(listing: ListingDay0s, id: string, i0: number, n: number, s: EngineSettings): Contamination | null {
  const from = Math.max(0, i0 + s.estimation[0]);
  const to = Math.min(n - 1, i0 + s.estimation[1]);
  if (to < from) return null;
  const [w0, w1] = s.window;
  const lo = lowerBound(listing.rows, from - w1);
  const hi = lowerBound(listing.rows, to - w0 + 1);
  let mask: Uint8Array | null = null;
  let eventCount = 0;
  const ids: string[] = [];
  for (let k = lo; k < hi; k++) {
    const r = listing.rows[k];
    if (listing.ids[k] === id || r === i0) continue;
    eventCount++;
    if (ids.length < EXCLUDED_IDS) ids.push(listing.ids[k]);
    mask ??= new Uint8Array(to - from + 1);
    for (let t = Math.max(from, r + w0); t <= Math.min(to, r + w1); t++) mask[t - from] = 1;
  }
  if (!mask) return null;
  let days = 0;
  for (let i = 0; i < mask.length; i++) days += mask[i];
  const rows = new Int32Array(days);
  for (let i = 0, k = 0; i < mask.length; i++) if (mask[i]) rows[k++] = from + i;
  return { rows, days, eventCount, ids };
}

interface EstimationLimits {
  /** Rows of the estimation window whose close is at the limit price, ascending. */
  rows: Int32Array;
  up: number;
  down: number;
}

/**
 * Limit-hit rows inside the estimation window [i0+e0, i0+e1] (the event-window rule of
 * study/limits.ts, applied to the estimation rows): a censored return is not a draw from the normal
 * return distribution, so it biases alpha and sigma (Kim & Rhee 1997). Null when there is none or
 * the listing has no price limits.
 */
function estimationLimits(sec: SecurityData, i0: number, n: number, s: EngineSettings): EstimationLimits | null {
  const from = Math.max(1, i0 + s.estimation[0]);
  const to = Math.min(n - 1, i0 + s.estimation[1]);
  if (to < from) return null;
  const window = new Int32Array(to - from + 1);
  for (let k = 0; k < window.length; k++) window[k] = from + k;
  const hits = priceLimitFlags(sec, window);
  if (!hits) return null;
  let up = 0;
  let down = 0;
  for (let k = 0; k < hits.length; k++) {
    if (hits[k] > 0) up++;
    else if (hits[k] < 0) down++;
  }
  if (up + down === 0) return null;
  const rows = new Int32Array(up + down);
  for (let k = 0, j = 0; k < hits.length; k++) if (hits[k] !== 0) rows[j++] = window[k];
  return { rows, up, down };
}

interface GapReturns {
  /** Gap rows inside the estimation window and inside the event window, ascending. */
  estimation: Int32Array;
  event: Int32Array;
  /** Sessions the return spans (1 + benchmark sessions between its two closes), where known. */
  sessions: Map<number, number>;
}

/** gapFlags per listing, computed once: a market-wide study asks for each listing thousands of times. */
const calendarGaps = new WeakMap<Int32Array, Uint8Array>();
/** weekdaySessions per listing (gapReturns: scale), computed once for the same reason. */
const weekdayGaps = new WeakMap<Int32Array, Int32Array>();

/**
 * Returns in the estimation and event windows that span more than one session: a benchmark session
 * lies strictly between the listing's two closes (a halt, or a holiday of the listing's exchange
 * that the benchmark's market did not share; the listing's own holidays with its own benchmark are
 * no gap), or the two closes are more than 10 calendar days apart (gapFlags: a suspension, whatever
 * the benchmark). Such a return is a multi-day move entering with a one-day sigma. Null when none.
 * Under `gapReturns: scale` the weekdays without a close between the two closes count too (the
 * exchange's own holidays as well as halts; never weekends), since scaling the variance by the
 * sessions spanned must count every session the return covers (src/core/gapScale.ts).
 */
function gapReturns(sec: SecurityData, sessionDays: Int32Array | undefined, i0: number, n: number, s: EngineSettings): GapReturns | null {
  // Returns given as such (an ad-hoc returns table) are one-day returns whatever rows are missing
  // around them; only returns taken between two closes on the listing's own days can span a gap.
  if (!sec.close) return null;
  let cal = calendarGaps.get(sec.days);
  if (!cal) {
    cal = gapFlags(sec.days);
    calendarGaps.set(sec.days, cal);
  }
  let wk: Int32Array | undefined;
  if (s.gapReturns === 'scale') {
    wk = weekdayGaps.get(sec.days);
    if (!wk) {
      wk = weekdaySessions(sec.days);
      weekdayGaps.set(sec.days, wk);
    }
  }
  const sessions = new Map<number, number>();
  const scan = (lo: number, hi: number): Int32Array => {
    const out: number[] = [];
    for (let r = Math.max(1, lo); r <= Math.min(n - 1, hi); r++) {
      let between = 0;
      if (sessionDays) between = lowerBound(sessionDays, sec.days[r]) - lowerBound(sessionDays, sec.days[r - 1] + 1);
      if (wk) between = Math.max(between, wk[r] - 1);
      if (between > 0) sessions.set(r, between + 1);
      if (between > 0 || cal[r]) out.push(r);
    }
    return Int32Array.from(out);
  };
  const estimation = scan(i0 + s.estimation[0], i0 + s.estimation[1]);
  const event = scan(i0 + s.window[0], i0 + s.window[1]);
  return estimation.length + event.length ? { estimation, event, sessions } : null;
}

/** Rows in either list (each ascending), once each; null when both are empty or absent. */
function unionRows(a: Int32Array | null, b: Int32Array | null): Int32Array | null {
  if (!a?.length) return b?.length ? b : null;
  if (!b?.length) return a;
  return Int32Array.from(new Set([...a, ...b])).sort();
}

/**
 * One scratch copy of each listing's returns, masked for one fit and restored after it: a copy per
 * event would allocate the whole series 20,000 times in a market-wide study. No fitted model keeps
 * a reference to the series it was fitted on.
 */
const scratch = new WeakMap<Float64Array, Float64Array>();

function fitWithout(
  kind: EngineSettings['model'],
  sec: SecurityData,
  regs: RegressorSet,
  i0: number,
  s: EngineSettings,
  rows: Int32Array,
): ReturnType<typeof fitEventModel> {
  let y = scratch.get(sec.returns);
  if (!y) {
    y = Float64Array.from(sec.returns);
    scratch.set(sec.returns, y);
  }
  for (let k = 0; k < rows.length; k++) y[rows[k]] = NaN;
  try {
    return fitEventModel(kind, { ...sec, returns: y }, regs, i0, s);
  } finally {
    for (let k = 0; k < rows.length; k++) y[rows[k]] = sec.returns[rows[k]];
  }
}

function emptyResult(ev: StudyEvent, outcome: Outcome, reason: string, group: string | null, name?: string): EventResultJson {
  return {
    id: ev.id,
    eventId: ev.eventId,
    symbol: ev.symbol,
    name,
    title: ev.title,
    summary: ev.summary,
    sources: ev.sources,
    date: formatDay(ev.day),
    timing: ev.timing,
    time: ev.time,
    timezone: ev.timezone,
    day0: null,
    outcome,
    reason,
    shift: null,
    flags: [],
    group,
    model: null,
    days: [],
    windows: [],
  };
}

function groupOf(ev: StudyEvent, sec: SecurityData | null, settings: EngineSettings): string | null {
  if (ev.group) return ev.group;
  switch (settings.groupBy) {
    case 'market':
      return sec?.market ?? null;
    case 'exchange':
      return sec?.exchange ?? null;
    case 'board':
      return sec?.board ?? null;
    case 'event':
      return ev.eventId;
    default:
      return null;
  }
}

const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);

function runOne(
  ev: StudyEvent,
  secLookup: ReturnType<DataProvider['security']>,
  provider: DataProvider,
  s: EngineSettings,
  preAligned?: Aligned,
  listing?: ListingDay0s,
): Computed {
  const base = { symbol: ev.symbol, day0: null, windowDays: null, estDays: null, row: null };
  if (!secLookup.ok) {
    return { ...base, json: emptyResult(ev, 'no-price-data', secLookup.reason, groupOf(ev, null, s)) };
  }
  const sec = secLookup.value;
  const group = groupOf(ev, sec, s);
  let aligned: Aligned;
  try {
    aligned = preAligned ?? alignEvent(ev, sec, s.nonTradingDay);
  } catch (e) {
    // Policy `error` stops the study: say which event file (and line) asked for the date.
    if (e instanceof EvstudyError && ev.source && !e.location.file)
      throw new DataError(`event ${ev.id}: ${e.message}`, { file: ev.source.file, line: ev.source.line, field: 'date', value: formatDay(ev.day) });
    throw e;
  }
  if (!aligned.ok) {
    return { ...base, json: emptyResult(ev, aligned.outcome, aligned.reason, group, sec.name) };
  }
  const i0 = aligned.index;
  const n = sec.days.length;
  // estimationEndsBefore: this event's estimation window, moved earlier as a whole; every use below
  // (contamination, limit and gap scans, the fit, the r-bar overlap) then sees the moved window.
  let movedBy = 0;
  if (s.estimationEndsBefore !== undefined) {
    const lastBefore = lowerBound(sec.days, s.estimationEndsBefore) - 1;
    movedBy = Math.max(0, i0 + s.estimation[1] - lastBefore);
    if (movedBy) s = { ...s, estimation: [s.estimation[0] - movedBy, s.estimation[1] - movedBy] };
  }
  const [e0, e1] = s.estimation;
  const [w0, w1] = s.window;
  const json = emptyResult(ev, aligned.shifted ? 'shifted' : 'ok', '', group, sec.name);
  json.reason = aligned.shifted ? aligned.note : null;
  json.day0 = formatDay(sec.days[i0]);
  json.shift = aligned.note;
  if (aligned.flag) json.flags!.push(aligned.flag);
  const beforeText = movedBy ? `estimation window ends before ${formatDay(s.estimationEndsBefore!)} (estimationEndsBefore): ${win(s.estimation)}, ${movedBy} trading day(s) earlier than set` : '';
  if (beforeText) json.flags!.push(beforeText);

  const regs = provider.regressors(sec, ev);
  if (!regs.ok) {
    json.outcome = 'no-benchmark-data';
    json.reason = regs.reason;
    return { ...base, json };
  }

  const dropped = listing ? contamination(listing, ev.id, i0, n, s) : null;
  let droppedText = '';
  if (dropped) {
    json.estimationExcluded = { days: dropped.days, eventCount: dropped.eventCount, events: dropped.ids };
    droppedText = `${dropped.days} day(s) in the event window${dropped.eventCount > 1 ? 's' : ''} of ${someIds(dropped.ids.slice(0, FLAG_IDS), dropped.eventCount)}`;
    json.flags!.push(`estimation sample excludes ${droppedText}`);
  }
  const censored = estimationLimits(sec, i0, n, s);
  const excludeLimits = censored !== null && s.limitDaysInEstimation === 'exclude';
  if (censored) {
    const { up, down, rows } = censored;
    const dates = Array.from(rows.subarray(0, EXCLUDED_IDS), (r) => formatDay(sec.days[r]));
    // Limit days inside another event's window have left the sample already (estimationContamination).
    let inOtherWindows = 0;
    if (dropped)
      for (let k = 0; k < rows.length; k++) if (indexOfDay(dropped.rows, rows[k]) >= 0) inOtherWindows++;
    json.estimationLimitDays = { up, down, dates, excluded: excludeLimits, inOtherEventWindows: inOtherWindows };
    const what = [up ? `${up} limit-up` : '', down ? `${down} limit-down` : ''].filter(Boolean).join(' and ');
    const shown = someIds(dates.slice(0, FLAG_IDS), rows.length);
    const already = inOtherWindows ? ` (${inOtherWindows} of them in another event's window)` : '';
    json.flags!.push(
      `estimation window has ${what} day(s) (returns censored at the price limit): ${shown}${already}; ${excludeLimits ? 'left out of the estimation sample' : 'kept in the estimation sample (limitDaysInEstimation: keep)'}`,
    );
  }
  const spanning = gapReturns(sec, regs.value.sessionDays, i0, n, s);
  // scale: OLS cannot weight a k-session estimation return by 1/k, so those leave the sample as under exclude.
  const excludeGaps = spanning !== null && spanning.estimation.length > 0 && (s.gapReturns === 'exclude' || s.gapReturns === 'scale');
  const scaleGaps = spanning !== null && spanning.event.length > 0 && s.gapReturns === 'scale';
  if (spanning) {
    const show = (rows: Int32Array): string =>
      someIds(
        Array.from(rows.subarray(0, FLAG_IDS), (r) => `${formatDay(sec.days[r])} (from ${formatDay(sec.days[r - 1])}${spanning.sessions.get(r) ? `, ${spanning.sessions.get(r)} ${s.gapReturns === 'scale' ? 'sessions' : 'benchmark sessions'}` : ''})`),
        rows.length,
      );
    const detail = (rows: Int32Array): { date: string; from: string; sessions: number | null }[] =>
      Array.from(rows.subarray(0, EXCLUDED_IDS), (r) => ({ date: formatDay(sec.days[r]), from: formatDay(sec.days[r - 1]), sessions: spanning.sessions.get(r) ?? null }));
    json.gapReturns = {
      estimation: spanning.estimation.length,
      eventWindow: spanning.event.length,
      estimationDays: detail(spanning.estimation),
      eventWindowDays: detail(spanning.event),
      excluded: excludeGaps,
      ...(s.gapReturns === 'scale' ? { scaled: scaleGaps } : {}),
    };
    const parts: string[] = [];
    if (spanning.event.length) parts.push(`event window ${show(spanning.event)}${scaleGaps ? ', variance scaled by the sessions spanned (SAR on sigma sqrt(C + k - 1))' : ''}`);
    if (spanning.estimation.length) parts.push(`estimation window ${show(spanning.estimation)}${excludeGaps ? ', left out of the estimation sample' : ''}`);
    json.flags!.push(`gap return (spans more than one session, a one-day sigma understates its variance): ${parts.join('; ')}`);
  }
  const masked = unionRows(unionRows(dropped?.rows ?? null, excludeLimits ? censored.rows : null), excludeGaps ? spanning.estimation : null);
  const limitText = [excludeLimits ? `${censored.rows.length} limit day(s)` : '', excludeGaps ? `${spanning.estimation.length} gap return(s)` : ''].filter(Boolean).join(' and ');
  const fit = masked ? fitWithout(s.model, sec, regs.value, i0, s, masked) : fitEventModel(s.model, sec, regs.value, i0, s);
  if (!fit.ok) {
    json.outcome = 'insufficient-estimation';
    const excludedText = [droppedText, limitText].filter(Boolean).join(' and ');
    json.reason = `${fit.reason}${excludedText ? ` after excluding ${excludedText}` : ''}${beforeText ? `; ${beforeText}` : ''} (${sec.symbol} data run ${formatDay(sec.days[0])} .. ${formatDay(sec.days[n - 1])}; day 0 ${formatDay(sec.days[i0])})`;
    return { ...base, json };
  }
  const m = fit.model;
  json.model = {
    kind: s.model,
    alpha: m.alpha === undefined ? undefined : fin(m.alpha),
    beta: m.beta === undefined ? undefined : fin(m.beta),
    coefficients: m.coefficients,
    sigma: m.sigma,
    nObs: m.nObs,
    df: m.df,
    estimationFrom: formatDay(sec.days[Math.max(1, i0 + e0)]),
    estimationTo: formatDay(sec.days[Math.max(0, i0 + e1)]),
    benchmark: regs.value.label,
    ...(regs.value.source ? { benchmarkSource: regs.value.source } : {}),
    ...(m.beta !== undefined && s.model !== 'market-adjusted' ? { rSquared: fin(rSquared(sec.returns, m.estimationResiduals, m.estimation.from)) } : {}),
  };

  const abn = abnormalReturns(m, sec.returns, i0, w0, w1);
  // gapReturns: scale: a return over k sessions has k days' variance (src/core/gapScale.ts).
  let extraVar: ((a: number, b: number) => number) | undefined;
  if (scaleGaps) {
    const k = new Int32Array(abn.rows.length).fill(1);
    for (let i = 0; i < k.length; i++) k[i] = spanning.sessions.get(abn.rows[i]) ?? 1;
    extraVar = scaleGapDays(abn, k);
  }
  const limits = priceLimitFlags(sec, abn.rows);
  let outsideDays = 0;
  for (let k = 0; k < abn.rows.length; k++) {
    const r = abn.rows[k];
    if (r < 1) outsideDays++;
    const lim = limits ? limits[k] : 0;
    json.days.push({
      day: w0 + k,
      date: r >= 0 ? formatDay(sec.days[r]) : null,
      return: fin(abn.ret[k]),
      expected: fin(abn.expected[k]),
      ar: fin(abn.ar[k]),
      sar: fin(abn.sar[k]),
      ...(lim !== 0 ? { limitHit: lim } : {}),
    });
  }
  const limitDays = json.days.filter((d) => d.limitHit).map((d) => `${d.date} ${d.limitHit! > 0 ? 'limit-up' : 'limit-down'}`);
  if (limitDays.length) json.flags!.push(`price limit hit (observed return censored): ${limitDays.join(', ')}`);

  const windows: [number, number][] = s.carWindows.some(([a, b]) => a === 0 && b === 0) ? s.carWindows : [...s.carWindows, [0, 0]];
  // The [0,0] move is always reported: claims like "next-day intraday high" refer to it.
  for (const [a, b] of windows) json.windows.push(windowStats(sec, m, i0, a, b, s, regs.value.columns.market, extraVar));
  if (limits) extendPastLimits(json, limits, m, sec, i0, s, extraVar);
  const drift = alphaDriftFlag(json, m.alpha);
  if (drift) json.flags!.push(drift);

  const d0 = json.days.find((d) => d.day === 0);
  if (d0 && d0.ar === null && outsideDays === 0)
    json.flags!.push(`no AR on day 0 (${d0.date}): the return or the benchmark value is missing that day`);
  const gaps = json.windows.filter((w) => (w.missingDays ?? 0) > 0 && outsideDays === 0);
  if (gaps.length)
    json.flags!.push(`missing days: ${gaps.map((w) => `CAR ${win(w.window)} not computed (${w.missingDays} day(s) without an AR)`).join('; ')}`);
  if (outsideDays > 0) {
    json.outcome = 'window-gap';
    json.reason = `event window ${win(s.window)} runs ${outsideDays} trading day(s) past the data (${formatDay(sec.days[0])}..${formatDay(sec.days[n - 1])}); per-event figures shown where data exist, excluded from the aggregate`;
    return { ...base, json };
  }
  const row = perEventInput(m, abn, sec.days, sec.returns);
  if (extraVar) {
    const base = row.windowVariance;
    row.windowVariance = (a, b) => base(a, b) + m.sigma2 * extraVar!(a, b);
  }
  return {
    json,
    row,
    symbol: ev.symbol,
    day0: sec.days[i0],
    windowDays: [sec.days[i0 + w0], sec.days[i0 + w1]],
    estDays: [sec.days[Math.max(0, i0 + e0)], sec.days[Math.max(0, i0 + e1)]],
  };
}

/**
 * A CAR window ending on a limit day stops while the price is still held back: the reaction runs on
 * (Kim & Rhee 1997). Measure it again to the first day of the event window whose close is off the
 * limit, beside the window as asked, and say so in a flag.
 */
function extendPastLimits(
  json: EventResultJson,
  limits: Int8Array,
  m: FittedModel,
  sec: SecurityData,
  i0: number,
  s: EngineSettings,
  extraVar?: (a: number, b: number) => number,
): void {
  const [w0, w1] = s.window;
  const said: string[] = [];
  for (const w of json.windows) {
    const [a, b] = w.window;
    if (b < w0 || b > w1 || limits[b - w0] === 0) continue;
    let to = b;
    while (to < w1 && limits[to - w0] !== 0) to++;
    const stillBinding = limits[to - w0] !== 0;
    const c = carWindow(m, sec.returns, i0, a, to);
    if (extraVar && Number.isFinite(c.car)) c.carT = c.car / Math.sqrt(c.carVar + m.sigma2 * extraVar(a, to));
    const complete = c.missing === 0;
    w.limitExtended = { to, car: complete ? fin(c.car) : null, carT: complete ? fin(c.carT) : null, stillBinding };
    const pct = complete && Number.isFinite(c.car) ? `${c.car >= 0 ? '+' : ''}${(c.car * 100).toFixed(2)}%${Number.isFinite(c.carT) ? ` (t ${c.carT.toFixed(2)})` : ''}` : 'not computed';
    said.push(`CAR ${win([a, b])} to ${win([a, to])} ${pct}${stillBinding ? ', limit still binding at the window end' : ''}`);
  }
  if (said.length) json.flags!.push(`window ends on a limit day, measured on until the limit stops binding (Kim & Rhee 1997): ${said.join('; ')}`);
}

function windowStats(
  sec: SecurityData,
  m: FittedModel,
  i0: number,
  a: number,
  b: number,
  s: EngineSettings,
  market?: Float64Array,
  extraVar?: (a: number, b: number) => number,
): EventResultJson['windows'][number] {
  const n = sec.days.length;
  const c = carWindow(m, sec.returns, i0, a, b);
  if (extraVar && Number.isFinite(c.car)) {
    // Multi-session returns in the window (gapReturns: scale) add sigma^2 (k - 1) each.
    c.carVar += m.sigma2 * extraVar(a, b);
    c.carT = c.car / Math.sqrt(c.carVar);
    c.carP = twoSidedTPValue(c.carT, m.df);
  }
  const complete = c.missing === 0;
  const first = i0 + a;
  const last = i0 + b;
  const inData = first >= 1 && last < n;
  let raw = NaN;
  let hi = NaN;
  let lo = NaN;
  if (inData && sec.close) {
    raw = rawReturn(sec.close, first, last);
    if (sec.high) hi = maxHighReturn(sec.high, sec.close, first, last);
    if (sec.low) lo = minLowReturn(sec.low, sec.close, first, last);
  } else if (inData) {
    // Returns given without prices: the raw move compounds them.
    let g = 1;
    for (let r = first; r <= last; r++) g *= s.returnType === 'log' ? Math.exp(sec.returns[r]) : 1 + sec.returns[r];
    raw = g - 1;
  }
  return {
    window: [a, b],
    car: complete ? fin(c.car) : null,
    carVar: complete ? fin(c.carVar) : null,
    carT: complete ? fin(c.carT) : null,
    carP: complete ? fin(c.carP) : null,
    // Buy-and-hold compounding is defined on simple returns only (Barber & Lyon 1997).
    bhar: complete && s.returnType !== 'log' ? fin(c.bhar) : null,
    rawReturn: fin(raw),
    maxHighReturn: fin(hi),
    minLowReturn: fin(lo),
    missingDays: c.missing,
    marketAdjustedCar: market ? fin(marketAdjustedCar(sec.returns, market, first, last)) : null,
    alphaDrift: m.alpha === undefined ? null : fin(m.alpha * (b - a + 1)),
    fromDate: first >= 1 && first - 1 < n ? formatDay(sec.days[first - 1]) : null,
    toDate: last >= 0 && last < n ? formatDay(sec.days[last]) : null,
  };
}

/**
 * Sum of R_i - R_m over the window rows: the market-adjusted CAR (alpha = 0, beta = 1). It needs
 * no estimation window, so a drift in the fitted alpha (an estimation window inside a rally) cannot
 * reach it; beta = 1 rather than the fitted beta keeps it free of every estimated parameter. NaN
 * when a day of the window has no return or no benchmark return, or the window leaves the data.
 */
function marketAdjustedCar(y: Float64Array, market: Float64Array, first: number, last: number): number {
  if (first < 1 || last >= y.length) return NaN;
  let sum = 0;
  for (let r = first; r <= last; r++) sum += y[r] - market[r];
  return sum;
}

/** |alpha| x window length above which the alpha projected into a CAR window is flagged. */
export const ALPHA_DRIFT_LIMIT = 0.05;

/**
 * The fitted alpha is subtracted on every day of a CAR window: an estimation window inside a rally
 * (alpha +1%/day) takes 11% off an 11-day CAR with no news in it. Say so per window where
 * |alpha| x length exceeds 5%, beside the market-adjusted CAR that has no alpha in it.
 */
function alphaDriftFlag(json: EventResultJson, alpha: number | undefined): string | null {
  if (alpha === undefined || !Number.isFinite(alpha)) return null;
  const said: string[] = [];
  for (const w of json.windows) {
    const d = w.alphaDrift;
    if (d === null || d === undefined || Math.abs(d) <= ALPHA_DRIFT_LIMIT) continue;
    const len = w.window[1] - w.window[0] + 1;
    const ma = w.marketAdjustedCar === null || w.marketAdjustedCar === undefined ? '' : ` (market-adjusted CAR ${pctSigned(w.marketAdjustedCar)}, model CAR ${w.car === null ? 'not computed' : pctSigned(w.car)})`;
    said.push(`CAR ${win(w.window)}: alpha ${pctSigned(alpha, 3)}/day over ${len} days = ${pctSigned(-d)} of the CAR${ma}`);
  }
  return said.length ? `alpha drift: ${said.join('; ')}` : null;
}

const pctSigned = (x: number, digits = 2): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(digits)}%`;

/** How many ids a flag or note names; the rest are a count, so output grows with events, not pairs. */
export const FLAG_IDS = 5;

/** `a, b, c and 7 more`: the first ids (or dates) and a count of the rest. */
function someIds(ids: string[], total: number): string {
  return ids.join(', ') + (total > ids.length ? ` and ${total - ids.length} more` : '');
}

/**
 * Two events of one listing whose windows overlap measure the same days: both are flagged, and
 * when they share day 0 only the first (by id) enters the aggregate, since counting one
 * observation twice breaks the independence every cross-sectional test assumes.
 *
 * Each event gets at most one flag of each kind (a count and the first few ids), found by a sort
 * and binary searches per listing: one flag per pair made 1,000 same-day events a 56 MB report.
 * Within one listing the window bounds rise with day 0, so the events overlapping one are a
 * contiguous run of the sorted list.
 */
function flagOverlaps(computed: Computed[], s: EngineSettings): string[] {
  const notes: string[] = [];
  const bySymbol = new Map<string, Computed[]>();
  for (const c of computed) {
    if (c.day0 === null || c.windowDays === null) continue;
    const list = bySymbol.get(c.symbol) ?? [];
    list.push(c);
    bySymbol.set(c.symbol, list);
  }
  for (const [symbol, list] of bySymbol) {
    list.sort((x, y) => x.day0! - y.day0! || (x.json.id < y.json.id ? -1 : x.json.id > y.json.id ? 1 : 0));
    const n = list.length;
    if (n < 2) continue;
    const day0 = Float64Array.from(list, (c) => c.day0!);
    const w0 = Float64Array.from(list, (c) => c.windowDays![0]);
    const w1 = Float64Array.from(list, (c) => c.windowDays![1]);
    const ids = (from: number, to: number, skip: number): string[] => {
      const out: string[] = [];
      for (let k = from; k < to && out.length < FLAG_IDS; k++) if (k !== skip) out.push(list[k].json.id);
      return out;
    };
    for (let i = 0; i < n; i++) {
      const c = list[i];
      // Others overlapping i: from the first whose window ends on/after i's start to the last
      // whose window starts on/before i's end.
      const from = lowerBound(w1, w0[i]);
      const to = lowerBound(w0, w1[i] + 1);
      const count = to - from - 1;
      if (count > 0) c.json.flags!.push(`confounded: event window overlaps ${someIds(ids(from, to, i), count)}`);
      if (c.estDays) {
        const e0 = lowerBound(day0, c.estDays[0]);
        const e1 = lowerBound(day0, c.estDays[1] + 1);
        const inEst = e1 - e0;
        if (inEst === 1) c.json.flags!.push(`estimation window contains ${list[e0].json.id}'s day 0`);
        else if (inEst > 1) c.json.flags!.push(`estimation window contains the day 0 of ${inEst} other events: ${someIds(ids(e0, e1, -1), inEst)}`);
      }
    }
    // Same listing, same day 0: the first (by id) stands for all of them.
    for (let i = 0; i < n; ) {
      let j = i + 1;
      while (j < n && day0[j] === day0[i]) j++;
      if (j - i > 1) {
        const first = list[i];
        for (let k = i + 1; k < j; k++) {
          const B = list[k];
          if (!B.row) continue;
          B.row = null;
          B.duplicateOf = first.json.id;
          B.json.reason = `same listing and day 0 as ${first.json.id}: its abnormal returns are the same observation, counted once in the aggregate (under ${first.json.id})`;
        }
        const dup = j - i - 1;
        notes.push(`${someIds(ids(i + 1, j, -1), dup)} share${dup === 1 ? 's' : ''} ${symbol}'s day 0 ${first.json.day0} with ${first.json.id}: counted once in the aggregates.`);
      }
      i = j;
    }
  }
  void s;
  return notes;
}
