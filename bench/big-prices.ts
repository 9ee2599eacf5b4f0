/**
 * Memory benchmark for large price files (issue 10 §4): a file of bad rows (errors capped at 20,
 * the rest counted), a minute-bar file (refused at its second bar), and a long valid daily file, each
 * parsed in its own process (sources through tsx); prints wall time, peak RSS and the outcome. Before the row-by-row
 * reader and the error cap, a 50 MB file took 3.4 GB and the 200 MB ones ran out of memory; before
 * the chunked reader, the file was still read and decoded whole.
 *
 *   npx tsx bench/big-prices.ts            # 50 MB bad rows, 200 MB minute bars, ~6 MB daily
 *   npx tsx bench/big-prices.ts --mb 5     # smaller files (each size divided by 10)
 *
 * Files are generated into a temporary folder and removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HEAD = 'Date,Open,High,Low,Close,Adj Close,Volume\n';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Writes rows from `row(i)` until the file reaches `bytes`. */
function generate(path: string, bytes: number, row: (i: number) => string): void {
  const fd = openSync(path, 'w');
  writeSync(fd, HEAD);
  let size = HEAD.length;
  let chunk = '';
  for (let i = 0; size < bytes; i++) {
    const r = row(i);
    chunk += r;
    size += r.length;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

async function child(file: string): Promise<void> {
  const { checkPricesCached } = await import('../src/data/prices/cache.js');
  const t0 = performance.now();
  // As the registry reads a file (without the column cache): from disk, a chunk at a time.
  const r = checkPricesCached(file, { file }, null);
  const ms = performance.now() - t0;
  const outcome = r.prices ? `${r.prices.series.days.length} bars` : `${r.errors.length} errors kept; first: ${r.errors[0].format().slice(0, 100)}`;
  process.stdout.write(JSON.stringify({ ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), outcome }) + '\n');
}

function main(): void {
  const scale = Number(arg('mb') ?? 50) / 50;
  const dir = mkdtempSync(join(tmpdir(), 'evstudy-bigprices-'));
  try {
    const cases: [string, number, (i: number) => string][] = [
      ['bad rows', 50e6 * scale, (i) => `${iso(Date.UTC(1801, 0, 1) + (i % 140_000) * 86_400_000)},x,x,x,x,x,1\n`],
      ['minute bars', 200e6 * scale, (i) => `2023-04-24 ${String(9 + Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00-04:00,10,11,9,10.5,10.5,${i}\n`],
      // Valid daily bars from 1801 on (the readers accept years up to 2200), weekends included: ~6 MB (140,000 rows, to 2184).
      ['daily', 6e6 * scale, (i) => `${iso(Date.UTC(1801, 0, 1) + i * 86_400_000)},10.0,11.0,9.0,10.5,10.5,${1000 + i}\n`],
    ];
    const self = fileURLToPath(import.meta.url);
    for (const [name, bytes, row] of cases) {
      const file = join(dir, `${name.replace(/ /g, '-')}.csv`);
      generate(file, bytes, row);
      const mb = (statSync(file).size / 1e6).toFixed(0);
      const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', file], { encoding: 'utf8', maxBuffer: 1 << 24 });
      const res = r.status === 0 ? r.stdout.trim() : `exit ${r.status} ${r.signal ?? ''}: ${r.stderr.slice(-300)}`;
      console.log(`${name.padEnd(12)} ${mb.padStart(4)} MB  ${res}`);
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childFile = arg('child');
if (childFile) void child(childFile);
else main();
