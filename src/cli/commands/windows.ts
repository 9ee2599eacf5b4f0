/**
 * Parsing of window flags: `-130:-11` is the offset window [-130, -11]; `-1:1,0:1` a list of them.
 *
 * @example
 * parseWindow('-130:-11', '--estimation') // [-130, -11]
 * parseWindowList('-1:1,0:1', '--car')    // [[-1, 1], [0, 1]]
 */
import { UsageError } from '../../util/errors.js';

export function parseWindow(text: string, flag: string): [number, number] {
  const m = /^\s*(-?\d+)\s*:\s*(-?\d+)\s*$/.exec(text);
  if (!m) throw new UsageError(`expected A:B with integer trading-day offsets, e.g. -130:-11`, { field: flag, value: text });
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > b) throw new UsageError(`window start ${a} is after its end ${b}`, { field: flag, value: text });
  return [a, b];
}

export function parseWindowList(text: string, flag: string): [number, number][] {
  const parts = text.split(',').filter((s) => s.trim() !== '');
  if (parts.length === 0) throw new UsageError('expected at least one window A:B', { field: flag, value: text });
  return parts.map((p) => parseWindow(p, flag));
}

export function parseInteger(text: string, flag: string, min = -Infinity): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`expected an integer${min > -Infinity ? ` >= ${min}` : ''}`, { field: flag, value: text });
  return n;
}
