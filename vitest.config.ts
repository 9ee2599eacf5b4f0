import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that spend seconds in CLI subprocesses or in one long computation, longest first (as
 * measured on 2026-12-07 with shared module graphs). Vitest orders files by the
 * durations it cached from the last run; a fresh clone (CI) has none and went by file size, which
 * left the 20,000-event study to start last and the run ~20 s longer. These go first; the rest
 * keep vitest's own order.
 */
const HEAVY = [
  'tests/e2e/largeStudy.test.ts',
  'tests/reliability/outputDir.test.ts',
  'tests/report/contract.test.ts',
  'tests/e2e/chartEvents.test.ts',
  'tests/cli/cache.test.ts',
  'tests/stats/battery.test.ts',
  'tests/reliability/corpus.cli.test.ts',
  'tests/config/cli.test.ts',
  'tests/study/parallel.test.ts',
  'tests/e2e/report-html.browser.test.ts',
  'tests/e2e/bundle.test.ts',
  'tests/e2e/defaultStudy.test.ts',
  'tests/study/contamination.test.ts',
];

class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = HEAVY.findIndex((h) => f.moduleId.endsWith(h));
      return i < 0 ? HEAVY.length : i;
    };
    const base = await super.sort(files);
    return base.map((f, k) => ({ f, k, r: rank(f) })).sort((a, b) => a.r - b.r || a.k - b.k).map((x) => x.f);
  }
}

/**
 * Files that must run isolated (a fresh module graph): those that replace a module with vi.mock or
 * vi.doMock (node:fs, vega), which reaches only modules evaluated after the mock, and whose mocked
 * copies must not reach later files. Found by reading the files, so a new one cannot be forgotten.
 * Everything else shares one module graph per worker.
 */
const TESTS = fileURLToPath(new URL('tests/', import.meta.url));
const ISOLATED = readdirSync(TESTS, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts') && /\bvi\.(do)?[mM]ock\(/.test(readFileSync(join(TESTS, f), 'utf8')))
  .map((f) => `tests/${f}`);

/** Options both projects share (a project does not inherit the root's test options). */
const COMMON = { pool: 'threads' as const, testTimeout: 60_000, setupFiles: ['tests/setup/removeTemp.ts', 'tests/setup/processState.ts'] };

export default defineConfig({
  test: {
    pool: 'threads',
    // Vitest's default on 2 cores is one worker (cores - 1); many files here wait on CLI
    // subprocesses, so a second worker keeps both cores busy (measured: 101 s -> ~80 s).
    maxWorkers: 2,
    minWorkers: 1,
    // Without isolation a worker runs file after file in one module graph: each file no longer
    // re-imports vitest, zod and the engine in a new thread (measured: the full suite 199 s -> 118 s
    // of CPU). Per project below; the threads pool itself must be told at the root.
    // The isolated files run in one child process at a time beside the two threads: the threads
    // pool runs its projects one after the other, which left them as a serial tail of the run.
    poolOptions: { threads: { isolate: false }, forks: { isolate: true, maxForks: 1, minForks: 0 } },
    sequence: { sequencer: HeavyFirst },
    // Builds dist/cli-bundle once, for the tests that run the CLI as a subprocess (tests/helpers/cli.ts);
    // gives the run a private temporary root and cache, and fails it if a test leaves a folder there.
    // Root only: a project that extended the root would run them again.
    globalSetup: ['tests/setup/buildCli.ts', 'tests/setup/tempHygiene.ts'],
    projects: [
      { test: { ...COMMON, name: 'shared', include: ['tests/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { test: { ...COMMON, name: 'isolated', include: ISOLATED, isolate: true, pool: 'forks' } },
    ],
  },
});
