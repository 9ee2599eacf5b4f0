/**
 * Defaults of the basket commands, in a module of their own so the CLI can show them in its help
 * without loading the computation (src/baskets/run.ts imports the price store and everything else).
 */
import type { BasketPeriod } from './compute.js';

export const DEFAULT_OUT = 'reports/baskets';
/** The article's year to date: the 2022-12-30 close to the 2023-04-24 close. */
export const DEFAULT_PERIOD: BasketPeriod = { from: '2022-12-30', to: '2023-04-24' };
