/**
 * Size benchmark (trust at real size): the 1,000-event peer workload and a 20,000-event study on
 * the same returns, each with default options (charts on) and with `--no-charts`, as whole
 * processes of the bundled CLI. Prints wall and CPU time, peak RSS (/usr/bin/time -v), the number
 * of SVGs and the bytes written per event, with the load average of each row.
 *
 *   npx tsx bench/scale.ts              # build, 3 runs per row
 *   npx tsx bench/scale.ts --no-build --runs 1
 *   npx tsx bench/scale.ts --data /path/to/peer-load
 *
 * The 20,000 events are drawn with a fixed seed from the peer workload's 200 symbols, on dates
 * with a full estimation window before and the event window after (so every event is measured).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../tests/core/prng.js';
import { peerStudyArgs, timeCommand } from './common.js';
import { median } from 'simple-statistics';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// --data DIR: the workload elsewhere (a git worktree has no ../shared beside it).
const DATA = process.argv.includes('--data') ? process.argv[process.argv.indexOf('--data') + 1] : join(ROOT, '..', 'shared', 'bench', 'peer-load');
const CLI = join(ROOT, 'dist', 'cli-bundle', 'main.js');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}


function makeEvents(n: number, dir: string): string {
  const market = readFileSync(join(DATA, 'market.csv'), 'utf8').trim().split('\n').slice(1);
  const dates = market.map((l) => l.split(',')[0]);
  const symbols = [...new Set(readFileSync(join(DATA, 'events.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]))];
  const rnd = mulberry32(20_000);
  const lines = ['symbol,event_date'];
  for (let i = 0; i < n; i++) {
    const s = symbols[Math.floor(rnd() * symbols.length)];
    const d = dates[261 + Math.floor(rnd() * (dates.length - 261 - 11))];
    lines.push(`${s},${d}`);
  }
  const file = join(dir, `events-${n}.csv`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

interface Run {
  wallS: number;
  cpuS: number;
  rssMB: number;
  svgs: number;
  bytes: number;
  code: number | null;
  /** Events in the aggregate, from the CLI's summary line. */
  included: number;
}

function runOnce(events: string, charts: boolean, out: string): Run {
  rmSync(out, { recursive: true, force: true });
  const r = timeCommand(process.execPath, [CLI, ...peerStudyArgs(DATA, out, { events, charts })]);
  let svgs = 0;
  let bytes = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        bytes += statSync(p).size;
        if (e.name.endsWith('.svg')) svgs++;
      }
    }
  };
  if (existsSync(out)) walk(out);
  if (r.status !== 0) process.stderr.write(r.stderr.split('\n').slice(0, 5).join('\n') + '\n');
  return {
    wallS: r.wallS,
    cpuS: r.cpuS,
    rssMB: r.maxRssMB,
    svgs,
    bytes,
    code: r.status,
    included: Number(/(\d+) in the aggregate/.exec(r.stdout ?? '')?.[1] ?? NaN),
  };
}

function main(): void {
  if (!existsSync(DATA)) throw new Error(`no workload at ${DATA}`);
  if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
  const runs = Number(arg('runs') ?? 3);
  const tmp = mkdtempSync(join(tmpdir(), 'evstudy-bench-scale-'));
  try {
    const workloads: [string, string, number][] = [
      ['peer workload', join(DATA, 'events.csv'), 1000],
      ['20,000 events', makeEvents(20_000, tmp), 20_000],
    ];
    console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model}), node ${process.version}`);
    console.log(`runs per row: ${runs}; medians of wall and CPU, max of peak RSS\n`);
    console.log('| workload | charts | exit | in aggregate | wall median | CPU median | peak RSS | SVGs | bytes written | bytes / event | load avg at start |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const [name, events, n] of workloads) {
      for (const charts of [true, false]) {
        const load = loadavg()[0].toFixed(2);
        const rs: Run[] = [];
        for (let k = 0; k < runs; k++) rs.push(runOnce(events, charts, join(tmp, 'out')));
        const last = rs[rs.length - 1];
        console.log(
          `| ${name} | ${charts ? 'on (default)' : 'off'} | ${rs.map((r) => r.code).join(',')} | ${last.included} | ${median(rs.map((r) => r.wallS)).toFixed(2)} s | ${median(rs.map((r) => r.cpuS)).toFixed(2)} s | ${Math.max(...rs.map((r) => r.rssMB)).toFixed(0)} MB | ${last.svgs} | ${(last.bytes / 1e6).toFixed(1)} MB | ${(last.bytes / n / 1024).toFixed(1)} KiB | ${load} |`,
        );
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
