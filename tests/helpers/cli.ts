/**
 * The built CLI as a subprocess, through real pipes: what a user's shell sees (exit code, every
 * byte of stdout and stderr, signals). The bundle is built once per run by tests/setup/buildCli.ts.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trackedTempDir } from './tempDirs.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(REPO, 'dist', 'cli-bundle', 'main.js');

export interface ProcRun {
  /** Exit code, or null when the process was killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  /** stdout as UTF-8 text. */
  out: string;
}

export interface ProcOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Written to the child's stdin, which is then closed (default: stdin closed at once). */
  input?: string | Buffer;
  /** Kill with SIGKILL after this many ms (default 60 s). */
  timeoutMs?: number;
}

/** A temporary folder removed after the current test (tests/setup/removeTemp.ts). */
export function tempDir(prefix = 'evstudy-test-'): string {
  return trackedTempDir(prefix);
}

/**
 * Runs `evstudy ...args` from the bundle. The per-user cache goes to a temporary folder unless the
 * caller sets EVSTUDY_CACHE_DIR, so tests neither read nor fill the real one.
 */
export function runBuilt(args: string[], opts: ProcOptions = {}): Promise<ProcRun> {
  return runNode([CLI, ...args], opts);
}

/** `node ...argv` with pipes for stdin, stdout and stderr. */
export function runNode(argv: string[], opts: ProcOptions = {}): Promise<ProcRun> {
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env };
  // A cache per test, not the run's shared one (tests/setup/tempHygiene.ts sets EVSTUDY_CACHE_DIR for in-process code).
  if (opts.env?.EVSTUDY_CACHE_DIR === undefined) env.EVSTUDY_CACHE_DIR = tempDir('evstudy-cache-');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: opts.cwd ?? REPO, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out);
      resolve({ code, signal, stdout, stderr: err, out: stdout.toString('utf8') });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}
