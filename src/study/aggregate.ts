/**
 * Cross-sectional aggregation of the included events: builds the typed-array panel once and runs
 * the whole test battery per day and per CAR window, on worker threads for large panels
 * (parallel.ts; the same numbers either way).
 */
import { buildEventPanel, type PerEventInput } from '../core/index.js';
import { aggregate } from '../stats/index.js';
import type { AggregateJson } from '../report/schema.js';
import { aggregateParallel, defaultThreads, parallelThreshold } from './parallel.js';
import type { EngineSettings } from './types.js';

export interface AggregateOptions {
  /** Worker threads for a panel of at least `parallelThreshold()` events (default `defaultThreads()`; 1 = none). */
  threads?: number;
}

export function aggregatePanel(rows: PerEventInput[], s: EngineSettings, o: AggregateOptions = {}): AggregateJson {
  const threads = o.threads ?? defaultThreads();
  const parallel = threads > 1 && rows.length >= parallelThreshold();
  const panel = buildEventPanel(
    rows,
    { start: s.estimation[0], end: s.estimation[1] },
    { start: s.window[0], end: s.window[1] },
    { sharedMemory: parallel },
  );
  const opts = {
    seed: s.seed,
    bootstrapSamples: s.bootstrapSamples,
    varianceConvention: s.varianceConvention,
    convention: s.testConvention === 'estudy2' ? ('estudy2' as const) : ('default' as const),
    windows: s.carWindows.map(([a, b]) => [a, b] as [number, number]),
  };
  const agg = parallel ? aggregateParallel(panel, opts, threads) : aggregate(panel, opts);
  return {
    n: agg.n,
    rbar: agg.rbar,
    days: agg.days.map((d) => ({ day: d.day, n: d.n, aar: d.aar, sharePositive: d.sharePositive, tests: d.tests, varianceRatio: d.varianceRatio ?? null })),
    windows: agg.windows.map((w) => ({ window: w.window, n: w.n, caar: w.caar, sharePositive: w.sharePositive, tests: w.tests, varianceRatio: w.varianceRatio ?? null })),
  };
}
