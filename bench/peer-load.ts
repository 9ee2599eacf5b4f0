/**
 * Peers side by side (issue 15 §1): evstudy and the real Python `eventstudy` and R `estudy2`
 * packages on the peer workload (../shared/bench/peer-load), whole processes, in one sitting, runs
 * alternating (evstudy, peer, evstudy, peer, ...) so both see the same load. Nothing about the peers
 * is remembered here: a peer that is not installed is said to be absent and gets no ratio.
 *
 * Spec (both peers and evstudy): market model by OLS, estimation [-260, -11], event window
 * [-10, +10], CAR windows [-1, 1], [0, 1], [-5, 5]; evstudy as
 *
 *   node dist/cli-bundle/main.js study --returns returns.csv --market market.csv --events events.csv \
 *     --model market --estimation=-260:-11 --window=-10:10 --car=-1:1,0:1,-5:5 --contaminated keep \
 *     --out DIR --no-charts [--tests basic]
 *
 * (`--contaminated keep`: the peers fit on the estimation window as it is; evstudy's default drops
 * the same symbol's other event windows from it, which changes 525 of the 1,000 events' fits.)
 *
 * Rows:
 *   (a) evstudy, full battery, 1,000 events   vs  Python eventstudy (bench/peers/eventstudy_peer.py)
 *   (b) evstudy --tests basic, 1,000 events   vs  Python eventstudy
 *   (c) evstudy, full battery, first 100 events vs R estudy2, all its tests (bench/peers/estudy2_peer.R)
 * The Python peer runs in two ways, both timed: from the workload's long files, as a user runs it
 * (pandas pivots them to the package's wide format in the timed process), and from its own wide
 * format prepared beforehand (the peer's most favourable case). The targets are read against the
 * first; the second is printed beside it so no one mistakes which one a ratio is.
 *
 * Timing: /usr/bin/time -v around each process (wall, user + sys CPU, peak RSS); one untimed warm-up
 * of every program first; medians; the 1-minute load average at the start of every run. The
 * peers' drivers also print their compute-only time (after imports and reading) to stderr; its
 * median is shown beside the whole process. The ratio is peer / evstudy of the medians; the issue's
 * targets are CPU ratios (>= 10x full battery vs Python, >= 20x basic vs Python, >= 50x 100 events
 * vs estudy2).
 *
 * Agreement: every CAR (and AR, when the report has per-day rows) of evstudy's report against each
 * peer's CSV and against plain OLS computed in this file; exit 1 when any differs by more than
 * 1e-12 (absolute).
 *
 *   npx tsx bench/peer-load.ts                 # build the CLI bundle, 7 runs (Python) and 3 (R)
 *   npx tsx bench/peer-load.ts --quick         # 3 and 1
 *   npx tsx bench/peer-load.ts --no-build --runs 5 --r-runs 2 --r-events 100 [--no-python] [--no-r]
 *   npx tsx bench/peer-load.ts --vs /path/to/other/checkout   # + that checkout's bundle, full battery
 *
 * Environment:
 *   PEER_LOAD_DIR                 the workload folder (default $EVSTUDY_SHARED_DIR/bench/peer-load,
 *                                 else ../shared/bench/peer-load beside the checkout)
 *   EVSTUDY_PEER_PYTHON           a python that can `import eventstudy` (default /usr/bin/python3)
 *   EVSTUDY_PEER_EVENTSTUDY_PATH  prepended to PYTHONPATH (default /opt/peers/src/eventstudy if present)
 *   EVSTUDY_PEER_RSCRIPT          Rscript (default /usr/bin/Rscript, else Rscript on PATH)
 *   EVSTUDY_PEER_R_LIBS           R library holding estudy2 (default /opt/peers/R if present)
 * See bench/README.md, "Peers side by side", for installing the peers.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTimeV } from './common.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA =
  process.env.PEER_LOAD_DIR ??
  join(process.env.EVSTUDY_SHARED_DIR ?? join(ROOT, '..', 'shared'), 'bench', 'peer-load');
const ESTIMATION: [number, number] = [-260, -11];
const WINDOW: [number, number] = [-10, 10];
const CARS: Array<[number, number]> = [
  [-1, 1],
  [0, 1],
  [-5, 5],
];
const TOLERANCE = 1e-12;
const TARGETS = { full: 10, basic: 20, estudy2: 50 };

const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(`--${name}`);
function arg(name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) usage(`--${name} needs a value`);
  return v;
}
function intArg(name: string, dflt: number, min: number): number {
  const v = arg(name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) usage(`--${name} must be an integer >= ${min}, got "${v}"`);
  return n;
}
function usage(msg: string): never {
  process.stderr.write(`peer-load: ${msg}\nusage: npx tsx bench/peer-load.ts [--quick] [--no-build] [--runs N] [--r-runs N] [--r-events N] [--no-python] [--no-r] [--vs DIR]\n`);
  process.exit(2);
}
const KNOWN = new Set(['quick', 'no-build', 'runs', 'r-runs', 'r-events', 'no-python', 'no-r', 'vs']);
for (const a of argv) if (a.startsWith('--') && !KNOWN.has(a.slice(2))) usage(`unknown option ${a}`);

const quick = flag('quick');
const PY_RUNS = intArg('runs', quick ? 3 : 7, 1);
const R_RUNS = intArg('r-runs', quick ? 1 : 3, 1);
const R_EVENTS = intArg('r-events', 100, 2);
const VS = arg('vs');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const la1 = (): number => loadavg()[0];

// ---------------------------------------------------------------------------------------------
// Programs: each a command line, timed whole by /usr/bin/time -v.
// ---------------------------------------------------------------------------------------------

interface Program {
  name: string;
  cmd: string;
  args: (out: string) => string[];
  env?: NodeJS.ProcessEnv;
  /** The file whose CARs are checked, given the run's output folder. */
  result: (out: string) => string;
}

interface Run {
  wallS: number;
  cpuS: number;
  maxRssMB: number;
  load1: number;
  /** The driver's own compute-only time (peers), seconds. */
  computeS?: number;
}

function evstudy(name: string, bundle: string, events: string, extra: string[] = []): Program {
  return {
    name,
    cmd: process.execPath,
    args: (out) => [
      bundle,
      'study',
      '--returns', join(DATA, 'returns.csv'),
      '--market', join(DATA, 'market.csv'),
      '--events', events,
      '--model', 'market',
      `--estimation=${ESTIMATION.join(':')}`,
      `--window=${WINDOW.join(':')}`,
      `--car=${CARS.map((w) => w.join(':')).join(',')}`,
      // The peers fit on the whole estimation window; evstudy by default leaves the same symbol's
      // other event windows out of it (525 of the 1,000 events here), which is another study.
      '--contaminated', 'keep',
      '--out', out,
      '--no-charts',
      ...extra,
    ],
    env: { ...process.env, EVSTUDY_NO_CACHE: '1' },
    result: (out) => join(out, 'report.json'),
  };
}

function timeRun(p: Program, out: string): Run {
  const load1 = la1();
  const r = spawnSync('/usr/bin/time', ['-v', p.cmd, ...p.args(out)], { encoding: 'utf8', env: p.env ?? process.env, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${p.name} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr.slice(-4000)}`);
  const t = parseTimeV(r.stderr);
  const m = /peer-compute-s ([0-9.]+)/.exec(r.stderr);
  return { ...t, load1, computeS: m ? Number(m[1]) : undefined };
}

/** Runs every program once untimed, then `runs` rounds, the order reversed every other round. */
function sitting(programs: Program[], runs: number, dir: string, log: (s: string) => void): Map<string, Run[]> {
  const res = new Map<string, Run[]>(programs.map((p) => [p.name, []]));
  for (const p of programs) {
    const t0 = performance.now();
    timeRun(p, join(dir, `warm-${slug(p.name)}`));
    log(`warm-up ${p.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  for (let i = 0; i < runs; i++) {
    for (const p of i % 2 ? [...programs].reverse() : programs) {
      const r = timeRun(p, join(dir, `${i}-${slug(p.name)}`));
      res.get(p.name)!.push(r);
      log(
        `run ${i + 1}/${runs} ${p.name.padEnd(34)} wall ${r.wallS.toFixed(2)} s  cpu ${r.cpuS.toFixed(2)} s  rss ${r.maxRssMB.toFixed(0)} MB` +
          `${r.computeS !== undefined ? `  in-script compute ${r.computeS.toFixed(2)} s` : ''}  load ${r.load1.toFixed(2)}`,
      );
    }
  }
  return res;
}
const slug = (s: string) => s.replace(/\W+/g, '-');

// ---------------------------------------------------------------------------------------------
// Locating the peers
// ---------------------------------------------------------------------------------------------

interface Peer {
  ok: boolean;
  /** Version and where from, or why absent. */
  what: string;
  cmd: string;
  env: NodeJS.ProcessEnv;
}

function probe(cmd: string, args: string[], env: NodeJS.ProcessEnv): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, timeout: 60_000 });
  if (r.error) return { ok: false, out: r.error.message };
  const out = `${r.stdout}${r.stderr}`.trim();
  return { ok: r.status === 0, out: r.status === 0 ? r.stdout.trim() : out.split('\n').slice(-2).join(' ') };
}

function pythonPeer(): Peer {
  const cmd = process.env.EVSTUDY_PEER_PYTHON ?? '/usr/bin/python3';
  const dflt = '/opt/peers/src/eventstudy';
  const path = process.env.EVSTUDY_PEER_EVENTSTUDY_PATH ?? (existsSync(dflt) ? dflt : undefined);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (path) env.PYTHONPATH = [path, process.env.PYTHONPATH].filter(Boolean).join(':');
  const p = probe(cmd, ['-c', 'import eventstudy, numpy, pandas, statsmodels, sys; print(eventstudy.__version__, "from", eventstudy.__file__, "| numpy", numpy.__version__, "pandas", pandas.__version__, "statsmodels", statsmodels.__version__, "| python", sys.version.split()[0])'], env);
  return { ok: p.ok, what: p.ok ? `${cmd}: eventstudy ${p.out}` : `${cmd}${path ? ` (PYTHONPATH ${path})` : ''} cannot import eventstudy: ${p.out}`, cmd, env };
}

function rPeer(): Peer {
  const cmd = process.env.EVSTUDY_PEER_RSCRIPT ?? (existsSync('/usr/bin/Rscript') ? '/usr/bin/Rscript' : 'Rscript');
  const dflt = '/opt/peers/R';
  const libs = process.env.EVSTUDY_PEER_R_LIBS ?? (existsSync(dflt) ? dflt : undefined);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (libs) env.R_LIBS = [libs, process.env.R_LIBS].filter(Boolean).join(':');
  const p = probe(cmd, ['-e', 'cat("estudy2", as.character(packageVersion("estudy2")), "from", find.package("estudy2"), "|", R.version.string)'], env);
  return { ok: p.ok, what: p.ok ? `${cmd}: ${p.out}` : `${cmd}${libs ? ` (R_LIBS ${libs})` : ''} cannot load estudy2: ${p.out}`, cmd, env };
}

// ---------------------------------------------------------------------------------------------
// Agreement: CARs (and ARs) of evstudy's report against a peer's CSV or plain OLS
// ---------------------------------------------------------------------------------------------

interface EventValues {
  symbol: string;
  date: string;
  cars: number[];
  /** ARs of days WINDOW[0]..WINDOW[1], when known. */
  ars?: number[];
}

type ReportEvent = {
  symbol: string;
  date: string;
  outcome: string;
  windows: { window: [number, number]; car: number | null }[];
  days?: unknown;
};

function reportValues(file: string): EventValues[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { events: ReportEvent[] };
  return report.events.map((e, k) => {
    const cars = CARS.map(([a, b]) => {
      const got = e.windows.find((x) => x.window[0] === a && x.window[1] === b)?.car;
      if (typeof got !== 'number') throw new Error(`${file}: event ${k + 1} (${e.symbol} ${e.date}, ${e.outcome}) has no CAR for [${a}, ${b}]`);
      return got;
    });
    return { symbol: e.symbol, date: e.date, cars, ars: reportArs(e.days) };
  });
}

/** The per-day ARs, from rows of {day, ar} or from columns {day: [], ar: []}; undefined if neither. */
function reportArs(days: unknown): number[] | undefined {
  const want = WINDOW[1] - WINDOW[0] + 1;
  let pairs: Array<[number, number]> | undefined;
  if (Array.isArray(days)) pairs = days.map((d: { day: number; ar: number }) => [d.day, d.ar]);
  else if (days && typeof days === 'object' && Array.isArray((days as { day?: unknown }).day)) {
    const c = days as { day: number[]; ar: number[] };
    pairs = c.day.map((d, i) => [d, c.ar?.[i]]);
  }
  if (!pairs) return undefined;
  const ars = new Array<number>(want).fill(NaN);
  for (const [d, ar] of pairs) if (d >= WINDOW[0] && d <= WINDOW[1] && typeof ar === 'number') ars[d - WINDOW[0]] = ar;
  return ars.some(Number.isNaN) ? undefined : ars;
}

/** A peer driver's CSV: symbol, event_date, ar-10..ar10, car-1:1, car0:1, car-5:5. */
function peerValues(file: string): EventValues[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = lines[0].split(',');
  const arCols = Array.from({ length: WINDOW[1] - WINDOW[0] + 1 }, (_, i) => head.indexOf(`ar${WINDOW[0] + i}`));
  const carCols = CARS.map(([a, b]) => head.indexOf(`car${a}:${b}`));
  if ([...arCols, ...carCols].some((i) => i < 0)) throw new Error(`${file}: header ${lines[0]} lacks an ar or car column`);
  return lines.slice(1).map((l, k) => {
    const c = l.split(',');
    const num = (i: number) => {
      const v = Number(c[i]);
      if (!Number.isFinite(v)) throw new Error(`${file}:${k + 2}: column ${head[i]} is "${c[i]}"`);
      return v;
    };
    return { symbol: c[0], date: c[1], ars: arCols.map(num), cars: carCols.map(num) };
  });
}

function csvRows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(',').map((c) => c.trim()));
}

/** Per event, ARs and CARs by plain OLS over the CSV files, nothing from src/. */
function olsValues(): EventValues[] {
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
    const ars: number[] = [];
    for (let t = i0 + WINDOW[0]; t <= i0 + WINDOW[1]; t++) ars.push(y[t] - (alpha + beta * x[t]));
    const cars = CARS.map(([a, b]) => {
      let car = 0;
      for (let d = a; d <= b; d++) car += ars[d - WINDOW[0]];
      return car;
    });
    return { symbol, date, cars, ars };
  });
}

interface Agreement {
  against: string;
  events: number;
  carMaxAbs: number;
  carMaxRel: number;
  arMaxAbs?: number;
  ok: boolean;
}

/** evstudy's values against another's, event by event in events.csv order (the first `mine.length`). */
function agree(against: string, mine: EventValues[], theirs: EventValues[]): Agreement {
  if (theirs.length < mine.length) throw new Error(`${against}: ${theirs.length} events, evstudy's report ${mine.length}`);
  let carMaxAbs = 0;
  let carMaxRel = 0;
  let arMaxAbs: number | undefined;
  mine.forEach((m, k) => {
    const t = theirs[k];
    if (m.symbol !== t.symbol || m.date !== t.date) throw new Error(`${against}: event ${k + 1} is ${t.symbol} ${t.date}, evstudy's ${m.symbol} ${m.date}`);
    m.cars.forEach((c, w) => {
      const d = Math.abs(c - t.cars[w]);
      carMaxAbs = Math.max(carMaxAbs, d);
      carMaxRel = Math.max(carMaxRel, d / Math.max(1e-300, Math.abs(t.cars[w])));
    });
    if (m.ars && t.ars) {
      for (let i = 0; i < m.ars.length; i++) arMaxAbs = Math.max(arMaxAbs ?? 0, Math.abs(m.ars[i] - t.ars[i]));
    }
  });
  // NaN never passes: `!(x <= tol)`.
  const ok = !(carMaxAbs > TOLERANCE || Number.isNaN(carMaxAbs)) && !(arMaxAbs !== undefined && !(arMaxAbs <= TOLERANCE));
  return { against, events: mine.length, carMaxAbs, carMaxRel, arMaxAbs, ok };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const f2 = (x: number) => x.toFixed(2);
const range = (xs: number[]) => `${f2(Math.min(...xs))}..${f2(Math.max(...xs))}`;

function programRow(label: string, runs: Run[]): string {
  const c = runs.filter((r) => r.computeS !== undefined).map((r) => r.computeS!);
  return (
    `| ${label} | ${runs.length} | ${f2(median(runs.map((r) => r.wallS)))} s (${range(runs.map((r) => r.wallS))}) | ` +
    `${f2(median(runs.map((r) => r.cpuS)))} s (${range(runs.map((r) => r.cpuS))}) | ${median(runs.map((r) => r.maxRssMB)).toFixed(0)} MB | ` +
    `${c.length ? `${f2(median(c))} s` : '-'} | ${runs.map((r) => r.load1.toFixed(1)).join(' ')} |`
  );
}

function ratioRow(label: string, mine: Run[], peer: Run[] | undefined, target: number | undefined, peerAbsent?: string): string {
  if (!peer) return `| ${label} | - | - | ${target ? `>= ${target}x` : '-'} | no ratio: ${peerAbsent} |`;
  const cpu = median(peer.map((r) => r.cpuS)) / median(mine.map((r) => r.cpuS));
  const wall = median(peer.map((r) => r.wallS)) / median(mine.map((r) => r.wallS));
  return `| ${label} | **${cpu.toFixed(2)}x** | ${wall.toFixed(2)}x | ${target ? `>= ${target}x` : '(no target)'} | ${target ? (cpu >= target ? 'met' : '**not met**') : '-'} |`;
}

async function main(): Promise<void> {
  if (!existsSync(join(DATA, 'returns.csv'))) {
    process.stderr.write(`peer-load: no workload at ${DATA} (set PEER_LOAD_DIR, or EVSTUDY_SHARED_DIR to the shared folder)\n`);
    process.exit(3);
  }
  if (!existsSync('/usr/bin/time')) {
    process.stderr.write('peer-load: needs /usr/bin/time (Debian package "time") to time whole processes\n');
    process.exit(2);
  }
  if (!flag('no-build')) execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
  const bundle = join(ROOT, 'dist', 'cli-bundle', 'main.js');
  if (!existsSync(bundle)) usage(`no ${bundle}: run without --no-build, or npm run build:cli`);
  const vsBundle = VS ? join(resolve(VS), 'dist', 'cli-bundle', 'main.js') : undefined;
  if (vsBundle && !existsSync(vsBundle)) usage(`--vs: no ${vsBundle} (build that checkout's bundle first)`);

  const py = flag('no-python') ? { ok: false, what: 'skipped (--no-python)', cmd: '', env: {} } : pythonPeer();
  const rr = flag('no-r') ? { ok: false, what: 'skipped (--no-r)', cmd: '', env: {} } : rPeer();

  const dir = mkdtempSync(join(tmpdir(), 'evstudy-peers-'));
  const out: string[] = [];
  const log = (s: string) => process.stderr.write(`${s}\n`);
  let failed = false;
  try {
    const events1000 = join(DATA, 'events.csv');
    const eventLines = readFileSync(events1000, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    const eventsR = join(dir, `events-first-${R_EVENTS}.csv`);
    writeFileSync(eventsR, `${eventLines.slice(0, R_EVENTS + 1).join('\n')}\n`);
    const nEvents = eventLines.length - 1;

    const full = evstudy('evstudy, full battery', bundle, events1000);
    const basic = evstudy('evstudy --tests basic', bundle, events1000, ['--tests', 'basic']);
    const vs = vsBundle ? evstudy(`evstudy --vs ${VS}, full battery`, vsBundle, events1000) : undefined;
    const script = join(ROOT, 'bench', 'peers');
    const wide = join(dir, 'returns-wide.csv');
    const pyLong: Program = {
      name: 'Python eventstudy (from long files)',
      cmd: py.cmd,
      args: (o) => [join(script, 'eventstudy_peer.py'), 'run', '--data', DATA, '--out', `${o}.csv`, '--aggregate', `${o}-aggregate.csv`],
      env: py.env,
      result: (o) => `${o}.csv`,
    };
    const pyWide: Program = {
      ...pyLong,
      name: 'Python eventstudy (wide, prepared)',
      args: (o) => [...pyLong.args(o), '--wide', wide],
    };
    const rProg: Program = {
      name: `R estudy2 (first ${R_EVENTS} events)`,
      cmd: rr.cmd,
      args: (o) => [join(script, 'estudy2_peer.R'), '--data', DATA, '--events', String(R_EVENTS), '--out', `${o}.csv`, '--aggregate', `${o}-aggregate.csv`],
      env: rr.env,
      result: (o) => `${o}.csv`,
    };
    const full100 = evstudy(`evstudy, full battery, first ${R_EVENTS}`, bundle, eventsR);

    const startLoad = loadavg();
    out.push(
      `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; load average ${startLoad.map(f2).join(' ')} at start; ${new Date().toISOString()}`,
      `workload: ${DATA} (${nEvents} events); market model OLS, estimation [${ESTIMATION.join(', ')}], event window [${WINDOW.join(', ')}], CAR windows ${CARS.map((w) => `[${w.join(', ')}]`).join(' ')}`,
      `evstudy: node ${bundle.replace(`${ROOT}/`, '')} study --returns returns.csv --market market.csv --events events.csv --model market --estimation=-260:-11 --window=-10:10 --car=-1:1,0:1,-5:5 --contaminated keep --out DIR --no-charts [--tests basic]`,
      `Python peer: ${py.ok ? py.what : `ABSENT - ${py.what}`}`,
      `R peer: ${rr.ok ? rr.what : `ABSENT - ${rr.what}`}`,
      `threads: OPENBLAS_NUM_THREADS=${process.env.OPENBLAS_NUM_THREADS ?? '(unset: OpenBLAS default)'} OMP_NUM_THREADS=${process.env.OMP_NUM_THREADS ?? '(unset)'}; evstudy threads: its default`,
      '',
    );
    process.stdout.write(`${out.join('\n')}\n`);

    // Sitting 1: 1,000 events, evstudy (full, basic) against the Python peer (two ways in).
    let s1: Map<string, Run[]>;
    if (py.ok) {
      execFileSync(py.cmd, [join(script, 'eventstudy_peer.py'), 'prepare', '--data', DATA, '--wide', wide], { env: py.env, stdio: 'inherit' });
      s1 = sitting([full, pyLong, basic, pyWide, ...(vs ? [vs] : [])], PY_RUNS, dir, log);
    } else {
      s1 = sitting([full, basic, ...(vs ? [vs] : [])], PY_RUNS, dir, log);
    }
    // Sitting 2: the first R_EVENTS events, evstudy (full) against R estudy2.
    const s2 = rr.ok ? sitting([full100, rProg], R_RUNS, dir, log) : sitting([full100], R_RUNS, dir, log);

    const lines: string[] = [];
    lines.push(
      `runs: ${PY_RUNS} per program at ${nEvents} events, ${R_RUNS} at ${R_EVENTS} events, alternating, after one untimed warm-up each; medians (min..max); load = 1-minute load average at the start of each run`,
      '',
      '| program | runs | wall | CPU (user+sys) | peak RSS | in-script compute | load at each run |',
      '|---|---|---|---|---|---|---|',
      programRow(full.name, s1.get(full.name)!),
      programRow(basic.name, s1.get(basic.name)!),
      ...(vs ? [programRow(vs.name, s1.get(vs.name)!)] : []),
      ...(py.ok ? [programRow(pyLong.name, s1.get(pyLong.name)!), programRow(pyWide.name, s1.get(pyWide.name)!)] : []),
      programRow(full100.name, s2.get(full100.name)!),
      ...(rr.ok ? [programRow(rProg.name, s2.get(rProg.name)!)] : []),
      '',
      '| comparison (peer / evstudy, medians) | CPU ratio | wall ratio | target (CPU) | |',
      '|---|---|---|---|---|',
      ratioRow(`(a) full battery vs Python, ${nEvents} events`, s1.get(full.name)!, s1.get(pyLong.name), TARGETS.full, py.what),
      ratioRow(`(b) --tests basic vs Python, ${nEvents} events`, s1.get(basic.name)!, s1.get(pyLong.name), TARGETS.basic, py.what),
      ratioRow(`(a') full battery vs Python given its wide file`, s1.get(full.name)!, s1.get(pyWide.name), undefined, py.what),
      ratioRow(`(b') --tests basic vs Python given its wide file`, s1.get(basic.name)!, s1.get(pyWide.name), undefined, py.what),
      ratioRow(`(c) full battery vs R estudy2, first ${R_EVENTS} events`, s2.get(full100.name)!, s2.get(rProg.name), TARGETS.estudy2, rr.what),
      ...(vs ? [ratioRow(`--vs ${VS} / this checkout, full battery`, s1.get(full.name)!, s1.get(vs.name), undefined)] : []),
      '',
    );

    // Agreement, on the last timed run's outputs.
    const last = (p: Program, runs: number) => p.result(join(dir, `${runs - 1}-${slug(p.name)}`));
    const mineFull = reportValues(last(full, PY_RUNS));
    const mineBasic = reportValues(last(basic, PY_RUNS));
    const mine100 = reportValues(last(full100, R_RUNS));
    const checks: Agreement[] = [agree('plain OLS in this script', mineFull, olsValues())];
    checks.push(agree('evstudy --tests basic (same CARs as the full battery)', mineBasic, mineFull));
    if (py.ok) {
      checks.push(agree('Python eventstudy (from long files)', mineFull, peerValues(last(pyLong, PY_RUNS))));
      checks.push(agree('Python eventstudy (wide, prepared)', mineFull, peerValues(last(pyWide, PY_RUNS))));
    }
    if (rr.ok) checks.push(agree(`R estudy2, first ${R_EVENTS} events`, mine100, peerValues(last(rProg, R_RUNS))));
    lines.push(
      `Agreement of evstudy's per-event values (tolerance ${TOLERANCE} absolute):`,
      '',
      '| evstudy against | events | CAR max abs diff | CAR max rel diff | AR max abs diff | |',
      '|---|---|---|---|---|---|',
      ...checks.map(
        (c) =>
          `| ${c.against} | ${c.events} x ${CARS.length} windows | ${c.carMaxAbs.toExponential(2)} | ${c.carMaxRel.toExponential(2)} | ${c.arMaxAbs === undefined ? '-' : c.arMaxAbs.toExponential(2)} | ${c.ok ? 'ok' : '**FAILED**'} |`,
      ),
      '',
      `load average at the end ${loadavg().map(f2).join(' ')}`,
      '',
    );
    process.stdout.write(lines.join('\n'));
    failed = checks.some((c) => !c.ok);
    if (failed) process.stderr.write(`peer-load: evstudy's values differ from ${checks.filter((c) => !c.ok).map((c) => c.against).join('; ')} by more than ${TOLERANCE}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

await main();
