import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../../src/data/prices/detect.js';
import { parsePrices } from '../../../src/data/prices/parse.js';
import type { PriceLayout } from '../../../src/data/prices/types.js';
import { closeOn, dates, expectError, fixture, fixtureText } from './helpers.js';

function header(line: string): { names: string[]; line: string } {
  return { names: line.replace(/^\uFEFF/, '').split(',').map((s) => s.trim().replace(/^"|"$/g, '')), line };
}

function isAscending(days: Int32Array): boolean {
  for (let i = 1; i < days.length; i++) if (days[i] <= days[i - 1]) return false;
  return true;
}

describe('layout detection from the header', () => {
  const cases: [string, PriceLayout][] = [
    ['日期,开盘,收盘,最高,最低,成交量,成交额,振幅,涨跌幅,涨跌额,换手率', 'akshare'],
    ['日期,股票代码,开盘,收盘,最高,最低,成交量,成交额,振幅,涨跌幅,涨跌额,换手率', 'akshare'],
    ['date,open,high,low,close,volume', 'canonical'],
    ['date,open,close,high,low,volume,amount,symbol', 'canonical'],
    ['date,volume,low,close,open,high', 'canonical'],
    ['date,open,close,high,low,volume,amount,amplitude,change_percent,change_amount,turnover,symbol', 'canonical'],
    ['Date,Open,High,Low,Close,Adj Close,Volume', 'yfinance'],
    ['Date,Open,High,Low,Close,Volume,Dividends,Stock Splits', 'yfinance'],
    ['Date,Close', 'yfinance'],
    ['date,open,close,high,low,volume,amount,turn,pctChg', 'baostock'],
    ['date,code,open,high,low,close,preclose,volume,amount,adjustflag,turn,tradestatus,pctChg,isST', 'baostock'],
    ['ts_code,trade_date,open,high,low,close,pre_close,change,pct_chg,vol,amount', 'tushare'],
    ['Date, Open, High, Low, Close', 'wsj'],
    ['"日期","收盘","开盘","高","低","交易量","涨跌幅"', 'investing-cn'],
  ];
  it.each(cases)('%s -> %s', (line, layout) => {
    expect(detectLayout(header(line))).toBe(layout);
  });

  it('tells WSJ from a volume-less yfinance file only by the blanks after the commas', () => {
    expect(detectLayout(header('Date,Open,High,Low,Close'))).toBe('yfinance');
    expect(detectLayout(header('Date, Open, High, Low, Close'))).toBe('wsj');
  });

  it('gives up on a header no layout fits, showing the header', () => {
    expect(detectLayout(header('when,price'))).toBeUndefined();
    expectError(() => parsePrices('when,price\n2023-01-03,1\n', { file: 'odd.csv' }), {
      file: 'odd.csv',
      line: 1,
      field: 'header',
      value: 'when,price',
    }, /cannot tell the price layout/);
  });

  it('every fixture is detected as its layout', () => {
    const expected: Record<string, PriceLayout> = {
      'akshare-300418.csv': 'akshare',
      'samleon-300418.csv': 'canonical',
      'canonical-000300.SH.csv': 'canonical',
      'canonical-399006.SZ.csv': 'canonical',
      'canonical-000688.SH.csv': 'canonical',
      'canonical-512760.csv': 'canonical',
      'yfinance-9988.HK.csv': 'yfinance',
      'yfinance-BABA.csv': 'yfinance',
      'yfinance-SPY.csv': 'yfinance',
      'baostock-000852.csv': 'baostock',
      'baostock-300418-full.csv': 'baostock',
      'tushare-300418.csv': 'tushare',
      'wsj-HSI.csv': 'wsj',
      'investing-hstech.csv': 'investing-cn',
    };
    for (const [file, layout] of Object.entries(expected)) {
      expect(parsePrices(fixture(file), { file }).layout, file).toBe(layout);
    }
  });
});

describe('AKShare (Chinese headers)', () => {
  const p = parsePrices(fixture('akshare-300418.csv'), { file: 'akshare-300418.csv' });
  it('reads every column into the series', () => {
    const s = p.series;
    expect(s.days.length).toBe(23);
    expect(dates(s)[0]).toBe('2023-03-24');
    const i = dates(s).indexOf('2023-04-11');
    expect([s.open![i], s.close[i], s.high![i], s.low![i]]).toEqual([44.4, 45.76, 48.42, 43.95]);
    expect(s.volume![i]).toBe(1701378);
    expect(s.amount![i]).toBe(7763381226);
    expect(s.pctChange![i]).toBe(9.5);
    expect(s.turnoverRate![i]).toBe(15.76);
    expect(closeOn(s, '2023-04-24')).toBe(55.8);
    expect(p.warnings).toEqual([]);
    expect(p.closeColumn).toBe('收盘');
  });
});

describe('canonical (named English columns, any order)', () => {
  it('CSI 300 with date,open,close,high,low order', () => {
    const s = parsePrices(fixture('canonical-000300.SH.csv')).series;
    expect(closeOn(s, '2022-12-30')).toBe(3871.63);
    expect(s.turnoverRate).toBeNull();
  });
  it('ChiNext with date,open,high,low,close order', () => {
    expect(closeOn(parsePrices(fixture('canonical-399006.SZ.csv')).series, '2022-12-30')).toBe(2346.767);
  });
  it('STAR 50 with extra columns, change_percent read as the percent change', () => {
    const s = parsePrices(fixture('canonical-000688.SH.csv')).series;
    expect(closeOn(s, '2022-12-30')).toBe(959.9);
    expect(s.pctChange![dates(s).indexOf('2022-12-30')]).toBe(-0.24);
  });
  it('an ETF', () => {
    expect(closeOn(parsePrices(fixture('canonical-512760.csv')).series, '2022-12-30')).toBe(0.934);
  });
});

describe('SamLeon360 (newest first, duplicated rows)', () => {
  const p = parsePrices(fixture('samleon-300418.csv'), { file: 'samleon-300418.csv' });
  it('sorts ascending and drops the identical repeat of 2023-01-04 with a warning', () => {
    expect(isAscending(p.series.days)).toBe(true);
    expect(p.series.days.length).toBe(22);
    expect(dates(p.series).filter((d) => d === '2023-01-04')).toHaveLength(1);
    expect(closeOn(p.series, '2023-01-04')).toBe(14.72);
    expect(p.warnings).toEqual([
      {
        code: 'duplicate-row',
        message: 'identical to line 13: dropped',
        location: { file: 'samleon-300418.csv', line: 14, field: 'date', value: '2023-01-04' },
      },
    ]);
  });
  it('maps date,volume,low,close,open,high by name (2022-12-30: traded close equals the forward-adjusted 14.41)', () => {
    const s = p.series;
    const i = dates(s).indexOf('2022-12-30');
    expect([s.open![i], s.high![i], s.low![i], s.close[i], s.volume![i]]).toEqual([13.87, 14.41, 13.83, 14.41, 306936409.95]);
  });
});

describe('yfinance', () => {
  it('takes the calendar date as written from a timestamp with +08:00 (no shift to UTC)', () => {
    const s = parsePrices(fixture('yfinance-9988.HK.csv')).series;
    expect(dates(s)).toContain('2022-12-30');
    expect(closeOn(s, '2022-12-30')).toBeCloseTo(85.96, 2);
    expect(dates(s)).not.toContain('2022-12-29T16');
  });

  it('uses Close by default and Adj Close on request, rescaling open/high/low with it', () => {
    const plain = parsePrices(fixture('yfinance-BABA.csv'));
    const adj = parsePrices(fixture('yfinance-BABA.csv'), { closeColumn: 'Adj Close' });
    const i = dates(plain.series).indexOf('2022-12-30');
    expect(plain.series.close[i]).toBe(88.089996);
    expect(adj.series.close[i]).toBe(86.921539);
    expect(adj.closeColumn).toBe('Adj Close');
    const ratio = 86.921539 / 88.089996;
    expect(adj.series.high![i]).toBeCloseTo(89.410004 * ratio, 9);
    expect(adj.series.low![i]).toBeCloseTo(87.410004 * ratio, 9);
  });

  it('reads a Date,Close file with no other column', () => {
    const s = parsePrices(fixture('yfinance-SPY.csv')).series;
    expect(closeOn(s, '2022-12-30')).toBeCloseTo(365.6734, 4);
    expect([s.open, s.high, s.low, s.volume]).toEqual([null, null, null, null]);
  });

  it('names a missing closeColumn', () => {
    expectError(() => parsePrices(fixture('yfinance-SPY.csv'), { file: 'spy.csv', closeColumn: 'Adj Close' }), {
      file: 'spy.csv',
      line: 1,
      field: 'Adj Close',
    }, /missing column "Adj Close"/);
  });
});

describe('baostock', () => {
  it('short form', () => {
    const s = parsePrices(fixture('baostock-000852.csv')).series;
    expect(closeOn(s, '2022-12-30')).toBe(6281.6209);
    expect(s.turnoverRate![dates(s).indexOf('2022-12-30')]).toBe(1.081883);
  });
  it('full form: a tradestatus 0 (suspended) row is skipped with a note', () => {
    const p = parsePrices(fixture('baostock-300418-full.csv'), { file: 'bs.csv' });
    expect(dates(p.series)).not.toContain('2023-04-07');
    expect(p.series.days.length).toBe(11);
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatchObject({ code: 'skipped-row', location: { file: 'bs.csv', line: 11, value: '2023-04-07' } });
    expect(p.warnings[0].message).toMatch(/suspended/);
  });
});

describe('Tushare', () => {
  it('reads trade_date as YYYYMMDD, newest first, and agrees with the AKShare rows it was built from', () => {
    const tu = parsePrices(fixture('tushare-300418.csv')).series;
    const ak = parsePrices(fixture('akshare-300418.csv')).series;
    expect(isAscending(tu.days)).toBe(true);
    expect(Array.from(tu.days)).toEqual(Array.from(ak.days));
    expect(Array.from(tu.close)).toEqual(Array.from(ak.close));
    expect(closeOn(tu, '2023-04-24')).toBe(55.8);
  });
});

describe('WSJ', () => {
  it('reads MM/DD/YY newest first with blanks after commas', () => {
    const p = parsePrices(fixture('wsj-HSI.csv'));
    expect(isAscending(p.series.days)).toBe(true);
    expect(closeOn(p.series, '2022-12-30')).toBe(19781.41);
    expect(p.series.volume).toBeNull();
  });
});

describe('investing.com Chinese export', () => {
  it('reads quoted numbers with thousands separators, unpadded dates, M volumes and percents', () => {
    const p = parsePrices(fixture('investing-hstech.csv'));
    expect(p.encoding).toBe('utf-8-bom');
    const s = p.series;
    expect(isAscending(s.days)).toBe(true);
    const i = dates(s).indexOf('2023-04-24');
    expect(s.close[i]).toBe(3961.17);
    expect(s.volume![i]).toBeGreaterThan(1e8);
    expect(Number.isInteger(s.volume![i])).toBe(true);
  });
  it('reads B volumes', () => {
    const s = parsePrices(fixture('investing-hstech-2022-03.csv')).series;
    const i = dates(s).indexOf('2022-03-15');
    expect(s.volume![i]).toBe(1.46e9);
    expect(s.pctChange![i]).toBe(-8.1);
  });
  it('reads K volumes and warns of the zero-volume day', () => {
    const p = parsePrices(fixture('investing-hstech-2024-07.csv'), { file: 'x.csv' });
    expect(p.warnings.map((w) => [w.code, w.location.line, w.location.value])).toEqual([['zero-volume', 6, '0.00K']]);
  });
});

describe('layout named instead of detected', () => {
  it('reads with the named layout and reports its missing columns', () => {
    expect(parsePrices(fixtureText('canonical-000300.SH.csv'), { layout: 'canonical' }).layout).toBe('canonical');
    expectError(() => parsePrices(fixtureText('canonical-000300.SH.csv'), { file: 'f.csv', layout: 'tushare' }), {
      file: 'f.csv',
      line: 1,
      field: 'trade_date',
    }, /missing column "trade_date" \(required by layout tushare\)/);
  });
});
