/**
 * The temporary folders the tests' helpers make (tempDir in tests/helpers/cli.ts and
 * tests/reliability/helpers.ts, tempRegistry in tests/data/events/helpers.ts), removed after each
 * test by tests/setup/removeTemp.ts.
 *
 * Why a setup file and not an `afterEach` in each helper module: most files run without isolation
 * (vitest.config.ts), where a helper module is evaluated once per worker, so an `afterEach` it
 * registered at load time was hooked into the first test file only and every later file leaked its
 * folders. A setup file is re-run for every test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new temporary folder, removed after the current test. */
export function trackedTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder made since the last call. */
export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}
