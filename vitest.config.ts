import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    // Builds dist/cli-bundle once, for the tests that run the CLI as a subprocess (tests/helpers/cli.ts);
    // gives the run a private temporary root and cache, and fails it if a test leaves a folder there.
    globalSetup: ['tests/setup/buildCli.ts', 'tests/setup/tempHygiene.ts'],
  },
});
