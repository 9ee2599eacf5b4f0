/**
 * Trust at real size (issue 10 §1), through the built CLI with charts on (the default):
 *
 * - 20,000 ad-hoc events on 100 listings finish in bounded memory (< 2 GB peak RSS) with at most
 *   ~50 SVGs, and report.json, report.md and events.csv grow at most linearly in the event count.
 *   Before: the 1,000-event peer workload died in vega (stack overflow), 600 events wrote 603 SVGs.
 * - 1,000 events of one listing on one day: one flag per event, not one per pair (before: 56 MB
 *   report.json, 77 MB report.md), counted once in the aggregate.
 *
 * Kept cheap: a 3-day event window on 300 days of returns, one bootstrap resample; both runs go
 * concurrently. bench/scale.ts measures the full-size workloads.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runNode, tempDir } from '../helpers/cli.js';
import type { ReportJson } from '../../src/report/schema.js';
import { mulberry32 } from '../core/prng.js';

const SYMBOLS = 100;
const DAYS = 300;

/** Long returns and a market series (weekdays from 2020-01-01), written to `dir`. */
function writeMarket(dir: string, rnd: () => number): string[] {
  const dates: string[] = [];
  const d = new Date(Date.UTC(2020, 0, 1));
  while (dates.length < DAYS) {
    const w = d.getUTCDay();
    if (w !== 0 && w !== 6) dates.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  const m = dates.map(() => (rnd() - 0.5) * 0.02);
  const ret = ['date,symbol,return'];
  for (let s = 0; s < SYMBOLS; s++) for (let k = 0; k < DAYS; k++) ret.push(`${dates[k]},S${s},${(0.8 * m[k] + (rnd() - 0.5) * 0.03).toFixed(6)}`);
  writeFileSync(join(dir, 'returns.csv'), ret.join('\n') + '\n');
  writeFileSync(join(dir, 'market.csv'), ['date,return', ...dates.map((x, k) => `${x},${m[k].toFixed(6)}`)].join('\n') + '\n');
  return dates;
}

/** The CLI in a wrapper that records the process's peak RSS (workers included) on exit. */
const WRAPPER = `
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [rssFile, cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
process.on('exit', () => writeFileSync(rssFile, String(process.resourceUsage().maxRSS)));
await import(pathToFileURL(cli).href);
`;

async function study(dir: string, events: string, out: string) {
  const wrapper = join(dir, 'rss.mjs');
  if (!existsSync(wrapper)) writeFileSync(wrapper, WRAPPER);
  const rssFile = join(out + '.rss');
  const run = await runNode(
    [
      wrapper,
      rssFile,
      CLI,
      'study',
      '--returns', join(dir, 'returns.csv'),
      '--market', join(dir, 'market.csv'),
      '--events', events,
      '--estimation=-12:-2',
      '--window=-1:1',
      '--car=-1:1,0:1',
      '--min-estimation', '10',
      '--bootstrap', '1',
      // Estimation windows as they are: 200 events per listing in 300 days leave no event 10
      // estimation days once the other events' windows are dropped (the default).
      '--contaminated', 'keep',
      '--out', out,
    ],
    { timeoutMs: 170_000 },
  );
  const size = (f: string) => statSync(join(out, f)).size;
  const svgs = existsSync(join(out, 'charts')) ? readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.svg')) : [];
  return { run, rssMB: Number(readFileSync(rssFile, 'utf8')) / 1024, svgs, size };
}

describe('a study of any size, charts on', () => {
  it('20,000 events: bounded memory, at most 50 SVGs, linear output; 1,000 events of one listing on one day: one flag each', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const rnd = mulberry32(20_000);
    const dates = writeMarket(dir, rnd);
    const big = ['symbol,event_date'];
    for (let i = 0; i < 20_000; i++) big.push(`S${Math.floor(rnd() * SYMBOLS)},${dates[20 + Math.floor(rnd() * (DAYS - 25))]}`);
    writeFileSync(join(dir, 'big.csv'), big.join('\n') + '\n');
    const cluster = ['id,symbol,event_date', ...Array.from({ length: 1000 }, (_, i) => `c${i},S7,${dates[150]}`)];
    writeFileSync(join(dir, 'cluster.csv'), cluster.join('\n') + '\n');

    const [a, b] = await Promise.all([study(dir, join(dir, 'big.csv'), join(dir, 'big')), study(dir, join(dir, 'cluster.csv'), join(dir, 'cluster'))]);

    expect(a.run.code, a.run.stderr).toBe(0);
    expect(a.run.stderr).not.toMatch(/warning|RangeError/);
    expect(a.rssMB).toBeLessThan(2048);
    expect(a.svgs.length).toBeGreaterThan(5);
    expect(a.svgs.length).toBeLessThanOrEqual(50);
    expect(a.svgs.filter((f) => f.startsWith('price-'))).toHaveLength(20);
    expect(a.svgs).toEqual(expect.arrayContaining(['caar.svg', 'car-bars-0_1.svg', 'car-hist-0_1.svg']));
    // Bytes per event: a 3-day window, two CAR windows and a few flags each (before: unbounded).
    expect(a.size('report.json') / 20_000).toBeLessThan(4_000);
    expect(a.size('events.csv') / 20_000).toBeLessThan(1_000);
    expect(a.size('report.md')).toBeLessThan(100_000);
    const md = readFileSync(join(dir, 'big', 'report.md'), 'utf8');
    expect(md).toContain('### The 20 largest CARs [0,+1]');
    expect(md).toContain('`events.csv`');
    expect(md).toMatch(/Price charts are drawn for the 20 events with the largest \|CAR/);
    // Every chart report.md links was written.
    for (const [, f] of md.matchAll(/\]\(charts\/([^)]+)\)/g)) expect(a.svgs).toContain(f);
    expect(readFileSync(join(dir, 'big', 'events.csv'), 'utf8').split('\r\n').length).toBe(20_002);

    expect(b.run.code, b.run.stderr).toBe(0);
    expect(b.size('report.json') / 1000).toBeLessThan(4_000);
    expect(b.size('report.md')).toBeLessThan(100_000);
    const r = JSON.parse(readFileSync(join(dir, 'cluster', 'report.json'), 'utf8')) as ReportJson;
    expect(r.aggregate.n).toBe(1);
    const c5 = r.events.find((e) => e.id === 'c5')!;
    expect(c5.flags).toEqual(['confounded: event window overlaps c0, c1, c10, c100, c101 and 994 more']);
    expect(c5.reason).toMatch(/same listing and day 0 as c0/);
    expect(r.notes?.filter((n) => /counted once/.test(n))).toHaveLength(1);
  });
});
