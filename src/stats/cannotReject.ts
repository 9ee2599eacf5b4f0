/**
 * A discrete test at small N has a smallest attainable p-value; when it is above the level, the
 * test cannot reject whatever the data (sign and exact Wilcoxon at N = 5: 2 / 2^5 = 0.0625). Its
 * "no star" then says nothing, and the report says so (issue 12 §3).
 */
export function cannotRejectNote(minP: number, level = 0.05): string | undefined {
  if (!(minP > level)) return undefined;
  return `cannot reject at ${level * 100}% at this N: the smallest attainable two-sided p is ${minP.toFixed(4)}`;
}

/** Smallest two-sided p of the exact binomial test with N trials and success probability p0. */
export function binomialMinP(N: number, p0: number): number {
  return Math.min(1, 2 * Math.min(p0 ** N, (1 - p0) ** N));
}
