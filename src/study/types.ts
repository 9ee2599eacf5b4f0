/**
 * What the study engine needs from its inputs, whatever they came from (the prices manifest, an
 * ad-hoc returns table, a danfo DataFrame). Providers hand over columns on a security's own
 * trading days; the engine never reads files.
 */
import type { ModelKind, NonTradingPolicy } from './config.js';
import type { SelectableTest } from '../stats/selection.js';
import type { Regressors } from '../core/models/types.js';
import type { EventSourceJson } from '../report/schema.js';

export type Timing = 'pre-open' | 'intraday' | 'after-close' | 'unknown';

/** One security's data on its own trading days (row 0 has no return). */
export interface SecurityData {
  symbol: string;
  name?: string;
  /** Exchange code as in the manifest (SSE, SZSE, HKEX, NYSE, NASDAQ...); decides time zone and limits. */
  exchange?: string;
  /** Exchange whose session places day 0 when it differs from `exchange` (NYSEARCA, AMEX, INDEX: see calendarExchange). */
  calendar?: string;
  /** A-share board (main, chinext, star, bse) for price limits. */
  board?: string;
  /** Label used when grouping by market: `A-share`, `Hong Kong`, `US`... */
  market?: string;
  /** Prices are forward/backward adjusted (limit prices then hold only approximately). */
  adjusted?: boolean;
  days: Int32Array;
  returns: Float64Array;
  close: Float64Array | null;
  high: Float64Array | null;
  low: Float64Array | null;
}

/** Regressors aligned to a security's rows: `market` for market-type models, factor columns for FF3/Carhart. */
export interface RegressorSet {
  /** Human-readable name of the benchmark / factor source, for the report. */
  label: string;
  columns: Regressors;
  /**
   * The benchmark's own trading days, ascending, when known: a listing's return whose two closes
   * have a benchmark session between them spans more than one session (a halt, or a holiday the
   * benchmark's market did not share) and is flagged as a gap return.
   */
  sessionDays?: Int32Array;
  /** Why this benchmark: a study override (and which key), the manifest's entry, or the exchange default. */
  source?: string;
}

export type Lookup<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface DataProvider {
  security(symbol: string): Lookup<SecurityData>;
  regressors(security: SecurityData, event: StudyEvent): Lookup<RegressorSet>;
}

/** One (announcement, listing) pair: the unit of a per-event result, keyed by `id`. */
export interface StudyEvent {
  /** Unique key of this result (e.g. `alibaba-tongyi@9988.HK`); joins use it, never the ticker. */
  id: string;
  /** The announcement's id in the registry (same as id for single-listing events). */
  eventId: string;
  symbol: string;
  /** The issuer of the listing (manifest `firm`); listings of one firm in one announcement are one observation. */
  firm?: string;
  /** Event date as an integer day number, in the time zone of `timezone` when given, else the listing's. */
  day: number;
  timing: Timing;
  /** HH:MM and IANA zone: day 0 is worked out in the listing's own exchange time. */
  time?: string;
  timezone?: string;
  group?: string | null;
  title?: string;
  /** What happened and where it is documented, carried into report.json as given. */
  summary?: string;
  sources?: EventSourceJson[];
  tags?: string[];
  /** Where the event was declared (event YAML file, or events CSV and line), for error messages. */
  source?: { file: string; line?: number };
}

export interface EngineSettings {
  model: ModelKind;
  estimation: [number, number];
  window: [number, number];
  carWindows: [number, number][];
  minEstimation: number;
  nonTradingDay: NonTradingPolicy;
  returnType: 'simple' | 'log' | 'given';
  seed: number;
  bootstrapSamples: number;
  /** 'model-df' (default): sigma^2 = SSR/(L-k). 'L-1': estudy2's convention, to reproduce its output. */
  varianceConvention: 'model-df' | 'L-1';
  /**
   * Where the literature leaves a choice in a test's formula (missing days in rank tests, pooled vs
   * per-event p-hat in the generalized sign test, CAR forms of the rank test, Patell's and BW 1980's
   * sums over all events), 'paper' (default) follows the original papers as written; 'estudy2'
   * follows R estudy2 so results can be checked against it (peer reproduction, issue 12 §2: estudy2
   * mis-scales Patell, BW 1980 and the rank tests when ARs are missing and hard-codes (L-2)/(L-4)).
   */
  testConvention: 'estudy2' | 'paper';
  /**
   * The tests to compute (src/stats/selection.ts, study `tests:` / `--tests`); absent = all. The
   * others are not computed and are absent from the report.
   */
  tests?: SelectableTest[];
  /** How to label groups when an event has none. */
  groupBy: 'none' | 'market' | 'exchange' | 'board' | 'event';
  /**
   * Other events of the same listing whose event windows fall inside an event's estimation window:
   * 'drop' (default when absent) removes those days from the estimation sample, since their price
   * reaction would inflate alpha and sigma; 'keep' fits on the window as it is, as the peer packages
   * do (`--convention estudy2`).
   */
  estimationContamination?: 'drop' | 'keep';
  /**
   * Cross-listings (listings of one `firm` in one announcement): 'primary' lets one listing per
   * firm-announcement into the aggregate, 'average' one equal-weighted average of the firm's
   * listings (src/core/averageListings.ts), 'separate' counts every listing (the peer packages'
   * behaviour). Absent = 'separate'.
   */
  listings?: ListingsMode;
  /**
   * A-share limit-hit days (close at the limit price) inside an event's estimation window: their
   * return is censored at the limit. 'keep' (default when absent) fits on them, as the peer packages
   * do; 'exclude' leaves them out. Keep is the default because under no event the event windows hold
   * limit days at the same rate as the estimation windows: leaving them out of sigma alone made
   * BW 1980 / 1985 reject 8.3-9.0% at 5% in tests/stats/simulation.test.ts (random A-share dates).
   * Either way they are counted and flagged per event.
   */
  limitDaysInEstimation?: 'exclude' | 'keep';
  /**
   * Returns that span more than one session (the listing has no bar on a day its benchmark traded,
   * or more than 10 calendar days pass between its bars): 'flag' (default when absent) counts and
   * flags them per event and changes no number; 'exclude' also leaves those inside the estimation
   * window out of the estimation sample (event-window ones stay in the CAR, flagged: they carry the
   * reaction across the gap); 'scale' also counts weekdays without a close (holidays) as sessions,
   * excludes the estimation ones and gives each event-window one k sessions' variance (core/gapScale.ts).
   */
  gapReturns?: GapReturnsMode;
  /**
   * Kolari-Pynnönen r-bar of the window tests (src/stats/rbarWindow.ts): 'overlap' the r-bar of the
   * CARs summed, 'day' the day-level r-bar for every window (explicit estudy2 reproduction).
   * Absent = 'overlap'.
   */
  kpWindowRbar?: 'overlap' | 'day';
  /**
   * Day number: every event's estimation window ends on the last trading day strictly before it,
   * moved earlier by whole trading days and keeping its length, so a wave of repricing (the 2023 AI
   * rally) does not enter alpha. Windows already ending before it are unchanged. Absent = as set.
   */
  estimationEndsBefore?: number;
}

export const GAP_RETURNS_MODES = ['flag', 'exclude', 'scale'] as const;
export type GapReturnsMode = (typeof GAP_RETURNS_MODES)[number];

export const LISTINGS_MODES = ['primary', 'average', 'separate'] as const;
export type ListingsMode = (typeof LISTINGS_MODES)[number];

/**
 * The settings whose unset value follows the test convention: under `estudy2` (peer reproduction)
 * what the peer packages do (fit on the estimation window as it is, every listing its own event, the
 * day-level r-bar), else drop / primary / overlap. Shared by study files (config.ts) and ad-hoc
 * studies (adhoc.ts).
 *
 * @example
 * conventionDefaults('estudy2').kpWindowRbar; // 'day'
 */
export function conventionDefaults(testConvention: EngineSettings['testConvention']): {
  estimationContamination: 'drop' | 'keep';
  listings: ListingsMode;
  kpWindowRbar: 'overlap' | 'day';
} {
  const peers = testConvention === 'estudy2';
  return { estimationContamination: peers ? 'keep' : 'drop', listings: peers ? 'separate' : 'primary', kpWindowRbar: peers ? 'day' : 'overlap' };
}

export const DEFAULT_SETTINGS: EngineSettings = {
  model: 'market',
  estimation: [-130, -11],
  window: [-10, 10],
  carWindows: [
    [-1, 1],
    [0, 1],
    [0, 2],
    [-5, 5],
    [0, 10],
  ],
  minEstimation: 60,
  nonTradingDay: 'next',
  returnType: 'simple',
  seed: 20230411,
  bootstrapSamples: 9999,
  varianceConvention: 'model-df',
  testConvention: 'paper',
  groupBy: 'none',
  estimationContamination: 'drop',
  limitDaysInEstimation: 'keep',
  gapReturns: 'flag',
};
