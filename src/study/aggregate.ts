/**
 * Cross-sectional aggregation of the included events: builds the typed-array panel once and runs
 * the whole test battery per day and per CAR window, on worker threads for large panels
 * (parallel.ts; the same numbers either way).
 */
import { buildEventPanel, type PerEventInput } from '../core/index.js';
import { aggregate } from '../stats/index.js';
import type { AggregateJson, TestResultJson } from '../report/schema.js';
import { holmAdjust } from '../stats/holm.js';
import { TEST_NAMES } from '../stats/types.js';
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
    kpWindowRbar: s.kpWindowRbar ?? ('overlap' as const),
    ...(s.tests ? { tests: s.tests } : {}),
  };
  const agg = parallel ? aggregateParallel(panel, opts, threads) : aggregate(panel, opts);
  const out: AggregateJson = {
    n: agg.n,
    // r-bar only when a selected test used it (kpBmp, kpPatell): otherwise it was never computed.
    ...(agg.rbarInfo
      ? {
          rbar: agg.rbar,
          rbarPairs: {
            total: agg.rbarInfo.pairsTotal,
            estimated: agg.rbarInfo.pairsUsed,
            otherDay: agg.rbarInfo.pairsOtherDay ?? 0,
            short: agg.rbarInfo.pairsShort,
            degenerate: agg.rbarInfo.pairsDegenerate,
          },
        }
      : {}),
    days: agg.days.map((d) => ({ day: d.day, n: d.n, aar: d.aar, sharePositive: d.sharePositive, tests: d.tests, varianceRatio: d.varianceRatio ?? null })),
    windows: agg.windows.map((w) => ({
      window: w.window,
      n: w.n,
      caar: w.caar,
      sharePositive: w.sharePositive,
      tests: w.tests,
      varianceRatio: w.varianceRatio ?? null,
      ...(w.rbar
        ? {
            rbar: {
              value: w.rbar.rbar,
              total: w.rbar.pairsTotal,
              estimated: w.rbar.pairsEstimated,
              disjoint: w.rbar.pairsDisjoint,
              short: w.rbar.pairsShort,
              degenerate: w.rbar.pairsDegenerate,
              ...(w.rbar.reason ? { reason: w.rbar.reason } : {}),
            },
          }
        : {}),
      ...(w.calendarTime ? { calendarTime: w.calendarTime } : {}),
    })),
  };
  return withHolm(out, primaryWindow(s.carWindows));
}

/** The study's primary window: [0, +1] when it is one of the CAR windows (issue 12 §3), else the first. */
export function primaryWindow(windows: ReadonlyArray<readonly [number, number]>): [number, number] | null {
  const hit = windows.find(([a, b]) => a === 0 && b === 1) ?? windows[0];
  return hit ? [hit[0], hit[1]] : null;
}

/**
 * One pre-named primary window is the confirmatory test; every other day and window of the table is
 * exploratory, so per test its p-values get Holm's adjustment over that family (pHolm beside p).
 * Without it a study prints hundreds of raw p-values and stars the few that fall below 10% by chance.
 * Under a test selection the unselected tests are absent and get no family: each selected test's
 * family is the same days and windows as without a selection, so its pHolm does not change.
 */
function withHolm(agg: AggregateJson, primary: [number, number] | null): AggregateJson {
  const isPrimary = (w: [number, number]) => primary !== null && w[0] === primary[0] && w[1] === primary[1];
  const members: Array<Record<string, TestResultJson>> = [
    ...agg.days.map((d) => d.tests as Record<string, TestResultJson>),
    ...agg.windows.filter((w) => !isPrimary(w.window as [number, number])).map((w) => w.tests as Record<string, TestResultJson>),
  ];
  for (const name of TEST_NAMES) {
    const adj = holmAdjust(members.map((t) => (t[name] && t[name].stat !== null ? (t[name].p as number) : null)));
    members.forEach((t, k) => {
      const r = t[name];
      if (r && r.stat !== null && adj[k] !== null) t[name] = { ...r, pHolm: adj[k] as number };
    });
  }
  return { ...agg, primaryWindow: primary };
}
