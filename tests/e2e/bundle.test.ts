/**
 * The bundled CLI (`npm run build:cli` -> dist/cli-bundle, what bin/evstudy.js runs when it is
 * fresh) must answer exactly as the sources do. esbuild could break three things the unbundled code
 * relies on: lazy imports (split chunks), worker threads (started on the chunk that holds
 * parallel.ts / prefetch.ts), and the manifest memo (which hashes its own chunk when bundled).
 * The bundle is built once per run by tests/setup/buildCli.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, studyArgs, tempDir } from '../reliability/helpers.js';
import { runBuilt } from '../helpers/cli.js';

const BUNDLE = join(REPO, 'dist', 'cli-bundle', 'main.js');

function runBundle(args: string[], env: Record<string, string> = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BUNDLE, ...args], { cwd: REPO, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('bundled CLI', () => {
  it('an ad-hoc study on worker threads gives the bytes of the in-process, one-thread run', async () => {
    const dir = tempDir();
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    // Both at once: the subprocess runs while the in-process study holds this worker.
    const [inProcess, bundled] = await Promise.all([
      runCli(studyArgs({}, a)),
      runBuilt(studyArgs({}, b), { env: { EVSTUDY_PARALLEL_MIN_EVENTS: '0', EVSTUDY_THREADS: '2' } }).then((r) => ({ code: r.code, out: r.out, err: r.stderr })),
    ]);
    expect(inProcess.code, inProcess.err).toBe(0);
    expect(bundled.code, bundled.err).toBe(0);
    // Workers that cannot start fall back to one thread with this warning (parallel.ts): the
    // bytes would still match, so the warning is what shows the bundle's workers ran.
    expect(bundled.err).not.toMatch(/worker threads failed/);
    for (const f of ['report.json', 'report.md']) expect(readFileSync(join(b, f), 'utf8')).toBe(readFileSync(join(a, f), 'utf8'));
  }, 60_000);

  it('reads the price manifest, and reads it again from its memo, as the sources do', async () => {
    const cache = tempDir();
    const expected = await runCli(['prices', 'list', '--json']);
    expect(expected.code, expected.err).toBe(0);
    for (let run = 0; run < 2; run++) {
      const bundled = runBundle(['prices', 'list', '--json'], { EVSTUDY_CACHE_DIR: cache });
      expect(bundled.code, bundled.err).toBe(0);
      expect(JSON.parse(bundled.out)).toEqual(JSON.parse(expected.out));
      // The memo exists only when the bundled code could fingerprint its manifest parser (store.ts).
      expect(readdirSync(join(cache, 'memo')).some((f) => f.startsWith('manifest-'))).toBe(true);
    }
  }, 60_000);

  it('decodes a GB18030 price file: iconv-lite is required at run time, not bundled (issue 15 §3)', () => {
    const dir = tempDir();
    copyFileSync(join(REPO, 'tests', 'fixtures', 'prices', 'akshare-300418-gb18030.csv'), join(dir, 'a.csv'));
    writeFileSync(join(dir, 'manifest.yaml'), '- {symbol: 300418.SZ, name: K, file: a.csv, exchange: SZSE, currency: CNY, adjustment: none, source: s}\n');
    const r = runBundle(['prices', 'inspect', '300418.SZ', '--dir', dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/\(akshare, gb18030\)/);
    expect(r.out).toMatch(/range\s+2023-03-24\.\.2023-04-26, 23 rows/);
    // Nothing of iconv-lite is in the bundle that every process parses.
    const bundled = readdirSync(join(REPO, 'dist', 'cli-bundle')).filter((f) => readFileSync(join(REPO, 'dist', 'cli-bundle', f), 'utf8').includes('node_modules/iconv-lite/'));
    expect(bundled).toEqual([]);
  }, 30_000);

  it("holds zod's English messages only: one value import of `{ z }` bundles every locale into every start-up (issue 15 §3)", () => {
    // `import * as z from 'zod'` lets esbuild drop the 60-odd locales zod's `z` namespace object
    // re-exports; src/claims/loadNameList.ts once imported `{ z }` and put ~550 kB back into the
    // chunks every command parses (`evstudy --version` 0.25 -> 0.31 s of CPU).
    const locales = new Set<string>();
    for (const f of readdirSync(join(REPO, 'dist', 'cli-bundle'))) {
      for (const m of readFileSync(join(REPO, 'dist', 'cli-bundle', f), 'utf8').matchAll(/node_modules\/zod\/v4\/locales\/([\w-]+)\.js/g)) locales.add(m[1]);
    }
    expect([...locales]).toEqual(['en']);
  });
});
