/**
 * Vitest setup file: a test file must leave the process as it found it (environment variables and
 * process.exitCode). Files share one module graph and one process per worker (vitest.config.ts), so
 * a variable left set would change what later files in that worker see, depending on which files
 * happened to share it. The file that leaked fails, naming the variables.
 */
import { afterAll, beforeAll } from 'vitest';

let env: Record<string, string | undefined> = {};
let exitCode: typeof process.exitCode;

beforeAll(() => {
  env = { ...process.env };
  exitCode = process.exitCode;
});

afterAll(() => {
  const changed = [...new Set([...Object.keys(env), ...Object.keys(process.env)])].filter((k) => env[k] !== process.env[k]).sort();
  if (changed.length > 0) throw new Error(`this test file left environment variables changed: ${changed.join(', ')} (restore them in afterEach / afterAll)`);
  if (process.exitCode !== exitCode) throw new Error(`this test file left process.exitCode at ${String(process.exitCode)} (was ${String(exitCode)})`);
});
