/**
 * The hand-checkable one-listing fixtures of the engine tests (contamination, limit days, gap
 * returns, alpha drift, overlap flags): weekday dates, a seeded LCG, and a provider serving one
 * return series against one market column; a study file's config and the error a bad field gives.
 */
import { expect } from 'vitest';
import { parseStudy, type StudyConfig } from '../../src/study/config.js';
import type { DataProvider, SecurityData } from '../../src/study/types.js';
import { ConfigError } from '../../src/util/errors.js';
import { dayNumber, weekday } from '../../src/util/dayNumber.js';

/** The first n weekdays from 2022-01-03. */
export function weekdays(n: number): Int32Array {
  const days = new Int32Array(n);
  for (let i = 0, d = dayNumber(2022, 1, 3); i < n; d++) if (weekday(d) !== 0 && weekday(d) !== 6) days[i++] = d;
  return days;
}

/** Uniform draws in [0, 1) from an LCG (Numerical Recipes constants), so no fixture file is needed. */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * Every symbol gets `returns` on `days` (no closes unless `more` gives them), regressed on `market`;
 * `sessionDays` is the benchmark's own calendar when the test needs one.
 */
export function oneListingProvider(
  days: Int32Array,
  returns: Float64Array,
  market: Float64Array,
  more: Partial<Omit<SecurityData, 'symbol' | 'days' | 'returns'>> = {},
  sessionDays?: Int32Array,
): DataProvider {
  return {
    security: (symbol) => ({ ok: true, value: { symbol, days, returns, close: null, high: null, low: null, ...more } }),
    regressors: () => ({ ok: true, value: { label: 'M', columns: { market }, ...(sessionDays ? { sessionDays } : {}) } }),
  };
}

/** A study file's config with `extra` YAML lines after a minimal id and title. */
export function studyWith(extra = ''): StudyConfig {
  return parseStudy(`id: s1\ntitle: T\n${extra}`, 's.yaml').config;
}

/** `field: value` in a study file is a ConfigError naming file, line and field. */
export function expectFieldError(field: string, value: string): void {
  try {
    studyWith(`${field}: ${value}\n`);
    expect.unreachable();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).location).toMatchObject({ file: 's.yaml', line: 3, field });
  }
}
