/**
 * Shared helpers of the reliability tests: the corpus location, temp folders removed after each
 * test, the CLI run in-process with stdout / stderr captured, and the checks every user error must
 * pass (one clear line naming file, line and field; no stack trace; the documented exit code).
 */
import { expect, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { trackedTempDir } from '../helpers/tempDirs.js';

import type { CliRun } from './cases.js';

export { BAD, REPO, bad, listFiles, snapshot } from './files.js';
export { expectUserError, studyArgs, type CliRun, type Where } from './cases.js';

/** A temporary folder removed after the current test (tests/setup/removeTemp.ts). */
export function tempDir(prefix = 'evstudy-rel-'): string {
  return trackedTempDir(prefix);
}

/** Runs `evstudy ...args` in this process; stdout / stderr are captured, never printed. */
export async function runCli(args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  // Commands read process.exitCode; a previous test must not leak one into this run.
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = exitCode;
  }
}

/** No NaN, Infinity or undefined anywhere in the text of a report. */
export function expectClean(text: string, what: string): void {
  const hit = /\bNaN\b|-?\bInfinity\b|\bundefined\b/.exec(text);
  expect(hit ? `${what}: "${text.slice(Math.max(0, hit.index - 80), hit.index + 40)}"` : null).toBeNull();
}
