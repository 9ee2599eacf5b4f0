/**
 * Small deterministic PRNGs for the seeded bootstrap: splitmix32 to spread a seed, mulberry32 as
 * the generator (Tommy Ettinger's public-domain algorithms). Period 2^32, fine for resampling.
 */

/** A 32-bit integer hash of any number of integers (order-sensitive), splitmix32-style. */
export function hashSeed(...parts: number[]): number {
  let h = 0x9e3779b9 | 0;
  for (const p of parts) {
    // Fold the 53-bit safe-integer range of a JS number into two 32-bit halves.
    const lo = p | 0;
    const hi = Math.floor(p / 4294967296) | 0;
    for (const v of [lo, hi]) {
      h = (h + v + 0x9e3779b9) | 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      h = z ^ (z >>> 16);
    }
  }
  return h >>> 0;
}

/** mulberry32: returns a function giving uniform doubles in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
