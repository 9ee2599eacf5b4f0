/**
 * Limit-hit days inside estimation windows (issue 12 §2): counted and flagged per event, and by
 * default left out of the estimation sample, since a close held at the limit price is a censored
 * return, not a draw of the normal return.
 *
 * Hand-checkable fixture: one SSE main-board listing (+-10%), 200 trading days of closes in cents,
 * daily moves under 3% except rows 60, 70, 80 (close at the limit-up price, prev x 1.10 to the cent)
 * and row 90 (limit-down, prev x 0.90), and rows 180-181 (limit-up on day 0 and day +1). The event
 * on row 180 estimates on rows 50..169, so it holds the first four. Alpha and sigma are checked against an OLS written out here, never the engine's own.
 */
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/study/engine.js';
import { DEFAULT_SETTINGS, type EngineSettings, type StudyEvent } from '../../src/study/types.js';
import { formatDay } from '../../src/util/dayNumber.js';
import { simpleOls } from '../helpers/simpleOls.js';
import { expectFieldError, lcg, oneListingProvider, studyWith, weekdays } from './fixtures.js';

const N = 200;
const EV = 180;
const UP = [60, 70, 80, 180, 181];
const DOWN = [90];
const days = weekdays(N);
const rnd = lcg(11);
const market = Float64Array.from({ length: N }, (_, i) => (i === 0 ? NaN : (rnd() - 0.5) * 0.02));
const close = new Float64Array(N);
close[0] = 10;
for (let i = 1; i < N; i++) {
  const cents = Math.round(close[i - 1] * 100);
  // The exchange's limit price: prev x (1 +- 10%), rounded half up to the cent.
  if (UP.includes(i)) close[i] = Math.floor((cents * 110 + 50) / 100) / 100;
  else if (DOWN.includes(i)) close[i] = Math.floor((cents * 90 + 50) / 100) / 100;
  else close[i] = Math.round(close[i - 1] * (1 + 1.1 * market[i] + (rnd() - 0.5) * 0.02) * 100) / 100;
}
const stock = Float64Array.from({ length: N }, (_, i) => (i === 0 ? NaN : close[i] / close[i - 1] - 1));

const provider = oneListingProvider(days, stock, market, { market: 'A-share', exchange: 'SSE', board: 'main', close });
const settings: EngineSettings = { ...DEFAULT_SETTINGS, estimation: [-130, -11], window: [-5, 5], carWindows: [[0, 1]], bootstrapSamples: 9, limitDaysInEstimation: 'exclude' };
const events: StudyEvent[] = [{ id: 'E', eventId: 'E', symbol: '600000.SH', day: days[EV], timing: 'intraday' }];

const ols = (rows: number[]) => simpleOls(stock, market, rows);
const estRows = Array.from({ length: 120 }, (_, k) => EV - 130 + k);
const limitRows = [60, 70, 80, 90];
const clean = ols(estRows.filter((t) => !limitRows.includes(t)));
const all = ols(estRows);

describe('limit days in estimation windows', () => {
  it('exclude: four limit days counted, flagged and left out of the fit; keep: counted, fitted on all 120', () => {
    const ex = runEngine(events, provider, settings).events[0];
    const dates = limitRows.map((r) => formatDay(days[r]));
    expect(ex.estimationLimitDays).toEqual({ up: 3, down: 1, dates, excluded: true, inOtherEventWindows: 0 });
    expect(ex.flags).toContain(`estimation window has 3 limit-up and 1 limit-down day(s) (returns censored at the price limit): ${dates.join(', ')}; left out of the estimation sample`);
    expect(ex.model!.nObs).toBe(116);
    expect(ex.model!.alpha!).toBeCloseTo(clean.alpha, 12);
    expect(ex.model!.sigma).toBeCloseTo(clean.sigma, 12);
    expect(ex.days.filter((d) => d.limitHit).map((d) => d.day)).toEqual([0, 1]);

    const keep = runEngine(events, provider, { ...settings, limitDaysInEstimation: 'keep' }).events[0];
    expect(keep.estimationLimitDays).toEqual({ up: 3, down: 1, dates, excluded: false, inOtherEventWindows: 0 });
    expect(keep.model!.nObs).toBe(120);
    expect(keep.model!.alpha!).toBeCloseTo(all.alpha, 12);
    expect(keep.model!.sigma).toBeCloseTo(all.sigma, 12);
    // The +-10% days are what the default keeps out of sigma.
    expect(all.sigma).toBeGreaterThan(1.5 * clean.sigma);
  });

  it('a CAR window ending on a limit day is measured on to the first day off the limit (Kim & Rhee 1997)', () => {
    const e = runEngine(events, provider, settings).events[0];
    const ar = (k: number) => e.days.find((d) => d.day === k)!.ar!;
    const w = e.windows.find((x) => x.window[0] === 0 && x.window[1] === 1)!;
    // Days 0 and +1 close at the limit; day +2 does not: [0,+1] is measured on to [0,+2].
    expect(w.car!).toBeCloseTo(ar(0) + ar(1), 12);
    expect(w.limitExtended).toMatchObject({ to: 2, stillBinding: false });
    expect(w.limitExtended!.car!).toBeCloseTo(ar(0) + ar(1) + ar(2), 12);
    expect(e.flags!.find((f) => f.startsWith('window ends on a limit day'))).toMatch(/CAR \[0,\+1\] to \[0,\+2\] \+\d+\.\d\d% \(t \d+\.\d\d\)/);
    // The event window ends on day +1, still at the limit: measured to its end and said so.
    const short = runEngine(events, provider, { ...settings, window: [-5, 1] }).events[0];
    expect(short.windows.find((x) => x.window[0] === 0 && x.window[1] === 1)!.limitExtended).toMatchObject({ to: 1, stillBinding: true });
  });

  it('gapReturns: scale: the extended window carries the k - 1 extra sessions of a holiday inside it in its t', () => {
    // The same closes on days with a weekday holiday between rows 180 and 181 (day 0 and day +1).
    const holiday = Int32Array.from(weekdays(N + 1).filter((_, i) => i !== 181));
    const p = oneListingProvider(holiday, stock, market, { market: 'A-share', exchange: 'SSE', board: 'main', close });
    const flag = runEngine(events, p, { ...settings, limitDaysInEstimation: 'keep' }).events[0];
    const sc = runEngine(events, p, { ...settings, limitDaysInEstimation: 'keep', gapReturns: 'scale' }).events[0];
    expect(sc.gapReturns).toMatchObject({ estimation: 0, eventWindow: 1, eventWindowDays: [{ date: formatDay(holiday[181]), sessions: 2 }], scaled: true });
    expect(sc.model).toEqual(flag.model);
    const ext = (e: typeof flag) => e.windows.find((x) => x.window[0] === 0 && x.window[1] === 1)!.limitExtended!;
    const s2 = flag.model!.sigma ** 2;
    const varFlag = (ext(flag).car! / ext(flag).carT!) ** 2;
    expect(ext(sc).car).toBe(ext(flag).car);
    expect(ext(sc).carT!).toBeCloseTo(ext(flag).car! / Math.sqrt(varFlag + s2), 10);
  });

  it('a listing without price limits (no board) gets no count; too few days left says the limit days were dropped', () => {
    const hk = oneListingProvider(days, stock, market, { market: 'Hong Kong', close });
    const h = runEngine(events, hk, settings).events[0];
    expect(h.estimationLimitDays).toBeUndefined();
    expect(h.model!.nObs).toBe(120);
    const short = runEngine(events, provider, { ...settings, minEstimation: 118 }).events[0];
    expect(short.outcome).toBe('insufficient-estimation');
    expect(short.reason).toMatch(/^116 valid returns in \[-130,-11\], need 118 after excluding 4 limit day\(s\) /);
  });

  it('study file: keep by default (exclude over-rejects at random dates), exclude when asked, a typo names file, line and field', () => {
    expect(studyWith().limitDaysInEstimation).toBe('keep');
    expect(studyWith('testConvention: estudy2\n').limitDaysInEstimation).toBe('keep');
    expect(studyWith('testConvention: estudy2\nlimitDaysInEstimation: exclude\n').limitDaysInEstimation).toBe('exclude');
    expect(studyWith('testConvention: paper\n').limitDaysInEstimation).toBe('keep');
    expect(studyWith('limitDaysInEstimation: exclude\n').limitDaysInEstimation).toBe('exclude');
    expectFieldError('limitDaysInEstimation', 'drop');
  });
});
