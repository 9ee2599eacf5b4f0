import { describe, expect, it } from 'vitest';
import { DateColumn } from '../../../src/data/tables/dates.js';
import { dataError, day } from './helpers.js';

describe('DateColumn', () => {
  it.each([
    ['2019-10-31', 'YYYY-MM-DD'],
    ['2019/10/31', 'YYYY/MM/DD'],
    ['20191031', 'YYYYMMDD'],
    ['31/10/2019', 'DD/MM/YYYY'],
    ['31.10.2019', 'DD.MM.YYYY'],
    ['2019-10-31 05:30:00', 'YYYY-MM-DD'],
    ['2019-10-31T22:15:00Z', 'YYYY-MM-DD'],
  ])('reads %s as %s', (cell, format) => {
    const d = new DateColumn('f.csv', 'date');
    expect(d.day(cell, 2)).toBe(day('2019-10-31'));
    expect(d.format).toBe(format);
  });

  it('keeps the time of day but takes the date', () => {
    const d = new DateColumn('f.csv', 'when');
    expect(d.parse('2008-10-20 05:30:00', 2)).toEqual({ day: day('2008-10-20'), time: '05:30:00' });
    expect(d.parse('2008-10-21', 3)).toEqual({ day: day('2008-10-21'), time: undefined });
  });

  it('refuses a second format, naming both lines', () => {
    const d = new DateColumn('f.csv', 'date');
    d.day('2020-01-02', 2);
    const e = dataError(() => d.day('03/01/2020', 7), { file: 'f.csv', line: 7, field: 'date', value: '03/01/2020' }, /mixed date formats/);
    expect(e.message).toContain('line 2 used YYYY-MM-DD');
  });

  it('refuses impossible dates, hinting at month-first files', () => {
    const d = new DateColumn('f.csv', 'date');
    dataError(() => d.day('2023-02-30', 4), { line: 4, value: '2023-02-30' }, /not a real calendar date/);
    const d2 = new DateColumn('f.csv', 'date');
    dataError(() => d2.day('10/31/2019', 2), { line: 2, value: '10/31/2019' }, /month first/);
  });

  it('explains event-time offsets and monthly dates', () => {
    dataError(() => new DateColumn('k.csv', 'date').day('-30', 2), { file: 'k.csv', line: 2, value: '-30' }, /event-time tables are not supported/);
    dataError(() => new DateColumn('k.csv', 'date').day('192607', 2), { value: '192607' }, /monthly/);
    dataError(() => new DateColumn('k.csv', 'date').day('Jan 2, 2020', 2), { value: 'Jan 2, 2020' }, /unrecognised date/);
    dataError(() => new DateColumn('k.csv', 'date').day('', 9), { line: 9, field: 'date' }, /empty date/);
  });
});
