/**
 * The on-disk column cache: a hit returns exactly what parsing returns, a changed file is parsed
 * again, a damaged or half-written entry is ignored, and the environment switches it.
 */
import { mkdtempSync, readdirSync, readFileSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDirFromEnv, checkPricesCached } from '../../../src/data/prices/cache.js';
import { checkPrices, openPriceStore } from '../../../src/data/prices/index.js';
import { prefetchPrices } from '../../../src/data/prices/prefetch.js';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'prices');

function setup(fixture = 'akshare-300418.csv'): { dir: string; file: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'evstudy-cache-test-'));
  const file = join(dir, 'p.csv');
  writeFileSync(file, readFileSync(join(FIX, fixture)));
  return { dir, file, cache: join(dir, 'cache') };
}

const entries = (cache: string) => readdirSync(join(cache, 'columns')).map((f) => join(cache, 'columns', f));

describe('column cache', () => {
  it('a hit gives the same prices, warnings and metadata as parsing', () => {
    for (const fixture of ['akshare-300418.csv', 'yfinance-BABA.csv', 'investing-hstech.csv', 'akshare-300418-gb18030.csv']) {
      const { file, cache } = setup(fixture);
      const plain = checkPrices(readFileSync(file), { file });
      const first = checkPricesCached(file, { file }, cache);
      const second = checkPricesCached(file, { file }, cache);
      expect(first.source).toBe('parsed');
      expect(second.source).toBe('cache');
      expect(second.prices).toEqual(plain.prices);
      expect(second.warnings).toEqual(plain.warnings);
    }
  });

  it('a changed file is parsed again; a touched but unchanged one is re-hashed and still hits', () => {
    const { file, cache } = setup();
    checkPricesCached(file, { file }, cache);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('2023-03-27,40.0,42.45', '2023-03-27,40.0,42.55'));
    const changed = checkPricesCached(file, { file }, cache);
    expect(changed.source).toBe('parsed');
    expect(changed.prices!.series.close).toContain(42.55);
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect(checkPricesCached(file, { file }, cache).source).toBe('cache');
  });

  it('a corrupt or truncated entry is ignored and rewritten', () => {
    const { file, cache } = setup();
    const plain = checkPrices(readFileSync(file), { file });
    checkPricesCached(file, { file }, cache);
    const [entry] = entries(cache);
    const bytes = readFileSync(entry);
    bytes[bytes.length - 40] ^= 0xff;
    writeFileSync(entry, bytes);
    const afterFlip = checkPricesCached(file, { file }, cache);
    expect(afterFlip.source).toBe('parsed');
    expect(afterFlip.prices).toEqual(plain.prices);
    truncateSync(entries(cache)[0], 100);
    expect(checkPricesCached(file, { file }, cache).source).toBe('parsed');
    expect(checkPricesCached(file, { file }, cache).source).toBe('cache');
  });

  it('files with errors are reported every time and never cached; null turns the cache off', () => {
    const { file, cache } = setup();
    writeFileSync(file, readFileSync(file, 'utf8').replace('2023-03-27,40.0,42.45', '2023-03-27,40.0,-42.45'));
    expect(checkPricesCached(file, { file }, cache).errors).toHaveLength(1);
    expect(checkPricesCached(file, { file }, cache).source).toBe('parsed');
    expect(checkPricesCached(file, { file }, null).source).toBe('uncached');
  });

  it('EVSTUDY_CACHE_DIR / EVSTUDY_NO_CACHE', () => {
    expect(cacheDirFromEnv({}, '/w')).toBe('/w/.evstudy-cache');
    expect(cacheDirFromEnv({ EVSTUDY_CACHE_DIR: '/c' }, '/w')).toBe('/c');
    expect(cacheDirFromEnv({ EVSTUDY_NO_CACHE: '1' }, '/w')).toBeNull();
    expect(cacheDirFromEnv({ EVSTUDY_NO_CACHE: '0' }, '/w')).toBe('/w/.evstudy-cache');
  });

  it('the price store reads through it', () => {
    const { dir, cache } = setup();
    writeFileSync(join(dir, 'manifest.yaml'), '- {symbol: "300418.SZ", name: x, file: p.csv, exchange: SZSE, currency: CNY, adjustment: forward, source: test}\n');
    const a = openPriceStore(dir, { cacheDir: cache });
    expect(a.check('300418.SZ').source).toBe('parsed');
    const b = openPriceStore(dir, { cacheDir: cache });
    expect(b.check('300418.SZ').source).toBe('cache');
    expect(b.get('300418.SZ').series).toEqual(a.get('300418.SZ').series);
  });

  it('prefetch parses into the cache on a worker; the store then loads from it', async () => {
    const { dir, cache } = setup();
    writeFileSync(join(dir, 'b.csv'), readFileSync(join(FIX, 'baostock-000852.csv')));
    writeFileSync(
      join(dir, 'manifest.yaml'),
      '- {symbol: "300418.SZ", name: x, file: p.csv, exchange: SZSE, currency: CNY, adjustment: forward, source: test}\n' +
        '- {symbol: "000852.SH", name: y, file: b.csv, exchange: SSE, currency: CNY, adjustment: none, source: test}\n',
    );
    const store = openPriceStore(dir, { cacheDir: cache });
    expect(await prefetchPrices(store, undefined, { threads: 1 })).toEqual({ parsed: 2, cached: 0, failed: 0 });
    expect(store.check('300418.SZ').source).toBe('cache');
    expect(store.check('000852.SH').source).toBe('cache');
    expect(await prefetchPrices(openPriceStore(dir, { cacheDir: cache }), undefined, { threads: 1 })).toEqual({ parsed: 0, cached: 2, failed: 0 });
  });
});
