/**
 * The one integer parser for flags and environment variables. `Number(text)` is too forgiving for
 * settings that change results: it reads `0x10` as 16, `1e3` as 1000, `""` as 0 and rounds
 * `99999999999999999999` to a float that later fails the report schema after the whole study ran.
 * Decimal digits with an optional sign only, inside the safe-integer range and the caller's bounds,
 * so a bad value stops the run before any work, naming the flag.
 *
 * @example
 * parseInteger('42', '--seed')                       // 42
 * parseInteger('0x10', '--seed')                     // throws UsageError: --seed "0x10": expected ...
 * parseInteger('0', '--bootstrap', { min: 1 })       // throws: expected a whole number in decimal digits >= 1
 */
import { UsageError } from './errors.js';

export interface IntegerBounds {
  min?: number;
  max?: number;
}

const DECIMAL = /^[+-]?\d+$/;

export function parseInteger(text: string, flag: string, bounds: IntegerBounds = {}): number {
  const min = bounds.min ?? Number.MIN_SAFE_INTEGER;
  const max = bounds.max ?? Number.MAX_SAFE_INTEGER;
  const trimmed = text.trim();
  const n = DECIMAL.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`expected ${describe(min, max)}`, { field: flag, value: text });
  // -0 would print as 0 but compare differently in JSON round trips; there is one zero.
  return n + 0;
}

function describe(min: number, max: number): string {
  const lo = min > Number.MIN_SAFE_INTEGER;
  const hi = max < Number.MAX_SAFE_INTEGER;
  const base = 'a whole number in decimal digits';
  if (lo && hi) return `${base} >= ${min} and <= ${max}`;
  if (lo) return `${base} >= ${min}`;
  if (hi) return `${base} <= ${max}`;
  return `${base} (at most ${Number.MAX_SAFE_INTEGER} in size)`;
}
