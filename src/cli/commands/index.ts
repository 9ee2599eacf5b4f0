import type { Command } from 'commander';
import { register as registerEvents } from './events.js';
import { register as registerPrices } from './prices.js';
import { register as registerStudy } from './study.js';
import { register as registerSchema } from './schema.js';
import { register as registerBaskets } from './baskets.js';
import { register as registerCache } from './cache.js';
import { register as registerBacktest } from './backtest.js';
import { register as registerClaims } from './claims.js';

/**
 * Each command module exports `register(program)`. Add new ones here.
 * (Modules are imported statically: they must not import danfo or other heavy libraries at top level.)
 */
export function registerCommands(program: Command): void {
  registerEvents(program);
  registerPrices(program);
  registerStudy(program);
  registerSchema(program);
  registerBaskets(program);
  registerCache(program);
  registerBacktest(program);
  registerClaims(program);
}
