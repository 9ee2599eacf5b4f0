/**
 * Median return per closed trade (mean of the two middle values for an even count).
 * Null without a closed trade. Example: [0.3, -0.1, 0.05, 0.1] -> 0.075.
 */
export function medianTrade(trades: readonly { return: number | null }[]): number | null {
  const r = trades
    .map((t) => t.return)
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  if (!r.length) return null;
  const m = r.length >> 1;
  return r.length % 2 ? r[m] : (r[m - 1] + r[m]) / 2;
}
