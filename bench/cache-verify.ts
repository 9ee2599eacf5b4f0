/**
 * What verifying the column cache costs on a warm whole-market load (issue 10 §5): every hit
 * re-reads and SHA-256-hashes the CSV's bytes and checks the entry's HMAC, where the old cache
 * trusted a stat stamp and a CRC-32. Loads every CSV of a folder cold (parse + write entries, one
 * thread) and then warm (all hits), and times the parts of a hit on their own.
 *
 *   npx tsx bench/cache-verify.ts [folder of CSV files, default /tmp/evstudy-market/data] [--limit N] [--layout akshare]
 *
 * The folder is bench/market.ts's unpacked tszlam/trading panel by default (5,364 AKShare files).
 * The cache goes to a temporary folder, removed at the end.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { checkPricesCached } from '../src/data/prices/cache.js';
import { deriveKeys, gmac, hmac, sha256 } from '../src/data/prices/cache/key.js';
import type { PriceLayout } from '../src/data/prices/types.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const limit = Number(opt('limit') ?? Infinity);
const layout = opt('layout') as PriceLayout | undefined;
const folder = args[0] ?? '/tmp/evstudy-market/data';
const files = readdirSync(folder)
  .filter((f) => /^\d{6}\.csv$/.test(f))
  .sort()
  .slice(0, limit)
  .map((f) => join(folder, f));
const cache = mkdtempSync(join(tmpdir(), 'evstudy-cachebench-'));

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
};

try {
  const load = () => {
    const src: Record<string, number> = {};
    for (const f of files) {
      const s = checkPricesCached(f, { file: f, layout }, cache).source;
      src[s] = (src[s] ?? 0) + 1;
    }
    return src;
  };
  const [cold, coldMs] = time(load);
  const [warm, warmMs] = time(load);
  const [warm2, warm2Ms] = time(load);
  const entries = readdirSync(join(cache, 'columns')).map((f) => join(cache, 'columns', f));
  const key = deriveKeys(readFileSync(join(cache, 'key'))).columns;
  // Each part timed file by file, one buffer alive at a time (as in a load).
  const t = { readCsv: 0, sha: 0, readEnt: 0, mac: 0, hmac: 0, crc: 0, csvBytes: 0, entBytes: 0 };
  const lap = (k: keyof typeof t, fn: () => unknown) => {
    const t0 = performance.now();
    fn();
    t[k] += performance.now() - t0;
  };
  for (const f of files) {
    let b = Buffer.alloc(0);
    lap('readCsv', () => (b = readFileSync(f)));
    lap('sha', () => sha256(b));
    t.csvBytes += b.length;
  }
  for (const f of entries) {
    let b = Buffer.alloc(0);
    lap('readEnt', () => (b = readFileSync(f)));
    lap('mac', () => gmac(key, b.subarray(b.length - 28, b.length - 16), b.subarray(0, b.length - 28)));
    lap('hmac', () => hmac(key, b.subarray(0, b.length - 28)));
    lap('crc', () => crc32(b.subarray(0, b.length - 28)));
    t.entBytes += b.length;
  }
  const mb = (n: number) => (n / 1e6).toFixed(0);
  const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
  console.log(`${files.length} files, ${mb(t.csvBytes)} MB of CSV, ${mb(t.entBytes)} MB of entries; load average ${loadavg()[0].toFixed(1)}`);
  console.log(`cold load (parse + write, one thread): ${ms(coldMs)} ${JSON.stringify(cold)}`);
  console.log(`warm load (all hits, verified):       ${ms(warmMs)}, again ${ms(warm2Ms)} ${JSON.stringify(warm)} ${JSON.stringify(warm2)}`);
  console.log(`  of which: read CSV ${ms(t.readCsv)}, SHA-256 of CSV ${ms(t.sha)}, read entries ${ms(t.readEnt)}, GMAC of entries ${ms(t.mac)} (HMAC-SHA256 would take ${ms(t.hmac)})`);
  console.log(`  the old check instead: CRC-32 of entries ${ms(t.crc)} (plus a stat and a stamp read per file, no CSV read)`);
} finally {
  rmSync(cache, { recursive: true, force: true });
}
