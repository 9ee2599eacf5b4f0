/**
 * Vitest global setup: every temporary folder a test makes must be gone when the run ends (runs
 * used to leave a dozen /tmp/evstudy-* folders behind), and no test may touch the user's real
 * column cache.
 *
 * The run gets a private temporary root: TMPDIR points into it (os.tmpdir() in the test workers
 * and in every CLI subprocess they spawn), and EVSTUDY_CACHE_DIR too, for in-process code that
 * opens the price store with the default cache. At the end anything left in the root other than
 * that cache is a leak: the run fails naming it (the root is removed either way, so a leak fails
 * the run once and never accumulates). Watching a private root rather than /tmp itself keeps the
 * check exact while other test runs share the machine.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CACHE = 'user-cache';
/**
 * Tools' own caches under the temporary folder, linked from the run's root to the shared one so
 * they stay warm across runs (tsx compiles the TypeScript of worker threads into tsx-<uid>).
 */
const TOOL_CACHES = [`tsx-${process.getuid?.() ?? 0}`];

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'evstudy-testrun-'));
  for (const name of TOOL_CACHES) {
    try {
      mkdirSync(join(tmpdir(), name), { recursive: true, mode: 0o700 });
      symlinkSync(join(tmpdir(), name), join(root, name));
    } catch {
      // the tool then makes its own, removed with the root
    }
  }
  const saved = { TMPDIR: process.env.TMPDIR, EVSTUDY_CACHE_DIR: process.env.EVSTUDY_CACHE_DIR };
  process.env.TMPDIR = root;
  process.env.EVSTUDY_CACHE_DIR = join(root, CACHE);
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    const left = readdirSync(root).filter((name) => name !== CACHE && !TOOL_CACHES.includes(name));
    rmSync(root, { recursive: true, force: true });
    if (left.length > 0) {
      throw new Error(`tests left ${left.length} temporary folder(s) behind (use tempDir() from tests/helpers/cli.ts, removed after each test): ${left.sort().join(', ')}`);
    }
  };
}
