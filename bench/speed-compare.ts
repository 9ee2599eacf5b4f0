/**
 * Issue 15 §3: is a faster build still the same build? Runs two bundles of the CLI (a checkout
 * before a change and this one) on the peer workload (full battery and `--tests basic`, one thread
 * and two worker threads) and on the default study, checks that every report file is byte-identical
 * between them and across thread counts, and times them alternating (medians of user + sys CPU from
 * /usr/bin/time -v, the load average beside every run).
 *
 *   cp -r dist/cli-bundle /tmp/before-bundle          # on the commit before the change
 *   npm run --silent build:cli
 *   PEER_LOAD_DIR=/path/to/shared/bench/peer-load npx tsx bench/speed-compare.ts --before /tmp/before-bundle --runs 5
 *
 * Exit 1 when any report differs. Only bench/ may read ../shared.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { peerStudyArgs, timeCommand } from './common.js';
import { median } from 'simple-statistics';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.PEER_LOAD_DIR ?? join(ROOT, '..', 'shared', 'bench', 'peer-load');
const arg = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const runs = Number(arg('--runs') ?? 3) || 3;
const beforeDir = arg('--before');
if (!beforeDir) {
  console.error('usage: speed-compare.ts --before BUNDLE_DIR [--runs N]');
  process.exit(2);
}
const bundles: Array<[string, string]> = [
  ['before', join(beforeDir, 'main.js')],
  ['after', join(ROOT, 'dist', 'cli-bundle', 'main.js')],
];

const peer = (out: string) => peerStudyArgs(DATA, out);
interface Workload {
  name: string;
  args: (out: string) => string[];
  env?: Record<string, string>;
  timed: boolean;
}
const workloads: Workload[] = [
  { name: 'peer all tests', args: peer, timed: true },
  { name: 'peer --tests basic', args: (o) => [...peer(o), '--tests', 'basic'], timed: true },
  // Two workers on the same panel: the report must not depend on the thread count.
  { name: 'peer all, 2 threads', args: peer, env: { EVSTUDY_THREADS: '2', EVSTUDY_PARALLEL_MIN_EVENTS: '1' }, timed: false },
  { name: 'default study', args: (o) => ['run', 'studies/china-ai-2023.yaml', '--out', o], timed: false },
];

function run(cli: string, w: Workload, out: string): { cpu: number; wall: number } {
  const r = timeCommand(process.execPath, [cli, ...w.args(out)], { cwd: ROOT, env: { ...process.env, EVSTUDY_NO_CACHE: '1', EVSTUDY_THREADS: '1', ...w.env } });
  if (r.status !== 0) throw new Error(`${cli} ${w.name} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { cpu: r.cpuS, wall: r.wallS };
}

/** Files of an output directory (charts/ and dot-files aside: the manifest names the run's directory). */
const files = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.') && f !== 'charts').sort();

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const dir = mkdtempSync(join(tmpdir(), 'evstudy-speed-compare-'));
let differ = 0;
try {
  // Identity: every workload once per bundle, every file compared with the first run of the peer workload.
  const outs = new Map<string, string>();
  for (const w of workloads)
    for (const [b, cli] of bundles) {
      const out = join(dir, `${b}-${w.name.replace(/\W+/g, '_')}`);
      run(cli, w, out);
      outs.set(`${b}|${w.name}`, out);
    }
  const same = (x: string, y: string, label: string) => {
    for (const f of files(x)) {
      const eq = readFileSync(join(x, f)).equals(readFileSync(join(y, f)));
      if (!eq) differ++;
      console.log(`${eq ? 'identical' : 'DIFFERENT'}  ${label}: ${f}`);
    }
  };
  for (const w of workloads) same(outs.get(`before|${w.name}`)!, outs.get(`after|${w.name}`)!, `${w.name}, before vs after`);
  same(outs.get('after|peer all tests')!, outs.get('after|peer all, 2 threads')!, 'after, 1 vs 2 threads');

  // Timing: the two bundles alternate (order flipped every run) so both see the same load.
  const cpu = new Map<string, number[]>();
  for (let i = 0; i < runs; i++)
    for (const w of workloads.filter((x) => x.timed))
      for (const [b, cli] of i % 2 ? [...bundles].reverse() : bundles) {
        const r = run(cli, w, join(dir, `t-${i}-${b}-${w.name.replace(/\W+/g, '_')}`));
        const key = `${w.name}|${b}`;
        cpu.set(key, [...(cpu.get(key) ?? []), r.cpu]);
        console.log(`run ${i + 1} ${w.name.padEnd(20)} ${b.padEnd(6)} cpu ${r.cpu.toFixed(2)} s  wall ${r.wall.toFixed(2)} s  load ${load()}`);
      }
  console.log(`\n| workload | before CPU median | after CPU median | runs |\n| --- | --- | --- | --- |`);
  for (const w of workloads.filter((x) => x.timed))
    console.log(`| ${w.name} | ${median(cpu.get(`${w.name}|before`)!).toFixed(2)} s | ${median(cpu.get(`${w.name}|after`)!).toFixed(2)} s | ${runs} |`);
  console.log(`\nload average at the end ${load()}; ${differ ? `${differ} files DIFFER` : 'every report file identical'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(differ ? 1 : 0);
