/**
 * Share of signals that became a position: #{status filled, delayed or partial} / #signals.
 * A delayed order (rolled past a block) still filled; a skipped one never did. Null without a
 * signal. Example: [filled, delayed, skipped, partial] -> 0.75.
 */
export function fillRate(trades: readonly { status: string }[]): number | null {
  if (!trades.length) return null;
  return trades.filter((t) => t.status !== 'skipped').length / trades.length;
}
