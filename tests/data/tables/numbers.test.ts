import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseValueCell } from '../../../src/data/tables/numbers.js';
import { DataError } from '../../../src/util/errors.js';

const place = { file: 'n.csv', line: 2, field: 'A' };

/** The definition the fast path must agree with: a plain finite decimal, a missing token, or an error. */
function reference(cell: string): number | 'error' {
  if (/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(cell) && Number.isFinite(Number(cell))) return Number(cell);
  if (['', 'na', 'nan', 'null', 'none', 'n/a', '#n/a'].includes(cell.toLowerCase())) return NaN;
  return 'error';
}

function actual(cell: string): number | 'error' {
  try {
    return parseValueCell(cell, place);
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return 'error';
  }
}

describe('parseValueCell', () => {
  it('agrees with the plain-decimal definition on number-like strings', () => {
    const chars = fc.constantFrom(...'0123456789.-+eExXoObBI nfa\u00a0'.split(''), 'Infinity', 'NA', 'NaN');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (parts) => {
        const cell = parts.join('');
        const got = actual(cell);
        const want = reference(cell);
        // Object.is so NaN matches NaN; === so -0 matches the reference's -0 as well.
        expect(Object.is(got, want) || got === want, JSON.stringify(cell)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it.each(['1.', '.5', '-0', '+3', '1e-3', '2E+10', '007'])('reads %s like Number()', (cell) => {
    expect(parseValueCell(cell, place)).toBe(Number(cell));
  });

  it.each(['0x1F', '0b1', '0o7', '1e', '1_000', '1,5', '--1', 'Infinity', '1e400', '\u00a05'])('refuses %s', (cell) => {
    expect(() => parseValueCell(cell, place)).toThrow(DataError);
  });

  it('reads decimal commas only when asked', () => {
    expect(parseValueCell('-1,25', place, true)).toBe(-1.25);
    expect(() => parseValueCell('-1,25', place)).toThrow(DataError);
  });
});
