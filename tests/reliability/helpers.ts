/**
 * Shared helpers of the reliability tests: the corpus location, temp folders removed after each
 * test, the CLI run in-process with stdout / stderr captured, and the checks every user error must
 * pass (one clear line naming file, line and field; no stack trace; the documented exit code).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

import { bad } from './files.js';

export { BAD, REPO, bad, listFiles, snapshot } from './files.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'evstudy-rel-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
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

/** Ad-hoc study flags over the corpus' base tables, with any flag overridden. */
export function studyArgs(overrides: Record<string, string | null>, out: string): string[] {
  const flags: Record<string, string | null> = {
    '--returns': bad('base/returns.csv'),
    '--market': bad('base/market.csv'),
    '--events': bad('base/events.csv'),
    '--bootstrap': '99',
    '--out': out,
    ...overrides,
  };
  const args = ['study'];
  for (const [k, v] of Object.entries(flags)) if (v !== null) args.push(k, v);
  if (!('--charts' in overrides)) args.push('--no-charts');
  return args;
}

export interface Where {
  file?: string;
  line?: number;
  field?: string;
}

/**
 * The error contract of the CLI: stderr holds exactly one message line (`evstudy: ...`, plus any
 * indented detail lines of the same error), naming `file:line` and the field; no stack trace, no
 * "internal error"; the documented exit code.
 */
export function expectUserError(run: CliRun, code: number, where: Where, message?: RegExp): string {
  expect(run.code, run.err).toBe(code);
  const lines = run.err.split('\n').filter((l) => l !== '');
  expect(lines.length, run.err).toBeGreaterThanOrEqual(1);
  expect(lines[0].startsWith('evstudy: '), run.err).toBe(true);
  // Further lines are details of the same error (indented), never a second message.
  for (const l of lines.slice(1)) expect(l.startsWith('  '), run.err).toBe(true);
  expect(run.err).not.toMatch(/internal error|\n\s+at |Error:|RangeError|TypeError/);
  const first = lines[0].slice('evstudy: '.length);
  if (where.file !== undefined) {
    const loc = where.line !== undefined ? `${where.file}:${where.line}: ` : `${where.file}`;
    expect(first.startsWith(loc), `expected "${loc}" at the start of: ${first}`).toBe(true);
  }
  if (where.field !== undefined) expect(first, first).toContain(where.field);
  if (message) expect(first).toMatch(message);
  return first;
}

/** No NaN, Infinity or undefined anywhere in the text of a report. */
export function expectClean(text: string, what: string): void {
  const hit = /\bNaN\b|-?\bInfinity\b|\bundefined\b/.exec(text);
  expect(hit ? `${what}: "${text.slice(Math.max(0, hit.index - 80), hit.index + 40)}"` : null).toBeNull();
}
