import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that spend seconds in CLI subprocesses, longest first. Vitest orders files by the
 * durations it cached from the last run; a fresh clone (CI) has none and went by file size, which
 * left the 20,000-event study to start last and the run ~20 s longer. These go first; the rest
 * keep vitest's own order.
 */
const HEAVY = [
  'tests/e2e/largeStudy.test.ts',
  'tests/reliability/outputDir.test.ts',
  'tests/report/contract.test.ts',
  'tests/e2e/bundle.test.ts',
  'tests/data/adhocInput.cli.test.ts',
  'tests/e2e/defaultStudy.test.ts',
  'tests/study/parallel.test.ts',
  'tests/config/cli.test.ts',
  'tests/e2e/chartEvents.test.ts',
  'tests/cli/cache.test.ts',
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

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    // Vitest's default on 2 cores is one worker (cores - 1); many files here wait on CLI
    // subprocesses, so a second worker keeps both cores busy (measured: 101 s -> ~80 s).
    maxWorkers: 2,
    minWorkers: 1,
    sequence: { sequencer: HeavyFirst },
    // Builds dist/cli-bundle once, for the tests that run the CLI as a subprocess (tests/helpers/cli.ts);
    // gives the run a private temporary root and cache, and fails it if a test leaves a folder there.
    globalSetup: ['tests/setup/buildCli.ts', 'tests/setup/tempHygiene.ts'],
  },
});
