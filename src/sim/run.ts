/**
 * Size and power of the test battery by simulation on real returns (Brown & Warner 1980, 1985;
 * Kolari & Pynnönen 2010 for clustered event dates): draw event samples from the universe,
 * optionally add an abnormal return on day 0, run the study engine on each sample exactly as a user
 * study runs, and count how often each test rejects at the chosen level.
 *
 * Every abnormal-return level reuses the same samples (common random numbers), so differences
 * between levels are the shock's doing, not sampling noise.
 */
import { runEngine } from '../study/engine.js';
import type { EngineSettings, StudyEvent } from '../study/types.js';
import { DEFAULT_SETTINGS } from '../study/types.js';
import { TEST_NAMES, type TestName, type TestResult } from '../stats/types.js';
import { createRng } from './prng.js';
import { censoredShocks, eventVarianceShocks, withAbnormalReturns, type Shock } from './inject.js';
import { clusterDates, clusteredSample, crossListedSample, randomDateSample, repeatSample, staggeredSample, type SimEvent } from './sample.js';
import { universeProvider, type Universe } from './universe.js';

export type Scenario =
  | {
      kind: 'random';
      /** Draw from these listings only (default: the whole universe). */
      symbols?: readonly string[];
      /** Listings with replacement (a pool smaller than the sample, e.g. HK and US): repeats fall at independent dates. */
      replace?: boolean;
    }
  | {
      kind: 'staggered';
      symbols?: readonly string[];
      /** Day 0s spread over this many calendar days after one anchor date (14: two weeks). */
      spreadDays: number;
    }
  | {
      kind: 'repeats';
      symbols?: readonly string[];
      /** Events per listing (the last listing takes the remainder). */
      perListing: number;
      /** Trading days between one listing's successive day 0s: uniform 1..maxGap. */
      maxGap: number;
    }
  | {
      kind: 'crossListed';
      /** `events` counts firm announcements: the cross-listed firms of `symbols` announce `perFirm` times each (every listing an event), the rest are single events on `others`. */
      symbols: readonly string[];
      perFirm: number;
      /** Trading days between one firm's announcements (estimation + window length keeps estimation windows clean). */
      minApart: number;
      others: readonly string[];
    }
  | {
      kind: 'clustered';
      /** Label for tables, e.g. `chips + optical`. */
      name: string;
      /** The sector's members. */
      symbols: readonly string[];
      /** Only dates on which at least this many members have room for the windows (default: events per sample, capped at the sector size). */
      minEvents?: number;
    };

/** A row of the aggregate to tally: a day of the event window (AAR) or a CAR window (CAAR). */
export type Section = { kind: 'day'; day: number } | { kind: 'window'; window: [number, number] };

export interface SimConfig {
  scenario: Scenario;
  samples: number;
  /** Events per sample (Brown & Warner 1985: 50). In the clustered scenario, at most this many members. */
  events: number;
  /** Abnormal returns added on day 0, e.g. [0, 0.005, 0.01, 0.02]; 0 is the null. */
  abnormal: number[];
  estimation: [number, number];
  window: [number, number];
  minEstimation: number;
  seed: number;
  /** Bootstrap resamples per test (the bootstrap p-value's resolution is 1 / (B + 1)). */
  bootstrapSamples: number;
  testConvention: EngineSettings['testConvention'];
  /** Two-sided level of the tests (default 0.05). */
  alpha: number;
  sections: Section[];
  /**
   * Engine settings beyond the ones the simulation fixes (listings, estimationContamination,
   * kpWindowRbar, limitDaysInEstimation, ...): absent ones take DEFAULT_SETTINGS'.
   */
  settings?: Partial<EngineSettings>;
  /** 'censored': day-0 injections pass an A-share price limit (inject.ts censoredShocks); default 'plain'. */
  injection?: 'plain' | 'censored';
  /** Event-induced variance: day-0 AR scaled to a variance ratio drawn uniformly from this range (inject.ts); default none. */
  eventVariance?: [number, number];
}

export const DEFAULT_SIM: Omit<SimConfig, 'scenario'> = {
  samples: 1000,
  events: 50,
  abnormal: [0, 0.005, 0.01, 0.02],
  estimation: [-130, -11],
  window: [-5, 5],
  minEstimation: 100,
  seed: 19850301,
  bootstrapSamples: 199,
  testConvention: DEFAULT_SETTINGS.testConvention,
  alpha: 0.05,
  sections: [
    { kind: 'day', day: 0 },
    { kind: 'window', window: [0, 0] },
    { kind: 'window', window: [0, 1] },
  ],
};

/** The battery's tests and, on CAR windows, the calendar-time portfolio t (Jaffe 1974; Mandelker 1974). */
export const TALLY_NAMES = [...TEST_NAMES, 'calendarTime'] as const;
export type TallyName = (typeof TALLY_NAMES)[number];

export interface TestTally {
  /** Samples whose p-value is at most alpha. */
  rejections: number;
  /** Of those, the ones with a negative / positive statistic: each tail at alpha / 2 for a symmetric two-sided test. */
  lower: number;
  upper: number;
  /** Samples where the test could be computed (p not null). */
  computed: number;
  /** Sum and sum of squares of the statistic over computed samples (its mean and sd under the null show why a test over- or under-rejects). */
  sumStat: number;
  sumStat2: number;
  /** A reason the test could not be computed, the first time it happened. */
  firstReason?: string;
}

export interface SimCell {
  abnormal: number;
  section: string;
  tests: Record<TallyName, TestTally>;
  /** Mean over samples of the day-0 or window variance ratio of standardized ARs (event-induced variance diagnostic), null when never computed. */
  varianceRatio: number | null;
  varianceRatioSum: number;
  varianceRatioCount: number;
  /** Mean over samples of the KP r-bar the window's tests used (rbarWindow.ts), null on days or when never computed. */
  rbar: number | null;
  rbarSum: number;
  rbarCount: number;
  /** Mean over samples of the AAR (day) or CAAR (window) of the aggregate: under the null, the drift the tails show. */
  meanEffect: number | null;
  effectSum: number;
  effectCount: number;
}

export interface SimResult {
  config: SimConfig;
  cells: SimCell[];
  /** Events that entered the aggregate, averaged over samples (the engine may exclude some). */
  meanN: number;
  /** Events drawn per sample, averaged (above meanN when listings: primary keeps one listing per firm-announcement). */
  meanDrawn: number;
  /** Mean Kolari-Pynnönen r-bar over the null samples (null when never computed). */
  meanRbar: number | null;
  /** Distinct event dates drawn (clustered: how many different days the samples fell on). */
  distinctDates: number;
  /**
   * Standardized ARs of the null runs over the whole event window, pooled: their mean and second
   * moment against the nominal df/(df-2) of a t(df) variable, which Patell's test takes as known.
   * A second moment above nominal (event-window volatility above the estimation window's) is what
   * makes Patell over-reject while BMP, which estimates the variance cross-sectionally, does not.
   */
  nullSar: { count: number; mean: number; meanSquare: number; nominal: number } | null;
  /** Censored injections: per abnormal level, the share of events whose day-0 shock the limit cut, and the mean part moved off day 0. */
  censoring: { abnormal: number; share: number; meanMoved: number }[] | null;
  seconds: number;
}

export function sectionLabel(s: Section): string {
  return s.kind === 'day' ? `day ${s.day}` : `CAR [${s.window[0]},${s.window[1]}]`;
}

/** Rejection rate of a tally, or NaN when never computed. */
export function rate(t: TestTally): number {
  return t.computed > 0 ? t.rejections / t.computed : NaN;
}

export function simulate(u: Universe, config: Partial<SimConfig> & { scenario: Scenario }, progress?: (done: number, total: number) => void): SimResult {
  const c: SimConfig = { ...DEFAULT_SIM, ...config };
  const t0 = Date.now();
  const base = universeProvider(u, { sessionDays: (c.settings?.gapReturns ?? DEFAULT_SETTINGS.gapReturns) === 'exclude' });
  const w = { estimation: c.estimation, window: c.window };
  const windows = c.sections.filter((s): s is Extract<Section, { kind: 'window' }> => s.kind === 'window').map((s) => s.window);
  for (const s of c.sections) {
    const inside = s.kind === 'day' ? s.day >= c.window[0] && s.day <= c.window[1] : s.window[0] >= c.window[0] && s.window[1] <= c.window[1];
    if (!inside) throw new RangeError(`${sectionLabel(s)} is not inside the event window [${c.window[0]},${c.window[1]}]`);
  }
  const sc = c.scenario;
  const cluster =
    sc.kind === 'clustered'
      ? clusterDates(u, sc.symbols, w, sc.minEvents ?? Math.min(c.events, sc.symbols.length))
      : null;

  const cells: SimCell[] = [];
  const cellOf = new Map<string, SimCell>();
  for (const ar of c.abnormal)
    for (const s of c.sections) {
      const cell: SimCell = { abnormal: ar, section: sectionLabel(s), tests: {} as Record<TallyName, TestTally>, varianceRatio: null, varianceRatioSum: 0, varianceRatioCount: 0, rbar: null, rbarSum: 0, rbarCount: 0, meanEffect: null, effectSum: 0, effectCount: 0 };
      for (const name of TALLY_NAMES) cell.tests[name] = { rejections: 0, lower: 0, upper: 0, computed: 0, sumStat: 0, sumStat2: 0 };
      cells.push(cell);
      cellOf.set(`${ar}|${cell.section}`, cell);
    }

  let sarN = 0;
  let sarSum = 0;
  let sarSq = 0;
  let nominalSum = 0;
  let nominalN = 0;
  let nSum = 0;
  let nRuns = 0;
  let drawn = 0;
  const cens = new Map<number, { cut: number; moved: number; n: number }>();
  let rbarSum = 0;
  let rbarCount = 0;
  const dates = new Set<number>();
  for (let k = 0; k < c.samples; k++) {
    const rng = createRng(c.seed, k);
    const events: SimEvent[] =
      sc.kind === 'clustered'
        ? clusteredSample(cluster!, rng, c.events, k)
        : sc.kind === 'staggered'
          ? staggeredSample(u, rng, c.events, w, sc.spreadDays, k, sc.symbols)
          : sc.kind === 'repeats'
            ? repeatSample(u, rng, c.events, w, sc.perListing, sc.maxGap, k, sc.symbols)
            : sc.kind === 'crossListed'
              ? crossListedSample(u, rng, c.events, w, sc, k)
              : randomDateSample(u, rng, c.events, w, k, sc.symbols, sc.replace ?? false);
    for (const e of events) dates.add(e.day);
    drawn += events.length;
    const studyEvents: StudyEvent[] = events.map((e) => ({
      id: e.id,
      eventId: e.eventId ?? e.id,
      symbol: e.symbol,
      day: e.day,
      timing: 'intraday',
      ...(e.firm ? { firm: e.firm } : {}),
    }));
    // A stream of its own, so the samples do not change with or without event-induced variance.
    const eiv: Shock[] = c.eventVariance ? eventVarianceShocks(u, events, c.estimation, createRng(c.seed, k, 1), c.eventVariance) : [];
    const settings: EngineSettings = {
      ...DEFAULT_SETTINGS,
      ...c.settings,
      model: 'market',
      estimation: c.estimation,
      window: c.window,
      carWindows: windows,
      minEstimation: c.minEstimation,
      nonTradingDay: 'next',
      returnType: 'simple',
      seed: c.seed + k,
      bootstrapSamples: c.bootstrapSamples,
      varianceConvention: 'model-df',
      testConvention: c.testConvention,
      groupBy: 'none',
    };
    for (const ar of c.abnormal) {
      const injected = c.injection === 'censored' ? censoredShocks(u, events, ar) : events.map((e) => ({ symbol: e.symbol, day: e.day, ar }));
      if (c.injection === 'censored') {
        const t = cens.get(ar) ?? { cut: 0, moved: 0, n: 0 };
        for (const e of events) {
          const d0 = injected.filter((x) => x.symbol === e.symbol && x.day === e.day).reduce((a, x) => a + x.ar, 0);
          t.n++;
          if (d0 < ar - 1e-12) {
            t.cut++;
            t.moved += ar - d0;
          }
        }
        cens.set(ar, t);
      }
      const provider = withAbnormalReturns(base, [...eiv, ...injected]);
      const res = runEngine(studyEvents, provider, settings);
      nSum += res.aggregate.n ?? 0;
      nRuns++;
      if (ar === 0) {
        if (res.aggregate.rbar !== null && res.aggregate.rbar !== undefined) {
          rbarSum += res.aggregate.rbar;
          rbarCount++;
        }
        for (const e of res.events) {
          if ((e.outcome !== 'ok' && e.outcome !== 'shifted') || !e.model) continue;
          const df = e.model.df;
          if (typeof df === 'number' && df > 2) {
            nominalSum += df / (df - 2);
            nominalN++;
          }
          for (const d of e.days) {
            if (d.sar === null || d.sar === undefined) continue;
            sarN++;
            sarSum += d.sar;
            sarSq += d.sar * d.sar;
          }
        }
      }
      for (const s of c.sections) {
        const row =
          s.kind === 'day'
            ? res.aggregate.days.find((d) => d.day === s.day)
            : res.aggregate.windows.find((x) => x.window[0] === s.window[0] && x.window[1] === s.window[1]);
        if (!row) throw new Error(`the engine's aggregate has no ${sectionLabel(s)}`);
        const cell = cellOf.get(`${ar}|${sectionLabel(s)}`)!;
        const ct = 'calendarTime' in row && row.calendarTime ? row.calendarTime : null;
        const ctResult: TestResult = ct && ct.stat !== null && ct.p !== null ? { stat: ct.stat, p: ct.p } : { stat: null, p: null, reason: ct?.reason ?? 'no calendar-time test on this section' };
        tally(cell, { ...(row.tests as Record<TestName, TestResult>), calendarTime: ctResult }, c.alpha);
        const wr = 'rbar' in row && row.rbar && typeof row.rbar === 'object' ? row.rbar.value : null;
        if (typeof wr === 'number' && Number.isFinite(wr)) {
          cell.rbarSum += wr;
          cell.rbarCount++;
        }
        const effect = 'caar' in row ? row.caar : 'aar' in row ? row.aar : null;
        if (typeof effect === 'number' && Number.isFinite(effect)) {
          cell.effectSum += effect;
          cell.effectCount++;
        }
        const vr = row.varianceRatio;
        if (vr && Number.isFinite(vr.ratio)) {
          cell.varianceRatioSum += vr.ratio;
          cell.varianceRatioCount++;
        }
      }
    }
    progress?.(k + 1, c.samples);
  }
  for (const cell of cells) {
    cell.varianceRatio = cell.varianceRatioCount ? cell.varianceRatioSum / cell.varianceRatioCount : null;
    cell.rbar = cell.rbarCount ? cell.rbarSum / cell.rbarCount : null;
    cell.meanEffect = cell.effectCount ? cell.effectSum / cell.effectCount : null;
  }
  return {
    config: c,
    cells,
    meanN: nRuns ? nSum / nRuns : 0,
    meanDrawn: c.samples ? drawn / c.samples : 0,
    meanRbar: rbarCount ? rbarSum / rbarCount : null,
    distinctDates: dates.size,
    censoring: cens.size ? [...cens.entries()].map(([abnormal, t]) => ({ abnormal, share: t.cut / t.n, meanMoved: t.moved / t.n })) : null,
    nullSar: sarN > 0 && nominalN > 0 ? { count: sarN, mean: sarSum / sarN, meanSquare: sarSq / sarN, nominal: nominalSum / nominalN } : null,
    seconds: (Date.now() - t0) / 1000,
  };
}

function tally(cell: SimCell, tests: Record<TallyName, TestResult>, alpha: number): void {
  for (const name of TALLY_NAMES) {
    const r = tests[name];
    const t = cell.tests[name];
    if (!r || r.p === null || r.stat === null) {
      if (t.firstReason === undefined) t.firstReason = r && r.stat === null ? r.reason : 'missing from the battery';
      continue;
    }
    t.computed++;
    // Reject when p <= alpha: a valid p-value has P(p <= alpha) <= alpha under the null, and the
    // discrete ones (bootstrap (1 + #)/(B + 1), exact sign and Wilcoxon) reach alpha exactly.
    if (r.p <= alpha) {
      t.rejections++;
      if (r.stat < 0) t.lower++;
      else if (r.stat > 0) t.upper++;
    }
    t.sumStat += r.stat;
    t.sumStat2 += r.stat * r.stat;
  }
}
