/**
 * The column cache through the built CLI (issue 10 §5): a crafted entry that doubles the closes
 * of an unchanged CSV is rejected and the CSV's prices are used; the cache is per user, never the
 * working folder's `.evstudy-cache/`; `evstudy cache info | clear`; a folder others may write to is
 * not used. Independent scenarios run concurrently to keep the file cheap (~8 CLI runs).
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPO, runBuilt, tempDir } from '../helpers/cli.js';

const MANIFEST = '- {symbol: "300418.SZ", name: x, file: a.csv, exchange: SZSE, currency: CNY, adjustment: forward, source: test}\n';

function priceFolder(): string {
  const dir = tempDir('evstudy-cachecli-');
  copyFileSync(join(REPO, 'tests', 'fixtures', 'prices', 'akshare-300418.csv'), join(dir, 'a.csv'));
  writeFileSync(join(dir, 'manifest.yaml'), MANIFEST);
  return dir;
}

const inspect = (dir: string) => ['prices', 'inspect', '300418.SZ', '--dir', dir, '--json', '--rows', '3'];
const closes = (out: string) => (JSON.parse(out) as { head: { close: number }[] }).head.map((r) => r.close);
const pad8 = (n: number) => (n + 7) & ~7;

/**
 * Doubles every close of a column entry and re-seals it the way the old cache checked entries
 * (a CRC-32 of the body in the last 4 bytes, which anyone can recompute): the crafted entry of the issue.
 */
function doubleCloses(entry: string): void {
  const b = readFileSync(entry);
  const jsonLen = b.readUInt32LE(8);
  const rows = (JSON.parse(b.toString('utf8', 12, 12 + jsonLen)) as { rows: number }).rows;
  const closeAt = pad8(12 + jsonLen) + pad8(rows * 4);
  for (let k = 0; k < rows; k++) b.writeDoubleLE(b.readDoubleLE(closeAt + 8 * k) * 2, closeAt + 8 * k);
  b.writeUInt32LE(crc32(b.subarray(0, b.length - 4)), b.length - 4);
  writeFileSync(entry, b);
}

describe('evstudy column cache (built CLI)', () => {
  it('is verified, per user, reported by cache info and emptied by cache clear', async () => {
    const crafted = async () => {
      const dir = priceFolder();
      const cache = tempDir('evstudy-cachecli-c-');
      const env = { EVSTUDY_CACHE_DIR: cache };
      const first = await runBuilt(inspect(dir), { env });
      expect(first.code, first.stderr).toBe(0);
      expect(closes(first.out)).toEqual([40.55, 42.45, 38.25]);
      const [entry] = readdirSync(join(cache, 'columns')).map((f) => join(cache, 'columns', f));
      doubleCloses(entry);
      const second = await runBuilt(inspect(dir), { env });
      expect(second.code, second.stderr).toBe(0);
      expect(closes(second.out)).toEqual([40.55, 42.45, 38.25]);
      expect(second.out).toBe(first.out);
      expect(second.stderr).toMatch(/^evstudy: warning: ignored a column cache entry that failed verification .*; prices were parsed from .*a\.csv and the entry rebuilt\n$/);
      // Rebuilt: the next run is a clean hit.
      const third = await runBuilt(inspect(dir), { env });
      expect(third.stderr).toBe('');
      expect(third.out).toBe(first.out);
    };

    const perUser = async () => {
      const work = priceFolder();
      const xdg = tempDir('evstudy-cachecli-x-');
      // EVSTUDY_CACHE_DIR empty = unset: the cache goes to $XDG_CACHE_HOME/evstudy.
      const env = { EVSTUDY_CACHE_DIR: '', XDG_CACHE_HOME: xdg };
      const run = await runBuilt(inspect('.'), { cwd: work, env });
      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(join(work, '.evstudy-cache'))).toBe(false);
      expect(readdirSync(join(xdg, 'evstudy', 'columns'))).toHaveLength(1);
      mkdirSync(join(work, '.evstudy-cache'));
      const info = await runBuilt(['cache', 'info', '--json'], { cwd: work, env });
      expect(info.code, info.stderr).toBe(0);
      expect(JSON.parse(info.out)).toMatchObject({
        dir: join(xdg, 'evstudy'),
        from: 'XDG_CACHE_HOME',
        enabled: true,
        exists: true,
        entries: 2, // the columns of a.csv and the parsed manifest
        maxBytes: 1024 ** 3,
        legacy: join(work, '.evstudy-cache'),
      });
      expect(JSON.parse(info.out).bytes).toBeGreaterThan(1000);
      const clear = await runBuilt(['cache', 'clear'], { cwd: work, env });
      expect(clear.code, clear.stderr).toBe(0);
      expect(clear.out).toMatch(/^removed 2 entries \(.*\) from .*evstudy\n$/);
      const text = await runBuilt(['cache', 'info'], { cwd: work, env: { ...env, EVSTUDY_CACHE_MAX_BYTES: '500M' } });
      expect(text.out).toMatch(/^entries {3}0$/m);
      expect(text.out).toMatch(/^size {6}0 B of a 500\.0 MiB cap/m);
      expect(text.out).toMatch(/^note .*\.evstudy-cache is an old cache folder that evstudy no longer reads; it can be deleted$/m);
    };

    const unsafe = async () => {
      const dir = priceFolder();
      const shared = tempDir('evstudy-cachecli-s-');
      chmodSync(shared, 0o777);
      const run = await runBuilt(inspect(dir), { env: { EVSTUDY_CACHE_DIR: shared } });
      expect(run.code, run.stderr).toBe(0);
      expect(closes(run.out)).toEqual([40.55, 42.45, 38.25]);
      expect(run.stderr).toMatch(/^evstudy: warning: not using the cache folder .*: other users may write to it \(mode 777\)/);
      expect(readdirSync(shared)).toEqual([]);
      const bad = await runBuilt(['prices', 'list', '--dir', dir], { env: { EVSTUDY_CACHE_DIR: shared, EVSTUDY_CACHE_MAX_BYTES: 'lots' } });
      expect(bad.code).toBe(4);
      expect(bad.stderr).toMatch(/^evstudy: EVSTUDY_CACHE_MAX_BYTES "lots": must be a whole number of bytes/);
    };

    await Promise.all([crafted(), perUser(), unsafe()]);
  });
});
