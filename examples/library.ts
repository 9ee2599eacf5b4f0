/**
 * evstudy as a library: an ad-hoc study on your own CSV tables, with the CLI's defaults (market
 * model, estimation [-130,-11], event window [-10,10], CARs [-1,1] [0,1] [0,2] [-5,5] [0,10],
 * non-trading-day policy `next`), then the report written as report.md / report.json.
 *
 * Data: R estudy2's COVID example returns (tests/fixtures/golden/estudy2_covid, provenance in its
 * README): seven US stocks and the S&P 500, event 2020-03-16.
 *
 * Run: `node --import tsx examples/library.ts` (writes to reports/examples/library, or OUT=dir).
 * In your own project, import from 'evstudy' instead of '../src/index.js'.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAdhoc, writeReport } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, 'tests/fixtures/golden/estudy2_covid');
const scratch = mkdtempSync(join(tmpdir(), 'evstudy-example-'));
try {
  const events = join(scratch, 'events.csv');
  writeFileSync(events, 'symbol,event_date\nAMZN,2020-03-16\nZM,2020-03-16\nNFLX,2020-03-16\nFB,2020-03-16\n');
  const report = await runAdhoc({
    returns: join(data, 'estudy2_rates.csv'),
    market: join(data, 'estudy2_rates_indx.csv'),
    events,
    bootstrapSamples: Number(process.env.BOOTSTRAP ?? 9999),
  });
  for (const w of report.aggregate.windows) console.log(`CAAR [${w.window.join(',')}] ${(100 * (w.caar ?? NaN)).toFixed(2)}%  N ${w.n}`);
  const out = await writeReport(report, process.env.OUT ?? join(root, 'reports/examples/library'), { charts: false });
  console.log(`wrote ${out.files.length} files to ${out.dir}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
