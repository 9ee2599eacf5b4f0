/**
 * Where the bad-input corpus is, and file listings for before / after comparisons. Kept apart from
 * helpers.ts so that tests which do not run the CLI do not load it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute path of a corpus file given relative to tests/fixtures/bad/. */
export const bad = (rel: string): string => join(BAD, rel);

/** Every file under `dir` (recursive), relative to it, sorted. */
export function listFiles(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      const rel = relative(dir, p);
      if (skip(rel)) continue;
      if (e.isDirectory()) walk(p);
      else out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

/** Files under `dir` with their modification times, for before / after comparisons. */
export function snapshot(dir: string, skip?: (rel: string) => boolean): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of listFiles(dir, skip)) {
    try {
      m.set(f, statSync(join(dir, f)).mtimeMs);
    } catch {
      /* removed meanwhile (another process) */
    }
  }
  return m;
}

