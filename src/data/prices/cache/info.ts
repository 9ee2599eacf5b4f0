/** What `evstudy cache info | clear` report: read without creating the folder or its key. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { OutputError } from '../../../util/errors.js';
import { clearFolder, countEntries, scan, unsafeReason } from './folder.js';
import { cacheLocation, LEGACY_DIR, type CacheLocation } from './location.js';

export interface CacheInfo extends CacheLocation {
  exists: boolean;
  /** Why the folder is not used, when it exists but is unsafe. */
  unusable?: string;
  /** Cached price files and memos (stamps are in `bytes` only). */
  entries: number;
  bytes: number;
  /** An old cache folder in the working folder, never read any more: safe to delete. */
  legacy?: string;
}

export function cacheInfo(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): CacheInfo {
  const loc = cacheLocation(env, cwd);
  const info: CacheInfo = { ...loc, exists: false, entries: 0, bytes: 0 };
  try {
    const why = unsafeReason(statSync(loc.dir));
    info.exists = true;
    if (why) info.unusable = why;
    else {
      const s = scan(loc.dir);
      info.entries = countEntries(s.entries);
      info.bytes = s.bytes;
    }
  } catch {
    // no folder yet
  }
  const legacy = resolve(cwd, LEGACY_DIR);
  if (legacy !== loc.dir && existsSync(legacy)) info.legacy = legacy;
  return info;
}

/** Deletes every entry of the cache folder; refuses (OutputError) a folder that is not the user's own. */
export function clearCache(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): { dir: string; entries: number; bytes: number } {
  const { dir } = cacheLocation(env, cwd);
  let st;
  try {
    st = statSync(dir);
  } catch {
    return { dir, entries: 0, bytes: 0 };
  }
  const why = unsafeReason(st);
  if (why) throw new OutputError(`not clearing ${dir}: ${why}`, { file: dir });
  try {
    return { dir, ...clearFolder(dir) };
  } catch (err) {
    throw new OutputError(`cannot clear the cache: ${(err as Error).message}`, { file: dir });
  }
}
