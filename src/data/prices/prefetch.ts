/**
 * Fills the column cache for many price files at once on worker threads: parsing CSV is the cost
 * of a cold whole-market load (~5,000 files), and each file parses independently. The workers
 * write cache entries; the store then loads every symbol from the cache as on a warm run, so its
 * results are exactly those of a single-threaded load.
 *
 * This file is also the workers' entry point (see the bottom).
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, isMainThread, workerData, type MessagePort } from 'node:worker_threads';
import { startModuleWorker } from '../../util/workerThread.js';
import { checkPricesCached } from './cache.js';
import { openCacheFolder } from './cache/folder.js';
import type { PriceStore } from './store.js';
import type { PriceLayout } from './types.js';

export interface PrefetchResult {
  /** Files parsed and written to the cache now. */
  parsed: number;
  /** Files already in the cache. */
  cached: number;
  /** Files that could not be read or have errors (the store reports them when asked). */
  failed: number;
}

interface Job {
  path: string;
  file: string;
  layout?: PriceLayout;
  closeColumn?: string;
}

/**
 * Parses into the column cache every file of `symbols` (default: the whole manifest) not yet in
 * it, on `threads` workers (default: available parallelism). Does nothing when the cache is off or unusable.
 */
export async function prefetchPrices(store: PriceStore, symbols?: readonly string[], opts: { threads?: number } = {}): Promise<PrefetchResult> {
  const cacheDir = store.cacheDir ?? null;
  const result: PrefetchResult = { parsed: 0, cached: 0, failed: 0 };
  // A folder that cannot be used is reported here, once, rather than by every worker.
  if (cacheDir === null || openCacheFolder(cacheDir) === null) return result;
  const jobs: Job[] = (symbols ?? store.entries().map((e) => e.symbol)).map((s) => {
    const e = store.entry(s);
    const path = store.path(s);
    return { path, file: path, layout: e.layout, closeColumn: e.closeColumn };
  });
  const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), jobs.length));
  // One queue for all workers (the next job's index in shared memory): on a machine shared with
  // other jobs a worker may get half the CPU of another, and fixed shares left the faster one idle
  // at the end while the other still had hundreds of files to go.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const parts = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<PrefetchResult>((resolve, reject) => {
          const { port1, port2 } = new MessageChannel();
          const signal = new Int32Array(new SharedArrayBuffer(4));
          const worker = startModuleWorker(import.meta.url, { evstudyPrefetch: true, port: port2, signal, jobs, next, cacheDir });
          port1.on('message', (m: PrefetchResult | { taskId: number; error: string }) => {
            port1.close();
            void worker.terminate();
            if ('error' in m) reject(new Error(m.error));
            else resolve(m);
          });
          worker.on('error', reject);
        }),
    ),
  );
  for (const p of parts) {
    result.parsed += p.parsed;
    result.cached += p.cached;
    result.failed += p.failed;
  }
  return result;
}

function workerMain(port: MessagePort, jobs: Job[], next: Int32Array, cacheDir: string): void {
  const out: PrefetchResult = { parsed: 0, cached: 0, failed: 0 };
  for (let k = Atomics.add(next, 0, 1); k < jobs.length; k = Atomics.add(next, 0, 1)) {
    const j = jobs[k];
    try {
      const r = checkPricesCached(j.path, { file: j.file, layout: j.layout, closeColumn: j.closeColumn }, cacheDir);
      if (!r.prices) out.failed++;
      else if (r.source === 'cache') out.cached++;
      else out.parsed++;
    } catch {
      out.failed++;
    }
  }
  port.postMessage(out);
}

if (!isMainThread && (workerData as { evstudyPrefetch?: boolean } | null)?.evstudyPrefetch) {
  const d = workerData as { port: MessagePort; jobs: Job[]; next: Int32Array; cacheDir: string };
  workerMain(d.port, d.jobs, d.next, d.cacheDir);
}
