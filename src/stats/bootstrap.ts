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
 * Determinism: the generator (mulberry32) is seeded from (seed, day or window), and the values are
 * SORTED before resampling and before computing t_obs, so the result does not depend on the order
 * of the events in the panel (same seed -> same p, on any machine).
 *
 * estudy2 has no bootstrap test.
 */
import { describe, onDay, onWindow, type SectionTest } from './context.js';
import { hashSeed } from './random.js';
import type { BatteryOptions, EventPanel, TestResult } from './types.js';
import { fail, isZeroSpread, maxAbs, ok } from './util.js';

const TWO_POW_M32 = 1 / 4294967296;

function tOfSorted(v: Float64Array): { t: number; m: number; s: number } {
  const n = v.length;
  let m = 0;
  for (let k = 0; k < n; k++) m += v[k];
  m /= n;
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (v[k] - m) * (v[k] - m);
  const s = Math.sqrt(ss / (n - 1));
  return { t: m / (s / Math.sqrt(n)), m, s };
}

/** Bootstrap p-value of the one-sample t test on `x` (any order), reproducible from `seed`. */
export function bootstrapT(
  x: ArrayLike<number>,
  samples: number,
  seed: number,
): { t: number; p: number; n: number } | { reason: string } {
  const n = x.length;
  if (n < 2) return { reason: `N = ${n}; at least 2 are needed` };
  const v = Float64Array.from(x).sort();
  const obs = tOfSorted(v);
  if (isZeroSpread(obs.s, maxAbs(v))) return { reason: `zero cross-sectional variance (N = ${n})` };
  const y = v.map((a) => a - obs.m);
  const absT = Math.abs(obs.t);
  const sqrtN = Math.sqrt(n);
  let extreme = 0;
  // mulberry32 (random.ts) inlined: the draw loop runs B x N times (10^7..10^9 in a market-wide
  // study) and a closure call per draw costs as much as the rest of the loop. The stream is the
  // same as mulberry32(seed)'s, and the index the same as floor(u / 2^32 * n) for its output u:
  // for n <= 2^16 in integer arithmetic, floor(u n / 2^32) = (uh n + floor(ul n / 2^16)) >>> 16
  // with u = uh 2^16 + ul (every term below 2^32); else in doubles, where u n < 2^53 is exact.
  let a = seed | 0;
  const small = n <= 65536;
  for (let b = 0; b < samples; b++) {
    let s1 = 0;
    let s2 = 0;
    if (small) {
      for (let k = 0; k < n; k++) {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), a | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        t ^= t >>> 14;
        const q = y[((t >>> 16) * n + (((t & 0xffff) * n) >>> 16)) >>> 16];
        s1 += q;
        s2 += q * q;
      }
    } else {
      for (let k = 0; k < n; k++) {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), a | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        const q = y[Math.floor(((t ^ (t >>> 14)) >>> 0) * n * TWO_POW_M32)];
        s1 += q;
        s2 += q * q;
      }
    }
    const m = s1 / n;
    const varb = Math.max(0, (s2 - n * m * m) / (n - 1));
    const sb = Math.sqrt(varb);
    let tb: number;
    if (isZeroSpread(sb, Math.abs(m) + 1e-300)) tb = m === 0 ? 0 : Infinity;
    else tb = m / (sb / sqrtN);
    if (Math.abs(tb) >= absT) extreme++;
  }
  return { t: obs.t, p: (1 + extreme) / (samples + 1), n };
}

export const bootstrapSection: SectionTest = (_ctx, cs, opts) => {
  const seed = hashSeed(opts.seed, cs.kind === 'day' ? 0 : 1, cs.a, cs.b);
  const r = bootstrapT(cs.x, opts.bootstrapSamples, seed);
  const what = cs.kind === 'day' ? 'ARs' : 'CARs';
  if ('reason' in r) return fail(`${what} on ${describe(cs)}: ${r.reason}`);
  return ok(r.t, r.p, { n: r.n, note: `centred bootstrap, B = ${opts.bootstrapSamples}, seed ${opts.seed}` });
};

export function bootstrapDay(panel: EventPanel, day: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onDay(bootstrapSection, panel, day, opts);
}

export function bootstrapWindow(panel: EventPanel, a: number, b: number, opts: Partial<BatteryOptions> = {}): TestResult {
  return onWindow(bootstrapSection, panel, a, b, opts);
}
