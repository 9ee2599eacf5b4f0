import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEventsTable, readFactorTable, readValueTable } from '../../../src/data/tables/index.js';
import { formatDay } from '../../../src/util/dayNumber.js';
import { DataError } from '../../../src/util/errors.js';

const readers: [string, (text: string) => unknown][] = [
  ['readValueTable', (t) => readValueTable(t, { file: 'f.csv' })],
  ['readEventsTable', (t) => readEventsTable(t, { file: 'f.csv' })],
  ['readFactorTable', (t) => readFactorTable(t, { file: 'f.csv' })],
];

/** Returns normally or throws DataError; anything else fails the property. */
function onlyDataErrors(read: (text: string) => unknown, text: string): boolean {
  try {
    read(text);
    return true;
  } catch (err) {
    if (err instanceof DataError) return true;
    throw err;
  }
}

// Text built from CSV-ish pieces reaches much deeper than uniformly random characters.
const token = fc.constantFrom(
  ',', ';', '\n', '\r\n', '"', ' ', 'date', 'symbol', 'id', 'Mkt-RF', 'SMB', 'HML', 'RF', 'timing', 'NA', '',
  '2020-01-02', '2020-01-03', '03/01/2020', '20200106', '-30', '1.5', '-0.25', '1e999', 'inf', 'AAPL', 'x', '\uFEFF',
  'after-close', 'constructor', '__proto__',
);
const csvish = fc.array(token, { maxLength: 60 }).map((parts) => parts.join(''));

describe('readers on arbitrary input', () => {
  for (const [name, read] of readers) {
    it(`${name} returns a table or throws DataError`, () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => onlyDataErrors(read, s)), { numRuns: 300 });
      fc.assert(fc.property(csvish, (s) => onlyDataErrors(read, s)), { numRuns: 1500 });
    });
  }
});

describe('round trip', () => {
  const cell = fc.oneof(fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }), fc.constant(NaN));
  const table = fc
    .record({
      nSym: fc.integer({ min: 1, max: 4 }),
      days: fc.uniqueArray(fc.integer({ min: 10_000, max: 20_000 }), { minLength: 1, maxLength: 15 }),
    })
    .chain(({ nSym, days }) =>
      fc.record({
        days: fc.constant(days),
        cols: fc.array(fc.array(cell, { minLength: days.length, maxLength: days.length }), { minLength: nSym, maxLength: nSym }),
      }),
    );
  const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

  it('a wide table written in any row order reads back sorted and equal', () => {
    fc.assert(
      fc.property(table, ({ days, cols }) => {
        const syms = cols.map((_, i) => `S${i}`);
        const lines = days.map((d, r) => [formatDay(d), ...cols.map((c) => (Number.isNaN(c[r]) ? 'NA' : String(c[r])))].join(','));
        const t = readValueTable(['date', ...syms].join(',') + '\n' + lines.join('\n'), { file: 'w.csv' });
        const order = days.map((d, r) => [d, r]).sort((a, b) => a[0] - b[0]);
        expect(Array.from(t.days)).toEqual(order.map(([d]) => d));
        for (let s = 0; s < syms.length; s++) order.forEach(([, r], k) => expect(same(t.columns[s][k], cols[s][r])).toBe(true));
      }),
      { numRuns: 100 },
    );
  });

  it('a long table reads back to the same dense columns', () => {
    fc.assert(
      fc.property(table, ({ days, cols }) => {
        const rows: string[] = [];
        cols.forEach((c, s) => days.forEach((d, r) => rows.push(`${formatDay(d)},SYM${s},${Number.isNaN(c[r]) ? '' : c[r]}`)));
        const t = readValueTable('date,symbol,value\n' + rows.reverse().join('\n'), { file: 'l.csv' });
        const sorted = [...days].sort((a, b) => a - b);
        expect(Array.from(t.days)).toEqual(sorted);
        for (let s = 0; s < cols.length; s++) {
          const col = t.columns[t.symbols.indexOf(`SYM${s}`)];
          sorted.forEach((d, k) => expect(same(col[k], cols[s][days.indexOf(d)])).toBe(true));
        }
      }),
      { numRuns: 100 },
    );
  });
});
