/**
 * An error (not a kill: see outputDir.test.ts) during the swap of a report folder: every file is
 * staged, then a rename fails (a folder made read-only, a disk pulled). The renames are, in order:
 * the journal into place (the commit point), report.json, events.csv, report.md, the manifest. Whichever
 * fails, the previous report must come back whole, with no journal, staging folder or temp file
 * left, and the CLI must say so with the output exit code (5).
 *
 * `node:fs` is mocked for this file only: renameSync fails on its Nth call while `failAt` is set.
 */
import { readdirSync, readFileSync } from 'node:fs';
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
const FILES = ['.evstudy-manifest.json', 'events.csv', 'report.html', 'report.json', 'report.md'];

describe('a rename that fails during the swap of a report folder', () => {
  for (const [failAt, state] of [
    [1, /no file was replaced/],
    [2, /no file was replaced/],
    [3, /the previous files were restored/],
    [4, /the previous files were restored/],
    [5, /the previous files were restored/],
  ] as const) {
    it(`rename #${failAt} fails: exit 5, the previous files are back, nothing of the run is left`, async () => {
      const out = join(tempDir(), 'out');
      expect((await runCli(studyArgs({}, out))).code).toBe(0);
      const before = bytes(out);
      expect([...before.keys()]).toEqual(FILES);

      // A different study (other events), so the new report differs from the old one.
      fault.failAt = failAt;
      const run = await runCli(studyArgs({ '--events': bad('tables/events-mixed.csv') }, out));
      expect(fault.calls).toBeGreaterThanOrEqual(failAt);
      // The cause and the outcome are one message, its first line (as before the swap had a journal).
      const first = expectUserError(run, 5, {}, state);
      expect(first).toMatch(/cannot write \(EACCES\)/);
      expect(bytes(out)).toEqual(before);
      expect(readdirSync(out).sort()).toEqual(FILES);
    });
  }

  it('without a fault the same run replaces both files and leaves nothing else', async () => {
    const out = join(tempDir(), 'out');
    expect((await runCli(studyArgs({}, out))).code).toBe(0);
    const before = bytes(out);
    expect((await runCli(studyArgs({ '--events': bad('tables/events-mixed.csv') }, out))).code).toBe(0);
    const after = bytes(out);
    expect(readdirSync(out).sort()).toEqual(FILES);
    expect(after.get('report.json')).not.toBe(before.get('report.json'));
    expect(after.get('report.md')).not.toBe(before.get('report.md'));
  });
});
