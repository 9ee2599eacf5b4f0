import type { BtStrategy } from './types.js';

/**
 * The same strategy with every market friction removed: limits ignored, no costs, lots of one
 * share and no volume cap. The report sets it beside the real run ("what the rules cost").
 * T+1, suspensions and the look-ahead rule stay: they are about what could be traded at all.
 */
export function frictionlessOf(strategy: BtStrategy): BtStrategy {
  return { ...strategy, limitRule: 'off', costs: 'none', lots: 'one', maxVolumeShare: Infinity };
}
