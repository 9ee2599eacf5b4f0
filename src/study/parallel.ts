/**
 * Worker threads for large studies: the cross-sectional battery of a big panel (the rank tests'
 * per-event ranks and every day and window of the event window, each with its bootstrap) spread
 * over a few threads, while this thread computes the Kolari-Pynnönen r-bar. Used by
 * src/study/aggregate.ts above PARALLEL_MIN_EVENTS events.
 *
 * Same answer on any number of threads: each task (a chunk of events' rank rows, a day, a window)
 * is computed by the same code on the same data wherever it runs, the row chunks are fixed by the
 * number of events and their column sums taken here in event order (stats/rankRows.ts), r-bar is
 * the one-thread computation, and the rows are assembled in their usual order. One thread runs the
 * very same functions in-line (battery.ts `aggregate`).
 *
 * Synchronous from the caller's side, because the engine's API is (runEngine returns a value):
 * the panel goes to the workers once in SharedArrayBuffers, tasks go out on MessagePorts, and the
 * main thread sleeps in Atomics.wait until a worker signals a result, which it then takes with
 * receiveMessageOnPort (no event loop needed). Workers are started on first use, kept for later
 * panels of the same process (groups), and unref'd so they never hold the process open.
 *
 * This file is also the workers' entry point (see the bottom).
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, isMainThread, receiveMessageOnPort, workerData, type MessagePort, type Worker } from 'node:worker_threads';
import { float64Array, toShared } from '../util/sharedArrays.js';
import { startModuleWorker } from '../util/workerThread.js';
import { aggregate, aggregateSections, aggregateWindows, dayAggregate, insideEventWindow, needsRbar, presetBootstrap, windowAggregate } from '../stats/battery.js';
import { isSelected, RANK_TESTS } from '../stats/selection.js';
import { BOOT_CHUNKS, bootstrapExtremes, bootstrapInput, bootstrapResults, type BootstrapPrep } from '../stats/bootstrap.js';
import { getContext, resolveOptions, type SharedIngredients } from '../stats/context.js';
import { allocGrankRows, allocRankRows, grankRows, rankRows, ROW_CHUNKS, type GrankRows, type RankRows } from '../stats/rankRows.js';
import { chunkRange } from '../util/chunkRange.js';
import { parallelMinFromEnv, threadsFromEnv } from './envSettings.js';
import type { Aggregate, BatteryOptions, DayAggregate, EventPanel, RbarInfo, TestResult, WindowAggregate } from '../stats/types.js';
import type { WindowRbarInfo } from '../stats/rbarWindow.js';

/**
 * Panels with fewer events are aggregated on the calling thread. A worker needs ~0.1-0.3 s of CPU to
 * load its modules (the engine starts them before its per-event pass, `warmWorkers`, to overlap
 * that); on a 2-core machine the 1,000-event peer workload was slower on 2 workers than on 1
 * (bench/README.md), so workers start at twice that.
 */
export const PARALLEL_MIN_EVENTS = 2000;

/**
 * Threads for a large panel: EVSTUDY_THREADS when set (1 = never use workers), else the machine's
 * available parallelism, at most 8.
 */
export function defaultThreads(env: NodeJS.ProcessEnv = process.env): number {
  return threadsFromEnv(env) ?? Math.max(1, Math.min(8, availableParallelism()));
}

/** Smallest panel for workers: EVSTUDY_PARALLEL_MIN_EVENTS when set (tests use small panels), else PARALLEL_MIN_EVENTS. */
export function parallelThreshold(env: NodeJS.ProcessEnv = process.env): number {
  return parallelMinFromEnv(env) ?? PARALLEL_MIN_EVENTS;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/** An EventPanel as plain data over SharedArrayBuffers, with the CAR variances of the windows precomputed. */
interface SharedPanel {
  n: number;
  estStart: number;
  estEnd: number;
  winStart: number;
  winEnd: number;
  estAR: Float64Array;
  estDays: Int32Array;
  evAR: Float64Array;
  evSAR: Float64Array;
  evC: Float64Array;
  evDays: Int32Array | null;
  sigma: Float64Array;
  sigmaConvention: 'model-df' | 'L-1';
  nObs: Int32Array;
  df: Int32Array;
  /** n x windows.length: windowVariance(i, a, b) of each aggregated window. */
  windows: Array<[number, number]>;
  windowVar: Float64Array;
}

type Task = { kind: 'rows'; k: number } | { kind: 'boot'; k: number } | { kind: 'day'; d: number } | { kind: 'window'; a: number; b: number };
type TaskResult = { rows: number } | { extremes: Int32Array } | DayAggregate | WindowAggregate;

type ToWorker =
  | { type: 'panel'; panelId: number; panel: SharedPanel; opts: Partial<BatteryOptions> }
  | { type: 'rowBuffers'; panelId: number; rank: RankRows; grank: GrankRows }
  | { type: 'ingredients'; panelId: number; ingredients: SharedIngredients }
  | { type: 'rbar'; panelId: number; rbar: RbarInfo }
  | { type: 'windowRbars'; panelId: number; list: Array<[number, number, WindowRbarInfo]> }
  | { type: 'bootstrap'; panelId: number; results: TestResult[] }
  | { type: 'task'; panelId: number; taskId: number; task: Task };

type FromWorker = { taskId: number; result: TaskResult } | { taskId: number; error: string };

// ---------------------------------------------------------------------------------------------
// Main thread
// ---------------------------------------------------------------------------------------------

interface PoolWorker {
  worker: Worker;
  port: MessagePort;
  busy: number | null;
  /** Last panel sent to this worker. */
  panelId: number;
}

interface Pool {
  workers: PoolWorker[];
  /** signal[0] is bumped by a worker after each result it posts. */
  signal: Int32Array;
}

let pool: Pool | null = null;
let nextPanelId = 1;
/** How many tasks ran on workers (tests check the parallel path was taken). */
let tasksOnWorkers = 0;

export function parallelTaskCount(): number {
  return tasksOnWorkers;
}

function sharePanel(panel: EventPanel, windows: Array<[number, number]>): SharedPanel {
  const n = panel.n;
  const windowVar = float64Array(n * windows.length, true);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < windows.length; k++) windowVar[i * windows.length + k] = panel.windowVariance(i, windows[k][0], windows[k][1]);
  }
  return {
    n,
    estStart: panel.estStart,
    estEnd: panel.estEnd,
    winStart: panel.winStart,
    winEnd: panel.winEnd,
    estAR: toShared(panel.estAR),
    estDays: toShared(panel.estDays),
    evAR: toShared(panel.evAR),
    evSAR: toShared(panel.evSAR),
    evC: toShared(panel.evC),
    evDays: panel.evDays ? toShared(panel.evDays) : null,
    sigma: toShared(panel.sigma),
    sigmaConvention: panel.sigmaConvention ?? 'model-df',
    nObs: toShared(panel.nObs),
    df: toShared(panel.df),
    windows,
    windowVar,
  };
}

/** An EventPanel over a SharedPanel; windowVariance answers for the precomputed windows only. */
function panelOf(s: SharedPanel): EventPanel {
  const nW = s.windows.length;
  const col = new Map(s.windows.map(([a, b], k) => [`${a}:${b}`, k]));
  return {
    n: s.n,
    estStart: s.estStart,
    estEnd: s.estEnd,
    winStart: s.winStart,
    winEnd: s.winEnd,
    estAR: s.estAR,
    estDays: s.estDays,
    evAR: s.evAR,
    evSAR: s.evSAR,
    evC: s.evC,
    ...(s.evDays ? { evDays: s.evDays } : {}),
    sigma: s.sigma,
    sigmaConvention: s.sigmaConvention,
    nObs: s.nObs,
    df: s.df,
    windowVariance: (i, a, b) => {
      const k = col.get(`${a}:${b}`);
      if (k === undefined) throw new RangeError(`window [${a}, ${b}] was not precomputed for the worker threads`);
      return s.windowVar[i * nW + k];
    },
  };
}

function startPool(threads: number): Pool {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const self = import.meta.url;
  const workers: PoolWorker[] = [];
  for (let t = 0; t < threads; t++) {
    const { port1, port2 } = new MessageChannel();
    const data = { evstudyParallel: true, port: port2, signal };
    const worker = startModuleWorker(self, data);
    worker.unref();
    port1.unref();
    workers.push({ worker, port: port1, busy: null, panelId: 0 });
  }
  return { workers, signal };
}

function getPool(threads: number): Pool {
  if (!pool || pool.workers.length !== threads) {
    if (pool) for (const w of pool.workers) void w.worker.terminate();
    pool = startPool(threads);
  }
  return pool;
}

/**
 * Starts `threads` workers now, so that they load their modules while this thread does other work
 * (the engine calls it before fitting the events of a large study).
 */
export function warmWorkers(threads: number): void {
  if (threads > 1) getPool(threads);
}

/** Stops the worker threads (they are unref'd, so this is only needed to free them early). */
export async function stopWorkers(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await Promise.all(p.workers.map((w) => w.worker.terminate()));
}

/** A worker that has not answered for this long is taken as lost (it crashed or hangs). */
const STALL_MS = 10 * 60 * 1000;

/**
 * Runs `tasks` on the pool's workers, which already hold panel `panelId`; returns the results in
 * task order. Blocks the calling thread until all are done, except for `meanwhile`, run once the
 * first tasks are out (work for this thread that overlaps the workers'). Tasks are handed out as
 * workers finish, or all at once, round robin, with `upfront` (for tasks of equal size, so that the
 * workers need not wait for this thread to finish `meanwhile`).
 */
function runTasks(p: Pool, panelId: number, tasks: Task[], meanwhile?: () => void, upfront = false): TaskResult[] {
  const results: TaskResult[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  const assign = (w: PoolWorker) => {
    if (next >= tasks.length) return;
    w.busy = next;
    w.port.postMessage({ type: 'task', panelId, taskId: next, task: tasks[next] } satisfies ToWorker);
    next++;
  };
  if (upfront) {
    for (let k = 0; next < tasks.length; k = (k + 1) % p.workers.length) assign(p.workers[k]);
  } else for (const w of p.workers) assign(w);
  meanwhile?.();
  let lastProgress = Date.now();
  while (done < tasks.length) {
    // Read the counter before polling, so a result posted in between makes the wait return at once.
    const seen = Atomics.load(p.signal, 0);
    let progressed = false;
    for (const w of p.workers) {
      for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
        const msg = m.message as FromWorker;
        if ('error' in msg) throw new Error(`worker thread failed${msg.taskId >= 0 ? ` on ${JSON.stringify(tasks[msg.taskId])}` : ''}: ${msg.error}`);
        results[msg.taskId] = msg.result;
        done++;
        progressed = true;
        w.busy = null;
        if (!upfront) assign(w);
      }
    }
    if (progressed) {
      lastProgress = Date.now();
      continue;
    }
    if (Date.now() - lastProgress > STALL_MS) throw new Error('worker threads stopped answering');
    Atomics.wait(p.signal, 0, seen, 1000);
  }
  tasksOnWorkers += tasks.length;
  return results;
}

/**
 * `aggregate(panel, opts)` (src/stats/battery.ts) on `threads` worker threads: the events' rank
 * rows first (r-bar on this thread meanwhile), then every day and window. Returns the same rows,
 * bit for bit.
 */
export function aggregateParallel(panel: EventPanel, opts: Partial<BatteryOptions>, threads: number): Aggregate {
  try {
    return aggregateOnWorkers(panel, opts, threads);
  } catch (e) {
    // The pool may hold half-done tasks: drop it. The result does not depend on the threads, so
    // finishing on this one is correct, only slower; say so once on stderr.
    const p = pool;
    pool = null;
    if (p) for (const w of p.workers) void w.worker.terminate();
    if (!warned) process.stderr.write(`evstudy: worker threads failed, continuing on one thread (${e instanceof Error ? e.message.split('\n')[0] : String(e)})\n`);
    warned = true;
    return aggregate(panel, opts);
  }
}

let warned = false;

function aggregateOnWorkers(panel: EventPanel, opts: Partial<BatteryOptions>, threads: number): Aggregate {
  const r = resolveOptions(opts);
  const windows = aggregateWindows(panel, r);
  const inside = windows.filter(([a, b]) => insideEventWindow(panel, a, b));
  const p = getPool(threads);
  const panelId = nextPanelId++;
  const shared = sharePanel(panel, inside);
  for (const w of p.workers) {
    w.port.postMessage({ type: 'panel', panelId, panel: shared, opts } satisfies ToWorker);
    w.panelId = panelId;
  }
  // The events' rank rows on the workers, into shared buffers; meanwhile this thread computes
  // r-bar (the panel's other expensive ingredient) and the small ones, then takes the rank rows'
  // column sums in event order and hands every ingredient over, so no worker repeats that work.
  const ctx = getContext(panel, r);
  // Only the ingredients a selected test uses (src/stats/selection.ts): the rest cost nothing.
  const needRanks = RANK_TESTS.some((t) => isSelected(r.tests, t));
  const needGrank = isSelected(r.tests, 'grank');
  const needRows = needRanks || needGrank;
  const needBoot = isSelected(r.tests, 'bootstrap');
  const needR = needsRbar(r);
  const rank = needRows ? allocRankRows(panel.n, ctx.E + ctx.W, true) : null;
  const grank = needRows ? allocGrankRows(panel, ctx.E, ctx.sigmaC, true) : null;
  if (rank && grank) for (const w of p.workers) w.port.postMessage({ type: 'rowBuffers', panelId, rank, grank } satisfies ToWorker);
  // The bootstrap's resamples go out in chunks too: they need only the cross-sections.
  const rowChunks = needRows ? ROW_CHUNKS : 0;
  const tasks: Task[] = [
    ...Array.from({ length: rowChunks }, (_, k): Task => ({ kind: 'rows', k })),
    ...Array.from({ length: needBoot ? BOOT_CHUNKS : 0 }, (_, k): Task => ({ kind: 'boot', k })),
  ];
  const sections = aggregateSections(ctx, r);
  let preps: BootstrapPrep[] = [];
  // The windows' r-bars too, here and in window order as aggregate() forms them on one thread (a
  // window's pairwise sweep may reuse the correlations an earlier window cached, so the order is
  // part of the result): on the workers each window task built its own calendar layout (~50 MB for
  // a market panel, two at once) while this thread waited, and the window tasks came last.
  const windowRbars: Array<[number, number, WindowRbarInfo]> = [];
  const done = runTasks(p, panelId, tasks, () => {
    if (needR) ctx.rbar();
    if (needR && r.kpWindowRbar === 'overlap') for (const [a, b] of inside) windowRbars.push([a, b, ctx.windowRbar(ctx.windowSection(a, b))]);
    ctx.estAAR();
    ctx.phat();
    if (needBoot) preps = sections.map((cs) => bootstrapInput(cs.x));
  }, true);
  let boot: TestResult[] | null = null;
  if (needBoot) {
    const extremes = new Int32Array(sections.length);
    for (const t of done.slice(rowChunks) as Array<{ extremes: Int32Array }>) for (let k = 0; k < extremes.length; k++) extremes[k] += t.extremes[k];
    boot = bootstrapResults(sections, preps, extremes, r);
    presetBootstrap(ctx, r, boot);
  }
  if (rank) ctx.adoptRankRows(rank);
  if (grank) ctx.adoptGrankRows(grank);
  const rbarInfo = needR ? ctx.rbar() : undefined;
  const ingredients = ctx.shareIngredients({ ranks: needRanks, grank: needGrank });
  for (const w of p.workers) {
    w.port.postMessage({ type: 'ingredients', panelId, ingredients } satisfies ToWorker);
    if (rbarInfo) w.port.postMessage({ type: 'rbar', panelId, rbar: rbarInfo } satisfies ToWorker);
    if (windowRbars.length > 0) w.port.postMessage({ type: 'windowRbars', panelId, list: windowRbars } satisfies ToWorker);
    if (boot) w.port.postMessage({ type: 'bootstrap', panelId, results: boot } satisfies ToWorker);
  }

  const sectionTasks: Task[] = [];
  for (let d = panel.winStart; d <= panel.winEnd; d++) sectionTasks.push({ kind: 'day', d });
  for (const [a, b] of windows) sectionTasks.push({ kind: 'window', a, b });
  const rows = runTasks(p, panelId, sectionTasks);
  const nDays = panel.winEnd - panel.winStart + 1;
  return {
    n: panel.n,
    rbar: rbarInfo?.rbar ?? null,
    ...(rbarInfo ? { rbarInfo } : {}),
    days: rows.slice(0, nDays) as DayAggregate[],
    windows: rows.slice(nDays) as WindowAggregate[],
  };
}

// ---------------------------------------------------------------------------------------------
// Worker thread
// ---------------------------------------------------------------------------------------------

function workerMain(port: MessagePort, signal: Int32Array): void {
  let panelId = 0;
  let panel: EventPanel | null = null;
  let opts: Partial<BatteryOptions> = {};
  let rows: { rank: RankRows; grank: GrankRows } | null = null;
  let rbar: RbarInfo | null = null;
  let windowRbars: Array<[number, number, WindowRbarInfo]> | null = null;
  let boot: TestResult[] | null = null;
  let bootPreps: BootstrapPrep[] | null = null;
  let ingredients: SharedIngredients | null = null;
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'panel') {
      panelId = msg.panelId;
      panel = panelOf(msg.panel);
      opts = msg.opts;
      rows = null;
      rbar = null;
      windowRbars = null;
      boot = null;
      bootPreps = null;
      ingredients = null;
      return;
    }
    if (msg.type === 'rowBuffers') {
      if (msg.panelId === panelId) rows = { rank: msg.rank, grank: msg.grank };
      return;
    }
    if (msg.type === 'ingredients') {
      if (msg.panelId === panelId) ingredients = msg.ingredients;
      return;
    }
    if (msg.type === 'bootstrap') {
      if (msg.panelId === panelId) boot = msg.results;
      return;
    }
    if (msg.type === 'rbar') {
      if (msg.panelId === panelId) rbar = msg.rbar;
      return;
    }
    if (msg.type === 'windowRbars') {
      if (msg.panelId === panelId) windowRbars = msg.list;
      return;
    }
    let reply: FromWorker;
    try {
      if (msg.panelId !== panelId || !panel) throw new Error(`task for panel ${msg.panelId}, worker holds ${panelId}`);
      const r = resolveOptions(opts);
      const t = msg.task;
      if (t.kind === 'rows') {
        if (!rows) throw new Error('rank-row task before the row buffers');
        const ctx = getContext(panel, r);
        const [i0, i1] = chunkRange(panel.n, ROW_CHUNKS, t.k);
        rankRows(panel, ctx.E, ctx.W, i0, i1, rows.rank);
        grankRows(panel, ctx.E, ctx.sigmaC, i0, i1, rows.grank);
        reply = { taskId: msg.taskId, result: { rows: i1 - i0 } };
      } else if (t.kind === 'boot') {
        const ctx = getContext(panel, r);
        bootPreps ??= aggregateSections(ctx, r).map((cs) => bootstrapInput(cs.x));
        const [b0, b1] = chunkRange(r.bootstrapSamples, BOOT_CHUNKS, t.k);
        reply = { taskId: msg.taskId, result: { extremes: bootstrapExtremes(bootPreps, r.seed, b0, b1) } };
      } else {
        const ctx = getContext(panel, r);
        if (rbar) ctx.presetRbar(rbar);
        if (windowRbars) for (const [a, b, info] of windowRbars) ctx.presetWindowRbar(a, b, info);
        if (boot) {
          presetBootstrap(ctx, r, boot);
          boot = null;
        }
        if (ingredients) ctx.adoptIngredients(ingredients);
        reply = { taskId: msg.taskId, result: t.kind === 'day' ? dayAggregate(ctx, t.d, r) : windowAggregate(ctx, t.a, t.b, r) };
      }
    } catch (e) {
      reply = { taskId: msg.taskId, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(reply);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}

if (!isMainThread && (workerData as { evstudyParallel?: boolean } | null)?.evstudyParallel) {
  const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
  workerMain(port, signal);
}
