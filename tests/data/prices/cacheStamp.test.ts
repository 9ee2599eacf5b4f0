/**
 * Stat stamps of the column cache (issue 15 §3): a warm hit may skip reading the CSV only when a
 * signed stamp matches every stat field; new bytes (even of the same size, mtime set back) are
 * caught by ctime, a forged, moved or tampered stamp or entry is never used, and a file too young
 * for its stat to stand for its bytes (racy) is hashed every time.
 */
import { readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPricesCached } from '../../../src/data/prices/cache.js';
import { cacheInfo } from '../../../src/data/prices/cache/info.js';
import { setCacheNoticeSink } from '../../../src/data/prices/cache/notice.js';
import { setStampClock, statFields, STAMP_FOLDER } from '../../../src/data/prices/cache/stamp.js';
import { checkPrices } from '../../../src/data/prices/index.js';
import { tempDir } from '../../helpers/cli.js';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'prices');
const OLD = '2023-03-27,40.0,42.45';
const NEW = '2023-03-27,40.0,42.55'; // same length: the file keeps its size

function setup(name = 'p.csv', dir = tempDir('evstudy-stamp-test-')): { dir: string; file: string; cache: string } {
  const file = join(dir, name);
  writeFileSync(file, readFileSync(join(FIX, 'akshare-300418.csv')));
  // Whole seconds, so that setting the same mtime again restores it to the nanosecond.
  utimesSync(file, 1_600_000_000, 1_600_000_000);
  return { dir, file, cache: join(dir, 'cache') };
}

const stamps = (cache: string) => readdirSync(join(cache, STAMP_FOLDER)).map((f) => join(cache, STAMP_FOLDER, f));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let notices: string[] = [];
let realClock: () => number;
beforeEach(() => {
  notices = [];
  setCacheNoticeSink((line) => notices.push(line));
  // Files made by a test are milliseconds old: a clock 10 s ahead lets them be stamped.
  realClock = setStampClock(() => Date.now() + 10_000);
});
afterEach(() => {
  setCacheNoticeSink((line) => void process.stderr.write(line));
  setStampClock(realClock);
});

describe('column cache stat stamps', () => {
  it('a settled file is matched by its stamp, without reading it, to the same prices as parsing', () => {
    const { file, cache } = setup();
    const plain = checkPrices(readFileSync(file), { file });
    expect(checkPricesCached(file, { file }, cache)).toMatchObject({ source: 'parsed' });
    const warm = checkPricesCached(file, { file }, cache);
    expect(warm).toMatchObject({ source: 'cache', via: 'stamp' });
    expect(warm.prices).toEqual(plain.prices);
    expect(stamps(cache)).toHaveLength(1);
    // `cache info` counts the entry, not the stamp (which only exists for files old enough).
    expect(cacheInfo({ EVSTUDY_CACHE_DIR: cache })).toMatchObject({ entries: 1 });
    expect(notices).toEqual([]);
  });

  it('new bytes of the same size with mtime set back are caught by ctime', async () => {
    const { file, cache } = setup();
    checkPricesCached(file, { file }, cache);
    const before = statSync(file, { bigint: true });
    // ctime ticks with the kernel's coarse clock (a few ms): let it move on.
    await sleep(30);
    writeFileSync(file, readFileSync(file, 'utf8').replace(OLD, NEW));
    utimesSync(file, 1_600_000_000, 1_600_000_000);
    const after = statSync(file, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino, after.dev]).toEqual([before.size, before.mtimeNs, before.ino, before.dev]);
    expect(after.ctimeNs).not.toBe(before.ctimeNs);
    const r = checkPricesCached(file, { file }, cache);
    expect(r.source).toBe('parsed');
    expect(r.prices!.series.close).toContain(42.55);
    expect(r.prices!.series.close).not.toContain(42.45);
    // Re-stamped for the new bytes.
    expect(checkPricesCached(file, { file }, cache)).toMatchObject({ source: 'cache', via: 'stamp' });
  });

  it('a stamp edited to name other cached bytes, forged, or moved to another path is not used', () => {
    const a = setup('a.csv');
    const b = setup('b.csv', a.dir);
    writeFileSync(b.file, readFileSync(b.file, 'utf8').replace(OLD, NEW));
    utimesSync(b.file, 1_600_000_000, 1_600_000_000);
    checkPricesCached(a.file, { file: a.file }, a.cache);
    checkPricesCached(b.file, { file: a.file }, a.cache); // b's bytes cached under a's options: a valid entry to point at
    const aStamp = stamps(a.cache).find((f) => readFileSync(f, 'latin1').includes(` ${statFields(a.file)!.fields} `))!;
    const bStamp = stamps(a.cache).find((f) => f !== aStamp)!;
    const bHash = readFileSync(bStamp, 'latin1').split(' ').pop()!;
    const original = readFileSync(aStamp, 'latin1');
    const check = () => {
      const r = checkPricesCached(a.file, { file: a.file }, a.cache);
      expect(r.via).not.toBe('stamp');
      expect(r.prices!.series.close).toContain(42.45);
      expect(r.prices!.series.close).not.toContain(42.55);
    };
    // Same MAC, hash swapped for b's content (whose entry exists).
    writeFileSync(aStamp, original.replace(/[0-9a-f]{64}$/, bHash));
    check();
    // A MAC made up by hand.
    writeFileSync(aStamp, original.replace(/^[0-9a-f]{64}/, 'ab'.repeat(32)));
    check();
    // b's stamp (valid for b's path) renamed to a's, with a's stat fields written in: the MAC covers the path.
    writeFileSync(bStamp, readFileSync(bStamp, 'latin1').replace(statFields(b.file)!.fields, statFields(a.file)!.fields));
    renameSync(bStamp, aStamp);
    check();
    expect(notices).toEqual([]);
  });

  it('a tampered entry behind a valid stamp is caught by its MAC, reported once and rebuilt', () => {
    const { file, cache } = setup();
    const plain = checkPrices(readFileSync(file), { file });
    checkPricesCached(file, { file }, cache);
    const [entry] = readdirSync(join(cache, 'columns')).map((f) => join(cache, 'columns', f));
    const bytes = readFileSync(entry);
    bytes[bytes.length - 40] ^= 0x01;
    writeFileSync(entry, bytes);
    const r = checkPricesCached(file, { file }, cache);
    expect(r.source).toBe('parsed');
    expect(r.prices).toEqual(plain.prices);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/ignored a column cache entry that failed verification/);
    expect(checkPricesCached(file, { file }, cache)).toMatchObject({ source: 'cache', via: 'stamp' });
  });

  it('racy: a file changed within RACY_MS of being read is never stamped, so same-tick rewrites are caught', () => {
    setStampClock(realClock);
    const { file, cache } = setup();
    // Fresh ctime: hashed on every run, never stamped.
    expect(statFields(file)!.settled).toBe(false);
    expect(checkPricesCached(file, { file }, cache).source).toBe('parsed');
    expect(checkPricesCached(file, { file }, cache)).toMatchObject({ source: 'cache', via: 'hash' });
    // Rewritten at once, maybe inside the same timestamp tick (same size, same mtime): still seen.
    writeFileSync(file, readFileSync(file, 'utf8').replace(OLD, NEW));
    utimesSync(file, 1_600_000_000, 1_600_000_000);
    const r = checkPricesCached(file, { file }, cache);
    expect(r.prices!.series.close).toContain(42.55);
    expect(readdirSync(cache)).not.toContain(STAMP_FOLDER);
    // An mtime in the future never settles either.
    const ahead = Date.now() / 1000 + 3600;
    utimesSync(file, ahead, ahead);
    setStampClock(() => Date.now() + 10_000);
    expect(statFields(file)!.settled).toBe(false);
  });
});
