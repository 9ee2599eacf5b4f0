import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPriceStore } from '../../../src/data/prices/store.js';
import { ConfigError, DataError } from '../../../src/util/errors.js';
import { closeOn, dates, expectError, fixtureText, REPO } from './helpers.js';
import { tempDir } from '../../helpers/cli.js';

const PRICES = join(REPO, 'prices');

describe('PriceStore over the shipped prices/manifest.yaml', () => {
  const store = openPriceStore(PRICES);

  it('every entry loads without error, ascending, within its trimmed range', () => {
    for (const e of store.entries()) {
      const p = store.get(e.symbol);
      const d = dates(p.series);
      expect(d.length, e.symbol).toBeGreaterThan(100);
      expect(p.series.days.every((day, i, all) => i === 0 || day > all[i - 1]), e.symbol).toBe(true);
      if (e.trimmed) {
        const [from, to] = e.trimmed.split('..');
        expect(d[0] >= from && d[d.length - 1] <= to, e.symbol).toBe(true);
      }
    }
  });

  it('has the closes the sources were checked against', () => {
    const close = (symbol: string, date: string) => closeOn(store.get(symbol).series, date);
    expect(close('300418.SZ', '2022-12-30')).toBe(14.41);
    expect(close('300418.SZ', '2023-04-24')).toBe(55.8);
    expect(close('601360.SH', '2022-12-30')).toBe(6.54);
    expect(close('601360.SH', '2023-04-24')).toBe(16.58);
    expect(close('688327.SH', '2022-12-30')).toBe(10.94);
    expect(close('688327.SH-unadj', '2022-12-30')).toBe(15.31);
    expect(close('HSI', '2022-12-30')).toBe(19781.41);
    expect(close('9988.HK', '2022-12-30')).toBeCloseTo(85.96, 2);
    expect(close('000300.SH', '2022-12-30')).toBe(3871.63);
    expect(close('000688.SH', '2023-04-24')).toBe(1096.38);
    expect(close('HSTECH', '2023-04-24')).toBe(3961.17);
    expect(close('SPX', '2023-04-24')).toBe(4137.04);
    expect(close('BABA', '2022-12-30')).toBe(88.089996);
  });

  it('covers every listing of the default study except the two with no data anywhere', () => {
    for (const s of ['300418.SZ', '601360.SH', '002230.SZ', '688327.SH', '600104.SH', '9888.HK', 'BIDU', '9988.HK', 'BABA', 'ZH', '1810.HK', '3690.HK']) {
      expect(store.has(s), s).toBe(true);
    }
    expect(store.has('0020.HK')).toBe(false);
    expect(store.has('2390.HK')).toBe(false);
  });

  it('gives every stock a benchmark by its listing', () => {
    expect(store.entry('300418.SZ').benchmark).toBe('399006.SZ');
    expect(store.entry('688327.SH').benchmark).toBe('000688.SH');
    expect(store.entry('601360.SH').benchmark).toBe('000300.SH');
    expect(store.entry('002230.SZ').benchmark).toBe('000300.SH');
    expect(store.entry('9988.HK').benchmark).toBe('HSI');
    expect(store.entry('BIDU').benchmark).toBe('SPX');
    for (const e of store.entries()) if (e.kind === 'stock') expect(store.has(e.benchmark ?? ''), e.symbol).toBe(true);
  });

  it('lists every CSV file of prices/ and every file it lists exists', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const d of readdirSync(dir, { withFileTypes: true })) {
        // prices/names/ holds the A-share name list (its own descriptor, tests/claims/nameList.test.ts), not prices.
        if (d.isDirectory()) {
          if (relative(PRICES, join(dir, d.name)) !== 'names') walk(join(dir, d.name));
        }
        else if (d.name.endsWith('.csv')) files.push(relative(PRICES, join(dir, d.name)));
      }
    };
    walk(PRICES);
    expect(files.sort()).toEqual(store.entries().map((e) => e.file).sort());
  });

  it('memoizes: a file is parsed once per store', () => {
    expect(store.get('HSI')).toBe(store.get('HSI'));
  });

  it('an unknown symbol is a DataError naming the manifest', () => {
    expect(() => store.get('0020.HK')).toThrowError(new DataError('unknown symbol "0020.HK" (not in ' + join(PRICES, 'manifest.yaml') + ')'));
  });
});

describe('PriceStore reads lazily', () => {
  function folder(manifest: string, files: Record<string, string> = {}): string {
    const dir = tempDir('evstudy-prices-');
    writeFileSync(join(dir, 'manifest.yaml'), manifest);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }
  const entry = (symbol: string, file: string) =>
    `- {symbol: "${symbol}", name: x, file: ${file}, exchange: SZSE, currency: CNY, adjustment: forward, source: test}\n`;

  it('opens without touching the price files; a missing or broken file fails only when asked for', () => {
    const broken = fixtureText('akshare-300418.csv').replace('2023-03-27,40.0,42.45', '2023-03-27,40.0,-42.45');
    const dir = folder(entry('300418.SZ', 'a/ok.csv') + entry('000001.SZ', 'a/missing.csv') + entry('000002.SZ', 'a/broken.csv'), {
      'a/ok.csv': fixtureText('akshare-300418.csv'),
      'a/broken.csv': broken,
    });
    const store = openPriceStore(dir);
    expect(store.get('300418.SZ').series.days.length).toBe(23);
    expectError(() => store.get('000001.SZ'), { file: join(dir, 'a/missing.csv') }, /price file not found/);
    expectError(() => store.get('000002.SZ'), { file: join(dir, 'a/broken.csv'), line: 3, field: '收盘', value: '-42.45' }, /not positive/);
    expect(store.check('000002.SZ').errors).toHaveLength(1);
  });

  it('a folder without a manifest is a ConfigError', () => {
    const dir = tempDir('evstudy-prices-');
    expectError(() => openPriceStore(dir), { file: join(dir, 'manifest.yaml') }, /no price manifest/, ConfigError);
  });

  it('uses the manifest layout and closeColumn', () => {
    const dir = folder(
      '- {symbol: BABA, name: x, file: b.csv, layout: yfinance, closeColumn: Adj Close, exchange: NYSE, currency: USD, adjustment: dividend-adjusted, source: test}\n',
      { 'b.csv': fixtureText('yfinance-BABA.csv') },
    );
    expect(closeOn(openPriceStore(dir).get('BABA').series, '2022-12-30')).toBe(86.921539);
  });
});
