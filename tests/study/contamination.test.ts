/**
 * Contaminated estimation windows (issue 12 §1): an earlier event of the same listing whose event
 * window lies inside a later event's estimation window. By default its whole window leaves the
 * estimation sample; `keep` (and an explicit estudy2 convention) fits on the window as it is.
 *
 * Hand-checkable fixture: one listing, 200 trading days, market-model returns with a +10% jump on
 * five days around event A (row 100); event B (row 180) has estimation rows 50..169, so A's window
 * [-5,5] (rows 95..105, 11 days) lies inside it. Alpha and sigma are checked against an OLS written
 * out here on the remaining rows, never against the engine's own OLS.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/study/engine.js';
import { DEFAULT_SETTINGS, type EngineSettings, type StudyEvent } from '../../src/study/types.js';
import { formatDay } from '../../src/util/dayNumber.js';
import type { ReportJson } from '../../src/report/schema.js';
import { runBuilt, tempDir } from '../helpers/cli.js';
import { simpleOls } from '../helpers/simpleOls.js';
import { expectFieldError, lcg, oneListingProvider, studyWith, weekdays } from './fixtures.js';

const N = 200;
const A = 100;
const B = 180;
const days = weekdays(N);
const rnd = lcg(7);
// Rounded to 6 decimals so the CLI run (CSV text) sees exactly the same numbers.
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const market = Float64Array.from({ length: N }, (_, i) => (i === 0 ? NaN : r6((rnd() - 0.5) * 0.02)));
const stock = Float64Array.from({ length: N }, (_, i) => (i === 0 ? NaN : r6(0.0005 + 1.2 * market[i] + (rnd() - 0.5) * 0.02 + (i >= A - 2 && i <= A + 2 ? 0.1 : 0))));

const provider = oneListingProvider(days, stock, market);
const settings: EngineSettings = { ...DEFAULT_SETTINGS, estimation: [-130, -11], window: [-5, 5], carWindows: [[0, 1]], bootstrapSamples: 9 };
const events: StudyEvent[] = [
  { id: 'A', eventId: 'A', symbol: 'X', day: days[A], timing: 'intraday' },
  { id: 'B', eventId: 'B', symbol: 'X', day: days[B], timing: 'intraday' },
];

/** Simple-regression OLS of stock on market over `rows` (tests/helpers/simpleOls.ts). */
const ols = (rows: number[]) => simpleOls(stock, market, rows);
const estRows = Array.from({ length: 120 }, (_, k) => B - 130 + k);
const clean = ols(estRows.filter((t) => t < A - 5 || t > A + 5));
const all = ols(estRows);

describe('contaminated estimation windows', () => {
  it('drop (default): B is fitted without the 11 days of A’s window and says so; keep: on all 120', () => {
    const drop = runEngine(events, provider, settings).events.find((e) => e.id === 'B')!;
    expect(drop.estimationExcluded).toEqual({ days: 11, eventCount: 1, events: ['A'] });
    expect(drop.flags).toContain('estimation sample excludes 11 day(s) in the event window of A');
    expect(drop.model!.nObs).toBe(109);
    expect(drop.model!.alpha!).toBeCloseTo(clean.alpha, 12);
    expect(drop.model!.beta!).toBeCloseTo(clean.beta, 12);
    expect(drop.model!.sigma).toBeCloseTo(clean.sigma, 12);

    const keep = runEngine(events, provider, { ...settings, estimationContamination: 'keep' }).events.find((e) => e.id === 'B')!;
    expect(keep.estimationExcluded).toBeUndefined();
    expect(keep.model!.nObs).toBe(120);
    expect(keep.model!.alpha!).toBeCloseTo(all.alpha, 12);
    expect(keep.model!.sigma).toBeCloseTo(all.sigma, 12);
    // The jump is what the default keeps out of the normal-return model.
    expect(all.sigma).toBeGreaterThan(1.5 * clean.sigma);
  });

  it('too few days left: insufficient estimation, and the reason says what was dropped', () => {
    const r = runEngine(events, provider, { ...settings, minEstimation: 115 });
    const b = r.events.find((e) => e.id === 'B')!;
    expect(b.outcome).toBe('insufficient-estimation');
    expect(b.reason).toMatch(/^109 valid returns in \[-130,-11\], need 115 after excluding 11 day\(s\) in the event window of A /);
    expect(b.estimationExcluded).toEqual({ days: 11, eventCount: 1, events: ['A'] });
    expect(r.aggregate.n).toBe(0);
  });

  it('study file: drop by default, keep when it asks for testConvention estudy2, a typo names the field', () => {
    expect(studyWith().estimationContamination).toBe('drop');
    expect(studyWith('testConvention: estudy2\n').estimationContamination).toBe('keep');
    expect(studyWith('testConvention: estudy2\nestimationContamination: drop\n').estimationContamination).toBe('drop');
    expect(studyWith('testConvention: paper\n').estimationContamination).toBe('drop');
    expectFieldError('estimationContamination', 'dummies');
  });

  it('the built CLI: drop by default (report.json, report.md, events.csv), keep under --convention estudy2, --contaminated overrides, a bad mode exits 2', async () => {
    const dir = tempDir();
    const dates = Array.from(days, (d) => formatDay(d));
    writeFileSync(join(dir, 'r.csv'), ['date,symbol,return', ...dates.slice(1).map((d, k) => `${d},X,${stock[k + 1]}`)].join('\n') + '\n');
    writeFileSync(join(dir, 'm.csv'), ['date,return', ...dates.slice(1).map((d, k) => `${d},${market[k + 1]}`)].join('\n') + '\n');
    writeFileSync(join(dir, 'e.csv'), `id,symbol,event_date\nA,X,${dates[A]}\nB,X,${dates[B]}\n`);
    const args = (out: string, ...more: string[]) =>
      ['study', '--returns', join(dir, 'r.csv'), '--market', join(dir, 'm.csv'), '--events', join(dir, 'e.csv'), '--window=-5:5', '--car=0:1', '--bootstrap', '9', '--no-charts', '--out', join(dir, out), ...more];
    const [def, est, over, bad] = await Promise.all([
      runBuilt(args('def'), { cwd: dir }),
      runBuilt(args('est', '--convention', 'estudy2'), { cwd: dir }),
      runBuilt(args('over', '--convention', 'estudy2', '--contaminated', 'drop'), { cwd: dir }),
      runBuilt(args('bad', '--contaminated', 'dummies'), { cwd: dir }),
    ]);
    const report = (out: string) => JSON.parse(readFileSync(join(dir, out, 'report.json'), 'utf8')) as ReportJson;
    const b = (out: string) => report(out).events.find((e) => e.id === 'B')!;

    expect(def.code, def.stderr).toBe(0);
    expect(report('def').settings.estimationContamination).toBe('drop');
    expect(b('def').estimationExcluded).toEqual({ days: 11, eventCount: 1, events: ['A'] });
    expect(b('def').model!.alpha!).toBeCloseTo(clean.alpha, 10);
    expect(b('def').model!.sigma).toBeCloseTo(clean.sigma, 10);
    const md = readFileSync(join(dir, 'def', 'report.md'), 'utf8');
    expect(md).toContain('estimation sample excludes 11 day(s) in the event window of A');
    expect(md).toContain('1 event(s) lost 11 estimation day(s) in all');
    expect(readFileSync(join(dir, 'est', 'report.md'), 'utf8')).toContain('**Other events in an estimation window**: kept');
    // report.md's Methods name the convention that ran (issue 12 §2).
    expect(md).toContain('- **Test convention**: `paper` (the default)');
    expect(readFileSync(join(dir, 'est', 'report.md'), 'utf8')).toContain('- **Test convention**: `estudy2` (peer reproduction');
    const csv = readFileSync(join(dir, 'def', 'events.csv'), 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
    const col = csv[0].indexOf('estimation_excluded_days');
    expect(csv.find((r) => r[0] === 'B')![col]).toBe('11');
    expect(csv.find((r) => r[0] === 'A')![col]).toBe('');
    expect(csv.find((r) => r[0] === 'B')!.join(',')).toContain('estimation sample excludes 11 day(s) in the event window of A');

    expect(est.code, est.stderr).toBe(0);
    expect(report('est').settings.estimationContamination).toBe('keep');
    expect(b('est').estimationExcluded).toBeUndefined();
    expect(b('est').model!.sigma).toBeCloseTo(all.sigma, 10);
    // Window r-bar and calendar-time test (issue 12 §1) by default; an explicit --convention
    // estudy2 keeps the day-level r-bar for windows and the report as it was.
    expect(report('def').aggregate.windows[0].rbar).toBeDefined();
    expect(report('def').aggregate.windows[0].calendarTime).toBeDefined();
    expect(report('est').aggregate.windows[0].rbar).toBeUndefined();
    expect(report('est').aggregate.windows[0].calendarTime).toBeUndefined();

    expect(over.code, over.stderr).toBe(0);
    expect(b('over').estimationExcluded).toEqual({ days: 11, eventCount: 1, events: ['A'] });

    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--contaminated/);
    expect(bad.stderr).toMatch(/dummies/);
  });
});
