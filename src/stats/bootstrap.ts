/**
 * Seeded bootstrap of the cross-sectional t statistic (centred, "null-imposed" resampling).
 *
 * Efron & Tibshirani (1993), "An Introduction to the Bootstrap", section 16.2 (testing a mean by
 * resampling the data recentred to satisfy H0); in event studies Kothari & Warner (2007) and
 * Lyon, Barber & Tsai (1999, section III.B). With the cross-sectional values x_i (ARs on the day,
 * CARs over the window):
 *   t_obs = mean(x) / (sd(x) / sqrt(N))
 *   y_i   = x_i - mean(x)                         (H0 imposed)
 *   for b = 1..B: draw N values from y with replacement, t*_b = mean(y*) / (sd(y*) / sqrt(N))
 *   p = (1 + #{b : |t*_b| >= |t_obs|}) / (B + 1)  (two-sided; never 0)
 * A resample with zero spread counts as extreme (|t*| = infinity) unless its mean is exactly 0.
 * The statistic reported is t_obs; the p-value is the bootstrap one.
 *
 * Determinism and common random numbers: resample b (0-based) is drawn from its own generator,
 * mulberry32(hashSeed(seed, b)); its k-th uniform u_k picks the value of rank floor(u_k N) among the
 * SORTED y (so the event order does not matter). Every day and window uses the same u's: a
 * section's p-value depends only on (seed, B, its own values), never on which other sections are
 * computed with it, and one pass over the resamples serves every section of a panel (the uniforms
 * are drawn once instead of once per section; the random gather of the values is what is left,
 * ~2.3 ns a value against 3.1 ns before), in any split of the resamples over threads (extreme
 * counts are integers, so their sum is exact in any order).
 *
 * estudy2 has no bootstrap test.
 */
import { type CrossSection, type StatsContext } from './context.js';
import { describe, onDay, onWindow, type SectionTest } from './sectionTest.js';
import { hashSeed } from './random.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, isZeroSpread, maxAbs, ok } from './util.js';

const TWO_POW_M32 = 1 / 4294967296;
/** Below this N, u * N < 2^53 and floor(u N / 2^32) is exact in doubles. */
const EXACT_N = 2 ** 21;

/** A cross-section prepared for resampling: sorted, centred values and |t_obs|. */
export interface BootstrapInput {
  y: Float64Array;
  absT: number;
  t: number;
  n: number;
}

/** A section's input, or why it has nothing to resample (it then gets no draws and a count of 0). */
export type BootstrapPrep = BootstrapInput | { reason: string };

/** Sorted, centred values of `x` and its t statistic, or why there is nothing to resample. */
export function bootstrapInput(x: ArrayLike<number>): BootstrapPrep {
  const n = x.length;
  if (n < 2) return { reason: `N = ${n}; at least 2 are needed` };
  const v = Float64Array.from(x).sort();
  let m = 0;
  for (let k = 0; k < n; k++) m += v[k];
  m /= n;
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (v[k] - m) * (v[k] - m);
  const s = Math.sqrt(ss / (n - 1));
  if (isZeroSpread(s, maxAbs(v))) return { reason: `zero cross-sectional variance (N = ${n})` };
  const t = m / (s / Math.sqrt(n));
  return { y: v.map((a) => a - m), absT: Math.abs(t), t, n };
}

/** Sections summed together: 4 sums and 4 sums of squares stay in registers. */
const BLOCK = 4;

/**
 * Sections of one N, BLOCK at a time, their sorted values interleaved by rank ("event-major",
 * vals[r * BLOCK + c] = rank r of the block's c-th section, 0 in a short last block's unused
 * columns): a drawn rank is turned into an index once for all sections of that N, and its BLOCK
 * values come from one cache line instead of one random access per section.
 */
interface SizeGroup {
  n: number;
  blocks: { vals: Float64Array; sections: BootstrapInput[]; slots: number[] }[];
}

function sizeGroups(preps: readonly BootstrapPrep[]): SizeGroup[] {
  const byN = new Map<number, { inputs: BootstrapInput[]; slots: number[] }>();
  preps.forEach((p, s) => {
    if ('reason' in p) return;
    const g = byN.get(p.n) ?? { inputs: [], slots: [] };
    g.inputs.push(p);
    g.slots.push(s);
    byN.set(p.n, g);
  });
  return [...byN].map(([n, g]) => {
    const blocks: SizeGroup['blocks'] = [];
    for (let j = 0; j < g.inputs.length; j += BLOCK) {
      const sections = g.inputs.slice(j, j + BLOCK);
      const vals = new Float64Array(n * BLOCK);
      sections.forEach((inp, c) => {
        for (let r = 0; r < n; r++) vals[r * BLOCK + c] = inp.y[r];
      });
      blocks.push({ vals, sections, slots: g.slots.slice(j, j + BLOCK) });
    }
    return { n, blocks };
  });
}

/** Is resample (s1, s2) of N values at least as extreme as |t_obs|? (the t of the sums, see the header) */
function isExtreme(s1: number, s2: number, n: number, absT: number): boolean {
  const m = s1 / n;
  const sb = Math.sqrt(Math.max(0, (s2 - n * m * m) / (n - 1)));
  let tb: number;
  if (isZeroSpread(sb, Math.abs(m) + 1e-300)) tb = m === 0 ? 0 : Infinity;
  else tb = m / (sb / Math.sqrt(n));
  return Math.abs(tb) >= absT;
}

/**
 * For each input, the number of resamples b in [b0, b1) with |t*_b| >= |t_obs| (0 for an input
 * with a reason). Resamples are independent of each other, so [0, B) may be split into any ranges
 * and the counts added.
 *
 * Each section's sums run over k = 0..N-1 in order, as a section-by-section loop would, so blocking
 * the sections changes no count (tests/stats/bootstrapLayout.test.ts keeps that loop as reference).
 */
export function bootstrapExtremes(preps: readonly BootstrapPrep[], seed: number, b0: number, b1: number): Int32Array {
  const counts = new Int32Array(preps.length);
  const groups = sizeGroups(preps);
  let M = 0;
  for (const g of groups) M = Math.max(M, g.n);
  const U = new Float64Array(M);
  const rowAt = new Int32Array(M);
  for (let b = b0; b < b1; b++) {
    // mulberry32 (random.ts) inlined: this loop draws B x N uniforms (10^7..10^8 in a market-wide
    // study), and a closure call per draw would cost as much as the rest.
    let a = hashSeed(seed, b) | 0;
    for (let k = 0; k < M; k++) {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      U[k] = (t ^ (t >>> 14)) >>> 0;
    }
    for (const { n, blocks } of groups) {
      // Rank floor(u n / 2^32), as a row of the interleaved values: u * (n 2^-32) is exact for
      // n < 2^21 (a product below 2^53 times a power of two), so truncation is the exact floor.
      const scale = n * TWO_POW_M32;
      if (n < EXACT_N) for (let k = 0; k < n; k++) rowAt[k] = ((U[k] * scale) | 0) * BLOCK;
      else for (let k = 0; k < n; k++) rowAt[k] = Math.min(n - 1, Math.floor(U[k] * scale)) * BLOCK;
      for (const { vals, sections, slots } of blocks) {
        let s1a = 0, s1b = 0, s1c = 0, s1d = 0;
        let s2a = 0, s2b = 0, s2c = 0, s2d = 0;
        for (let k = 0; k < n; k++) {
          const r = rowAt[k];
          const qa = vals[r];
          const qb = vals[r + 1];
          const qc = vals[r + 2];
          const qd = vals[r + 3];
          s1a += qa;
          s2a += qa * qa;
          s1b += qb;
          s2b += qb * qb;
          s1c += qc;
          s2c += qc * qc;
          s1d += qd;
          s2d += qd * qd;
        }
        const nc = sections.length;
        if (isExtreme(s1a, s2a, n, sections[0].absT)) counts[slots[0]]++;
        if (nc > 1 && isExtreme(s1b, s2b, n, sections[1].absT)) counts[slots[1]]++;
        if (nc > 2 && isExtreme(s1c, s2c, n, sections[2].absT)) counts[slots[2]]++;
        if (nc > 3 && isExtreme(s1d, s2d, n, sections[3].absT)) counts[slots[3]]++;
      }
    }
  }
  return counts;
}

/** Bootstrap p-value of the one-sample t test on `x` (any order), reproducible from `seed`. */
export function bootstrapT(
  x: ArrayLike<number>,
  samples: number,
  seed: number,
): { t: number; p: number; n: number } | { reason: string } {
  const inp = bootstrapInput(x);
  if ('reason' in inp) return inp;
  const [extreme] = bootstrapExtremes([inp], seed, 0, samples);
  return { t: inp.t, p: (1 + extreme) / (samples + 1), n: inp.n };
}

/** The test result of a section from its input and extreme count. */
function bootstrapResult(cs: CrossSection, inp: BootstrapPrep, extreme: number, opts: BootOptions): TestResult {
  const what = cs.kind === 'day' ? 'ARs' : 'CARs';
  if ('reason' in inp) return fail(`${what} on ${describe(cs)}: ${inp.reason}`);
  const B = opts.bootstrapSamples;
  const p = (1 + extreme) / (B + 1);
  // Monte Carlo error of this p, sqrt(p(1-p)/B) (Davidson & MacKinnon 2000): how far another seed may move it.
  return ok(inp.t, p, {
    n: inp.n,
    note: `centred bootstrap, B = ${B}, seed ${opts.seed}, the same resamples for every day and window; Monte Carlo error of p ${Math.sqrt((p * (1 - p)) / B).toFixed(4)}`,
  });
}

type BootOptions = Pick<BatteryOptions, 'seed' | 'bootstrapSamples'>;

/** The sections' test results from their inputs and extreme counts over all B resamples. */
export function bootstrapResults(sections: readonly CrossSection[], preps: readonly BootstrapPrep[], extremes: Int32Array, opts: BootOptions): TestResult[] {
  return sections.map((cs, s) => bootstrapResult(cs, preps[s], extremes[s], opts));
}

/**
 * The bootstrap of many sections in one pass over the resamples (what `aggregate` uses); the
 * results equal `bootstrapSection`'s one by one.
 */
export function bootstrapSections(sections: readonly CrossSection[], opts: BootOptions): TestResult[] {
  const preps = sections.map((cs) => bootstrapInput(cs.x));
  return bootstrapResults(sections, preps, bootstrapExtremes(preps, opts.seed, 0, opts.bootstrapSamples), opts);
}

export const bootstrapSection: SectionTest = (ctx: StatsContext, cs, opts) =>
  ctx.presetTest('bootstrap', cs, opts) ?? bootstrapSections([cs], opts)[0];

export function bootstrapDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(bootstrapSection, panel, day, opts);
}

export function bootstrapWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(bootstrapSection, panel, a, b, opts);
}

/** Chunks of the B resamples for worker threads (any split gives the same counts). */
export const BOOT_CHUNKS = 8;
