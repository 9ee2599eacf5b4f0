/**
 * A small synthetic report: window -2..2, three included events in two groups (A: E1, E2; B: E/3 HK)
 * and one listing without data. E2 misses its AR on day 1 (null handling); group B has one event
 * (no band); E1 hits the limit on day 0.
 */
import { TEST_KEYS, type EventResultJson, type ReportJson } from '../../../src/report/schema.js';

type Tests = ReportJson['aggregate']['days'][number]['tests'];

export function noTests(): Tests {
  return Object.fromEntries(TEST_KEYS.map((k) => [k, { stat: null, reason: 'not computed in fixture' }])) as Tests;
}

const DATES = ['2023-02-03', '2023-02-06', '2023-02-07', '2023-02-08', '2023-02-09'];

function days(ret: (number | null)[], ar: (number | null)[], limit: Record<number, 1 | -1> = {}): EventResultJson['days'] {
  return ret.map((r, k) => {
    const day = k - 2;
    const a = ar[k];
    return {
      day,
      date: DATES[k],
      return: r,
      expected: r === null || a === null ? null : r - a,
      ar: a,
      sar: a === null ? null : a / 0.02,
      ...(limit[day] ? { limitHit: limit[day] } : {}),
    };
  });
}

function win(window: [number, number], car: number | null, carVar?: number): EventResultJson['windows'][number] {
  return { window, car, ...(carVar !== undefined ? { carVar } : {}), carT: null, carP: null, bhar: null, rawReturn: null, maxHighReturn: null, minLowReturn: null };
}

function event(id: string, symbol: string, group: string | null, over: Partial<EventResultJson>): EventResultJson {
  return {
    id,
    symbol,
    name: `${symbol} Co`,
    date: '2023-02-07',
    day0: '2023-02-07',
    outcome: 'ok',
    reason: null,
    shift: null,
    group,
    model: { kind: 'market', alpha: 0, beta: 1, sigma: 0.02, nObs: 120 },
    days: [],
    windows: [],
    ...over,
  };
}

/** ARs per event, days -2..2 (the hand computations in the tests use these literals). */
export const AR = {
  E1: [0.01, -0.005, 0.03, 0.002, -0.01],
  E2: [0.0, 0.01, 0.02, null, 0.005],
  E3: [0.005, 0.0, -0.02, 0.01, 0.0],
};

export function fixtureReport(): ReportJson {
  const aggDay = (day: number, n: number, aar: number | null) => ({ day, n, aar, tests: noTests() });
  return {
    schemaVersion: '1.0.0',
    study: { id: 'fixture', title: 'Fixture study' },
    settings: {
      model: 'market',
      estimation: [-120, -11],
      window: [-2, 2],
      carWindows: [
        [-1, 1],
        [0, 0],
        [-2, 2],
      ],
      nonTradingDay: 'next',
      returnType: 'simple',
    },
    events: [
      event('E1', '600001', 'A', {
        days: days([0.01, 0.0, 0.1, -0.02, 0.0], AR.E1, { 0: 1 }),
        windows: [win([-1, 1], 0.027, 0.0001), win([0, 0], 0.03, 0.00005), win([-2, 2], 0.027)],
      }),
      event('E2', '600002', 'A', {
        outcome: 'shifted',
        shift: 'announced after the close: day 0 is the next trading day',
        days: days([0.004, 0.012, 0.025, null, 0.006], AR.E2),
        windows: [win([-1, 1], null), win([0, 0], 0.02, 0.0004), win([-2, 2], null)],
      }),
      event('E/3 HK', '0700.HK', 'B', {
        name: undefined,
        days: days([0.006, -0.001, -0.015, 0.012, 0.001], AR.E3),
        windows: [win([-1, 1], -0.01), win([0, 0], -0.02, 0.0001), win([-2, 2], -0.005)],
      }),
      event('E4', '0020.HK', 'B', { outcome: 'no-price-data', reason: 'no price file', day0: null, model: null }),
    ],
    aggregate: {
      days: [aggDay(-2, 3, 0.005), aggDay(-1, 3, 0.005 / 3), aggDay(0, 3, 0.01), aggDay(1, 2, 0.006), aggDay(2, 3, -0.005 / 3)],
      windows: [],
    },
    groups: [
      {
        group: 'A',
        aggregate: {
          days: [aggDay(-2, 2, 0.005), aggDay(-1, 2, 0.0025), aggDay(0, 2, 0.025), aggDay(1, 1, 0.002), aggDay(2, 2, -0.0025)],
          windows: [],
        },
      },
      {
        group: 'B',
        // Day 2's AAR is missing: the B line must stop there, not emit NaN.
        aggregate: { days: [aggDay(-2, 1, 0.005), aggDay(-1, 1, 0), aggDay(0, 1, -0.02), aggDay(1, 1, 0.01), aggDay(2, 0, null)], windows: [] },
      },
    ],
  };
}
