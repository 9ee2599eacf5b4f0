/**
 * The slowest tests and test files of `npm test` (issue 15 §4), from vitest's JSON reporter, with
 * the machine's load average before and after the run: the list bench/README.md keeps.
 *
 *   npx tsx bench/slowest-tests.ts            # runs `vitest run` once (~80 s), prints the tables
 *   npx tsx bench/slowest-tests.ts --from /tmp/vitest.json   # a report already written
 *
 * A test's time is its own body; a file's is what vitest's JSON reporter gives (its tests, from the
 * first start to the last end; not the import and collection before them). Both are what the run
 * spent under whatever else the machine was doing: hence the load average beside them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const fromIdx = process.argv.indexOf('--from');
const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 10;

interface Assertion { fullName: string; duration?: number | null; status: string }
interface FileResult { name: string; startTime: number; endTime: number; assertionResults: Assertion[] }
interface Report { numTotalTests: number; numFailedTests: number; startTime: number; testResults: FileResult[] }

let file: string;
let tmp: string | undefined;
const load0 = loadavg()[0];
let wall = NaN;
if (fromIdx >= 0) file = process.argv[fromIdx + 1];
else {
  tmp = mkdtempSync(join(tmpdir(), 'evstudy-slowest-'));
  file = join(tmp, 'vitest.json');
  const t0 = performance.now();
  const r = spawnSync('npx', ['vitest', 'run', '--reporter=json', `--outputFile=${file}`], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) console.error(`vitest exited ${r.status}; the times below are still what it spent`);
}
const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
if (tmp) rmSync(tmp, { recursive: true, force: true });

const files = report.testResults.map((f) => ({ name: relative(ROOT, f.name), s: (f.endTime - f.startTime) / 1000 }));
const tests = report.testResults.flatMap((f) => f.assertionResults.map((a) => ({ name: `${relative(ROOT, f.name)} > ${a.fullName}`, s: (a.duration ?? 0) / 1000 })));
const row = (x: { name: string; s: number }, i: number) => `| ${i + 1} | ${x.s.toFixed(2)} s | ${x.name.replace(/\|/g, '\\|')} |`;

console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), node ${process.version}; load average ${load0.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`);
console.log(`${report.testResults.length} files, ${report.numTotalTests} tests, ${report.numFailedTests} failed${Number.isFinite(wall) ? `; vitest run ${wall.toFixed(1)} s wall` : ''}`);
console.log(`\nSlowest ${top} tests:\n\n| # | time | test |\n|---|---|---|`);
tests.sort((a, b) => b.s - a.s).slice(0, top).forEach((t, i) => console.log(row(t, i)));
console.log(`\nSlowest ${top} files (their tests, first start to last end):\n\n| # | time | file |\n|---|---|---|`);
files.sort((a, b) => b.s - a.s).slice(0, top).forEach((f, i) => console.log(row(f, i)));
