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
import { timeCommand } from './common.js';
import { agree, olsValues, peerValues, reportValues, type Agreement, type Spec } from './peers/agreement.js';
import { median } from 'simple-statistics';

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
const SPEC: Spec = { estimation: ESTIMATION, window: WINDOW, cars: CARS };
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
  /** The driver's own compute-only time (peers: after imports and reading), wall and CPU seconds. */
  computeS?: number;
  computeCpuS?: number;
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
  const r = timeCommand(p.cmd, p.args(out), { env: p.env });
  if (r.status !== 0) throw new Error(`${p.name} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr.slice(-4000)}`);
  const m = /peer-compute-s ([0-9.]+)/.exec(r.stderr);
  const c = /peer-compute-cpu-s ([0-9.]+)/.exec(r.stderr);
  return { wallS: r.wallS, cpuS: r.cpuS, maxRssMB: r.maxRssMB, load1, computeS: m ? Number(m[1]) : undefined, computeCpuS: c ? Number(c[1]) : undefined };
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
          `${r.computeS !== undefined ? `  in-script compute wall ${r.computeS.toFixed(2)} s cpu ${r.computeCpuS?.toFixed(2) ?? '?'} s` : ''}  load ${r.load1.toFixed(2)}`,
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
  if (r.status === 0) return { ok: true, out: r.stdout.trim() };
  // The error's own line (R follows it with "Calls: ..." and "Execution halted").
  const lines = `${r.stdout}${r.stderr}`.trim().split('\n');
  return { ok: false, out: [...lines].reverse().find((l) => /error/i.test(l))?.trim() ?? lines.slice(-2).join(' ') };
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
// Report
// ---------------------------------------------------------------------------------------------

const f2 = (x: number) => x.toFixed(2);
const range = (xs: number[]) => `${f2(Math.min(...xs))}..${f2(Math.max(...xs))}`;

function programRow(label: string, runs: Run[]): string {
  const w = runs.filter((r) => r.computeS !== undefined).map((r) => r.computeS!);
  const c = runs.filter((r) => r.computeCpuS !== undefined).map((r) => r.computeCpuS!);
  return (
    `| ${label} | ${runs.length} | ${f2(median(runs.map((r) => r.wallS)))} s (${range(runs.map((r) => r.wallS))}) | ` +
    `${f2(median(runs.map((r) => r.cpuS)))} s (${range(runs.map((r) => r.cpuS))}) | ${median(runs.map((r) => r.maxRssMB)).toFixed(0)} MB | ` +
    `${w.length ? `${f2(median(w))} s` : '-'} / ${c.length ? `${f2(median(c))} s` : '-'} | ${runs.map((r) => r.load1.toFixed(1)).join(' ')} |`
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
      '| program | runs | wall | CPU (user+sys) | peak RSS | in-script compute, wall / CPU | load at each run |',
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
    const report = (p: Program, runs: number) => reportValues(readFileSync(last(p, runs), 'utf8'), SPEC, last(p, runs));
    const peer = (p: Program, runs: number) => peerValues(readFileSync(last(p, runs), 'utf8'), SPEC, last(p, runs));
    const mineFull = report(full, PY_RUNS);
    const mineBasic = report(basic, PY_RUNS);
    const mine100 = report(full100, R_RUNS);
    const checks: Agreement[] = [agree('plain OLS (bench/peers/agreement.ts)', mineFull, olsValues(DATA, SPEC), TOLERANCE)];
    checks.push(agree('evstudy --tests basic (same CARs as the full battery)', mineBasic, mineFull, TOLERANCE));
    if (py.ok) {
      checks.push(agree('Python eventstudy (from long files)', mineFull, peer(pyLong, PY_RUNS), TOLERANCE));
      checks.push(agree('Python eventstudy (wide, prepared)', mineFull, peer(pyWide, PY_RUNS), TOLERANCE));
    }
    if (rr.ok) checks.push(agree(`R estudy2, first ${R_EVENTS} events`, mine100, peer(rProg, R_RUNS), TOLERANCE));
    // A speed change must not move a CAR: the other checkout's against this one's.
    if (vs) checks.push(agree(`evstudy --vs ${VS}`, mineFull, report(vs, PY_RUNS), TOLERANCE));
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
