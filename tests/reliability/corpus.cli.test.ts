/**
 * The bad-input corpus through the BUILT CLI as a subprocess (issue 10 §3): what a user's shell
 * sees, the exit code node really exits with and every byte of stderr, which the in-process runs
 * of corpus.test.ts cannot see (a process.exit before stderr drained, a stack trace printed by an
 * unhandled rejection, an exit code lost between `main` and the process).
 *
 * The cases are the same tables (cases.ts). Each run costs a node start (~0.4 s of CPU), so by
 * default a sample covering every table, exit code and kind of message runs, two at a time;
 * EVSTUDY_FULL_CORPUS=1 runs every case.
 */
import { describe, expect, it } from 'vitest';
import { runBuilt, tempDir } from '../helpers/cli.js';
import { CLI_ERROR_CASES, expectUserError, type CliErrorCase } from './cases.js';

const SAMPLE = new Set([
  'study: truncated returns file',
  'study: GB18030 bytes behind a UTF-8 BOM',
  'study: estimation window shorter than the minimum',
  'study: missing input file',
  'run, price file: zero-close.csv',
  'events validate: invalid-syntax',
  'run, study file: unknown-key.yaml',
]);
const FULL = process.env.EVSTUDY_FULL_CORPUS === '1';
const CASES = FULL ? CLI_ERROR_CASES : CLI_ERROR_CASES.filter((c) => SAMPLE.has(c.name));

/** Runs `jobs` with at most `limit` at a time (CPU is shared), results in input order. */
async function pooled<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return out;
}

describe('the bad-input corpus through the built CLI', () => {
  it('the sample names every case of the tables it means (no typo hides a case)', () => {
    const names = new Set(CLI_ERROR_CASES.map((c) => c.name));
    expect([...SAMPLE].filter((n) => !names.has(n))).toEqual([]);
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set([2, 3, 4]));
  });

  it(`${CASES.length} of ${CLI_ERROR_CASES.length} cases: one clear message on stderr, the documented exit code, no stack trace`, async () => {
    const runs = await pooled(
      CASES.map((c: CliErrorCase) => async () => {
        const { args, where } = c.setup(() => tempDir());
        const p = await runBuilt(args, { timeoutMs: 30_000 });
        return { c, where, p };
      }),
      2,
    );
    for (const { c, where, p } of runs) {
      expect(p.signal, c.name).toBeNull();
      const run = { code: p.code ?? -1, out: p.out, err: p.stderr };
      expectUserError(run, c.code, where, c.message);
      if (c.detail) {
        const detail = c.detail(where);
        expect(run.err.split('\n').some((l) => l.startsWith(detail)), `${c.name}: no line "${detail}..." in:\n${run.err}`).toBe(true);
      }
    }
  }, FULL ? 600_000 : 60_000);
});
