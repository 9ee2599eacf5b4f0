/**
 * A study is deterministic: the same inputs give the same bytes of report.json and report.md, the
 * seeded bootstrap included, whether run twice into one folder or into two folders. Synthetic
 * tables (returns, market, events with some problem events) are written to a temp folder per case.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, dayNumber } from '../../src/util/dayNumber.js';
import { normalGenerator } from '../core/prng.js';
import { runCli, tempDir } from '../reliability/helpers.js';

function writeTables(dir: string, seed: number, nStocks: number, eventRows: number[]): void {
  const g = normalGenerator(seed);
  const days: string[] = [];
  for (let d = dayNumber(2021, 3, 1); days.length < 180; d++) {
    const wd = (((d + 4) % 7) + 7) % 7;
    if (wd !== 0 && wd !== 6) days.push(formatDay(d));
  }
  const syms = Array.from({ length: nStocks }, (_, i) => `S${i}`);
  const ret = [`date,${syms.join(',')}`];
  const mkt = ['date,MKT'];
  for (const day of days) {
    const m = g(0, 0.01);
    mkt.push(`${day},${m.toFixed(6)}`);
    // An occasional missing cell, as real files have.
    ret.push(`${day},${syms.map((_, i) => (g() > 2.5 ? 'NA' : (0.0001 + (0.7 + 0.2 * i) * m + g(0, 0.02)).toFixed(6))).join(',')}`);
  }
  const ev = ['id,symbol,date,group'];
  eventRows.forEach((row, k) => ev.push(`e${k},S${k % nStocks},${days[row]},${k % 2 ? 'odd' : 'even'}`));
  ev.push('ghost,NOPE,2021-06-01,even'); // no-price-data
  ev.push('early,S0,2021-03-10,odd'); // insufficient-estimation
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'returns.csv'), ret.join('\n') + '\n');
  writeFileSync(join(dir, 'market.csv'), mkt.join('\n') + '\n');
  writeFileSync(join(dir, 'events.csv'), ev.join('\n') + '\n');
}

const read = (out: string) => ['report.json', 'report.md'].map((f) => readFileSync(join(out, f)).toString('base64'));

describe('determinism', () => {
  it('same inputs, same bytes of report.json and report.md (bootstrap on), run after run', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.integer({ min: 100, max: 165 }), { minLength: 3, maxLength: 6 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        async (seed, nStocks, eventRows, bootSeed) => {
          const root = tempDir();
          const inp = join(root, 'in');
          writeTables(inp, seed, nStocks, eventRows);
          const args = (out: string) => [
            'study', '--returns', join(inp, 'returns.csv'), '--market', join(inp, 'market.csv'), '--events', join(inp, 'events.csv'),
            '--estimation=-90:-11', '--window=-5:5', '--car=-1:1,0:2', '--min-estimation', '50',
            '--bootstrap', '199', '--seed', String(bootSeed), '--out', out, '--no-charts',
          ];
          const a = join(root, 'a');
          const b = join(root, 'b');
          for (const out of [a, a, b]) {
            const run = await runCli(args(out));
            expect(run.code, run.err).toBe(0);
          }
          const first = read(a);
          expect(read(b)).toEqual(first);
          // And a third run into the first folder changes nothing.
          expect((await runCli(args(a))).code).toBe(0);
          expect(read(a)).toEqual(first);
          // The bootstrap did run (a seeded p-value, not "n/a").
          const report = JSON.parse(readFileSync(join(a, 'report.json'), 'utf8'));
          expect(report.aggregate.windows.some((w: { tests: { bootstrap?: { p: number | null } } }) => typeof w.tests.bootstrap?.p === 'number')).toBe(true);
        },
      ),
      { numRuns: 3 },
    );
  });
});
