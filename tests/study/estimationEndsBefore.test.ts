/**
 * Alpha drift (issue 12 §2): an estimation window inside a rally gives a large alpha that the model
 * projects into every CAR window. The engine reports the market-adjusted CAR (sum of R - R_m,
 * alpha 0 and beta 1) beside the model CAR, flags |alpha| x window length above 5%, and
 * `estimationEndsBefore` moves every estimation window to end before a named date.
 *
 * Hand-checkable fixture: one listing, 200 trading days, market-model returns (alpha 0.05%/day) with
 * a rally of +1.5%/day on rows 140..179; the event is on row 190, so its estimation rows 60..179 hold
 * the rally. Fits are checked against the OLS in tests/helpers/simpleOls.ts on the rows expected.
 */
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/study/engine.js';
import { parseStudy } from '../../src/study/config.js';
import { settingsOf } from '../../src/study/runStudy.js';
import { ConfigError } from '../../src/util/errors.js';
import { DEFAULT_SETTINGS, type EngineSettings, type StudyEvent } from '../../src/study/types.js';
import { dayNumber, formatDay } from '../../src/util/dayNumber.js';
import { simpleOls } from '../helpers/simpleOls.js';
import { lcg, oneListingProvider, weekdays } from './fixtures.js';

const N = 200;
const E = 190;
const days = weekdays(N);
const rnd = lcg(11);
const market = Float64Array.from({ length: N }, (_, i) => (i === 0 ? NaN : (rnd() - 0.5) * 0.02));
const stock = Float64Array.from({ length: N }, (_, i) => (i === 0 ? NaN : 0.0005 + 1.2 * market[i] + (rnd() - 0.5) * 0.01 + (i >= 140 && i <= 179 ? 0.015 : 0)));

const provider = oneListingProvider(days, stock, market);
const settings: EngineSettings = { ...DEFAULT_SETTINGS, estimation: [-130, -11], window: [-5, 5], carWindows: [[0, 1], [-5, 5]], bootstrapSamples: 9 };
const events: StudyEvent[] = [{ id: 'E', eventId: 'E', symbol: 'X', day: days[E], timing: 'intraday' }];
const run = (s: EngineSettings) => runEngine(events, provider, s).events[0];
const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

describe('alpha drift', () => {
  it('market-adjusted CAR beside the model CAR; drift flagged where |alpha| x length > 5%', () => {
    const e = run(settings);
    const fit = simpleOls(stock, market, rows(E - 130, E - 11));
    expect(e.model!.alpha!).toBeCloseTo(fit.alpha, 12);
    // The rally: a third of the estimation window at +1.5%/day.
    expect(fit.alpha).toBeGreaterThan(0.003);
    for (const [a, b] of [[0, 1], [-5, 5]]) {
      const w = e.windows.find((x) => x.window[0] === a && x.window[1] === b)!;
      const ma = rows(E + a, E + b).reduce((s, t) => s + stock[t] - market[t], 0);
      expect(w.marketAdjustedCar!).toBeCloseTo(ma, 12);
      expect(w.alphaDrift!).toBeCloseTo(fit.alpha * (b - a + 1), 12);
    }
    // [-5,+5]: 11 x alpha > 5%, flagged; [0,+1] and [0,0] are not.
    const flag = e.flags!.find((f) => f.startsWith('alpha drift:'))!;
    expect(flag).toMatch(/^alpha drift: CAR \[-5,\+5\]: alpha \+0\.\d{3}%\/day over 11 days = -\d\.\d\d% of the CAR \(market-adjusted CAR [+-]\d+\.\d\d%, model CAR [+-]\d+\.\d\d%\)$/);
  });

  it('estimationEndsBefore moves the window, keeping its length, to end on the last trading day before the date', () => {
    const e = run({ ...settings, estimationEndsBefore: days[140] });
    // Rows 60..179 moved 40 days earlier: 20..139, all before the rally.
    const fit = simpleOls(stock, market, rows(20, 139));
    expect(e.outcome).toBe('ok');
    expect(e.model!.nObs).toBe(120);
    expect(e.model!.alpha!).toBeCloseTo(fit.alpha, 12);
    expect(e.model!.estimationFrom).toBe(formatDay(days[20]));
    expect(e.model!.estimationTo).toBe(formatDay(days[139]));
    expect(e.flags).toContain(`estimation window ends before ${formatDay(days[140])} (estimationEndsBefore): [-170,-51], 40 trading day(s) earlier than set`);
    expect(e.flags!.some((f) => f.startsWith('alpha drift:'))).toBe(false);
    // A date after the window's end changes nothing.
    const later = run({ ...settings, estimationEndsBefore: days[185] });
    expect(later.model!.alpha).toBe(run(settings).model!.alpha);
    expect(later.flags!.some((f) => f.startsWith('estimation window ends before'))).toBe(false);
  });

  it('a window moved past the start of the data is insufficient-estimation, with the reason', () => {
    // Ends on row 49: rows -70..49 hold 49 returns (row 0 has none) < minEstimation 60.
    const e = run({ ...settings, estimationEndsBefore: days[50] });
    expect(e.outcome).toBe('insufficient-estimation');
    expect(e.reason).toContain('49');
    expect(e.reason).toContain(`estimation window ends before ${formatDay(days[50])} (estimationEndsBefore)`);
  });

  it('the study setting is a validated date, an error naming file and line otherwise', () => {
    const base = 'id: s1\ntitle: T\n';
    const ok = parseStudy(`${base}estimationEndsBefore: 2023-01-16\n`, 'ok.yaml');
    expect(settingsOf(ok.config).estimationEndsBefore).toBe(dayNumber(2023, 1, 16));
    expect(settingsOf(parseStudy(base, 'none.yaml').config).estimationEndsBefore).toBeUndefined();
    for (const bad of ['2023-02-30', '"before the wave"']) {
      let err: ConfigError | undefined;
      try {
        parseStudy(`${base}model: market\nestimationEndsBefore: ${bad}\n`, 'bad.yaml');
      } catch (x) {
        err = x as ConfigError;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect(err!.location).toMatchObject({ file: 'bad.yaml', line: 4, field: 'estimationEndsBefore' });
      expect(err!.message).toMatch(/real date YYYY-MM-DD/);
    }
  });
});
