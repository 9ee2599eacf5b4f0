/**
 * Issue 10 §4 (data), price files: mixed UTC offsets, intraday rows, weekend bars, the error cap
 * and long values cut in messages; and the row-by-row record reader agreeing with the array one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../../src/data/prices/csv.js';
import { eachCsvRecord } from '../../../src/data/prices/stream/records.js';
import { OffsetTracker, utcOffsetMinutes } from '../../../src/data/prices/offsets.js';
import { checkPrices, combineErrors, parsePrices } from '../../../src/data/prices/parse.js';
import { DataError, clipValue } from '../../../src/util/errors.js';

const HEAD = 'Date,Open,High,Low,Close,Volume\n';
const row = (date: string, close = '10') => `${date},${close},${close},${close},${close},100`;
const yf = (dates: string[]) => HEAD + dates.map((d) => row(d)).join('\n') + '\n';

describe('UTC offsets', () => {
  it('reads offsets', () => {
    expect(utcOffsetMinutes('2023-04-24 00:00:00+08:00')).toBe(480);
    expect(utcOffsetMinutes('2023-04-24 00:00:00-0400')).toBe(-240);
    expect(utcOffsetMinutes('2023-04-24T00:00:00Z')).toBe(0);
    expect(utcOffsetMinutes('2023-04-24')).toBeNull();
  });

  it('accepts US daylight saving (two switches a year), in one file', () => {
    const dates = ['2023-03-09 00:00:00-05:00', '2023-03-10 00:00:00-05:00', '2023-03-13 00:00:00-04:00', '2023-11-03 00:00:00-04:00', '2023-11-06 00:00:00-05:00'];
    expect(parsePrices(yf(dates), { file: 'us.csv', layout: 'yfinance' }).series.days.length).toBe(5);
  });

  it('refuses genuinely mixed zones at the first row of the other zone', () => {
    const dates = ['2023-04-20 00:00:00+08:00', '2023-04-21 00:00:00+08:00', '2023-04-23 20:00:00-04:00'];
    const r = checkPrices(yf(dates), { file: 'mix.csv', layout: 'yfinance' });
    expect(r.prices).toBeNull();
    expect(r.errors[0].location).toMatchObject({ file: 'mix.csv', line: 4, field: 'Date' });
    expect(r.errors[0].message).toMatch(/mixed UTC offsets/);
  });

  it('refuses offsets switching back and forth more than daylight saving does', () => {
    const t = new OffsetTracker();
    const seq: [number, number][] = [[-300, 1], [-240, 2], [-300, 3], [-240, 4], [-300, 5]];
    const out = seq.map(([o, line]) => t.see(o, 2023, line));
    expect(out.slice(0, 3)).toEqual([null, null, null]);
    expect(out[3]).toMatch(/switches/);
  });
});

describe('intraday and weekend bars', () => {
  it('refuses intraday data at the first day with two bars', () => {
    const dates = ['2023-04-24 09:30:00-04:00', '2023-04-24 09:31:00-04:00', '2023-04-24 09:32:00-04:00'];
    const r = checkPrices(yf(dates), { file: 'min.csv', layout: 'yfinance' });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].location.line).toBe(3);
    expect(r.errors[0].message).toMatch(/intraday data.*daily bars/);
  });

  it('warns once about bars on weekends', () => {
    const r = checkPrices(yf(['2023-04-21', '2023-04-22', '2023-04-23', '2023-04-24']), { file: 'w.csv', layout: 'yfinance' });
    const w = r.warnings.filter((x) => x.code === 'weekend-bars');
    expect(w).toHaveLength(1);
    expect(w[0].message).toMatch(/^2 bars/);
    expect(w[0].location.line).toBe(3);
  });
});

describe('error cap and long values', () => {
  it("keeps the first 20 errors and counts the rest (50 rows x 4 bad prices)", () => {
    const dates = Array.from({ length: 50 }, (_, i) => `2023-01-${String((i % 28) + 1).padStart(2, '0')}`);
    const text = HEAD + dates.map((d, i) => row(`${d.slice(0, 5)}${String(1 + Math.floor(i / 28)).padStart(2, '0')}${d.slice(7)}`, 'x')).join('\n');
    const r = checkPrices(text, { file: 'bad.csv', layout: 'yfinance' });
    expect(r.errors).toHaveLength(21);
    expect(r.errors[20].message).toMatch(/and 180 more errors/);
    const e = combineErrors(r.errors);
    expect(e.details).toHaveLength(20);
    expect(e.details[19].message).toMatch(/and 180 more errors/);
  });

  it('cuts values to 80 characters in messages', () => {
    expect(clipValue('x'.repeat(80))).toBe('x'.repeat(80));
    const e = new DataError('bad', { file: 'f.csv', line: 2, field: 'close', value: 'y'.repeat(5000) });
    expect(e.format().length).toBeLessThan(140);
    expect(e.format()).toMatch(/\(5000 characters\)/);
  });
});

describe('row-by-row records', () => {
  it('gives the same records as the array reader', () => {
    const cell = fc.stringMatching(/^[a-z0-9 .]{0,4}$/);
    const sep = fc.constantFrom('\n', '\r\n', '\r', '\n\n');
    const text = fc.array(fc.tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), sep), { maxLength: 8 }).map((rows) => rows.map(([c, s]) => c.join(',') + s).join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect([...eachCsvRecord(t, 'f')]).toEqual(readCsvRecords(t, 'f'));
      }),
      { numRuns: 300 },
    );
  });
});
