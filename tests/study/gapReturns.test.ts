/**
 * Gap returns (issue 12 §2): a return whose two closes have benchmark sessions between them (a
 * halt), or lie more than 10 calendar days apart, spans several sessions but would enter with a
 * one-day sigma. Flagged per event by default; `gapReturns: exclude` also leaves those in the
 * estimation window out of the estimation sample.
 *
 * Hand-checkable fixture: a benchmark trading every weekday (230 sessions); the listing has no bar on
 * sessions 60-61 (a two-day halt), 100-109 (a two-week suspension) and 200. Its row 60 then spans 3
 * sessions, row 98 spans 11 (and 15 calendar days), row 188 spans 2. The event on row 190 estimates
 * on rows 60..179 (both halts) and its window [-5,5] is rows 185..195 (the third).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/study/engine.js';
import { DEFAULT_SETTINGS, type DataProvider, type EngineSettings, type StudyEvent } from '../../src/study/types.js';
import { formatDay } from '../../src/util/dayNumber.js';
import type { ReportJson } from '../../src/report/schema.js';
import { runBuilt, tempDir } from '../helpers/cli.js';
import { simpleOls } from '../helpers/simpleOls.js';
import { expectFieldError, lcg, oneListingProvider, studyWith, weekdays } from './fixtures.js';
import { scaleGapDays, weekdaySessions, weekdaysBetween } from '../../src/core/gapScale.js';
import { parseStudy } from '../../src/study/config.js';
import { runStudy } from '../../src/study/runStudy.js';
import { dayNumber } from '../../src/util/dayNumber.js';
import { REPO } from '../helpers/cli.js';

const NB = 230;
const sessions = weekdays(NB);
const halted = new Set([60, 61, ...Array.from({ length: 10 }, (_, k) => 100 + k), 200]);
const days = Int32Array.from([...sessions].filter((_, i) => !halted.has(i)));
const N = days.length;
const rnd = lcg(5);
const market = Float64Array.from({ length: N }, (_, i) => (i === 0 ? NaN : (rnd() - 0.5) * 0.02));
const stock = Float64Array.from({ length: N }, (_, i) => (i === 0 ? NaN : 0.0003 + 0.9 * market[i] + (rnd() - 0.5) * 0.02 + (i === 60 || i === 98 ? 0.08 : 0)));

// Closes on the listing's own days: only a return taken between two closes can span a gap.
const close = new Float64Array(N);
close[0] = 50;
for (let i = 1; i < N; i++) close[i] = close[i - 1] * (1 + stock[i]);
const withSessions = (sessionDays?: Int32Array, closes: Float64Array | null = close): DataProvider =>
  oneListingProvider(days, stock, market, { market: 'Hong Kong', close: closes }, sessionDays);
const EV = 190;
const settings: EngineSettings = { ...DEFAULT_SETTINGS, estimation: [-130, -11], window: [-5, 5], carWindows: [[-5, 5]], bootstrapSamples: 9 };
const events: StudyEvent[] = [{ id: 'E', eventId: 'E', symbol: '0001.HK', day: days[EV], timing: 'intraday' }];

const olsAlpha = (rows: number[]): number => simpleOls(stock, market, rows).alpha;
const estRows = Array.from({ length: 120 }, (_, k) => EV - 130 + k);
const gap = (r: number, n: number | null) => ({ date: formatDay(days[r]), from: formatDay(days[r - 1]), sessions: n });

describe('gap returns', () => {
  it('flag (default): the three multi-session returns are counted and flagged, no number changes; exclude: the two in the estimation window leave the sample', () => {
    expect([days[59], days[60], days[97], days[98], days[187], days[188]]).toEqual([sessions[59], sessions[62], sessions[99], sessions[110], sessions[199], sessions[201]]);
    const flag = runEngine(events, withSessions(sessions), settings).events[0];
    expect(flag.gapReturns).toEqual({ estimation: 2, eventWindow: 1, estimationDays: [gap(60, 3), gap(98, 11)], eventWindowDays: [gap(188, 2)], excluded: false });
    expect(flag.flags).toContain(
      `gap return (spans more than one session, a one-day sigma understates its variance): event window ${formatDay(days[188])} (from ${formatDay(days[187])}, 2 benchmark sessions); estimation window ${formatDay(days[60])} (from ${formatDay(days[59])}, 3 benchmark sessions), ${formatDay(days[98])} (from ${formatDay(days[97])}, 11 benchmark sessions)`,
    );
    expect(flag.model!.nObs).toBe(120);
    expect(flag.model!.alpha!).toBeCloseTo(olsAlpha(estRows), 12);

    const ex = runEngine(events, withSessions(sessions), { ...settings, gapReturns: 'exclude' }).events[0];
    expect(ex.gapReturns).toMatchObject({ estimation: 2, eventWindow: 1, excluded: true });
    expect(ex.model!.nObs).toBe(118);
    expect(ex.model!.alpha!).toBeCloseTo(olsAlpha(estRows.filter((r) => r !== 60 && r !== 98)), 12);
    expect(Math.abs(ex.model!.alpha! - flag.model!.alpha!)).toBeGreaterThan(1e-4);
    // The event-window gap stays in the CAR: it carries the reaction across the halt.
    expect(ex.windows.find((w) => w.window[0] === -5)!.missingDays).toBe(0);
  });

  it("without the benchmark's sessions only the suspension longer than 10 calendar days is seen (gapFlags)", () => {
    const r = runEngine(events, withSessions(), settings).events[0];
    expect(r.gapReturns).toEqual({ estimation: 1, eventWindow: 0, estimationDays: [gap(98, null)], eventWindowDays: [], excluded: false });
    // Returns given as returns (no closes) are one-day returns, whatever rows are missing around them.
    expect(runEngine(events, withSessions(sessions, null), settings).events[0].gapReturns).toBeUndefined();
  });

  it('the built CLI from --prices: flagged by default (report.json, report.md), --gap-returns exclude drops them from the fit, a bad mode exits 2', async () => {
    const dir = tempDir();
    // Closes and a market index as prices, to 6 decimals; the market file has every session.
    let idx = 1000;
    const idxClose = Array.from(sessions, () => (idx *= 1 + (rnd() - 0.5) * 0.02).toFixed(6));
    writeFileSync(join(dir, 'p.csv'), ['date,symbol,close', ...Array.from(days, (d, i) => `${formatDay(d)},X,${close[i].toFixed(6)}`)].join('\n') + '\n');
    writeFileSync(join(dir, 'm.csv'), ['date,close', ...Array.from(sessions, (d, i) => `${formatDay(d)},${idxClose[i]}`)].join('\n') + '\n');
    writeFileSync(join(dir, 'e.csv'), `id,symbol,event_date\nE,X,${formatDay(days[EV])}\n`);
    const args = (out: string, ...more: string[]) =>
      ['study', '--prices', join(dir, 'p.csv'), '--market', join(dir, 'm.csv'), '--events', join(dir, 'e.csv'), '--window=-5:5', '--car=-5:5', '--bootstrap', '9', '--no-charts', '--out', join(dir, out), ...more];
    const [def, ex, bad] = await Promise.all([
      runBuilt(args('def'), { cwd: dir }),
      runBuilt(args('ex', '--gap-returns', 'exclude'), { cwd: dir }),
      runBuilt(args('bad', '--gap-returns', 'sqrt'), { cwd: dir }),
      runBuilt(args('sc', '--gap-returns', 'scale'), { cwd: dir }),
    ]);
    const ev = (out: string) => (JSON.parse(readFileSync(join(dir, out, 'report.json'), 'utf8')) as ReportJson).events[0];
    expect(def.code, def.stderr).toBe(0);
    expect(ev('def').gapReturns).toEqual({ estimation: 2, eventWindow: 1, estimationDays: [gap(60, 3), gap(98, 11)], eventWindowDays: [gap(188, 2)], excluded: false });
    expect(ev('def').model!.nObs).toBe(120);
    expect(readFileSync(join(dir, 'def', 'report.md'), 'utf8')).toContain('1 event(s) have 1 in their event windows and 2 in their estimation windows');
    // RFC 4180 cells: the flags cell is quoted and holds commas.
    const cells = (l: string) => Array.from(l.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g), (m) => m[1]);
    const csv = readFileSync(join(dir, 'def', 'events.csv'), 'utf8').trim().split(/\r?\n/).map(cells);
    const cell = (name: string) => csv[1][csv[0].indexOf(name)];
    expect([cell('gap_returns_estimation'), cell('gap_returns_event_window'), cell('estimation_limit_days')]).toEqual(['2', '1', '']);
    expect(ex.code, ex.stderr).toBe(0);
    expect(ev('ex').gapReturns!.excluded).toBe(true);
    expect(ev('ex').model!.nObs).toBe(118);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--gap-returns/);
    expect(ev('sc').gapReturns).toMatchObject({ estimation: 2, eventWindow: 1, excluded: true, scaled: true });
    expect(ev('sc').flags!.join('\n')).toContain('variance scaled by the sessions spanned');
    expect(readFileSync(join(dir, 'sc', 'report.md'), 'utf8')).toContain('Under `gapReturns: scale`');
  });

  it('study file: flag by default, exclude on request, a typo names file, line and field', () => {
    expect(studyWith().gapReturns).toBe('flag');
    expect(studyWith('gapReturns: exclude\n').gapReturns).toBe('exclude');
    expect(studyWith('gapReturns: scale\n').gapReturns).toBe('scale');
    expectFieldError('gapReturns', 'sqrt');
  });
});

describe('gapReturns: scale (k sessions, k sigma^2)', () => {
  it('counts weekdays, never weekends, and rescales SAR and the CAR variance by hand', () => {
    const d = (m: number, day: number) => dayNumber(2023, m, day);
    // Thu 04-06 -> Tue 04-11 (Good Friday, Easter Monday): 3; Fri -> Mon: 1; Mon -> Tue: 1; two weeks: 10.
    expect(Array.from(weekdaySessions(Int32Array.of(d(4, 6), d(4, 11), d(4, 12))))).toEqual([1, 3, 1]);
    expect([weekdaysBetween(d(4, 14), d(4, 17)), weekdaysBetween(d(4, 17), d(4, 18)), weekdaysBetween(d(4, 3), d(4, 17)), weekdaysBetween(d(4, 3), d(4, 3))]).toEqual([1, 1, 10, 0]);
    const abn = { ar: Float64Array.of(0.05, 0.01), sar: Float64Array.of(2.5, 0.5), c: Float64Array.of(1.01, 1.02), sigma: 0.02, winStart: 0 };
    const extra = scaleGapDays(abn, Int32Array.of(3, 1));
    expect(abn.c[0]).toBeCloseTo(3.01, 14);
    expect(abn.sar[0]).toBeCloseTo(0.05 / (0.02 * Math.sqrt(3.01)), 12);
    expect([abn.c[1], abn.sar[1]]).toEqual([1.02, 0.5]);
    expect([extra(0, 0), extra(0, 1), extra(1, 1), extra(-3, 5)]).toEqual([2, 2, 0, 2]);
  });

  it('engine: estimation gaps leave the sample as under exclude, the event-window one gets k = 2 sessions of variance', () => {
    const ex = runEngine(events, withSessions(sessions), { ...settings, gapReturns: 'exclude' }).events[0];
    const sc = runEngine(events, withSessions(sessions), { ...settings, gapReturns: 'scale' }).events[0];
    expect(sc.gapReturns).toEqual({ estimation: 2, eventWindow: 1, estimationDays: [gap(60, 3), gap(98, 11)], eventWindowDays: [gap(188, 2)], excluded: true, scaled: true });
    expect(sc.model).toEqual(ex.model);
    const sigma = ex.model!.sigma;
    const at = (e: typeof ex, day: number) => e.days.find((x) => x.day === day)!;
    const cEx = (at(ex, -2).ar! / (sigma * at(ex, -2).sar!)) ** 2;
    expect(at(sc, -2).ar).toBe(at(ex, -2).ar);
    expect(at(sc, -2).sar!).toBeCloseTo(at(ex, -2).ar! / (sigma * Math.sqrt(cEx + 1)), 12);
    expect(at(sc, -1).sar).toBe(at(ex, -1).sar);
    const w = (e: typeof ex) => e.windows.find((x) => x.window[0] === -5)!;
    expect(w(sc).car).toBe(w(ex).car);
    expect(w(sc).carVar!).toBeCloseTo(w(ex).carVar! + sigma * sigma, 15);
    expect(w(sc).carT!).toBeCloseTo(w(ex).car! / Math.sqrt(w(ex).carVar! + sigma * sigma), 12);
    // The aggregate standardised tests see the scaled SAR: two listings with this one's data make
    // Patell's day -2 z the SAR over a factor that does not depend on it, so the two runs' z stand in
    // the ratio of their SARs.
    const two: StudyEvent[] = [events[0], { ...events[0], id: 'F', eventId: 'F', symbol: '0002.HK' }];
    const patellDay = (mode: 'exclude' | 'scale'): number => {
      const t = runEngine(two, withSessions(sessions), { ...settings, gapReturns: mode }).aggregate.days.find((x) => x.day === -2)!.tests.patell;
      return 'stat' in t && typeof t.stat === 'number' ? t.stat : NaN;
    };
    expect(patellDay('scale') / patellDay('exclude')).toBeCloseTo(at(sc, -2).sar! / at(ex, -2).sar!, 10);
  });

  it('9988.HK day 0 (2023-04-11) spans Easter: flagged with 3 sessions and SAR on sigma sqrt(C + 2) under scale; flag sees no gap (HSI shares the holiday)', () => {
    const study = (mode: string) =>
      runStudy(parseStudy(`id: s1\ntitle: T\nselect: { ids: [alibaba-tongyi] }\nlistings: separate\nbootstrapSamples: 9\ngapReturns: ${mode}\n`, 's.yaml', REPO));
    const hk = (r: ReportJson) => r.events.find((e) => e.symbol === '9988.HK')!;
    const sc = hk(study('scale'));
    expect(sc.day0).toBe('2023-04-11');
    expect(sc.gapReturns!.eventWindowDays).toContainEqual({ date: '2023-04-11', from: '2023-04-06', sessions: 3 });
    expect(sc.gapReturns!.scaled).toBe(true);
    const d0 = sc.days.find((d) => d.day === 0)!;
    const sigma = sc.model!.sigma;
    // SAR = AR / (sigma sqrt(C + 2)) with C the prediction-error factor, 1 <= C < 1.1 for 120 days.
    const cPlus = (d0.ar! / (sigma * d0.sar!)) ** 2;
    expect(cPlus - 2).toBeGreaterThanOrEqual(1);
    expect(cPlus - 2).toBeLessThan(1.1);
    const w00 = sc.windows.find((w) => w.window[0] === 0 && w.window[1] === 0)!;
    expect(w00.carVar!).toBeCloseTo(sigma * sigma * cPlus, 14);
    expect(sc.flags!.join('\n')).toMatch(/2023-04-11 \(from 2023-04-06, 3 sessions\)/);
    expect(hk(study('flag')).gapReturns?.eventWindowDays ?? []).not.toContainEqual(expect.objectContaining({ date: '2023-04-11' }));
  });
});
