/**
 * The rules a run applied, one line each with its source, for backtest.md and settings.rules of
 * backtest.json: a reader sees what was enforced without reading code.
 */
import type { BtStrategy } from './types.js';

export function describeRules(s: BtStrategy): string[] {
  const lines = [
    `Entry: day ${s.entry.day >= 0 ? '+' : ''}${s.entry.day} at the ${s.entry.at}; no fill before the news is public (pre-open and after-close: day 0 open; intraday and unknown: day 0 close)${s.allowLookahead ? ' - OVERRIDDEN by allowLookahead: true' : ''}.`,
    `Exit: ${s.exit.hold} session(s) after the entry day at the ${s.exit.at}${s.exit.stopLoss !== undefined ? `, stop-loss ${(s.exit.stopLoss * 100).toFixed(2)}%` : ''}${s.exit.takeProfit !== undefined ? `, take-profit ${(s.exit.takeProfit * 100).toFixed(2)}%` : ''} (stops on each bar's low / high; a gap through the stop fills at the open).`,
    `Size: ${'amount' in s.size ? `${s.size.amount} per position` : `${(s.size.fraction * 100).toFixed(2)}% of current equity`}, at most ${s.maxPositions} open position(s) per market; ${s.lots === 'board' ? 'whole board lots (A-shares 100, STAR 200 then steps of 1; Hong Kong per listing, manifest `lot`; US 1)' : 'lots of 1 share'}.`,
    `Price limits: ${s.limitRule === 'locked' ? 'a buy is blocked only on a bar locked at the upper limit all day (open = high = low = close), a sell only on one locked at the lower limit' : s.limitRule === 'touch' ? 'a buy is blocked when its fill price is within one tick of the upper limit, a sell near the lower' : 'ignored'} (A-shares: main board 10%, ST 5%, ChiNext 20% from 2020-08-24, STAR 20%, BSE 30%; SSE/SZSE trading rules).`,
    'A-shares: T+1 (checked at the fill); a suspended day (no bar) cannot trade; a blocked order rolls to the next tradable bar with its reason. Hong Kong and US: same-day round trips allowed, no price limits.',
    `Volume: a fill takes at most ${Number.isFinite(s.maxVolumeShare) ? `${(s.maxVolumeShare * 100).toFixed(1)}%` : 'any share (no cap)'} of the bar's volume.`,
    `Costs: ${typeof s.costs === 'string' ? (s.costs === 'none' ? 'none' : 'the dated default tables (README, "Backtests")') : `defaults with overrides ${JSON.stringify(s.costs)}`}.`,
  ];
  return lines;
}
