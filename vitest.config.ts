import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    // Vitest's default on 2 cores is one worker (cores - 1); many files here wait on CLI
    // subprocesses, so a second worker keeps both cores busy (measured: 101 s -> ~90 s).
    maxWorkers: 2,
    minWorkers: 1,
    // Builds dist/cli-bundle once, for the tests that run the CLI as a subprocess (tests/helpers/cli.ts);
    // gives the run a private temporary root and cache, and fails it if a test leaves a folder there.
    globalSetup: ['tests/setup/buildCli.ts', 'tests/setup/tempHygiene.ts'],
  },
});
