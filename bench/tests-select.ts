/**
 * Test selection (issue 15 §2): the 1,000-event peer workload (../shared/bench/peer-load, the
 * peers' spec as in peer-load.ts) with the full battery against `--tests basic` (cross-sectional t
 * and BMP, what the Python eventstudy package computes), whole processes of the bundled CLI,
 * `--no-charts`, runs alternating so both see the same load; medians of wall and CPU (user + sys,
 * /usr/bin/time -v) and peak RSS, the load average printed with every run.
 *
 *   npm run --silent build:cli && npx tsx bench/tests-select.ts --runs 3
 *   PEER_LOAD_DIR=/path/to/shared/bench/peer-load npx tsx bench/tests-select.ts
 *   npx tsx bench/tests-select.ts --before /tmp/old-checkout   # + that checkout's bundle, all tests
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { peerStudyArgs, timeCommand } from './common.js';
import { median } from 'simple-statistics';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// PEER_LOAD_DIR for a checkout that is not beside ../shared (a worktree).
const DATA = process.env.PEER_LOAD_DIR ?? join(ROOT, '..', 'shared', 'bench', 'peer-load');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] ?? 3) || 3;


function run(tests: string[], out: string, cli = join(ROOT, 'dist', 'cli-bundle', 'main.js')): { wall: number; cpu: number; rss: number } {
  const args = [
    cli,
    ...peerStudyArgs(DATA, out),
    ...tests,
  ];
  const r = timeCommand(process.execPath, args, { env: { ...process.env, EVSTUDY_NO_CACHE: '1' } });
  if (r.status !== 0) throw new Error(`evstudy failed:\n${r.stdout}\n${r.stderr}`);
  return { wall: r.wallS, cpu: r.cpuS, rss: r.maxRssMB };
}

// --before DIR: also time another checkout's bundle (DIR/dist/cli-bundle/main.js, e.g. the commit
// before this feature) with all tests, to show the default path did not get slower.
const beforeDir = process.argv.includes('--before') ? process.argv[process.argv.indexOf('--before') + 1] : undefined;
const modes: Array<[string, string[], string?]> = [
  ['all tests', []],
  ['--tests basic', ['--tests', 'basic']],
  ...(beforeDir ? [['before, all', [], join(beforeDir, 'dist', 'cli-bundle', 'main.js')] as [string, string[], string]] : []),
];
const res = new Map<string, Array<{ wall: number; cpu: number; rss: number }>>(modes.map(([k]) => [k, []]));
const dir = mkdtempSync(join(tmpdir(), 'evstudy-tests-select-'));
const bytes = new Map<string, number>();
try {
  for (let i = 0; i < runs; i++) {
    for (const [name, flags, cli] of i % 2 ? [...modes].reverse() : modes) {
      const out = join(dir, `${i}-${name.replace(/\W+/g, '')}`);
      const r = run(flags, out, cli);
      res.get(name)!.push(r);
      bytes.set(name, readFileSync(join(out, 'report.json')).length);
      console.log(`run ${i + 1} ${name.padEnd(14)} wall ${r.wall.toFixed(2)} s  cpu ${r.cpu.toFixed(2)} s  rss ${r.rss.toFixed(0)} MB  load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const med = (name: string, k: 'wall' | 'cpu' | 'rss') => median(res.get(name)!.map((r) => r[k]));
console.log(`\n| mode | runs | wall median | CPU median | peak RSS median | report.json |`);
console.log(`| --- | --- | --- | --- | --- | --- |`);
for (const [name] of modes) console.log(`| ${name} | ${runs} | ${med(name, 'wall').toFixed(2)} s | ${med(name, 'cpu').toFixed(2)} s | ${med(name, 'rss').toFixed(0)} MB | ${(bytes.get(name)! / 1e6).toFixed(1)} MB |`);
console.log(`\nCPU all / basic: ${(med('all tests', 'cpu') / med('--tests basic', 'cpu')).toFixed(2)}x; load average at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
