/**
 * bench/peers/agreement.ts, the check that bench/peer-load.ts makes of evstudy's CARs and ARs
 * against the Python and R peers' CSVs and plain OLS (issue 15 §1): a difference past the
 * tolerance, a NaN, an empty cell or events out of order must fail it, and the plain OLS must give
 * the ARs that were planted in data generated from an exact market model.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agree, olsValues, peerValues, reportValues, type EventValues, type Spec } from '../../bench/peers/agreement.js';
import { tempDir } from '../helpers/cli.js';

const SPEC: Spec = {
  estimation: [-20, -6],
  window: [-2, 2],
  cars: [
    [-1, 1],
    [0, 0],
  ],
};
const TOL = 1e-12;

/** Two events whose ARs are these jumps, the returns otherwise exactly alpha + beta * market. */
const JUMPS = [
  [0.001, -0.002, 0.03, 0.004, -0.0005],
  [-0.01, 0.0025, -0.02, 0.0, 0.007],
];
const EVENTS = [
  { symbol: 'AAA', day: 25 },
  { symbol: 'BBB', day: 28 },
];

function workload(): string {
  const dir = tempDir('evstudy-peer-agreement-');
  // Any 40 distinct ISO-sortable labels serve as the calendar: only their order matters here.
  const cal = Array.from({ length: 40 }, (_, i) => `2020-01-01T${String(i).padStart(2, '0')}`);
  const market = cal.map((_, i) => Math.sin(i * 1.7) * 0.01 + 0.0003 * (i % 5));
  const params = { AAA: [0.0004, 1.2], BBB: [-0.0002, 0.8] } as const;
  const rows = ['date,symbol,return'];
  for (const [s, [a, b]] of Object.entries(params)) {
    cal.forEach((d, i) => {
      const ev = EVENTS.findIndex((e) => e.symbol === s);
      const k = i - EVENTS[ev].day;
      const jump = k >= SPEC.window[0] && k <= SPEC.window[1] ? JUMPS[ev][k - SPEC.window[0]] : 0;
      rows.push(`${d},${s},${a + b * market[i] + jump}`);
    });
  }
  writeFileSync(join(dir, 'returns.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'market.csv'), `date,return\n${cal.map((d, i) => `${d},${market[i]}`).join('\n')}\n`);
  writeFileSync(join(dir, 'events.csv'), `symbol,event_date\n${EVENTS.map((e) => `${e.symbol},${cal[e.day]}`).join('\n')}\n`);
  return dir;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
function planted(): EventValues[] {
  return EVENTS.map((e, k) => ({
    symbol: e.symbol,
    date: `2020-01-01T${String(e.day).padStart(2, '0')}`,
    ars: JUMPS[k],
    cars: [sum(JUMPS[k].slice(1, 4)), JUMPS[k][2]],
  }));
}

function reportText(values: EventValues[], columnar = false): string {
  return JSON.stringify({
    events: values.map((v) => ({
      symbol: v.symbol,
      date: v.date,
      outcome: 'ok',
      windows: SPEC.cars.map((w, i) => ({ window: w, car: v.cars[i] })),
      days: columnar
        ? { day: [-2, -1, 0, 1, 2], ar: v.ars }
        : v.ars!.map((ar, i) => ({ day: SPEC.window[0] + i, ar, sar: 0 })),
    })),
  });
}

function peerText(values: EventValues[]): string {
  const head = ['symbol', 'event_date', 'ar-2', 'ar-1', 'ar0', 'ar1', 'ar2', 'car-1:1', 'car0:0'];
  return `${head.join(',')}\n${values.map((v) => [v.symbol, v.date, ...v.ars!.map(String), ...v.cars.map(String)].join(',')).join('\n')}\n`;
}

describe('peer agreement (bench/peers/agreement.ts)', () => {
  it('plain OLS finds the ARs planted on an exact market model', () => {
    const ols = olsValues(workload(), SPEC);
    const want = planted();
    const a = agree('ols', want, ols, 1e-15);
    expect(a.ok, JSON.stringify(a)).toBe(true);
    expect(ols.map((e) => e.symbol)).toEqual(['AAA', 'BBB']);
  });

  it('reads rows and columns of days alike, and agrees with itself to 0', () => {
    const rows = reportValues(reportText(planted()), SPEC);
    const cols = reportValues(reportText(planted(), true), SPEC);
    expect(cols).toEqual(rows);
    const peer = peerValues(peerText(planted()), SPEC);
    const a = agree('peer', rows, peer, TOL);
    expect(a).toMatchObject({ ok: true, carMaxAbs: 0, arMaxAbs: 0, events: 2 });
  });

  it('fails a CAR or an AR off by more than the tolerance, passes one within it', () => {
    const near = planted();
    near[1].cars[0] += 5e-13;
    expect(agree('near', planted(), near, TOL).ok).toBe(true);
    const far = planted();
    far[1].cars[0] += 2e-12;
    const a = agree('far', planted(), far, TOL);
    expect(a.ok).toBe(false);
    expect(a.carMaxAbs).toBeGreaterThan(1e-12);
    const arOff = planted();
    arOff[0].ars = arOff[0].ars!.map((x, i) => (i === 4 ? x + 1e-11 : x));
    expect(agree('ar', planted(), arOff, TOL).ok).toBe(false);
  });

  it('fails on a NaN, and refuses an empty cell, a missing column, reordered or missing events', () => {
    const nan = planted();
    nan[0].cars[1] = NaN;
    expect(agree('nan', planted(), nan, TOL).ok).toBe(false);
    expect(() => peerValues(peerText(planted()).replace(/,0\.03,/, ',,'), SPEC, 'py.csv')).toThrow(/py\.csv:2: column ar0 is ""/);
    expect(() => peerValues('symbol,event_date,ar-2\nAAA,d,1\n', SPEC, 'r.csv')).toThrow(/r\.csv: header/);
    expect(() => agree('order', planted(), [...planted()].reverse(), TOL)).toThrow(/event 1 is BBB/);
    expect(() => agree('short', planted(), planted().slice(0, 1), TOL)).toThrow(/1 events, evstudy's report 2/);
    // A peer run on more events than evstudy's report (R on the first N): the first N are compared.
    expect(agree('prefix', planted().slice(0, 1), planted(), TOL).ok).toBe(true);
  });

  it('refuses a report event without a CAR of a spec window', () => {
    const text = reportText(planted()).replace('"window":[0,0],"car":0.03', '"window":[0,0],"car":null');
    expect(() => reportValues(text, SPEC, 'report.json')).toThrow(/report\.json: event 1 \(AAA .*\) has no CAR for \[0, 0\]/);
  });
});
