import { describe, expect, it } from 'vitest';
import { readValueTable } from '../../../src/data/tables/index.js';
import { formatDay } from '../../../src/util/dayNumber.js';
import { dataError, day, fixture } from './helpers.js';

const read = (text: string, percent?: boolean) => readValueTable(text, { file: 'r.csv', percent });
const col = (t: ReturnType<typeof read>, sym: string) => t.columns[t.symbols.indexOf(sym)];

describe('readValueTable: real files (wide)', () => {
  it('estudy2 rates: quoted header, NA before IPOs', () => {
    const t = readValueTable(fixture('estudy2_rates.csv'), { file: 'estudy2_rates.csv' });
    expect(t.shape).toBe('wide');
    expect(t.symbols).toEqual(['AMZN', 'ZM', 'UBER', 'NFLX', 'SHOP', 'FB', 'UPWK']);
    expect(t.days.length).toBe(40);
    expect(formatDay(t.days[0])).toBe('2019-04-02');
    expect(col(t, 'AMZN')[0]).toBe(-0.000115739342316443);
    expect(Number.isNaN(col(t, 'ZM')[0])).toBe(true);
    expect(t.dateFormat).toBe('YYYY-MM-DD');
    expect(t.percent).toBe(false);
    expect(t.warnings).toEqual([]);
  });

  it('lemaire returns: empty cells are missing', () => {
    const t = readValueTable(fixture('returns_GAFAM.csv'), { file: 'returns_GAFAM.csv' });
    expect(t.symbols).toEqual(['AAPL', 'AMZN', 'FB', 'GOOG', 'MSFT', 'SPY']);
    expect(t.days.length).toBe(30);
    expect(col(t, 'AAPL')[0]).toBe(0.08875381794381654);
    expect(col(t, 'FB').every(Number.isNaN)).toBe(true);
    const ipo = readValueTable(fixture('returns_GAFAM_fb_ipo.csv'), { file: 'x.csv' });
    const fb = col(ipo, 'FB');
    const first = fb.findIndex((v) => !Number.isNaN(v));
    expect(formatDay(ipo.days[first])).toBe('2012-05-21');
    expect(fb[first]).toBe(-0.10986138669186518);
  });

  it('eventstudies_r percent returns: --percent divides by 100, all-NA rows stay', () => {
    const t = readValueTable(fixture('StockPriceReturns.csv'), { file: 'StockPriceReturns.csv', percent: true });
    expect(t.percent).toBe(true);
    expect(t.symbols.length).toBe(30);
    const last = t.days.length - 1;
    expect(formatDay(t.days[last])).toBe('2013-03-28');
    expect(col(t, 'Bajaj.Auto')[last]).toBeCloseTo(-0.000167126264281059, 17);
    const na = t.days.indexOf(day('2013-03-27'));
    expect(t.columns.every((c) => Number.isNaN(c[na]))).toBe(true);

    const terror = readValueTable(fixture('TerrorIndiceReturns.csv'), { file: 'T.csv', percent: true });
    expect(terror.symbols.length).toBe(33);
    expect(terror.symbols[0]).toBe('S.P500');
    expect(col(terror, 'S.P500')[0]).toBeCloseTo(0.00812413401378698, 17);
  });

  it('single-column market file with an R-mangled name', () => {
    const t = readValueTable(fixture('estudy2_rates_indx.csv'), { file: 'indx.csv' });
    expect(t.symbols).toEqual(['X.GSPC']);
    expect(t.columns[0][0]).toBe(1.74556148051527e-5);
  });

  it('refuses an event-time table (eventstudies_r KGStockReturns)', () => {
    dataError(
      () => readValueTable(fixture('KGStockReturns.csv'), { file: 'KGStockReturns.csv' }),
      { file: 'KGStockReturns.csv', line: 2, field: 'date', value: '-30' },
      /event-time tables are not supported/,
    );
  });
});

describe('readValueTable: long tables', () => {
  it('peer-load returns: date,symbol,return', () => {
    const t = readValueTable(fixture('peer_returns_long.csv'), { file: 'returns.csv' });
    expect(t.shape).toBe('long');
    expect(t.valueColumn).toBe('return');
    expect(t.symbols).toEqual(['S000', 'S001', 'S002', 'S003']);
    expect(t.days.length).toBe(9);
    expect(col(t, 'S000')[0]).toBe(-0.02682310892);
    expect(col(t, 'S003')[1]).toBe(-0.009739769652);
  });

  it('accepts any column order and names, fills absent days with NaN', () => {
    const t = read('Ticker,Close,Trade_Date\nAAA,10,2020-01-03\nBBB,20,2020-01-02\nAAA,11,2020-01-02\n');
    expect(t.shape).toBe('long');
    expect(Array.from(t.days, formatDay)).toEqual(['2020-01-02', '2020-01-03']);
    expect(Array.from(col(t, 'AAA'))).toEqual([11, 10]);
    expect(Number.isNaN(col(t, 'BBB')[1])).toBe(true);
  });

  it('reads numeric symbol codes when the column is named like a symbol', () => {
    const t = read('date,code,value\n2020-01-02,600519,1.5\n2020-01-02,000001,2.5\n');
    expect(t.shape).toBe('long');
    expect(t.symbols).toEqual(['600519', '000001']);
  });

  it('numeric ids under an unknown header read as wide, and the repeated date says how to fix it', () => {
    const e = dataError(() => read('date,gvkey2,ret\n2020-01-02,1001,0.5\n2020-01-02,1002,0.25\n'), { line: 3, field: 'gvkey2' }, /appears twice/);
    expect(e.message).toContain('name its symbol column "symbol"');
    expect(read('date,gvkey,ret\n2020-01-02,1001,0.5\n2020-01-02,1002,0.25\n').symbols).toEqual(['1001', '1002']);
  });

  it('a two-symbol wide table stays wide', () => {
    const t = read('date,AAA,BBB\n2020-01-02,1,2\n2020-01-03,NA,4\n');
    expect(t.shape).toBe('wide');
    expect(t.symbols).toEqual(['AAA', 'BBB']);
  });

  it('drops identical repeated rows with a warning; conflicting ones are errors naming both lines', () => {
    const t = read('date,symbol,value\n2020-01-02,A,1\n2020-01-03,A,2\n2020-01-02,A,1\n');
    expect(t.days.length).toBe(2);
    expect(t.warnings).toMatchObject([{ code: 'duplicate-row', location: { file: 'r.csv', line: 4 } }]);
    const e = dataError(
      () => read('date,symbol,value\n2020-01-02,A,1\n2020-01-03,A,2\n2020-01-02,A,1.5\n'),
      { file: 'r.csv', line: 4, field: 'value', value: '1.5' },
      /appears twice/,
    );
    expect(e.message).toContain('line 2 has 1');
  });

  it('refuses a long table with several value columns', () => {
    const e = dataError(
      () => read('date,symbol,open,close\n2020-01-02,AAA,1,2\n'),
      { file: 'r.csv', line: 1, field: 'symbol' },
      /exactly three columns/,
    );
    expect(e.message).toContain('"open", "close"');
  });
});

describe('readValueTable: values, dates and order', () => {
  it('missing spellings: NA, NaN, null, empty, #N/A', () => {
    const t = read('date,A,B,C,D,E\n2020-01-02,NA,NaN,null,,#N/A\n2020-01-03,1,2,3,4,5\n');
    expect(t.columns.every((c) => Number.isNaN(c[0]) && !Number.isNaN(c[1]))).toBe(true);
  });

  it('non-numeric and infinite values are errors naming file, line, column and value', () => {
    const e = dataError(() => read('date,A,B\n2020-01-02,1,2\n2020-01-03,3,n.a.\n'), { file: 'r.csv', line: 3, field: 'B', value: 'n.a.' }, /not a number/);
    expect(e.format()).toBe('r.csv:3: B "n.a.": not a number (missing values may be empty, NA, NaN or null)');
    dataError(() => read('date,A\n2020-01-02,inf\n'), { line: 2, field: 'A', value: 'inf' }, /infinite/);
    dataError(() => read('date,A\n2020-01-02,-Inf\n'), { line: 2, field: 'A', value: '-Inf' }, /infinite/);
    dataError(() => read('date,A\n2020-01-02,1e999\n'), { line: 2, field: 'A', value: '1e999' }, /infinite/);
    dataError(() => read('date,A\n2020-01-02,0x1F\n'), { line: 2, field: 'A', value: '0x1F' }, /not a number/);
  });

  it('every date format, including YYYYMMDD and datetimes', () => {
    for (const [cell, format] of [
      ['2020-01-02', 'YYYY-MM-DD'],
      ['20200102', 'YYYYMMDD'],
      ['02/01/2020', 'DD/MM/YYYY'],
      ['2020-01-02 00:00:00', 'YYYY-MM-DD'],
    ] as const) {
      const t = read(`date,A\n${cell},1\n`);
      expect(t.dateFormat).toBe(format);
      expect(formatDay(t.days[0])).toBe('2020-01-02');
    }
  });

  it('mixed date formats are an error naming the line', () => {
    dataError(() => read('date,A\n2020-01-02,1\n2020-01-03,1\n06/01/2020,1\n'), { file: 'r.csv', line: 4, field: 'date', value: '06/01/2020' }, /mixed date formats/);
  });

  it('sorts newest-first files ascending, with a note', () => {
    const t = read('date,A\n2020-01-06,3\n2020-01-03,2\n2020-01-02,1\n');
    expect(Array.from(t.days, formatDay)).toEqual(['2020-01-02', '2020-01-03', '2020-01-06']);
    expect(Array.from(t.columns[0])).toEqual([1, 2, 3]);
    expect(t.warnings).toMatchObject([{ code: 'rows-sorted', message: expect.stringContaining('newest first') }]);
  });

  it('repeated dates in a wide table: identical rows dropped, conflicts refused', () => {
    const t = read('date,A,B\n2020-01-02,1,NA\n2020-01-03,2,3\n2020-01-02,1,NA\n');
    expect(t.days.length).toBe(2);
    expect(t.warnings.map((w) => w.code)).toEqual(['rows-sorted', 'duplicate-row']);
    const e = dataError(() => read('date,A,B\n2020-01-02,1,NA\n2020-01-03,2,3\n2020-01-02,1,5\n'), { file: 'r.csv', line: 4, field: 'B', value: '5' }, /appears twice with different values/);
    expect(e.message).toContain('line 2 has NA');
  });

  it('drops the row-number column R write.csv and pandas to_csv add', () => {
    const t = read('"","date","A"\n"1",2020-01-02,0.5\n"2",2020-01-03,0.25\n');
    expect(t.symbols).toEqual(['A']);
    expect(t.warnings[0].code).toBe('row-names-dropped');
    // A nameless first column holding dates is the date column (pandas DatetimeIndex).
    expect(read(',A,B\n2020-01-02,1,2\n').symbols).toEqual(['A', 'B']);
  });

  it('reads semicolon files with decimal commas (R write.csv2)', () => {
    const t = read('date;A;B\n2020-01-02;0,5;-1,25\n');
    expect(Array.from(t.columns.map((c) => c[0]))).toEqual([0.5, -1.25]);
  });

  it('structural errors name file, line, column and what was seen', () => {
    dataError(() => read(''), { file: 'r.csv', line: 1 }, /empty file/);
    dataError(() => read('date\n2020-01-02\n'), { file: 'r.csv', line: 1, field: 'header' }, /the header has "date"/);
    dataError(() => read('date,A\n'), { file: 'r.csv', line: 1 }, /no data rows/);
    dataError(() => read('date,A,A\n2020-01-02,1,2\n'), { file: 'r.csv', line: 1, field: 'A', value: 'A' }, /appears twice/);
    dataError(() => read('date,A,\n2020-01-02,1,2\n'), { file: 'r.csv', line: 1, field: 'column 3' }, /no name/);
    dataError(() => read('date,A,B\n2020-01-02,1\n'), { file: 'r.csv', line: 2, field: 'B' }, /2 cells but the header has 3/);
    dataError(() => read('date,A\n2020-01-02,1,7\n'), { file: 'r.csv', line: 2, value: '7' }, /3 cells/);
    // A trailing delimiter (Excel) is tolerated.
    expect(read('date,A\n2020-01-02,1,\n').columns[0][0]).toBe(1);
  });
});
