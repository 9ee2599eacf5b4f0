/**
 * Timing of `evstudy baskets compare` on the shipped data (issue 7: "runs in under a second on this
 * machine"). Not part of `npm test` (vitest only collects tests/**\/*.test.ts).
 *
 *   node --import tsx bench/baskets-compare.ts [--runs 7] [--compiled DIR]
 *
 * 1. In process: `runBasketsCompare` (the function the CLI calls) with a fresh price store each run,
 *    so every run reads the manifest and parses every member's CSV again, computes all shipped
 *    baskets, renders baskets.md / baskets.json / charts/cumulative.svg and writes them atomically.
 *    Median, min and max wall time, and one run split into phases.
 * 2. Whole process: `node --import tsx src/cli/main.ts baskets compare ...` spawned `runs` times,
 *    beside `evstudy --help` (node + tsx + loading every command module, no work) as the floor.
 * 3. With `--compiled DIR` (the output of `tsc -p tsconfig.build.json --outDir DIR`, with a
 *    `node_modules` link next to it), the same two commands from compiled JavaScript, as installed.
 *
 * The price store may keep parsed columns in an on-disk cache (src/data/prices/cache.ts); the
 * whole-process runs are timed with it as configured and with EVSTUDY_NO_CACHE=1 (every CSV parsed).
 * The load average is printed: the numbers are only comparable within one sitting.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compareBaskets } from '../src/baskets/compare.js';
import { loadBaskets } from '../src/baskets/load.js';
import { compareFiles, writeOutputs } from '../src/baskets/output.js';
import { DEFAULT_PERIOD, runBasketsCompare } from '../src/baskets/run.js';
import { openPriceStore } from '../src/data/prices/index.js';

const ROOT = resolve(import.meta.dirname, '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Math.max(1, Number(arg('--runs') ?? 7));
const compiled = arg('--compiled');

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const median = s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return `median ${median.toFixed(0)} ms (min ${s[0].toFixed(0)}, max ${s[s.length - 1].toFixed(0)}, ${s.length} runs)`;
}

/** `env` extra variables, e.g. EVSTUDY_NO_CACHE=1 to parse every CSV (the price store's column cache off). */
function timeProcess(argv: string[], env: Record<string, string> = {}): number[] {
  const out: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
    out.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'evstudy-bench-baskets-'));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`evstudy baskets compare --from ${DEFAULT_PERIOD.from} --to ${DEFAULT_PERIOD.to}, all shipped baskets; node ${process.version}; load average ${load()}`);

// 1. In process.
const inProcess: number[] = [];
for (let k = 0; k < runs + 1; k++) {
  const t0 = performance.now();
  await runBasketsCompare(DEFAULT_PERIOD, { root: ROOT, out: dir });
  // The first run also compiles the modules' code paths (JIT): reported apart.
  if (k > 0) inProcess.push(performance.now() - t0);
  else console.log(`in process, first run: ${(performance.now() - t0).toFixed(0)} ms`);
}
console.log(`in process, next runs: ${stats(inProcess)}`);

const t = [performance.now()];
const store = openPriceStore(join(ROOT, 'prices'));
t.push(performance.now());
const baskets = loadBaskets(join(ROOT, 'baskets'));
t.push(performance.now());
for (const b of baskets) for (const s of [...b.members, b.benchmark]) if (store.has(s)) store.get(s);
t.push(performance.now());
const result = compareBaskets(baskets, store, DEFAULT_PERIOD, { root: ROOT });
t.push(performance.now());
const files = compareFiles(result);
t.push(performance.now());
writeOutputs(dir, files, { producer: 'baskets-compare', force: true });
t.push(performance.now());
const phases = ['manifest', 'basket files', 'member CSVs', 'compute', 'md/json/svg', 'write'];
console.log(`  one run by phase: ${phases.map((p, i) => `${p} ${(t[i + 1] - t[i]).toFixed(0)} ms`).join(', ')}`);

// 2. Whole process through tsx.
const cli = ['--import', 'tsx', 'src/cli/main.ts'];
console.log(`whole process (node --import tsx), baskets compare: ${stats(timeProcess([...cli, 'baskets', 'compare', '--out', dir]))}`);
console.log(`  same, price column cache off (EVSTUDY_NO_CACHE=1): ${stats(timeProcess([...cli, 'baskets', 'compare', '--out', dir], { EVSTUDY_NO_CACHE: '1' }))}`);
console.log(`whole process (node --import tsx), --help (floor):  ${stats(timeProcess([...cli, '--help']))}`);

// 3. Whole process from compiled JavaScript.
if (compiled) {
  const main = join(resolve(compiled), 'cli', 'main.js');
  console.log(`whole process (compiled), baskets compare: ${stats(timeProcess([main, 'baskets', 'compare', '--out', dir]))}`);
  console.log(`  same, price column cache off (EVSTUDY_NO_CACHE=1): ${stats(timeProcess([main, 'baskets', 'compare', '--out', dir], { EVSTUDY_NO_CACHE: '1' }))}`);
  console.log(`whole process (compiled), --help (floor):  ${stats(timeProcess([main, '--help']))}`);
}
console.log(`load average after: ${load()}`);
rmSync(dir, { recursive: true, force: true });
