/**
 * The on-disk column cache: a hit returns exactly what parsing returns, a changed file is parsed
 * again, a damaged, foreign or moved entry is ignored (reported once) and rebuilt, the folder must
 * be the user's own, the size cap evicts least recently used entries, and the environment picks
 * the per-user folder.
 */
import { chmodSync, copyFileSync, readdirSync, readFileSync, renameSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheDirFromEnv, checkPricesCached, memoJson } from '../../../src/data/prices/cache.js';
import { evict, openCacheFolder } from '../../../src/data/prices/cache/folder.js';
import { cacheLocation } from '../../../src/data/prices/cache/location.js';
import { setCacheNoticeSink } from '../../../src/data/prices/cache/notice.js';
import { checkPrices, openPriceStore } from '../../../src/data/prices/index.js';
import { prefetchPrices } from '../../../src/data/prices/prefetch.js';
import { tempDir } from '../../helpers/cli.js';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'prices');

function setup(fixture = 'akshare-300418.csv'): { dir: string; file: string; cache: string } {
  const dir = tempDir('evstudy-cache-test-');
  const file = join(dir, 'p.csv');
  writeFileSync(file, readFileSync(join(FIX, fixture)));
  return { dir, file, cache: join(dir, 'cache') };
}

const entries = (cache: string) => readdirSync(join(cache, 'columns')).map((f) => join(cache, 'columns', f));

let notices: string[] = [];
beforeEach(() => {
  notices = [];
  setCacheNoticeSink((line) => notices.push(line));
});
afterEach(() => {
  setCacheNoticeSink((line) => void process.stderr.write(line));
});

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
    expect(notices).toEqual([]);
  });

  it('a changed file is parsed again; a touched but unchanged one still hits', () => {
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

  it('a corrupt or truncated entry is ignored, reported once and rewritten', () => {
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
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^evstudy: warning: ignored a column cache entry that failed verification/);
  });

  it("an entry signed with another folder's key, or renamed to stand for other bytes, is never used", () => {
    const a = setup();
    const b = setup();
    writeFileSync(b.file, readFileSync(b.file, 'utf8').replace('2023-03-27,40.0,42.45', '2023-03-27,40.0,42.55'));
    checkPricesCached(a.file, { file: a.file }, a.cache);
    checkPricesCached(b.file, { file: a.file }, a.cache);
    // Same bytes as a's file, but the entry comes from another user's cache (another key).
    checkPricesCached(a.file, { file: a.file }, b.cache);
    const [foreign] = entries(b.cache);
    const own = entries(a.cache);
    const target = own.find((f) => f.endsWith(foreign.slice(foreign.lastIndexOf('/') + 1)))!;
    copyFileSync(foreign, target);
    expect(checkPricesCached(a.file, { file: a.file }, a.cache).source).toBe('parsed');
    // b's changed bytes, signed with a's key, renamed to a's bytes' entry name.
    const other = own.find((f) => f !== target)!;
    renameSync(other, target);
    const r = checkPricesCached(a.file, { file: a.file }, a.cache);
    expect(r.source).toBe('parsed');
    expect(r.prices!.series.close).toContain(42.45);
    expect(r.prices!.series.close).not.toContain(42.55);
  });

  it('files with errors are reported every time and never cached; null turns the cache off', () => {
    const { file, cache } = setup();
    writeFileSync(file, readFileSync(file, 'utf8').replace('2023-03-27,40.0,42.45', '2023-03-27,40.0,-42.45'));
    expect(checkPricesCached(file, { file }, cache).errors).toHaveLength(1);
    expect(checkPricesCached(file, { file }, cache).source).toBe('parsed');
    expect(checkPricesCached(file, { file }, null).source).toBe('uncached');
  });

  it('a cache folder others may write to is not used (prices still parsed, one warning)', () => {
    const { dir, file } = setup();
    const shared = join(dir, 'shared');
    openCacheFolder(join(dir, 'probe'));
    renameSync(join(dir, 'probe'), shared);
    chmodSync(shared, 0o777);
    expect(checkPricesCached(file, { file }, shared).source).toBe('uncached');
    expect(checkPricesCached(file, { file }, shared).source).toBe('uncached');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/not using the cache folder .*shared: other users may write to it \(mode 777\)/);
    expect(readdirSync(shared)).toEqual(['key']);
  });

  it('the folder and key are private; a memo that fails its MAC is recomputed', () => {
    const { cache } = setup();
    let calls = 0;
    const compute = () => ({ n: ++calls });
    expect(memoJson(cache, 'manifest', ['x'], compute)).toEqual({ n: 1 });
    expect(memoJson(cache, 'manifest', ['x'], compute)).toEqual({ n: 1 });
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(statSync(join(cache, 'key')).mode & 0o777).toBe(0o600);
    const [memo] = readdirSync(join(cache, 'memo'));
    const path = join(cache, 'memo', memo);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"n":1', '"n":7'));
    expect(memoJson(cache, 'manifest', ['x'], compute)).toEqual({ n: 2 });
    expect(notices[0]).toMatch(/ignored a cache memo that failed verification/);
  });

  it('the size cap evicts least recently used entries first', () => {
    const { dir, cache } = setup();
    const files = ['akshare-300418.csv', 'yfinance-BABA.csv', 'investing-hstech.csv'].map((f, k) => {
      const path = join(dir, `${k}.csv`);
      writeFileSync(path, readFileSync(join(FIX, f)));
      checkPricesCached(path, { file: path }, cache);
      return path;
    });
    const byAge = entries(cache).sort();
    const old = new Date(Date.now() - 3_600_000);
    for (const e of byAge) utimesSync(e, old, old);
    // A hit marks its entry as used: the first file's entry survives eviction.
    expect(checkPricesCached(files[0], { file: files[0] }, cache).source).toBe('cache');
    const sizes = entries(cache).map((e) => statSync(e).size);
    const kept = evict(cache, Math.max(...sizes));
    expect(kept).toBeLessThanOrEqual(Math.max(...sizes));
    expect(entries(cache)).toHaveLength(1);
    expect(checkPricesCached(files[0], { file: files[0] }, cache).source).toBe('cache');
  });

  it('writes keep the folder under EVSTUDY_CACHE_MAX_BYTES', () => {
    const { dir, cache } = setup();
    const paths = ['akshare-300418.csv', 'yfinance-BABA.csv', 'investing-hstech.csv'].map((f, k) => {
      const path = join(dir, `${k}.csv`);
      writeFileSync(path, readFileSync(join(FIX, f)));
      return path;
    });
    const probe = join(dir, 'probe');
    checkPricesCached(paths[0], { file: paths[0] }, probe);
    const one = statSync(entries(probe)[0]).size;
    const saved = process.env.EVSTUDY_CACHE_MAX_BYTES;
    process.env.EVSTUDY_CACHE_MAX_BYTES = String(one + 100);
    try {
      for (const p of paths) checkPricesCached(p, { file: p }, cache);
    } finally {
      if (saved === undefined) delete process.env.EVSTUDY_CACHE_MAX_BYTES;
      else process.env.EVSTUDY_CACHE_MAX_BYTES = saved;
    }
    const left = entries(cache).reduce((n, e) => n + statSync(e).size, 0);
    expect(left).toBeLessThanOrEqual(one + 100);
    expect(checkPricesCached(paths[2], { file: paths[2] }, cache).source).toBe('cache');
  });

  it('location: EVSTUDY_CACHE_DIR > $XDG_CACHE_HOME/evstudy > ~/.cache/evstudy, never the working folder', () => {
    expect(cacheDirFromEnv({ HOME: '/h' }, '/w')).toBe('/h/.cache/evstudy');
    expect(cacheDirFromEnv({ HOME: '/h', XDG_CACHE_HOME: '/x' }, '/w')).toBe('/x/evstudy');
    expect(cacheDirFromEnv({ HOME: '/h', XDG_CACHE_HOME: 'rel' }, '/w')).toBe('/h/.cache/evstudy');
    expect(cacheDirFromEnv({ HOME: '/h', XDG_CACHE_HOME: '/x', EVSTUDY_CACHE_DIR: 'c' }, '/w')).toBe('/w/c');
    expect(cacheDirFromEnv({ HOME: '/h', EVSTUDY_CACHE_DIR: '' }, '/w')).toBe('/h/.cache/evstudy');
    expect(cacheDirFromEnv({ EVSTUDY_NO_CACHE: '1' }, '/w')).toBeNull();
    expect(cacheDirFromEnv({ HOME: '/h', EVSTUDY_NO_CACHE: '0' }, '/w')).toBe('/h/.cache/evstudy');
    expect(cacheLocation({ HOME: '/h' }).maxBytes).toBe(1024 ** 3);
    expect(cacheLocation({ HOME: '/h', EVSTUDY_CACHE_MAX_BYTES: '500M' }).maxBytes).toBe(500 * 1024 ** 2);
    expect(cacheLocation({ HOME: '/h', EVSTUDY_CACHE_MAX_BYTES: '123' }).maxBytes).toBe(123);
    expect(() => cacheLocation({ HOME: '/h', EVSTUDY_CACHE_MAX_BYTES: '1.5G' })).toThrow(
      expect.objectContaining({ kind: 'config', location: { field: 'EVSTUDY_CACHE_MAX_BYTES', value: '1.5G' } }),
    );
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
