/** Loads the trading-day fixtures (tests/fixtures/calendar/*.txt) as Int32Array day numbers. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseIsoDay } from '../../src/util/dayNumber.js';

const dir = fileURLToPath(new URL('../fixtures/calendar/', import.meta.url));

export function tradingDays(symbol: '002230.SZ' | '300418.SZ' | '9988.HK'): Int32Array {
  const lines = readFileSync(`${dir}${symbol}.txt`, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return Int32Array.from(lines, (l) => {
    const d = parseIsoDay(l);
    if (Number.isNaN(d)) throw new Error(`bad fixture line ${l}`);
    return d;
  });
}

export const day = (s: string): number => {
  const d = parseIsoDay(s);
  if (Number.isNaN(d)) throw new Error(`bad date ${s}`);
  return d;
};
