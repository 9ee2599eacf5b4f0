import { describe, expect, it } from 'vitest';
import { marketSeries, pickColumn, readValueTable, rMangledName } from '../../../src/data/tables/index.js';
import { dataError, fixture } from './helpers.js';

const gafam = () => readValueTable(fixture('returns_GAFAM.csv'), { file: 'returns_GAFAM.csv' });

describe('pickColumn / marketSeries', () => {
  it('picks a column by exact name, then case-insensitively', () => {
    const t = gafam();
    const spy = pickColumn(t, 'SPY');
    expect(spy.name).toBe('SPY');
    expect(spy.values).toBe(t.columns[5]);
    expect(spy.days).toBe(t.days);
    expect(pickColumn(t, 'spy').name).toBe('SPY');
  });

  it('finds R-mangled headers from the original name (^GSPC -> X.GSPC)', () => {
    expect(rMangledName('^GSPC')).toBe('X.GSPC');
    expect(rMangledName('S&P500')).toBe('S.P500');
    expect(rMangledName('Bajaj.Auto')).toBe('Bajaj.Auto');
    const indx = readValueTable(fixture('estudy2_rates_indx.csv'), { file: 'indx.csv' });
    expect(pickColumn(indx, '^GSPC').name).toBe('X.GSPC');
  });

  it('an unknown column is an error listing the available ones', () => {
    const e = dataError(() => pickColumn(gafam(), 'QQQ'), { file: 'returns_GAFAM.csv', line: 1, field: 'column', value: 'QQQ' });
    expect(e.message).toBe('no column "QQQ"; the file has "AAPL", "AMZN", "FB", "GOOG", "MSFT", "SPY"');
  });

  it('a market file with one value column needs no --market-column', () => {
    const m = readValueTable(fixture('peer_market.csv'), { file: 'market.csv' });
    const s = marketSeries(m);
    expect(s.name).toBe('return');
    expect(s.values[0]).toBe(0.006779062042);
  });

  it('several value columns need --market-column, and the error lists them', () => {
    const t = gafam();
    const e = dataError(() => marketSeries(t), { file: 'returns_GAFAM.csv', line: 1 }, /choose one with --market-column/);
    expect(e.message).toContain('"AAPL", "AMZN", "FB", "GOOG", "MSFT", "SPY"');
    expect(marketSeries(t, 'SPY').name).toBe('SPY');
  });

  it('works on long tables, where the columns are symbols', () => {
    const t = readValueTable(fixture('peer_returns_long.csv'), { file: 'returns.csv' });
    expect(pickColumn(t, 'S002').values[0]).toBe(0.02207949986);
    dataError(() => pickColumn(t, 'S999'), { field: 'symbol', value: 'S999' }, /no symbol "S999"/);
  });
});
