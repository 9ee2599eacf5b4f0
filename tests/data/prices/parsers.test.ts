import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRecords, readQuoted, readUnquoted } from '../../../src/data/prices/csv.js';
import { expandTwoDigitYear, parseDate } from '../../../src/data/prices/dates.js';
import { readDecimal, readGrouped, readPercent, readSuffixed } from '../../../src/data/prices/numbers.js';
import { formatDay } from '../../../src/util/dayNumber.js';

describe('dates', () => {
  const day = (raw: string, ...formats: Parameters<typeof parseDate>[1][number][]): string | undefined => {
    const r = parseDate(raw, formats);
    return r.ok ? formatDay(r.day) : undefined;
  };

  it('reads each vendor notation', () => {
    expect(day('2023-04-24', 'YYYY-MM-DD')).toBe('2023-04-24');
    expect(day('2023-4-4', 'YYYY-M-D')).toBe('2023-04-04');
    expect(day('20230424', 'YYYYMMDD')).toBe('2023-04-24');
    expect(day('2023/4/24', 'YYYY/MM/DD')).toBe('2023-04-24');
    expect(day('04/24/23', 'MM/DD/YY')).toBe('2023-04-24');
    expect(day('04/24/2023', 'MM/DD/YYYY')).toBe('2023-04-24');
    expect(day('2023年4月24日', 'YYYY年M月D日')).toBe('2023-04-24');
  });

  it('keeps the local calendar date of a timestamp whatever its offset', () => {
    expect(day('2023-04-24 00:00:00+08:00', 'YYYY-MM-DD hh:mm:ss')).toBe('2023-04-24');
    expect(day('2023-04-24 00:00:00-04:00', 'YYYY-MM-DD hh:mm:ss')).toBe('2023-04-24');
    expect(day('2023-04-24T09:30:00Z', 'YYYY-MM-DD hh:mm:ss')).toBe('2023-04-24');
  });

  it('pivots two-digit years at 90', () => {
    expect([89, 90, 99, 0, 23].map(expandTwoDigitYear)).toEqual([2089, 1990, 1999, 2000, 2023]);
    expect(day('01/02/90', 'MM/DD/YY')).toBe('1990-01-02');
    expect(day('12/30/22', 'MM/DD/YY')).toBe('2022-12-30');
  });

  it('tells a date that does not exist from one that does not parse', () => {
    expect(parseDate('2023-02-30', ['YYYY-MM-DD'])).toEqual({ ok: false, format: 'YYYY-MM-DD' });
    expect(parseDate('24.04.2023', ['YYYY-MM-DD'])).toEqual({ ok: false });
  });
});

describe('numbers', () => {
  it('plain decimals are strict', () => {
    expect(readDecimal('14.41')).toBe(14.41);
    expect(readDecimal(' -0.3 ')).toBe(-0.3);
    expect(readDecimal('4.68e8')).toBe(4.68e8);
    expect(readDecimal('')).toBeNaN();
    expect(readDecimal('0x1A')).toBeUndefined();
    expect(readDecimal('1,234')).toBeUndefined();
    expect(readDecimal('NaN')).toBeUndefined();
    expect(readDecimal('inf')).toBe(Infinity);
    expect(readDecimal('-Infinity')).toBe(-Infinity);
  });
  it('thousands separators only in groups of three', () => {
    expect(readGrouped('4,443.01')).toBe(4443.01);
    expect(readGrouped('19,781')).toBe(19781);
    expect(readGrouped('4,44.3')).toBeUndefined();
  });
  it('magnitude suffixes', () => {
    expect(readSuffixed('775.79M')).toBe(775_790_000);
    expect(readSuffixed('1.2B')).toBe(1_200_000_000);
    expect(readSuffixed('35.6K')).toBe(35_600);
    expect(readSuffixed('0.00K')).toBe(0);
    expect(readSuffixed('12')).toBe(12);
    expect(readSuffixed('M')).toBeUndefined();
  });
  it('percent signs', () => {
    expect(readPercent('-1.23%')).toBe(-1.23);
    expect(readPercent('22.20%')).toBe(22.2);
  });
});

describe('CSV records and line numbers', () => {
  it('counts blank lines and CR/CRLF/LF endings in line numbers', () => {
    const text = 'a,b\r\n1,2\n\n3,4\r5,6';
    expect(readCsvRecords(text, 'f')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
      { line: 5, fields: ['5', '6'] },
    ]);
  });
  it('a quoted cell spanning lines keeps the line where its record starts', () => {
    expect(readCsvRecords('"a","b"\n"x\ny",1\n"z",2\n', 'f').map((r) => r.line)).toEqual([1, 2, 4]);
  });
  it('an unclosed quote is a DataError with its line', () => {
    expect(() => readCsvRecords('"a","b"\n"1",2\n"3,4\n', 'q.csv')).toThrowError(/not readable as CSV/);
  });
  it('the quote-free fast path gives exactly what csv-parse gives', () => {
    const cell = fc.stringMatching(/^[ \t]?[0-9A-Za-z.\-:/+]{0,6}[ \t]?$/);
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const text = fc.array(fc.tuple(fc.oneof(line, fc.constant(''), fc.constant('  ')), eol), { maxLength: 8 }).map((ls) => ls.map(([l, e]) => l + e).join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(readUnquoted(t)).toEqual(readQuoted(t, 'f'));
      }),
      { numRuns: 300 },
    );
  });
});
