/**
 * Parsing of window flags: `-130:-11` is the offset window [-130, -11]; `-1:1,0:1` a list of them.
 * Offsets are bounded by MAX_OFFSET (as in study files), checked before any work.
 *
 * @example
 * parseWindow('-130:-11', '--estimation') // [-130, -11]
 * parseWindowList('-1:1,0:1', '--car')    // [[-1, 1], [0, 1]]
 */
import { UsageError } from '../../util/errors.js';
import { parseInteger } from '../../util/parseInteger.js';
import { MAX_OFFSET } from '../../study/offsets.js';

export function parseWindow(text: string, flag: string): [number, number] {
  const m = /^\s*([+-]?\d+)\s*:\s*([+-]?\d+)\s*$/.exec(text);
  if (!m) throw new UsageError(`expected A:B with integer trading-day offsets, e.g. -130:-11`, { field: flag, value: text });
  const bounds = { min: -MAX_OFFSET, max: MAX_OFFSET };
  let a: number;
  let b: number;
  try {
    a = parseInteger(m[1], flag, bounds);
    b = parseInteger(m[2], flag, bounds);
  } catch {
    throw new UsageError(`offsets must lie within -${MAX_OFFSET}..${MAX_OFFSET} trading days`, { field: flag, value: text });
  }
  if (a > b) throw new UsageError(`window start ${a} is after its end ${b}`, { field: flag, value: text });
  return [a, b];
}

export function parseWindowList(text: string, flag: string): [number, number][] {
  const parts = text.split(',').filter((s) => s.trim() !== '');
  if (parts.length === 0) throw new UsageError('expected at least one window A:B', { field: flag, value: text });
  return parts.map((p) => parseWindow(p, flag));
}
