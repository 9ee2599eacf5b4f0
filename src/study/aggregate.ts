/**
 * Cross-sectional aggregation of the included events: builds the typed-array panel once and runs
 * the whole test battery per day and per CAR window.
 */
import { buildEventPanel, type PerEventInput } from '../core/index.js';
import { aggregate } from '../stats/index.js';
import type { AggregateJson } from '../report/schema.js';
import type { EngineSettings } from './types.js';

export function aggregatePanel(rows: PerEventInput[], s: EngineSettings): AggregateJson {
  const panel = buildEventPanel(
    rows,
    { start: s.estimation[0], end: s.estimation[1] },
    { start: s.window[0], end: s.window[1] },
  );
  const agg = aggregate(panel, {
    seed: s.seed,
    bootstrapSamples: s.bootstrapSamples,
    varianceConvention: s.varianceConvention,
    convention: s.testConvention === 'estudy2' ? 'estudy2' : 'default',
    windows: s.carWindows.map(([a, b]) => [a, b] as [number, number]),
  });
  return {
    n: agg.n,
    rbar: agg.rbar,
    days: agg.days.map((d) => ({ day: d.day, n: d.n, aar: d.aar, sharePositive: d.sharePositive, tests: d.tests })),
    windows: agg.windows.map((w) => ({ window: w.window, n: w.n, caar: w.caar, sharePositive: w.sharePositive, tests: w.tests })),
  };
}
