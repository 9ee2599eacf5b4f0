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
   * n values of the CAR variance factor per window are computed on demand by the core;
   * for tests over a window [a, b] call `windowVariance(i, a, b)` (sigma^2 * g'(I + X*(X'X)^-1X*')g).
   */
  windowVariance: (event: number, a: number, b: number) => number;

  /** n residual standard deviations of the normal-return model (sigma, with the model's own df). */
  sigma: Float64Array;
  /** n counts of valid estimation returns (L_i). */
  nObs: Int32Array;
  /** n residual degrees of freedom (L_i - k_i; market model: L - 2; mean model: L - 1). */
  df: Int32Array;
}

/** One test's result: a statistic and its two-sided p-value, or the reason it could not be computed. */
export type TestResult =
  | { stat: number; p: number; note?: string }
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
}
