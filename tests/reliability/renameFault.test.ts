/**
 * Fault injection in the last step of writing a report: every file is staged, then a rename fails
 * half-way (a folder made read-only, a disk pulled). The previous report must come back whole, with
 * no temp or backup file left, and the CLI must say so with the output exit code (5).
 *
 * `node:fs` is mocked for this file only: renameSync fails on its Nth call while `failAt` is set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectUserError, listFiles, runCli, studyArgs, tempDir, bad } from './helpers.js';

const fault = vi.hoisted(() => ({ failAt: 0, calls: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const renameSync: typeof fs.renameSync = (from, to) => {
    if (fault.failAt > 0 && ++fault.calls === fault.failAt) {
      throw Object.assign(new Error(`EACCES: permission denied, rename '${String(from)}' -> '${String(to)}'`), { code: 'EACCES' });
    }
    return fs.renameSync(from, to);
  };
  return { ...fs, renameSync, default: { ...fs, renameSync } };
});

afterEach(() => {
  fault.failAt = 0;
  fault.calls = 0;
});

const bytes = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('a rename that fails half-way through writing a report', () => {
  for (const failAt of [1, 2]) {
    it(`rename #${failAt} fails: exit 5, the previous report.json and report.md are back, no temp files`, async () => {
      const out = join(tempDir(), 'out');
      expect((await runCli(studyArgs({}, out))).code).toBe(0);
      const before = bytes(out);
      expect([...before.keys()]).toEqual(['events.csv', 'report.json', 'report.md']);

      // A different study (other events), so the new report differs from the old one.
      fault.failAt = failAt;
      const run = await runCli(studyArgs({ '--events': bad('tables/events-mixed.csv') }, out));
      expect(fault.calls).toBeGreaterThanOrEqual(failAt);
      const first = expectUserError(run, 5, { field: '' }, /cannot write \(EACCES\)/);
      expect(first).toMatch(failAt === 1 ? /no file was replaced/ : /the previous files were restored/);
      expect(bytes(out)).toEqual(before);
      expect(listFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('without a fault the same run replaces both files and leaves no backup', async () => {
    const out = join(tempDir(), 'out');
    expect((await runCli(studyArgs({}, out))).code).toBe(0);
    const before = bytes(out);
    expect((await runCli(studyArgs({ '--events': bad('tables/events-mixed.csv') }, out))).code).toBe(0);
    const after = bytes(out);
    expect([...after.keys()]).toEqual(['events.csv', 'report.json', 'report.md']);
    expect(after.get('report.json')).not.toBe(before.get('report.json'));
    expect(after.get('report.md')).not.toBe(before.get('report.md'));
  });
});
