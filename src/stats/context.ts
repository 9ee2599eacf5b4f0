/**
 * Shared, lazily computed ingredients of the test battery for one EventPanel and one set of options.
 *
 * Everything that does not depend on the day or window is computed once per panel and reused by all
 * days and windows (ranks over the combined estimation + event window, the estimation-window AAR
 * series, Kolari-Pynnönen's r-bar, the generalized-sign p-hat, the GRANK estimation-window ranks).
 * A day costs O(n) for most tests and O(n * E) for GRANK; a window O(n * (b - a + 1) + n * E).
 *
 * Contexts are cached per panel object (WeakMap) and per options key, so calling the single-test
 * functions (e.g. `patellDay`) for many days does not redo the panel-level work. A panel is treated
 * as immutable once it has been passed to src/stats: mutate its arrays afterwards and the cached
 * results go stale (build a new panel object instead).
 *
 * This file is the cache and the hand-over between threads; the ingredients are computed in
 *   options.ts          resolveOptions and the defaults (re-exported here);
 *   crossSection.ts     a day's or a window's cross-section, and finiteZ (re-exported here);
 *   estAAR.ts           the estimation-window AAR series (Brown & Warner 1985);
 *   rankIngredients.ts  the rank and GRANK ingredients and what worker threads receive (types
 *                       re-exported here), from the per-event rows of rankRows.ts;
 *   rbar.ts, rbarWindow.ts, phat.ts  the day and window r-bar (Kolari & Pynnönen 2010), p-hat.
 * The helpers the single-test files run through (onDay, onWindow, describe, estudy2CarDays) are in
 * sectionTest.ts, which imports getContext from here.
 */
import { panelDims, validatePanel } from './panel.js';
import type { EventPanel, RbarInfo, TestResult } from './types.js';
import { kpRbar } from './rbar.js';
import { windowRbar, type RhoCache, type WindowRbarInfo } from './rbarWindow.js';
import { estimatePhat } from './phat.js';
import type { ResolvedOptions } from './options.js';
import { allocGrankRows, allocRankRows, grankRows, rankRows, type GrankRows, type RankRows } from './rankRows.js';
import { daySectionOf, finiteZ, windowSectionOf, type CrossSection } from './crossSection.js';
import { estimationAAR, type EstAARInfo } from './estAAR.js';
import { adoptedGrankPrep, grankPrepOf, rankDataOf, sharedGrankPrep, sharedRankData, type GrankPrep, type RankData, type SharedIngredients } from './rankIngredients.js';

export { DEFAULT_BOOTSTRAP_SAMPLES, DEFAULT_SEED, DEFAULT_WINDOWS, resolveOptions, type Convention, type ResolvedOptions } from './options.js';
export { finiteZ, type CrossSection } from './crossSection.js';
export type { EstAARInfo } from './estAAR.js';
export type { GrankPrep, RankData, SharedIngredients } from './rankIngredients.js';

export class StatsContext {
  readonly panel: EventPanel;
  /** Options the context was built with; only the panel-level fields are read from it. */
  readonly opts: ResolvedOptions;
  readonly n: number;
  readonly E: number;
  readonly W: number;
  /** Per event: sigma under the variance convention. */
  readonly sigmaC: Float64Array;
  /** Per event: factor turning the panel's SAR into the convention's SAR. */
  readonly sarScale: Float64Array;
  /** Per event: factor turning the panel's windowVariance into the convention's. */
  readonly varScale: Float64Array;
  /** Per event: residual degrees of freedom used by Patell's variance df/(df - 2). */
  readonly dfC: Float64Array;

  private sections = new Map<string, CrossSection>();
  private presets = new Map<string, TestResult>();
  private _estAAR?: EstAARInfo;
  private _rbar?: RbarInfo;
  private rhoCache: RhoCache = new Map();
  private windowRbars = new Map<string, WindowRbarInfo>();
  private _ranks?: RankData;
  /** p-hat by summed length (1 = daily; the pooled estudy2 p-hat is stored under 1). */
  private phatByLen = new Map<number, { phat: number; note: string }>();
  private _grank?: GrankPrep;

  constructor(panel: EventPanel, opts: ResolvedOptions) {
    validatePanel(panel);
    this.panel = panel;
    this.opts = opts;
    this.n = panel.n;
    const { E, W } = panelDims(panel);
    this.E = E;
    this.W = W;
    const n = panel.n;
    this.sigmaC = new Float64Array(n);
    this.sarScale = new Float64Array(n);
    this.varScale = new Float64Array(n);
    this.dfC = new Float64Array(n);
    const have = panel.sigmaConvention ?? 'model-df';
    const want = opts.varianceConvention;
    for (let i = 0; i < n; i++) {
      const df = panel.df[i];
      const L = panel.nObs[i];
      // SSR = sigma_model^2 * df = sigma_L1^2 * (L - 1): convert only between different divisors,
      // so a panel the core already fitted under 'L-1' is not scaled a second time.
      const s = have === want ? 1 : want === 'L-1' ? Math.sqrt(df / (L - 1)) : Math.sqrt((L - 1) / df);
      this.sigmaC[i] = panel.sigma[i] * s;
      this.sarScale[i] = 1 / s;
      this.varScale[i] = s * s;
      this.dfC[i] = df;
    }
  }

  /**
   * A test result computed for many sections at once (the bootstrap: bootstrap.ts
   * `bootstrapSections`, on this or another thread), keyed by test, section and the per-call
   * options it depends on; undefined when none was set.
   */
  presetTest(name: string, cs: CrossSection, opts: ResolvedOptions): TestResult | undefined {
    return this.presets.get(presetKey(name, cs, opts));
  }

  setPresetTest(name: string, cs: CrossSection, opts: ResolvedOptions, result: TestResult): void {
    this.presets.set(presetKey(name, cs, opts), result);
  }

  /** Event-window column of an offset; throws if outside the event window. */
  col(day: number): number {
    if (!Number.isInteger(day) || day < this.panel.winStart || day > this.panel.winEnd) {
      throw new RangeError(`day ${day} is outside the event window [${this.panel.winStart}, ${this.panel.winEnd}]`);
    }
    return day - this.panel.winStart;
  }

  daySection(day: number): CrossSection {
    const key = `d${day}`;
    const hit = this.sections.get(key);
    if (hit) return hit;
    const cs = daySectionOf(this.panel, this.W, this.sarScale, day, this.col(day));
    this.sections.set(key, cs);
    return cs;
  }

  windowSection(a: number, b: number): CrossSection {
    if (b < a) throw new RangeError(`window [${a}, ${b}] is empty`);
    const key = `w${a}:${b}`;
    const hit = this.sections.get(key);
    if (hit) return hit;
    const cs = windowSectionOf(this.panel, this.W, this.varScale, a, b, this.col(a), this.col(b));
    this.sections.set(key, cs);
    return cs;
  }

  /** Cross-section of a day (a === b and kind 'day') or a window. */
  section(kind: 'day' | 'window', a: number, b: number): CrossSection {
    return kind === 'day' ? this.daySection(a) : this.windowSection(a, b);
  }

  /**
   * The estimation-window AAR series in event time (column e = offset estStart + e): the mean
   * residual over the events with a residual at that offset. Brown & Warner (1985) use its sample
   * standard deviation as the "crude dependence adjustment".
   */
  estAAR(): EstAARInfo {
    if (this._estAAR) return this._estAAR;
    this._estAAR = estimationAAR(this.panel, this.n, this.E);
    return this._estAAR;
  }

  /**
   * Kolari & Pynnönen (2010) r-bar: the mean of the pairwise Pearson correlations of the events'
   * estimation-window residuals, matched on CALENDAR day (EventPanel.estDays), over the days both
   * events have a residual; the diagonal is excluded. Pairs with fewer than `kpMinOverlap` common
   * days are counted as zero correlation (kpShortPairs 'zero', default) or excluded ('exclude');
   * pairs with a constant series on their common days are excluded as degenerate. Computed by
   * groups of events sharing their calendar days (rbar.ts), not pair by pair.
   */
  rbar(): RbarInfo {
    if (this._rbar) return this._rbar;
    this._rbar = kpRbar(this.panel, { minOverlap: this.opts.kpMinOverlap, shortPairs: this.opts.kpShortPairs });
    return this._rbar;
  }

  /**
   * Kolari-Pynnönen r-bar of a window's CARs: pairwise residual correlations scaled by the calendar
   * overlap of the days each event sums (rbarWindow.ts); the pairs' correlations are shared by all
   * windows of the panel. At market scale (over the pairwise budget) the grouped sums instead.
   */
  windowRbar(cs: CrossSection): WindowRbarInfo {
    const key = `${cs.a}:${cs.b}`;
    const hit = this.windowRbars.get(key);
    if (hit) return hit;
    // Over the events the KP tests count (BMP and Patell need a finite standardised CAR).
    const info = windowRbar(this.panel, finiteZ(cs).rows, cs.a, cs.b, { minOverlap: this.opts.kpMinOverlap, shortPairs: this.opts.kpShortPairs }, this.rhoCache);
    this.windowRbars.set(key, info);
    return info;
  }

  /**
   * Sets r-bar computed elsewhere for this same panel and options (a worker thread gets it from
   * the main thread instead of recomputing the panel's most expensive ingredient).
   */
  presetRbar(info: RbarInfo): void {
    this._rbar = info;
  }

  /** Sets window [a, b]'s r-bar computed elsewhere for this same panel and options (as presetRbar). */
  presetWindowRbar(a: number, b: number, info: WindowRbarInfo): void {
    this.windowRbars.set(`${a}:${b}`, info);
  }

  /**
   * Ranks of each event's ARs over its combined window (estimation window + the whole event window;
   * Corrado 1989 ranks over the 250 days that include the event window), and the per-column sums the
   * rank tests need. Computed once and reused by every day and window.
   */
  ranks(): RankData {
    if (this._ranks) return this._ranks;
    const rows = allocRankRows(this.n, this.E + this.W);
    rankRows(this.panel, this.E, this.W, 0, this.n, rows);
    return this.adoptRankRows(rows);
  }

  /** Sets the rank ingredients from every event's rank rows (computed here or on other threads). */
  adoptRankRows(rows: RankRows): RankData {
    this._ranks = rankDataOf(this.panel, this.E, this.W, rows);
    return this._ranks;
  }

  /**
   * Cowan (1992) generalized sign test: the expected fraction of positive ARs, estimated on the
   * estimation window (phat.ts). Default: the mean over events of each event's own fraction of
   * positive residuals (Cowan eq. 1), or for a quantity summed over `len` days, of positive len-day
   * residual sums. estudy2: the pooled daily fraction over all events' estimation residuals
   * (`mean(as.matrix(estimation_binary), na.rm = TRUE)`), for every window length.
   */
  phat(len = 1): { phat: number; note: string } {
    const pooled = this.opts.convention === 'estudy2';
    const key = pooled ? 1 : len;
    let hit = this.phatByLen.get(key);
    if (!hit) {
      hit = estimatePhat(this.panel, this.E, key, pooled);
      this.phatByLen.set(key, hit);
    }
    return hit;
  }

  /** GRANK ingredients that do not depend on the day: estimation SARs, their sorted copies and ranks. */
  grankPrep(): GrankPrep {
    if (this._grank) return this._grank;
    const rows = allocGrankRows(this.panel, this.E, this.sigmaC);
    grankRows(this.panel, this.E, this.sigmaC, 0, this.n, rows);
    return this.adoptGrankRows(rows);
  }

  /** Sets the GRANK ingredients from every event's SAR rows (computed here or on other threads). */
  adoptGrankRows(rows: GrankRows): GrankPrep {
    this._grank = grankPrepOf(this.n, this.E, rows);
    return this._grank;
  }

  /**
   * Every panel-level ingredient of the tests except r-bar, computed now and copied into
   * SharedArrayBuffers: worker threads adopt them (`adoptIngredients`) instead of each redoing the
   * ranking and sorting (src/study/parallel.ts).
   */
  shareIngredients(need: { ranks: boolean; grank: boolean } = { ranks: true, grank: true }): SharedIngredients {
    const out: SharedIngredients = { estAAR: this.estAAR(), phat: this.phat() };
    if (need.ranks) out.ranks = sharedRankData(this.ranks());
    if (!need.grank) return out;
    return { ...out, grank: sharedGrankPrep(this.grankPrep() as Required<GrankPrep>) };
  }

  /** Takes ingredients computed by `shareIngredients` on another thread, for the same panel and options. */
  adoptIngredients(x: SharedIngredients): void {
    this._estAAR ??= x.estAAR;
    if (!this.phatByLen.has(1)) this.phatByLen.set(1, x.phat);
    if (x.ranks) this._ranks ??= x.ranks;
    if (x.grank) this._grank ??= adoptedGrankPrep(x.grank);
  }
}

function presetKey(name: string, cs: CrossSection, opts: ResolvedOptions): string {
  return `${name}|${cs.kind}${cs.a}:${cs.b}|${opts.seed}|${opts.bootstrapSamples}`;
}

const cache = new WeakMap<EventPanel, Map<string, StatsContext>>();

/**
 * The (cached) context of a panel for the panel-level options (variance convention, convention,
 * r-bar settings). Per-call options (seed, bootstrap samples, Wilcoxon threshold, extras) are not
 * part of the context: pass the resolved options to the test functions alongside it.
 */
export function getContext(panel: EventPanel, opts: ResolvedOptions): StatsContext {
  const key = [opts.varianceConvention, opts.convention, opts.kpMinOverlap, opts.kpShortPairs, opts.kpWindowRbar].join('|');
  let byKey = cache.get(panel);
  if (!byKey) {
    byKey = new Map();
    cache.set(panel, byKey);
  }
  let ctx = byKey.get(key);
  if (!ctx) {
    ctx = new StatsContext(panel, opts);
    byKey.set(key, ctx);
  }
  return ctx;
}
