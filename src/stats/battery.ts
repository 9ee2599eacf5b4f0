/**
 * The test battery: every test of TEST_NAMES (plus EXTRA_TEST_NAMES on request) for one day, one
 * window, or all days and windows of a panel (`aggregate`).
 *
 * Cost: the panel-level ingredients (ranks over the combined window, the estimation AAR series,
 * r-bar, p-hat, GRANK's sorted estimation SARs) are computed once per panel and options (cached on
 * the panel object), then each day costs O(n * E) (GRANK) + O(n * B) (bootstrap, B resamples) and
 * each window O(n * (W + E)) + O(n * B). r-bar is computed once per panel, by groups of events
 * sharing their calendar days (rbar.ts).
 *
 * A test that cannot be computed returns { stat: null, p: null, reason } - never NaN - and a test
 * that throws (a bug) is reported as such instead of taking the whole battery down.
 */
import { NO_EIV_TESTS, varianceRatio, type VarianceRatio } from './varianceRatio.js';
import { bmpSection } from './bmp.js';
import { bootstrapSection, bootstrapSections } from './bootstrap.js';
import { bw1980Section } from './brownWarner1980.js';
import { bw1985Section } from './brownWarner1985.js';
import { calendarTimeTest } from './calendarTime.js';
import {
  DEFAULT_WINDOWS,
  getContext,
  resolveOptions,
  type CrossSection,
  type ResolvedOptions,
  type StatsContext,
} from './context.js';
import { type SectionTest } from './sectionTest.js';
import { corradoSignSection } from './corradoSign.js';
import { csectTSection } from './csectT.js';
import { generalizedSignSection } from './generalizedSign.js';
import { grankSection } from './grank.js';
import { kpBmpSection, kpPatellSection } from './kolariPynnonen.js';
import { lambSection } from './lamb.js';
import { modifiedRankSection } from './modifiedRank.js';
import { patellSection } from './patell.js';
import { rankSection } from './rank.js';
import { signSection } from './sign.js';
import { skewAdjTSection } from './skewAdjT.js';
import type {
  Aggregate,
  BatteryOptions,
  DayAggregate,
  EventPanel,
  ExtendedTestBattery,
  ExtraTestName,
  TestName,
  TestResult,
  WindowAggregate,
} from './types.js';
import { wilcoxonSection } from './wilcoxon.js';
import { isSelected, RBAR_TESTS } from './selection.js';

/** Each test of TEST_NAMES, in that order. */
export const SECTION_TESTS: Record<TestName, SectionTest> = {
  csectT: csectTSection,
  bw1980: bw1980Section,
  bw1985: bw1985Section,
  patell: patellSection,
  bmp: bmpSection,
  kpBmp: kpBmpSection,
  kpPatell: kpPatellSection,
  sign: signSection,
  generalizedSign: generalizedSignSection,
  rank: rankSection,
  modifiedRank: modifiedRankSection,
  grank: grankSection,
  wilcoxon: wilcoxonSection,
  skewAdjT: skewAdjTSection,
  bootstrap: bootstrapSection,
};

/** The extra tests (BatteryOptions.includeExtras). */
export const EXTRA_SECTION_TESTS: Record<ExtraTestName, SectionTest> = {
  lamb: lambSection,
  corradoSign: corradoSignSection,
};

function runOne(test: SectionTest, ctx: StatsContext, cs: CrossSection, opts: ResolvedOptions): TestResult {
  try {
    return test(ctx, cs, opts);
  } catch (e) {
    if (e instanceof RangeError) throw e; // a bad day / window argument is the caller's error
    return { stat: null, p: null, reason: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function runSection(ctx: StatsContext, cs: CrossSection, opts: ResolvedOptions): ExtendedTestBattery {
  const out = {} as ExtendedTestBattery;
  for (const [name, test] of Object.entries(SECTION_TESTS) as Array<[TestName, SectionTest]>) {
    if (isSelected(opts.tests, name)) out[name] = runOne(test, ctx, cs, opts);
  }
  if (opts.includeExtras) {
    for (const [name, test] of Object.entries(EXTRA_SECTION_TESTS) as Array<[ExtraTestName, SectionTest]>) {
      out[name] = runOne(test, ctx, cs, opts);
    }
  }
  return out;
}

/** All tests for the AARs of event-window day `day`. */
export function runDayBattery(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): ExtendedTestBattery {
  const r = resolveOptions(opts);
  const ctx = getContext(panel, r);
  return runSection(ctx, ctx.daySection(day), r);
}

/** All tests for the CAARs over the window [a, b] (inclusive offsets inside the event window). */
export function runWindowBattery(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): ExtendedTestBattery {
  const r = resolveOptions(opts);
  const ctx = getContext(panel, r);
  return runSection(ctx, ctx.windowSection(a, b), r);
}

function summary(x: Float64Array): { mean: number | null; sharePositive: number | null } {
  if (x.length === 0) return { mean: null, sharePositive: null };
  let s = 0;
  let pos = 0;
  for (const v of x) {
    s += v;
    if (v > 0) pos++;
  }
  return { mean: s / x.length, sharePositive: pos / x.length };
}

/** The CAR windows `aggregate` reports: `opts.windows`, else DESIGN.md's that fit the event window. */
export function aggregateWindows(panel: EventPanel, r: ResolvedOptions): Array<[number, number]> {
  return r.windows ?? DEFAULT_WINDOWS.filter(([a, b]) => a >= panel.winStart && b <= panel.winEnd);
}

/** Whether [a, b] is a window of whole offsets inside the panel's event window. */
export function insideEventWindow(panel: EventPanel, a: number, b: number): boolean {
  return Number.isInteger(a) && Number.isInteger(b) && a <= b && a >= panel.winStart && b <= panel.winEnd;
}

/**
 * The cross-sections `aggregate` reports, in order: every day of the event window, then every CAR
 * window inside it (a window outside gets no section, see `windowAggregate`).
 */
export function aggregateSections(ctx: StatsContext, r: ResolvedOptions): CrossSection[] {
  const { panel } = ctx;
  const out: CrossSection[] = [];
  for (let d = panel.winStart; d <= panel.winEnd; d++) out.push(ctx.daySection(d));
  for (const [a, b] of aggregateWindows(panel, r)) {
    if (insideEventWindow(panel, a, b)) out.push(ctx.windowSection(a, b));
  }
  return out;
}

/** Hands bootstrap results computed for all sections at once to the sections' tests. */
export function presetBootstrap(ctx: StatsContext, r: ResolvedOptions, results: readonly TestResult[]): void {
  const sections = aggregateSections(ctx, r);
  if (results.length !== sections.length) throw new Error(`${results.length} bootstrap results for ${sections.length} sections`);
  sections.forEach((cs, k) => ctx.setPresetTest('bootstrap', cs, r, results[k]));
}

/** One row of `aggregate().days`: the AAR of event-window day `d` and all tests on it. */
export function dayAggregate(ctx: StatsContext, d: number, r: ResolvedOptions): DayAggregate {
  const cs = ctx.daySection(d);
  const s = summary(cs.x);
  const vr = varianceRatio(ctx, cs);
  return { day: d, n: cs.x.length, aar: s.mean, sharePositive: s.sharePositive, tests: markUnreliable(runSection(ctx, cs, r), vr), varianceRatio: vr };
}

/**
 * Notes on the tests that assume no event-induced variance when the section's variance ratio is
 * far above 1 (varianceRatio.ts); their statistics are kept, the reader is told not to trust them.
 */
function markUnreliable(tests: ExtendedTestBattery, vr: VarianceRatio | null): ExtendedTestBattery {
  if (!vr?.unreliable) return tests;
  const why = `unreliable: event-induced variance (cross-sectional variance ratio ${vr.ratio.toFixed(2)}, chi-square p ${vr.p.toPrecision(2)}); prefer BMP`;
  for (const name of NO_EIV_TESTS) {
    const t = tests[name];
    if (t && t.stat !== null) tests[name] = { ...t, note: t.note ? `${t.note}; ${why}` : why };
  }
  return tests;
}

/** One row of `aggregate().windows`: the CAAR over [a, b] and all tests on it. */
export function windowAggregate(ctx: StatsContext, a: number, b: number, r: ResolvedOptions): WindowAggregate {
  const { panel } = ctx;
  if (!insideEventWindow(panel, a, b)) {
    // A configured window the event window cannot hold: every test says so (the report keeps the row).
    const reason = `window [${a}, ${b}] is not inside the event window [${panel.winStart}, ${panel.winEnd}]`;
    const tests = {} as ExtendedTestBattery;
    for (const name of Object.keys(SECTION_TESTS) as TestName[]) if (isSelected(r.tests, name)) tests[name] = { stat: null, p: null, reason };
    if (r.includeExtras) for (const name of Object.keys(EXTRA_SECTION_TESTS) as ExtraTestName[]) tests[name] = { stat: null, p: null, reason };
    return { window: [a, b], n: 0, caar: null, sharePositive: null, tests };
  }
  const cs = ctx.windowSection(a, b);
  const s = summary(cs.x);
  const vr = varianceRatio(ctx, cs);
  const out: WindowAggregate = { window: [a, b], n: cs.x.length, caar: s.mean, sharePositive: s.sharePositive, tests: markUnreliable(runSection(ctx, cs, r), vr), varianceRatio: vr };
  // With the day-level r-bar for windows (estudy2 reproduction) the report stays as it was.
  // The calendar-time portfolio test rides on the same switch: both are new window outputs.
  // Each only when a selected test needs it (selection.ts): the window r-bar is the KP tests' input.
  if (r.kpWindowRbar === 'overlap') {
    if (needsRbar(r)) out.rbar = ctx.windowRbar(cs);
    if (isSelected(r.tests, 'calendarTime')) out.calendarTime = calendarTimeTest(panel, cs.rows, a, b, r.kpMinOverlap);
  }
  return out;
}

/**
 * AAR and tests for every day of the event window, CAAR and tests for every window
 * (`opts.windows`, default DESIGN.md's CAR windows that fit inside the event window). A requested
 * window outside the event window yields a row with n = 0 and a reason for every test.
 * Each day and window depends only on the panel and the options, so src/study/parallel.ts may
 * compute them on other threads and get the same rows.
 */
export function aggregate(panel: EventPanel, opts: Partial<BatteryOptions> = {}): Aggregate {
  const r = resolveOptions(opts);
  const ctx = getContext(panel, r);
  if (isSelected(r.tests, 'bootstrap')) presetBootstrap(ctx, r, bootstrapSections(aggregateSections(ctx, r), r));
  const days: DayAggregate[] = [];
  for (let d = panel.winStart; d <= panel.winEnd; d++) days.push(dayAggregate(ctx, d, r));
  const windows = aggregateWindows(panel, r).map(([a, b]) => windowAggregate(ctx, a, b, r));
  if (!needsRbar(r)) return { n: panel.n, rbar: null, days, windows };
  const rbarInfo = ctx.rbar();
  return { n: panel.n, rbar: rbarInfo.rbar, rbarInfo, days, windows };
}

/** Whether a selected test uses Kolari-Pynnönen's r-bar, the panel's most expensive ingredient. */
export function needsRbar(r: ResolvedOptions): boolean {
  return RBAR_TESTS.some((t) => isSelected(r.tests, t));
}
