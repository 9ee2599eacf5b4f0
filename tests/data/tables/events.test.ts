import { describe, expect, it } from 'vitest';
import { readEventsTable } from '../../../src/data/tables/index.js';
import { dataError, day, fixture } from './helpers.js';

const read = (text: string) => readEventsTable(text, { file: 'e.csv' }).events;

describe('readEventsTable: real files', () => {
  it('lemaire 10K.csv: BOM, security_ticker / market_ticker, dd/mm/yyyy', () => {
    const text = fixture('10K.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const t = readEventsTable(text, { file: '10K.csv' });
    expect(t.dateFormat).toBe('DD/MM/YYYY');
    expect(t.events.length).toBe(41);
    expect(t.events[0]).toEqual({ id: '1', symbol: 'AAPL', day: day('2019-10-31'), date: '2019-10-31', timing: 'unknown', market: 'SPY', line: 2 });
    expect(t.events[40]).toMatchObject({ id: '41', symbol: 'FB', date: '2014-01-31', line: 42 });
  });

  it('eventstudies_r name,when files', () => {
    const terror = read(fixture('TerrorAttack.csv'));
    expect(terror.length).toBe(33);
    expect(terror[0]).toMatchObject({ id: '1', symbol: 'S.P500', date: '2001-09-17' });
    expect(read(fixture('SplitDates.csv'))[0]).toMatchObject({ symbol: 'BHEL', date: '2011-10-03' });
  });

  it('datetimes keep their time (RateCuts.csv)', () => {
    const e = read(fixture('RateCuts.csv'));
    expect(e[0]).toMatchObject({ symbol: 'AXISBANK1', date: '2008-10-20', time: '05:30:00' });
  });
});

describe('readEventsTable: columns', () => {
  it('uses id, group, timing and market columns when present', () => {
    const e = read('ID,Ticker,Event Date,Group,Timing,Market\nev-1,AAPL,2020-01-02,tech,after_close,SPY\nev-2,MSFT,2020-01-03,,BMO,\n');
    expect(e).toEqual([
      { id: 'ev-1', symbol: 'AAPL', day: day('2020-01-02'), date: '2020-01-02', timing: 'after-close', group: 'tech', market: 'SPY', line: 2 },
      { id: 'ev-2', symbol: 'MSFT', day: day('2020-01-03'), date: '2020-01-03', timing: 'pre-open', line: 3 },
    ]);
  });

  it('ids default to the data-row number, not the file line', () => {
    const e = read('\nsymbol,date\n\nA,2020-01-02\n\nB,2020-01-03\n');
    expect(e.map((x) => [x.id, x.line])).toEqual([
      ['1', 4],
      ['2', 6],
    ]);
  });

  it('prefers the earlier alias when several symbol columns exist', () => {
    expect(read('name,ticker,date\nApple Inc,AAPL,2020-01-02\n')[0].symbol).toBe('AAPL');
    expect(read('company,eventdate\nApple,2020-01-02\n')[0].symbol).toBe('Apple');
  });

  it('missing columns: error at line 1 listing what the header has', () => {
    const e = dataError(() => read('ticker,value\nAAPL,1\n'), { file: 'e.csv', line: 1, field: 'date', value: 'ticker,value' }, /no date column/);
    expect(e.message).toContain('event_date, date, when');
    expect(e.message).toContain('"ticker", "value"');
    dataError(() => read('foo,date\nx,2020-01-02\n'), { line: 1, field: 'symbol' }, /no symbol column: expected one of symbol, security_ticker/);
  });

  it('row errors name file, line, column and value', () => {
    dataError(() => read('id,symbol,date\na,X,2020-01-02\nb,Y,2020-01-03\na,Z,2020-01-04\n'), { file: 'e.csv', line: 4, field: 'id', value: 'a' }, /duplicate event id \(first used on line 2\)/);
    dataError(() => read('symbol,date\nX,2020-01-02\nY,03/01/2020\n'), { line: 3, field: 'date', value: '03/01/2020' }, /mixed date formats/);
    dataError(() => read('symbol,date\n,2020-01-02\n'), { line: 2, field: 'symbol', value: '' }, /empty symbol/);
    dataError(() => read('symbol,date,timing\nX,2020-01-02,lunch\n'), { line: 2, field: 'timing', value: 'lunch' }, /unknown timing/);
    dataError(() => read('symbol,date\nX,31/02/2020\n'), { line: 2, value: '31/02/2020' }, /not a real calendar date/);
    dataError(() => read('symbol,date\n'), { line: 1 }, /no events/);
    dataError(() => read('id,symbol,date\n,X,2020-01-02\n'), { line: 2, field: 'id' }, /empty event id/);
  });
});
