import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { DataError, EvstudyError, type ErrorLocation } from '../../../src/util/errors.js';
import { formatDay } from '../../../src/util/dayNumber.js';
import type { PriceSeries } from '../../../src/data/prices/types.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/prices/', import.meta.url));
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export function fixture(name: string): Buffer {
  return readFileSync(FIXTURES + name);
}

export function fixtureText(name: string): string {
  return fixture(name).toString('utf8');
}

/** Runs fn, expects a thrown error of `type` whose location has exactly these fields. */
export function expectError<T extends EvstudyError>(fn: () => unknown, where: ErrorLocation, message?: RegExp, type: new (...a: never[]) => T = DataError as never): T {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(type);
  const err = thrown as T;
  expect(err.location).toMatchObject(where);
  if (message) expect(err.message).toMatch(message);
  return err;
}

/** Close on a date (YYYY-MM-DD), or undefined when the series has no such day. */
export function closeOn(series: PriceSeries, date: string): number | undefined {
  for (let i = 0; i < series.days.length; i++) if (formatDay(series.days[i]) === date) return series.close[i];
  return undefined;
}

export function dates(series: PriceSeries): string[] {
  return Array.from(series.days, formatDay);
}
