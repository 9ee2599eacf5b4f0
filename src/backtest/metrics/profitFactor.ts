/**
 * Profit factor: gross profit / gross loss = sum(pnl > 0) / |sum(pnl < 0)| over closed trades.
 * Null when no trade lost (undefined, not infinite: JSON has no Infinity). Example: [30, -10, -5] -> 2.
 */
export function profitFactor(trades: readonly { pnl: number; return: number | null }[]): number | null {
  let gain = 0;
  let loss = 0;
  for (const t of trades) {
    if (t.return === null) continue;
    if (t.pnl > 0) gain += t.pnl;
    else loss -= t.pnl;
  }
  return loss > 0 ? gain / loss : null;
}
