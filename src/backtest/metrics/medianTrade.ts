/**
 * Median return per closed trade (mean of the two middle values for an even count).
 * Null without a closed trade. Example: [0.3, -0.1, 0.05, 0.1] -> 0.075.
 */
import { median } from 'simple-statistics';

export function medianTrade(trades: readonly { return: number | null }[]): number | null {
  const r = trades.map((t) => t.return).filter((x): x is number => x !== null);
  return r.length ? median(r) : null;
}
