/**
 * `paper` is the default test convention (issue 12 §2: estudy2 mis-scales Patell, BW 1980 and the
 * rank tests when ARs are missing and hard-codes (L-2)/(L-4)); `estudy2` stays the peer-reproduction
 * mode and, where the caller chose nothing else, takes every peer default with it (estimation
 * windows kept, every listing its own event, day-level KP r-bar). Study files, the library's ad-hoc
 * entry point and DEFAULT_SETTINGS are checked in process; the CLI flag in tests/e2e/cliDefaults.
 */
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAdhoc, type AdhocOptions } from '../../src/study/adhoc.js';
import { DEFAULT_SETTINGS } from '../../src/study/types.js';
import { DEFAULT_SIM } from '../../src/sim/run.js';
import { DEFAULT_BOOTSTRAP_SAMPLES } from '../../src/stats/context.js';
import { REPO, tempDir } from '../helpers/cli.js';
import { studyWith } from './fixtures.js';

const FIX = join(REPO, 'tests/fixtures/golden/estudy2_covid');

describe('test convention defaults', () => {
  it('a study file that names none runs under paper, with the paper-side defaults', () => {
    const c = studyWith();
    expect(c.testConvention).toBe('paper');
    expect([c.estimationContamination, c.listings, c.kpWindowRbar]).toEqual(['drop', 'primary', 'overlap']);
  });

  it('testConvention: estudy2 reverts every peer default; a setting written beside it still wins', () => {
    const c = studyWith('testConvention: estudy2\n');
    expect([c.estimationContamination, c.listings, c.kpWindowRbar, c.limitDaysInEstimation, c.gapReturns]).toEqual(['keep', 'separate', 'day', 'keep', 'flag']);
    expect(studyWith('testConvention: estudy2\nlistings: primary\n').listings).toBe('primary');
  });

  it('bootstrap B defaults to 9,999 in study files, DEFAULT_SETTINGS, the stats layer and the default study', () => {
    expect(studyWith().bootstrapSamples).toBe(9999);
    expect(DEFAULT_SETTINGS.bootstrapSamples).toBe(9999);
    expect(DEFAULT_BOOTSTRAP_SAMPLES).toBe(9999);
    expect(readFileSync(join(REPO, 'studies/china-ai-2023.yaml'), 'utf8')).toMatch(/^bootstrapSamples: 9999$/m);
  });

  it('DEFAULT_SETTINGS and the size-power simulation default to paper', () => {
    expect(DEFAULT_SETTINGS.testConvention).toBe('paper');
    expect(DEFAULT_SIM.testConvention).toBe('paper');
  });

  it('runAdhoc: paper unless asked; estudy2 keeps contaminated estimation windows unless told otherwise', async () => {
    const dir = tempDir();
    const ev = join(dir, 'ev.csv');
    // Two events of one symbol 30 days apart: the first one's window lies in the second's estimation window.
    writeFileSync(ev, 'symbol,event_date\nAMZN,2020-02-03\nAMZN,2020-03-16\n');
    const o: AdhocOptions = {
      returns: join(FIX, 'estudy2_rates.csv'),
      market: join(FIX, 'estudy2_rates_indx.csv'),
      events: ev,
      model: 'market',
      estimation: [-130, -11],
      window: [-5, 5],
      carWindows: [[0, 1]],
      minEstimation: 60,
      nonTrading: 'next',
      seed: 1,
      bootstrapSamples: 1,
    };
    const [paper, peers, over] = await Promise.all([runAdhoc(o), runAdhoc({ ...o, testConvention: 'estudy2' }), runAdhoc({ ...o, testConvention: 'estudy2', contamination: 'drop' })]);
    expect([paper.settings.testConvention, paper.settings.estimationContamination]).toEqual(['paper', 'drop']);
    expect([peers.settings.testConvention, peers.settings.estimationContamination]).toEqual(['estudy2', 'keep']);
    expect(over.settings.estimationContamination).toBe('drop');
    // The setting is what happened: the second event's sample lost the first's 11-day window only under drop.
    const nObs = (r: typeof paper) => r.events[1].model!.nObs;
    expect(nObs(paper)).toBe(nObs(peers) - 11);
    expect(nObs(over)).toBe(nObs(paper));
  });
});
