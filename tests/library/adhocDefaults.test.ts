/**
 * The library's runAdhoc with nothing but the files applies the CLI's defaults (DEFAULT_SETTINGS);
 * it crashed with "TypeError: undefined is not iterable" in engine.js. Option names are the study
 * file's (nonTradingDay, varianceConvention, estimationContamination); the old names still work
 * and a conflict between an old and a new name is refused rather than silently resolved.
 *
 * Data: estudy2's COVID returns (tests/fixtures/golden/estudy2_covid, provenance in its README).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAdhoc, resolveAdhocOptions } from '../../src/study/adhoc.js';
import { DEFAULT_SETTINGS } from '../../src/study/types.js';
import { REPO, tempDir } from '../helpers/cli.js';

const FIX = join(REPO, 'tests/fixtures/golden/estudy2_covid');

describe('runAdhoc: the CLI defaults, one name per option', () => {
  it('runs with only returns, market and events, with DEFAULT_SETTINGS', async () => {
    const dir = tempDir();
    const events = join(dir, 'ev.csv');
    // 2020-03-14 is a Saturday: the default policy `next` moves day 0 to Monday.
    writeFileSync(events, 'symbol,event_date\nAMZN,2020-03-14\nFB,2020-02-14\n');
    const returns = join(FIX, 'estudy2_rates.csv');
    const market = join(FIX, 'estudy2_rates_indx.csv');
    const [bare, old] = await Promise.all([
      runAdhoc({ returns, market, events, bootstrapSamples: 99 }),
      runAdhoc({ returns, market, events, bootstrapSamples: 99, nonTrading: 'previous' }),
    ]);
    const d = DEFAULT_SETTINGS;
    expect(bare.settings).toMatchObject({
      model: d.model,
      estimation: d.estimation,
      window: d.window,
      carWindows: d.carWindows,
      minEstimation: d.minEstimation,
      nonTradingDay: d.nonTradingDay,
      seed: d.seed,
      varianceConvention: d.varianceConvention,
      testConvention: d.testConvention,
      estimationContamination: d.estimationContamination,
      gapReturns: d.gapReturns,
    });
    expect(bare.events.map((e) => [e.symbol, e.day0])).toEqual([['AMZN', '2020-03-16'], ['FB', '2020-02-14']]);
    // The deprecated name still steers the policy.
    expect(old.settings.nonTradingDay).toBe('previous');
    expect(old.events[0].day0).toBe('2020-03-13');
  });

  it('applies every default and folds old names into new ones', () => {
    const r = resolveAdhocOptions({ returns: 'r.csv', events: 'e.csv', variance: 'L-1', contamination: 'keep' });
    expect(r).toMatchObject({ bootstrapSamples: DEFAULT_SETTINGS.bootstrapSamples, varianceConvention: 'L-1', estimationContamination: 'keep' });
    expect(r).not.toHaveProperty('variance');
    expect(() => resolveAdhocOptions({ returns: 'r.csv', events: 'e.csv', nonTrading: 'next', nonTradingDay: 'error' })).toThrow(/nonTrading is the old name of nonTradingDay/);
  });

  it("refuses what the CLI refuses: an estimation window overlapping the event window", async () => {
    await expect(runAdhoc({ returns: '/nonexistent/r.csv', events: '/nonexistent/e.csv', estimation: [-20, 0] })).rejects.toMatchObject({ kind: 'usage', location: { field: 'estimation' } });
  });
});
