/**
 * The ad-hoc `study` command's defaults as the user meets them (built CLI, no options beyond the
 * files), pinned to the values README documents, and the library's DEFAULT_SETTINGS pinned to the
 * same ones: a changed default (e.g. --non-trading next -> previous) moved day 0 silently and no
 * test saw it (issue 12 §5). Also: a bad input exits non-zero, so a CLI that always exits 0 fails.
 *
 * Data: estudy2's COVID returns (tests/fixtures/golden/estudy2_covid, provenance in its README).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/study/types.js';
import { REPO, runBuilt, tempDir } from '../helpers/cli.js';

const FIX = join(REPO, 'tests/fixtures/golden/estudy2_covid');
const DOCUMENTED = {
  model: 'market',
  estimation: [-130, -11],
  window: [-10, 10],
  carWindows: [[-1, 1], [0, 1], [0, 2], [-5, 5], [0, 10]],
  nonTradingDay: 'next',
  minEstimation: 60,
  seed: 20230411,
  bootstrapSamples: 9999,
  varianceConvention: 'model-df',
  testConvention: 'paper',
  estimationContamination: 'drop',
  gapReturns: 'flag',
};

describe('evstudy study defaults', () => {
  it('runs with the documented defaults, moves weekend and holiday dates to the next trading day, and exits 3 on a bad date', async () => {
    const dir = tempDir();
    const good = join(dir, 'ev.csv');
    // 2020-03-14 is a Saturday; 2020-02-17 is Presidents' Day (no NFLX return that day).
    writeFileSync(good, 'symbol,event_date\nAMZN,2020-03-14\nFB,2020-02-14\nNFLX,2020-02-17\n');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'symbol,event_date\nAMZN,2020-03-14\nFB,2020-02-30\n');
    const base = ['study', '--returns', join(FIX, 'estudy2_rates.csv'), '--market', join(FIX, 'estudy2_rates_indx.csv'), '--no-charts'];
    const [ok, err] = await Promise.all([
      runBuilt([...base, '--events', good, '--out', join(dir, 'ok')]),
      runBuilt([...base, '--events', bad, '--out', join(dir, 'bad')]),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const rep = JSON.parse(readFileSync(join(dir, 'ok', 'report.json'), 'utf8'));
    expect(rep.settings).toEqual({ ...DOCUMENTED, returnType: 'given' });
    const day0 = Object.fromEntries(rep.events.map((e: { symbol: string; day0: string; outcome: string }) => [e.symbol, [e.day0, e.outcome]]));
    expect(day0).toEqual({ AMZN: ['2020-03-16', 'shifted'], FB: ['2020-02-14', 'ok'], NFLX: ['2020-02-18', 'shifted'] });
    expect(rep.aggregate.n).toBe(3);
    // Three different day-0 dates: r-bar is 0 by construction, and the report says so.
    expect(rep.aggregate.rbarPairs).toEqual({ total: 3, estimated: 0, otherDay: 3, short: 0, degenerate: 0 });
    // Primary window [0, 1]: raw p only; every day and other window: Holm over that family, per test.
    expect(rep.aggregate.primaryWindow).toEqual([0, 1]);
    type R = { stat: number | null; p?: number; pHolm?: number };
    const prim = rep.aggregate.windows.find((w: { window: number[] }) => w.window[0] === 0 && w.window[1] === 1);
    expect(prim.tests.csectT.pHolm).toBeUndefined();
    const family: R[] = [
      ...rep.aggregate.days.map((d: { tests: Record<string, R> }) => d.tests.csectT),
      ...rep.aggregate.windows.filter((w: { window: number[] }) => w !== prim).map((w: { tests: Record<string, R> }) => w.tests.csectT),
    ].filter((t) => t.stat !== null);
    const sorted = [...family].sort((x, y) => x.p! - y.p!);
    let run = 0;
    sorted.forEach((t, j) => {
      run = Math.max(run, Math.min(1, (family.length - j) * t.p!));
      expect(t.pHolm).toBeCloseTo(run, 12);
    });
    expect(family.length).toBe(21 + 4);

    expect(err.code).toBe(3);
    expect(err.stderr).toMatch(/bad\.csv:3: event_date "2020-02-30"/);
  }, 60_000);

  it('DEFAULT_SETTINGS carries the same defaults as the CLI', () => {
    const { returnType, groupBy, limitDaysInEstimation, ...rest } = DEFAULT_SETTINGS;
    expect(rest).toEqual(DOCUMENTED);
    // Study runs only: an ad-hoc returns table has no closes, so no limit days and no such setting.
    expect(limitDaysInEstimation).toBe('keep');
    expect(returnType).toBe('simple');
    expect(groupBy).toBe('none');
  });
});
