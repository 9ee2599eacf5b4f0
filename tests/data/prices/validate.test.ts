import { describe, expect, it } from 'vitest';
import { checkPrices, parsePrices } from '../../../src/data/prices/parse.js';
import { DataError } from '../../../src/util/errors.js';
import { dates, expectError, fixtureText } from './helpers.js';

/** The real AKShare excerpt (header + 23 rows of 300418, 2023-03-24..2023-04-26) as lines. */
const AK = fixtureText('akshare-300418.csv').split('\n').filter((l) => l !== '');
const HEADER = AK[0].split(',');
const FILE = 'prices/cn/akshare/300418.csv';

/** The excerpt with one cell replaced; `line` is the 1-based line in the file (header = 1). */
function withCell(line: number, column: string, value: string, lines = AK): string {
  const col = HEADER.indexOf(column);
  if (col < 0) throw new Error(column);
  return lines
    .map((l, i) => {
      if (i !== line - 1) return l;
      const cells = l.split(',');
      cells[col] = value;
      return cells.join(',');
    })
    .join('\n');
}

const parse = (text: string) => () => parsePrices(text, { file: FILE });

describe('errors name file, line, column and value', () => {
  it('an unparseable date', () => {
    expectError(parse(withCell(5, '日期', 'yesterday')), { file: FILE, line: 5, field: '日期', value: 'yesterday' }, /unparseable date \(expected YYYY-MM-DD/);
  });

  it('a date that does not exist', () => {
    expectError(parse(withCell(5, '日期', '2023-02-30')), { file: FILE, line: 5, field: '日期', value: '2023-02-30' }, /not a real calendar date/);
  });

  it('mixed date formats within a file', () => {
    expectError(parse(withCell(7, '日期', '2023/3/31')), { file: FILE, line: 7, field: '日期', value: '2023/3/31' }, /mixed date formats: this row is YYYY\/MM\/DD, line 2 is YYYY-MM-DD/);
  });

  it('a repeated date with different values', () => {
    // Line 3 is 2023-03-27; give line 4 the same date (its prices differ).
    const text = withCell(4, '日期', AK[2].split(',')[0]);
    expectError(parse(text), { file: FILE, line: 4, field: '日期', value: '2023-03-27' }, /date repeated \(line 3\) with a different/);
  });

  it('a non-numeric price', () => {
    expectError(parse(withCell(6, '收盘', '41.2x')), { file: FILE, line: 6, field: '收盘', value: '41.2x' }, /price is not a number/);
  });

  it('a NaN price', () => {
    expectError(parse(withCell(6, '开盘', 'NaN')), { file: FILE, line: 6, field: '开盘', value: 'NaN' }, /NaN is not a price/);
  });

  it('an infinite price, written out or overflowing', () => {
    expectError(parse(withCell(6, '最高', 'inf')), { file: FILE, line: 6, field: '最高', value: 'inf' }, /price is infinite/);
    expectError(parse(withCell(8, '最高', '1e400')), { file: FILE, line: 8, field: '最高', value: '1e400' }, /price is infinite/);
  });

  it('a zero or negative price', () => {
    expectError(parse(withCell(9, '最低', '0')), { file: FILE, line: 9, field: '最低', value: '0' }, /price is not positive/);
    expectError(parse(withCell(9, '收盘', '-41.2')), { file: FILE, line: 9, field: '收盘', value: '-41.2' }, /price is not positive/);
  });

  it('a blank price', () => {
    expectError(parse(withCell(10, '收盘', '')), { file: FILE, line: 10, field: '收盘', value: '' }, /missing price/);
  });

  it('high below low', () => {
    // Line 2: 2023-03-24, low 33.5.
    expectError(parse(withCell(2, '最高', '33.4')), { file: FILE, line: 2, field: '最高', value: '33.4' }, /high 33.4 is below low 33.5/);
  });

  it('close outside [low, high]', () => {
    // Line 2: low 33.5, high 40.55.
    expectError(parse(withCell(2, '收盘', '40.56')), { file: FILE, line: 2, field: '收盘', value: '40.56' }, /close 40.56 is outside \[low 33.5, high 40.55\]/);
    expectError(parse(withCell(2, '收盘', '33.49')), { file: FILE, line: 2, field: '收盘', value: '33.49' }, /outside/);
  });

  it('close a hair beyond high (within 1e-9 relative) is accepted', () => {
    expect(() => parsePrices(withCell(2, '收盘', '40.5500000000001'), { file: FILE })).not.toThrow();
  });

  it('a negative or non-numeric volume', () => {
    expectError(parse(withCell(3, '成交量', '-5')), { file: FILE, line: 3, field: '成交量', value: '-5' }, /volume is negative/);
    expectError(parse(withCell(3, '成交量', 'many')), { file: FILE, line: 3, field: '成交量', value: 'many' }, /volume is not a number/);
  });

  it('a row with the wrong number of cells', () => {
    const lines = AK.slice();
    lines[4] = lines[4].split(',').slice(0, 5).join(',');
    expectError(parse(lines.join('\n')), { file: FILE, line: 5, value: lines[4] }, /the row has 5 cells, the header has 11/);
  });

  it('a missing required column: names it and lists the header seen', () => {
    const lines = AK.map((l) => l.split(',').filter((_, i) => HEADER[i] !== '最低').join(','));
    const err = expectError(parse(lines.join('\n')), { file: FILE, line: 1, field: '最低', value: lines[0] });
    expect(err.message).toBe(
      'missing column "最低" (required by layout akshare); the header has: 日期, 开盘, 收盘, 最高, 成交量, 成交额, 振幅, 涨跌幅, 涨跌额, 换手率',
    );
  });

  it('an empty file, and one of blank lines only', () => {
    expectError(() => parsePrices(new Uint8Array(0), { file: FILE }), { file: FILE }, /empty file/);
    expectError(() => parsePrices('\n\n  \n', { file: FILE }), { file: FILE }, /empty file/);
  });

  it('a header-only file', () => {
    expectError(parse(`${AK[0]}\n`), { file: FILE, line: 1, field: 'header', value: AK[0] }, /header only/);
  });

  it('a file whose rows are all skipped', () => {
    const text = 'date,code,open,high,low,close,volume,tradestatus\n2023-04-07,sz.300418,50.5,50.5,50.5,50.5,0,0\n';
    expectError(() => parsePrices(text, { file: 'bs.csv' }), { file: 'bs.csv', line: 1 }, /no trading rows/);
  });

  it('reports every problem of a file at once, in line order', () => {
    let text = withCell(9, '收盘', 'abc');
    text = withCell(3, '日期', 'bad', text.split('\n'));
    text = withCell(12, '最高', '1', text.split('\n'));
    const check = checkPrices(text, { file: FILE });
    expect(check.prices).toBeNull();
    expect(check.errors.map((e) => [e.location.line, e.location.field])).toEqual([
      [3, '日期'],
      [9, '收盘'],
      [12, '最高'],
    ]);
    const err = expectError(parse(text), { file: FILE, line: 3, field: '日期', value: 'bad' });
    expect(err.details.map((d) => d.location.line)).toEqual([9, 12]);
    expect(err.details.every((d) => d instanceof DataError)).toBe(true);
  });
});

describe('warnings, not errors', () => {
  it('an identical repeated row is dropped with a warning', () => {
    const lines = [...AK.slice(0, 4), AK[3], ...AK.slice(4)];
    const p = parsePrices(lines.join('\n'), { file: FILE });
    expect(p.series.days.length).toBe(23);
    expect(p.warnings).toEqual([
      { code: 'duplicate-row', message: 'identical to line 4: dropped', location: { file: FILE, line: 5, field: '日期', value: AK[3].split(',')[0] } },
    ]);
  });

  it('a gap of more than 10 calendar days, not one of 10', () => {
    const rows = [
      'date,open,high,low,close,volume',
      '2023-01-20,10,10,10,10,1',
      '2023-01-30,10,10,10,10,1', // 10 days after: the Spring Festival, no warning
      '2023-02-10,10,10,10,10,1', // 11 days after
    ];
    const p = parsePrices(rows.join('\n'), { file: 'g.csv' });
    expect(p.warnings).toEqual([
      {
        code: 'gap',
        message: 'gap of 11 calendar days after 2023-01-30',
        location: { file: 'g.csv', line: 4, field: 'date', value: '2023-01-30..2023-02-10' },
      },
    ]);
  });

  it('a zero-volume day warns; a blank volume is a missing value', () => {
    let text = withCell(4, '成交量', '0');
    text = withCell(6, '成交量', '', text.split('\n'));
    const p = parsePrices(text, { file: FILE });
    expect(p.warnings.map((w) => [w.code, w.location.line, w.location.field, w.location.value])).toEqual([['zero-volume', 4, '成交量', '0']]);
    expect(p.series.volume![2]).toBe(0);
    expect(p.series.volume![4]).toBeNaN();
  });

  it('rows out of date order are sorted, with a warning', () => {
    const lines = [AK[0], AK[3], AK[1], AK[2], ...AK.slice(4)];
    const p = parsePrices(lines.join('\n'), { file: FILE });
    expect(dates(p.series).slice(0, 3)).toEqual(['2023-03-24', '2023-03-27', '2023-03-28']);
    expect(p.warnings.map((w) => w.code)).toEqual(['unsorted']);
  });
});
