import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    // Builds dist/cli-bundle once, for the tests that run the CLI as a subprocess (tests/helpers/cli.ts).
    globalSetup: ['tests/setup/buildCli.ts'],
  },
});
