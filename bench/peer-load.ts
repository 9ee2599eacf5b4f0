/**
 * Peer-load benchmark (issue 5, item 1): the 1,000-event workload of ../shared/bench/peer-load with
 * the peers' spec (market model by OLS, estimation [-260, -11], event window [-10, +10], CAR windows
 * [-1,1], [0,1], [-5,5]), run as a whole process of the compiled CLI with the full test battery on:
 *
 *   node dist/cli-bundle/main.js study --returns returns.csv --market market.csv --events events.csv \
 *     --model market --estimation=-260:-11 --window=-10:10 --car=-1:1,0:1,-5:5 --out DIR --no-charts
 *
 *   npm run bench:peer                 # build, 7 runs
 *   npx tsx bench/peer-load.ts --no-build --runs 11
 *
 * Prints the median / min / max wall time, the median CPU time and the peak RSS of the runs
 * (/usr/bin/time -v when present, else the child's own resource usage), the ratios to the peers'
 * published times, an in-process split of one run (imports, reading, engine, report), and checks
 * every event's CARs against an independent computation in this file (plain OLS over the CSVs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseTimeV } from './common.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, '..', 'shared', 'bench', 'peer-load');
const ESTIMATION: [number, number] = [-260, -11];
const WINDOW: [number, number] = [-10, 10];
const CARS: Array<[number, number]> = [
  [-1, 1],
  [0, 1],
  [-5, 5],
];
/** The peers on this workload, whole process (../shared/bench/README.md). */
const PEERS = { 'Python eventstudy': 6.2, 'R estudy2': 535 };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function cliArgs(out: string): string[] {
  return [
    join(ROOT, 'dist', 'cli-bundle', 'main.js'),
    'study',
    '--returns',
    join(DATA, 'returns.csv'),
    '--market',
    join(DATA, 'market.csv'),
    '--events',
    join(DATA, 'events.csv'),
    '--model',
    'market',
    `--estimation=${ESTIMATION.join(':')}`,
    `--window=${WINDOW.join(':')}`,
    `--car=${CARS.map((w) => w.join(':')).join(',')}`,
    '--out',
    out,
    '--no-charts',
  ];
}

interface Run {
  wallS: number;
  cpuS: number;
  maxRssMB: number;
}

/** One whole-process run, timed by /usr/bin/time -v (wall, user + sys, max RSS). */
function runOnce(out: string): Run {
  const env = { ...process.env, EVSTUDY_NO_CACHE: '1' };
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...cliArgs(out)], { encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`evstudy failed:\n${r.stdout}\n${r.stderr}`);
    return parseTimeV(r.stderr);
  }
  // No /usr/bin/time: wall clock here, peak RSS and CPU from the child's own resource usage.
  const hook = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nRUSAGE ' + JSON.stringify(u) + '\\n'); });`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, ...cliArgs(out)], { encoding: 'utf8', env });
  const wallS = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`evstudy failed:\n${r.stdout}\n${r.stderr}`);
  const u = JSON.parse(/RUSAGE (.*)/.exec(r.stderr)![1]) as { userCPUTime: number; systemCPUTime: number; maxRSS: number };
  return { wallS, cpuS: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRssMB: u.maxRSS / 1024 };
}

// ---------------------------------------------------------------------------------------------
// Independent computation: plain OLS market model over the CSV files, nothing from src/.
// ---------------------------------------------------------------------------------------------

function csvRows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(',').map((c) => c.trim()));
}

/** Per event, CAR of each window, from scratch. */
function independentCars(): { symbol: string; date: string; cars: number[] }[] {
  const market = new Map(csvRows(join(DATA, 'market.csv')).map(([d, v]) => [d, Number(v)]));
  const bySymbol = new Map<string, Map<string, number>>();
  const allDates = new Set<string>();
  for (const [d, s, v] of csvRows(join(DATA, 'returns.csv'))) {
    if (!bySymbol.has(s)) bySymbol.set(s, new Map());
    bySymbol.get(s)!.set(d, v === '' || v === 'NA' ? NaN : Number(v));
    allDates.add(d);
  }
  // The table's calendar: every date of the returns file (ISO dates sort as text).
  const dates = [...allDates].sort();
  const index = new Map(dates.map((d, i) => [d, i]));
  return csvRows(join(DATA, 'events.csv')).map(([symbol, date]) => {
    const r = bySymbol.get(symbol)!;
    const y = dates.map((d) => r.get(d) ?? NaN);
    const x = dates.map((d) => market.get(d) ?? NaN);
    const i0 = index.get(date)!;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let t = i0 + ESTIMATION[0]; t <= i0 + ESTIMATION[1]; t++) {
      if (t < 0 || Number.isNaN(x[t]) || Number.isNaN(y[t])) continue;
      xs.push(x[t]);
      ys.push(y[t]);
    }
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let sxy = 0;
    let sxx = 0;
    for (let k = 0; k < xs.length; k++) {
      sxy += (xs[k] - mx) * (ys[k] - my);
      sxx += (xs[k] - mx) ** 2;
    }
    const beta = sxy / sxx;
    const alpha = my - beta * mx;
    const cars = CARS.map(([a, b]) => {
      let car = 0;
      for (let t = i0 + a; t <= i0 + b; t++) car += y[t] - (alpha + beta * x[t]);
      return car;
    });
    return { symbol, date, cars };
  });
}

function checkCars(reportFile: string): { events: number; maxAbsDiff: number; maxRelDiff: number } {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    events: { symbol: string; date: string; outcome: string; windows: { window: [number, number]; car: number | null }[] }[];
  };
  const mine = independentCars();
  if (report.events.length !== mine.length) throw new Error(`report has ${report.events.length} events, events.csv ${mine.length}`);
  let maxAbs = 0;
  let maxRel = 0;
  report.events.forEach((e, k) => {
    const m = mine[k];
    if (e.symbol !== m.symbol || e.date !== m.date) throw new Error(`event ${k}: report ${e.symbol} ${e.date}, events.csv ${m.symbol} ${m.date}`);
    CARS.forEach(([a, b], w) => {
      const got = e.windows.find((x) => x.window[0] === a && x.window[1] === b)?.car;
      if (typeof got !== 'number') throw new Error(`event ${k} (${e.outcome}): no CAR for [${a}, ${b}]`);
      const d = Math.abs(got - m.cars[w]);
      maxAbs = Math.max(maxAbs, d);
      maxRel = Math.max(maxRel, d / Math.max(1e-300, Math.abs(m.cars[w])));
    });
  });
  return { events: report.events.length, maxAbsDiff: maxAbs, maxRelDiff: maxRel };
}

// ---------------------------------------------------------------------------------------------
// Where the time goes: one in-process run of the same pipeline, phase by phase.
// ---------------------------------------------------------------------------------------------

async function phases(out: string): Promise<Record<string, number>> {
  const t0 = performance.now();
  const dist = (p: string) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
  const adhoc = (await dist('study/adhoc.js')) as typeof import('../src/study/adhoc.js');
  const write = (await dist('report/write.js')) as typeof import('../src/report/write.js');
  const tables = (await dist('data/tables/index.js')) as typeof import('../src/data/tables/index.js');
  const t1 = performance.now();
  await tables.loadValueTable(join(DATA, 'returns.csv'));
  const t2 = performance.now();
  const report = await adhoc.runAdhoc({
    returns: join(DATA, 'returns.csv'),
    market: join(DATA, 'market.csv'),
    events: join(DATA, 'events.csv'),
    model: 'market',
    estimation: ESTIMATION,
    window: WINDOW,
    carWindows: CARS,
    minEstimation: 60,
    nonTrading: 'next',
    seed: 20230411,
    // The CLI's defaults, so the split is of the run timed above.
    bootstrapSamples: 9999,
    testConvention: 'paper',
    variance: 'model-df',
  });
  const t3 = performance.now();
  await write.writeReport(report, out, { charts: false });
  const t4 = performance.now();
  return {
    'import the study and report modules': t1 - t0,
    'read returns.csv (400,000 rows)': t2 - t1,
    'ad-hoc study (read all tables, 1,000 events, full battery)': t3 - t2,
    'write report.json + report.md (with schema check)': t4 - t3,
  };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const runs = Number(arg('runs') ?? 7);
  const out = mkdtempSync(join(tmpdir(), 'evstudy-peer-'));
  const la = loadavg()[0];
  try {
    runOnce(out); // warm the OS file cache; not counted
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) results.push(runOnce(out));
    const check = checkCars(join(out, 'report.json'));
    const split = await phases(join(out, 'in-process'));
    const wall = median(results.map((r) => r.wallS));
    const lines = [
      `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, load average ${la.toFixed(2)} at start`,
      `command: node dist/cli-bundle/main.js study --returns returns.csv --market market.csv --events events.csv --model market --estimation=-260:-11 --window=-10:10 --car=-1:1,0:1,-5:5 --out DIR --no-charts`,
      `runs: ${runs} (after one warm-up run)`,
      '',
      '| measure | value |',
      '|---|---|',
      `| wall time, median | ${wall.toFixed(3)} s |`,
      `| wall time, min .. max | ${Math.min(...results.map((r) => r.wallS)).toFixed(3)} .. ${Math.max(...results.map((r) => r.wallS)).toFixed(3)} s |`,
      `| CPU time (user + sys), median | ${median(results.map((r) => r.cpuS)).toFixed(3)} s |`,
      `| peak RSS, max | ${Math.max(...results.map((r) => r.maxRssMB)).toFixed(0)} MB |`,
      ...Object.entries(PEERS).map(([name, s]) => `| vs ${name} (${s} s) | ${(s / wall).toFixed(1)}x faster |`),
      `| CARs checked against plain OLS in this script | ${check.events} events x ${CARS.length} windows, max abs diff ${check.maxAbsDiff.toExponential(2)}, max rel diff ${check.maxRelDiff.toExponential(2)} |`,
      '',
      'In-process split of one run (same pipeline, dist/ modules):',
      '',
      '| phase | ms |',
      '|---|---|',
      ...Object.entries(split).map(([k, v]) => `| ${k} | ${v.toFixed(0)} |`),
      '',
    ];
    process.stdout.write(lines.join('\n'));
    if (!(check.maxAbsDiff < 1e-12)) {
      process.stderr.write(`CAR check FAILED: max abs diff ${check.maxAbsDiff}\n`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

await main();
