/**
 * Vitest global setup: builds the CLI bundle once per test run (esbuild, ~1 s), so tests can run
 * the CLI as a user does, as a subprocess of `node dist/cli-bundle/main.js`, instead of in-process
 * where truncated pipes, exit codes and killed writes cannot be seen.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: repo, stdio: 'pipe' });
}
