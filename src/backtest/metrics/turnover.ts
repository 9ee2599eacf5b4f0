/**
 * Turnover over the whole run: value traded (entries + exits, shares x fill price) / 2 / mean
 * equity, i.e. how many times the average portfolio was bought and sold once. Example: one round
 * trip of 100,000 on a 1,000,000 portfolio -> 0.1.
 */
export function turnover(
  trades: readonly { shares: number; entryPrice: number | null; exitPrice: number | null }[],
  meanEquity: number,
): number | null {
  if (!(meanEquity > 0)) return null;
  let traded = 0;
  for (const t of trades) {
    if (t.entryPrice !== null) traded += t.shares * t.entryPrice;
    if (t.exitPrice !== null) traded += t.shares * t.exitPrice;
  }
  return traded / 2 / meanEquity;
}
