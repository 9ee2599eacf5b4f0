import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { DataError, type ErrorLocation } from '../../../src/util/errors.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/tables/', import.meta.url));

/** A fixture's text, decoded as UTF-8 with any BOM kept (the readers must strip it). */
export function fixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

/** Runs `fn`, expecting a DataError at `where` whose message matches `message`; returns it. */
export function dataError(fn: () => unknown, where: ErrorLocation, message?: RegExp): DataError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected a DataError').toBeInstanceOf(DataError);
  const err = caught as DataError;
  expect(err.location).toMatchObject(where);
  if (message) expect(err.message).toMatch(message);
  return err;
}

export const day = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
