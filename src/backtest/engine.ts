import type { BtBars, BtResult, BtSignal, BtStrategy } from './types.js';

/** Runs a strategy over signals on daily bars (implementation follows). */
export function runBacktest(
  bars: ReadonlyMap<string, BtBars>,
  signals: readonly BtSignal[],
  strategy: BtStrategy,
): BtResult {
  void bars;
  void signals;
  void strategy;
  throw new Error('runBacktest: not implemented');
}
