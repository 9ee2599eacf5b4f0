/**
 * Mean return per closed trade after costs (pnl / entry value, as the engine reports `return`).
 * Null without a closed trade. Example: returns [0.1, -0.05, null] -> 0.025.
 */
import { mean } from 'simple-statistics';

export function averageTrade(trades: readonly { return: number | null }[]): number | null {
  const r = trades.map((t) => t.return).filter((x): x is number => x !== null);
  return r.length ? mean(r) : null;
}
