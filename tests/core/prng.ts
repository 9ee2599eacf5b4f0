/** Seeded PRNG for synthetic test data (mulberry32 + Box-Muller), so every run sees the same numbers. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normalGenerator(seed: number): (mean?: number, sd?: number) => number {
  const u = mulberry32(seed);
  return (mean = 0, sd = 1) => {
    const u1 = Math.max(u(), 1e-300);
    const u2 = u();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
}

export function normalSeries(seed: number, n: number, mean: number, sd: number): Float64Array {
  const g = normalGenerator(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = g(mean, sd);
  return out;
}
