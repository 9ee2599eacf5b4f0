/**
 * Starting a worker thread on one of our own modules, from the compiled build (dist/*.js, plain
 * Node) or from the TypeScript source (tests, tsx), where the worker must register tsx before it
 * can load a .ts file. A worker that cannot load its module reports the error on `port` (as
 * `{ taskId: -1, error }`) and bumps `signal[0]`, so a caller waiting on either learns of it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';

export interface WorkerStartData {
  port: MessagePort;
  signal: Int32Array;
  [key: string]: unknown;
}

/** A worker running the module at `moduleUrl` (an import.meta.url), with `data` as its workerData. */
export function startModuleWorker(moduleUrl: string, data: WorkerStartData): Worker {
  if (!moduleUrl.endsWith('.ts')) return new Worker(fileURLToPath(moduleUrl), { workerData: data, transferList: [data.port] });
  const code = [
    `const { workerData } = require('node:worker_threads');`,
    `import(${JSON.stringify(tsxApiUrl(moduleUrl))}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl)}); }).catch((e) => {`,
    `  workerData.port.postMessage({ taskId: -1, error: 'cannot load the worker: ' + ((e && e.stack) || e) });`,
    `  Atomics.add(workerData.signal, 0, 1); Atomics.notify(workerData.signal, 0);`,
    `});`,
  ].join('\n');
  return new Worker(code, { eval: true, workerData: data, transferList: [data.port] });
}

/** URL of tsx's ESM register API (its CommonJS build cannot register hooks in a worker). */
function tsxApiUrl(from: string): string {
  const require = createRequire(from);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgFile), pkg.exports['./esm/api'].import.default)).href;
}
