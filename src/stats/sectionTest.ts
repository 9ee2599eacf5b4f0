/**
 * What every single-test file builds on: the SectionTest signature, `onDay` / `onWindow` (run one
 * test on one day or window of a panel, through the panel's cached StatsContext, so calling e.g.
 * `patellDay` for many days does the panel-level work once), `describe` (how notes name a section)
 * and `estudy2CarDays` (estudy2's rule for the days a CAR test uses).
 *
 * Apart from context.ts because it calls getContext: context.ts cannot re-export these without an
 * import cycle, so the test files (patell.ts, bmp.ts, ...) import them from here.
 */
import { getContext, type StatsContext } from './context.js';
import type { CrossSection } from './crossSection.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';

/** A test on one cross-section (a day or a window). */
export type SectionTest = (ctx: StatsContext, cs: CrossSection, opts: ResolvedOptions) => TestResult;

/** Runs a section test on day `day` of `panel`. */
export function onDay(test: SectionTest, panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}) {
  const r = resolveOptions(opts);
  const ctx = getContext(panel, r);
  return test(ctx, ctx.daySection(day), r);
}

/** Runs a section test on the window [a, b] of `panel`. */
export function onWindow(test: SectionTest, panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}) {
  const r = resolveOptions(opts);
  const ctx = getContext(panel, r);
  return test(ctx, ctx.windowSection(a, b), r);
}

/** "AR on day t" or "CAR over [a, b]" for notes and reasons. */
export function describe(cs: CrossSection): string {
  return cs.kind === 'day' ? `day ${cs.a}` : `window [${cs.a}, ${cs.b}]`;
}

/**
 * estudy2's CAR tests use only the days of the window on which more than `percentage` (90) percent
 * of the events have an abnormal return (`daily[, 3] > percentage`). Returns the window's day
 * positions (0-based within [a, b]) that pass.
 */
export function estudy2CarDays(ctx: StatsContext, cs: CrossSection, percentage = 90): number[] {
  const out: number[] = [];
  for (let t = 0; t < cs.len; t++) {
    const pct = ctx.n > 0 ? (cs.dayN[t] / ctx.n) * 100 : 0;
    if (pct > percentage && pct > 0) out.push(t);
  }
  return out;
}
