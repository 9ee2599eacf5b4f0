/**
 * The bridge between per-event numerics (src/core) and cross-sectional tests (src/stats).
 *
 * An `EventPanel` holds, for the N events that entered the aggregate (outcome ok/shifted), their
 * abnormal returns in event time as flat row-major Float64Arrays (row = event, column = offset).
 * Missing values are NaN (e.g. a day the security did not trade inside the estimation window).
 * Tests never see prices, dates as strings, or row objects.
 */
export interface EventPanel {
  /** Number of events (rows). */
  n: number;

  /** Estimation window offsets [estStart, estEnd] (e.g. -130..-11); E = estEnd - estStart + 1 columns. */
  estStart: number;
  estEnd: number;
  /** n * E residuals (AR) over the estimation window from the fitted model; NaN where missing. */
  estAR: Float64Array;
  /** n * E calendar day numbers of those residuals (for Kolari-Pynnönen r-bar in calendar time); -1 where missing. */
  estDays: Int32Array;

  /** Event window offsets [winStart, winEnd] (e.g. -10..10); W columns. */
  winStart: number;
  winEnd: number;
  /** n * W abnormal returns in the event window; NaN where missing. */
  evAR: Float64Array;
  /**
   * n * W standardized ARs with the prediction-error correction (Patell 1976):
   * SAR = AR / (sigma * sqrt(1 + x0'(X'X)^-1 x0)); for the market model the factor is
   * 1 + 1/L + (Rm_t - mean Rm)^2 / sum (Rm - mean Rm)^2.
   */
  evSAR: Float64Array;
  /**
   * n * W prediction-error variance factors C_t = 1 + x0'(X'X)^-1 x0 (so Var(AR_t) = sigma^2 * C_t),
   * needed for the window versions of Patell/BMP (variance of a CAR including estimation error,
   * Campbell, Lo & MacKinlay 1997 eq. 4.4.6 ff: Var(CAR) = sigma^2 * (g' (I + X*(X'X)^-1 X*') g)).
   */
  evC: Float64Array;
  /**
   * Optional (added by src/core): n * W calendar day numbers of the event-window rows, -1 where the
   * AR is missing; for calendar-time checks such as event clustering on the same dates.
   */
  evDays?: Int32Array;
  /**
   * n values of the CAR variance factor per window are computed on demand by the core;
   * for tests over a window [a, b] call `windowVariance(i, a, b)` (sigma^2 * g'(I + X*(X'X)^-1X*')g).
   */
  windowVariance: (event: number, a: number, b: number) => number;

  /** n residual standard deviations of the normal-return model (divisor: `sigmaConvention`). */
  sigma: Float64Array;
  /**
   * The divisor behind `sigma`, `evSAR` and `windowVariance`: 'model-df' (SSR / df, the default when
   * absent) or 'L-1' (a core fit under estudy2's convention). src/stats rescales only when the
   * requested varianceConvention differs, so a panel fitted under L-1 is not scaled a second time.
   */
  sigmaConvention?: 'model-df' | 'L-1';
  /** n counts of valid estimation returns (L_i). */
  nObs: Int32Array;
  /** n residual degrees of freedom (L_i - k_i; market model: L - 2; mean model: L - 1). */
  df: Int32Array;
}

/** One test's result: a statistic and its two-sided p-value, or the reason it could not be computed. */
export type TestResult =
  | {
      stat: number;
      p: number;
      note?: string;
      /** (added, optional) Number of events that entered the statistic. */
      n?: number;
      /** (added, optional) Degrees of freedom of the reference t distribution, when one is used. */
      df?: number;
    }
  | { stat: null; p: null; reason: string };

export const TEST_NAMES = [
  'csectT',
  'bw1980',
  'bw1985',
  'patell',
  'bmp',
  'kpBmp',
  'kpPatell',
  'sign',
  'generalizedSign',
  'rank',
  'modifiedRank',
  'grank',
  'wilcoxon',
  'skewAdjT',
  'bootstrap',
] as const;
export type TestName = (typeof TEST_NAMES)[number];
export type TestBattery = Record<TestName, TestResult>;

export interface BatteryOptions {
  /** Seed of the bootstrap (deterministic output). */
  seed: number;
  /** Bootstrap resamples. */
  bootstrapSamples: number;
  /**
   * Residual variance divisor convention. 'model-df' (default): SSR / (L - k), each model's own df.
   * 'L-1': estudy2's convention (sample variance of the residuals), used only to reproduce its outputs.
   */
  varianceConvention: 'model-df' | 'L-1';

  // ---- Added (all optional; src/stats/battery.ts `resolveOptions` fills the defaults) ----

  /**
   * Formula conventions. 'default': the papers' / EventStudyTools' definitions (see each test file).
   * 'estudy2': reproduce R estudy2 (irudnyts/estudy2) exactly; every difference is documented next
   * to the code. Choosing 'estudy2' also switches `varianceConvention` to 'L-1' unless it is given.
   */
  convention?: 'default' | 'estudy2';
  /** CAR windows for `aggregate` (default: DESIGN.md's [-1,1],[0,1],[0,2],[-5,5],[0,10], clipped to the event window). */
  windows?: Array<[number, number]>;
  /** Kolari-Pynnönen r-bar: minimum common calendar days for a pair of events to enter (default 30). */
  kpMinOverlap?: number;
  /**
   * Kolari-Pynnönen r-bar: pairs with fewer than `kpMinOverlap` common days are counted as 'zero'
   * correlation (default: with the usual designs their event windows are then months apart, so the
   * true event-window correlation is 0 and r-bar stays the mean over ALL off-diagonal pairs) or
   * 'exclude'd from the mean (which, with few overlapping pairs, lets the noise of those pairs scale
   * the whole N(N-1) off-diagonal; simulated independent events then over-reject at ~9% for 5%).
   */
  kpShortPairs?: 'exclude' | 'zero';
  /**
   * Kolari-Pynnönen r-bar of a window's tests: 'overlap' (default) the r-bar of the CARs summed,
   * rho_ij x calendar overlap of the two windows (rbarWindow.ts); 'day' the day-level r-bar for
   * every window, as before (default under convention 'estudy2', which reproduces old outputs).
   */
  kpWindowRbar?: 'overlap' | 'day';
  /** Wilcoxon signed rank: exact null distribution when fewer than this many non-zero values (default 30). */
  wilcoxonExactBelow?: number;
  /**
   * GRANK: re-standardize the event-day SARs by their cross-sectional sd (Kolari & Pynnönen 2011
   * eq. 6). Default false: dividing by one estimated sd makes the N ranks dependent and the test
   * over-rejects at small N (issue 12 §3: size 10.2% at N = 5, 6.6% at N = 17; 5.1-5.2% without).
   */
  grankRestandardize?: boolean;
  /**
   * The tests to compute: `all`, `basic` or names (src/stats/selection.ts); unset = all. Unselected
   * tests are absent from the batteries and their panel-level ingredients are never computed.
   */
  tests?: string | readonly string[] | null;
  /** Also compute the tests outside TEST_NAMES (EXTRA_TEST_NAMES: Lamb 1995, Corrado-Zivney sign). Default false. */
  includeExtras?: boolean;
}

/** Tests computed in addition to TEST_NAMES when `BatteryOptions.includeExtras` is set (added). */
export const EXTRA_TEST_NAMES = ['lamb', 'corradoSign'] as const;
export type ExtraTestName = (typeof EXTRA_TEST_NAMES)[number];
/** A battery that may carry the extra tests (added). Assignable to TestBattery. */
export type ExtendedTestBattery = TestBattery & Partial<Record<ExtraTestName, TestResult>>;

/** One row of `aggregate().days` (added). `aar`/`sharePositive` are null when n = 0, never NaN. */
export interface DayAggregate {
  day: number;
  n: number;
  aar: number | null;
  sharePositive: number | null;
  tests: ExtendedTestBattery;
  /** Event-induced variance diagnostic (varianceRatio.ts); null with fewer than 3 usable events. */
  varianceRatio?: import('./varianceRatio.js').VarianceRatio | null;
}

/** One row of `aggregate().windows` (added). `caar` is the mean CAR over events with a complete window. */
export interface WindowAggregate {
  window: [number, number];
  n: number;
  caar: number | null;
  sharePositive: number | null;
  tests: ExtendedTestBattery;
  /** Event-induced variance diagnostic (varianceRatio.ts); null with fewer than 3 usable events. */
  varianceRatio?: import('./varianceRatio.js').VarianceRatio | null;
  /** Kolari-Pynnönen r-bar of the window's CARs (rbarWindow.ts); absent under estudy2. */
  rbar?: import('./rbarWindow.js').WindowRbarInfo;
  /** Calendar-time portfolio test (calendarTime.ts); absent with kpWindowRbar 'day' (estudy2 reproduction). */
  calendarTime?: import('./calendarTime.js').CalendarTimeResult;
}

/** Kolari-Pynnönen r-bar diagnostics (added). */
export interface RbarInfo {
  /** Mean off-diagonal correlation, or null when no pair could be used. */
  rbar: number | null;
  /** Pairs that entered the mean. */
  pairsUsed: number;
  /** Pairs with fewer than `kpMinOverlap` common calendar days (excluded or counted as 0). */
  pairsShort: number;
  /** Pairs with a zero-variance residual series over their common days (excluded). */
  pairsDegenerate: number;
  /** Total pairs n(n-1)/2. */
  pairsTotal: number;
  /** Pairs whose day 0 falls on different calendar dates: counted with zero correlation (rbar.ts). */
  pairsOtherDay?: number;
}

/** Result of `aggregate()` (added). */
export interface Aggregate {
  n: number;
  rbar: number | null;
  /** Absent when no selected test uses r-bar (kpBmp, kpPatell): it is then never computed. */
  rbarInfo?: RbarInfo;
  days: DayAggregate[];
  windows: WindowAggregate[];
}
