/**
 * Share of closed trades (those with a return) that made money after costs: #{pnl > 0} / #closed.
 * Null without a closed trade. Example: pnl [5, -2, 0, 1] -> 0.5.
 */
export function hitRate(trades: readonly { pnl: number; return: number | null }[]): number | null {
  const closed = trades.filter((t) => t.return !== null);
  return closed.length ? closed.filter((t) => t.pnl > 0).length / closed.length : null;
}
