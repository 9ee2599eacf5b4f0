/**
 * The test battery's options with every default filled in (`resolveOptions`), and the defaults.
 *
 * Resolved once per call, so every test and every panel-level ingredient reads the same values:
 * the convention (estudy2 also changes the default variance divisor and window r-bar), the
 * Kolari & Pynnönen (2010, RFS 23(11)) r-bar settings, the bootstrap's B and seed, and the test
 * selection. Which of them are panel-level (part of a StatsContext's cache key) is decided in
 * context.ts (`getContext`).
 */
import type { BatteryOptions } from './types.js';
import { parseTestSelection, type SelectableTest } from './selection.js';

export type Convention = 'default' | 'estudy2';

/** Options with every default filled in. */
export interface ResolvedOptions {
  seed: number;
  bootstrapSamples: number;
  varianceConvention: 'model-df' | 'L-1';
  convention: Convention;
  windows: Array<[number, number]> | undefined;
  kpMinOverlap: number;
  kpShortPairs: 'exclude' | 'zero';
  kpWindowRbar: 'overlap' | 'day';
  wilcoxonExactBelow: number;
  includeExtras: boolean;
  grankRestandardize: boolean;
  /** The tests to compute (selection.ts); null = all. Unselected tests are neither run nor prepared for. */
  tests: readonly SelectableTest[] | null;
}

export const DEFAULT_SEED = 20240601;
/**
 * B = 9,999 (issue 12 §3): the bootstrap p's Monte Carlo error is sqrt(p(1-p)/B), 0.0022 at
 * p = 0.05 (0.007 with 999; Davidson & MacKinnon 2000), and (B + 1) alpha is a whole number at
 * 1%, 5% and 10%. Cost is linear in B x N x sections (bootstrap.ts).
 */
export const DEFAULT_BOOTSTRAP_SAMPLES = 9999;
/** DESIGN.md's default CAR windows. */
export const DEFAULT_WINDOWS: Array<[number, number]> = [
  [-1, 1],
  [0, 1],
  [0, 2],
  [-5, 5],
  [0, 10],
];

export function resolveOptions(opts: Partial<BatteryOptions> = {}): ResolvedOptions {
  const convention: Convention = opts.convention ?? 'default';
  const bootstrapSamples = opts.bootstrapSamples ?? DEFAULT_BOOTSTRAP_SAMPLES;
  if (!Number.isInteger(bootstrapSamples) || bootstrapSamples < 1) {
    throw new RangeError(`bootstrapSamples must be a positive integer, got ${bootstrapSamples}`);
  }
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  return {
    seed,
    bootstrapSamples,
    varianceConvention: opts.varianceConvention ?? (convention === 'estudy2' ? 'L-1' : 'model-df'),
    convention,
    windows: opts.windows,
    kpMinOverlap: opts.kpMinOverlap ?? 30,
    kpShortPairs: opts.kpShortPairs ?? 'zero',
    kpWindowRbar: opts.kpWindowRbar ?? (convention === 'estudy2' ? 'day' : 'overlap'),
    wilcoxonExactBelow: opts.wilcoxonExactBelow ?? 30,
    includeExtras: opts.includeExtras ?? false,
    grankRestandardize: opts.grankRestandardize ?? false,
    tests: opts.tests == null ? null : parseTestSelection(opts.tests),
  };
}
