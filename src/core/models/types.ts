/**
 * The common interface of the normal-return models (Campbell, Lo & MacKinlay 1997 sec. 4.3;
 * MacKinlay 1997 JEL sec. 4). Every model is fitted on one event's own estimation window, on
 * typed-array columns that cover the security's full series (row = trading day of the security),
 * and then predicts any row of that series.
 */

export type ModelKind = 'mean' | 'market-adjusted' | 'market' | 'ff3' | 'carhart' | 'scholes-williams' | 'dimson';

export const MODEL_KINDS: readonly ModelKind[] = [
  'mean',
  'market-adjusted',
  'market',
  'ff3',
  'carhart',
  'scholes-williams',
  'dimson',
];

/**
 * Residual variance divisor. 'model-df' (default): SSR / (L - k), the unbiased estimator with each
 * model's own degrees of freedom (market model L - 2, CLM 1997 eq. 4.4.4). 'L-1': the sample
 * variance of the residuals, as R estudy2 computes it; only to reproduce estudy2's outputs. The
 * reported `df` (used for t p-values) stays L - k under both conventions.
 */
export type VarianceConvention = 'model-df' | 'L-1';

/** Inclusive row range in the full series. */
export interface RowRange {
  from: number;
  to: number;
}

/**
 * Regressor columns, each the full length of `y` and aligned to its rows (use `alignToDays` on the
 * benchmark's closes before taking returns). Factor columns are decimals (see `fromPercent`).
 */
export interface Regressors {
  /** Market (benchmark) return: market-adjusted, market model, Scholes-Williams, Dimson. */
  market?: Float64Array;
  /** Fama-French market excess return Mkt-RF. If absent, `market - rf` is used when both exist. */
  mktRf?: Float64Array;
  smb?: Float64Array;
  hml?: Float64Array;
  /** Carhart (1997) momentum factor (also published as UMD or WML). */
  mom?: Float64Array;
  /** Alias of `mom`. */
  umd?: Float64Array;
  /** Risk-free rate per period: with it the factor models explain excess returns R - RF. */
  rf?: Float64Array;
}

export interface ModelInput {
  /** Security returns on its own trading days (full series). */
  y: Float64Array;
  regressors?: Regressors;
  /** Estimation window as rows of the full series, inclusive. Rows outside the series count as missing. */
  estimation: RowRange;
}

export interface ModelOptions {
  /** Minimum number of valid estimation returns (default 60). */
  minObs?: number;
  varianceConvention?: VarianceConvention;
  /** How to name the estimation window in reasons, e.g. '[-130,-11]' (default 'rows [from,to]'). */
  windowLabel?: string;
}

export interface FittedModel {
  kind: ModelKind;
  /** Named coefficients ('alpha', 'beta', 'mktRf', 'smb', ...; Scholes-Williams/Dimson also the partial slopes). */
  coefficients: Record<string, number>;
  /** Intercept of the normal-return model, when it has one. */
  alpha?: number;
  /** Market beta, when the model has one (market-adjusted: the implied 1). */
  beta?: number;
  /** Residual standard deviation. */
  sigma: number;
  sigma2: number;
  /** L: valid estimation observations. */
  nObs: number;
  /** Residual degrees of freedom (L - k; mean and market-adjusted: L - 1). */
  df: number;
  varianceConvention: VarianceConvention;
  /** The estimation window rows this model was fitted on (as requested, not clamped). */
  estimation: RowRange;
  /** Expected (normal) return on a row of the full series; NaN when a regressor is missing there. */
  expected(row: number): number;
  /**
   * C_t = 1 + x0'(X'X)^-1 x0 so that Var(AR_t) = sigma^2 C_t (CLM 1997 eq. 4.4.9; Patell 1976).
   * Market model: 1 + 1/L + (Rm_t - mean Rm)^2 / sum (Rm - mean Rm)^2; mean model: 1 + 1/L;
   * market-adjusted: 1. NaN when the row cannot be predicted.
   */
  predictionFactor(row: number): number;
  /**
   * g'(I + X*(X'X)^-1 X*')g for the CAR over the consecutive rows from..to (CLM 1997 eq. 4.4.8-4.4.10:
   * Var(CAR) = sigma^2 times this). Rows that cannot be predicted, and rows where `y` is NaN when `y`
   * is given, are left out of g, matching a CAR summed over the available days only.
   * Mean model over m days: m + m^2/L; market-adjusted: m.
   */
  windowVarianceFactor(from: number, to: number, y?: Float64Array): number;
  /** Residuals (ARs) over the estimation window, element i = row estimation.from + i; NaN where missing. */
  estimationResiduals: Float64Array;
}

export type FitResult =
  | { ok: true; model: FittedModel }
  | { ok: false; outcome: 'insufficient-estimation'; reason: string; nObs: number };
