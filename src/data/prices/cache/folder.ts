/**
 * The cache folder on disk: who may use it, the per-user key that signs its entries, atomic writes,
 * and the size cap (least recently used entries go first).
 *
 * Threat model. An entry is trusted only if it carries a MAC made with this folder's key (`key`,
 * 32 random bytes, mode 0600; GMAC for columns, HMAC-SHA256 for memos) over the entry, which names
 * the SHA-256 of the CSV bytes it was parsed from (entry.ts). So entries copied in from another folder, another user or another machine, or
 * crafted by hand, are rejected and rebuilt from the CSV: nobody without read access to the key
 * can make the cache change a price. The folder must be owned by the current user and writable by
 * no one else (else anyone could swap the key); one that is not is not used at all for this run.
 * Not defended: someone who can read your key can also edit your CSV files; a folder you copy in
 * *with its key* and point EVSTUDY_CACHE_DIR at is trusted, as you asked.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { cacheWarning } from './notice.js';
import { DEFAULT_MAX_BYTES, parseMaxBytes } from './location.js';
import { deriveKeys, type CacheKeys } from './key.js';

/**
 * Sub-folders holding entries: stat/ holds the signed stat stamps (stamp.ts); stamps/ is from the
 * format before the per-user cache (unsigned): cleared, never read.
 */
export const ENTRY_FOLDERS = ['columns', 'memo', 'stat', 'stamps'] as const;
const KEY_FILE = 'key';
const KEY_BYTES = 32;
/** A `.tmp` file this old is a crashed write, not one in progress. */
const STALE_TMP_MS = 60 * 60 * 1000;

export interface CacheFolder {
  dir: string;
  keys: CacheKeys;
  maxBytes: number;
}

const opened = new Map<string, CacheFolder | null>();

/**
 * The usable cache folder at `dir` (created 0700 when missing), or null when it cannot be used
 * (warned once): not a folder, another user's, writable by others, or unwritable. Memoized per thread.
 */
export function openCacheFolder(dir: string, maxBytes = capFromEnv()): CacheFolder | null {
  const known = opened.get(dir);
  if (known !== undefined) return known;
  let folder: CacheFolder | null = null;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const why = unsafeReason(statSync(dir));
    if (why) cacheWarning(`unsafe:${dir}`, `not using the cache folder ${dir}: ${why}; prices are parsed from the CSV files (set EVSTUDY_CACHE_DIR to a folder of your own)`);
    else folder = { dir, keys: deriveKeys(loadKey(dir)), maxBytes };
  } catch (err) {
    cacheWarning(`unusable:${dir}`, `not using the cache folder ${dir}: ${(err as Error).message}`);
  }
  opened.set(dir, folder);
  return folder;
}

/** Why a folder with these stats must not hold the cache, or null when it may. */
export function unsafeReason(st: Stats): string | null {
  if (!st.isDirectory()) return 'it is not a folder';
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) return `it is owned by another user (uid ${st.uid})`;
  if (process.platform !== 'win32' && (st.mode & 0o022) !== 0) return `other users may write to it (mode ${(st.mode & 0o777).toString(8)})`;
  return null;
}

/** The folder's key, made when missing or when others could read or replace it (which voids every entry signed with it). */
function loadKey(dir: string): Buffer {
  const file = join(dir, KEY_FILE);
  try {
    const st = statSync(file);
    const uid = process.getuid?.();
    const ours = uid === undefined || st.uid === uid;
    const closed = process.platform === 'win32' || (st.mode & 0o077) === 0;
    if (st.isFile() && ours && closed && st.size === KEY_BYTES) return readFileSync(file);
    rmSync(file, { force: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  // Written aside, then linked into place: link fails if another process won the race, and then
  // its key (complete, since it too was written before linking) is the one to use.
  const tmp = tmpName(file);
  try {
    writeFileSync(tmp, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
    try {
      linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  } finally {
    rmSync(tmp, { force: true });
  }
  return readFileSync(file);
}

/** EVSTUDY_CACHE_MAX_BYTES (checked strictly where the store opens; here a bad value just means the default). */
function capFromEnv(): number {
  try {
    return parseMaxBytes(process.env.EVSTUDY_CACHE_MAX_BYTES);
  } catch {
    return DEFAULT_MAX_BYTES;
  }
}

/** Bytes of entries this thread believes the folder holds: scanned at its first write, then counted. */
const usage = new Map<string, number>();

/**
 * Writes `data` as `folder/sub/name` through a temporary name and a rename (atomic on POSIX: a
 * reader sees a whole entry or none), then keeps the folder under its cap. Any failure just leaves
 * no entry. No fsync: a torn entry after a crash fails its MAC and is rebuilt.
 */
export function writeEntryFile(folder: CacheFolder, sub: string, name: string, data: string | Uint8Array): void {
  const file = join(folder.dir, sub, name);
  const tmp = tmpName(file);
  try {
    try {
      writeFileSync(tmp, data, { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(join(folder.dir, sub), { recursive: true, mode: 0o700 });
      writeFileSync(tmp, data, { flag: 'wx', mode: 0o600 });
    }
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
    return;
  }
  const known = usage.get(folder.dir);
  // The first write of this thread scans the folder, new entry included.
  const bytes = known === undefined ? scan(folder.dir).bytes : known + Buffer.byteLength(data);
  usage.set(folder.dir, bytes);
  if (bytes > folder.maxBytes) usage.set(folder.dir, evict(folder.dir, Math.floor(folder.maxBytes * 0.9)));
}

/** Marks an entry as just used, for least-recently-used eviction. */
export function touchEntry(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // gone meanwhile (evicted by another process): nothing to mark
  }
}

interface EntryFile {
  /** The sub-folder (ENTRY_FOLDERS) holding it. */
  sub: string;
  path: string;
  bytes: number;
  mtimeMs: number;
}

export interface FolderScan {
  entries: EntryFile[];
  bytes: number;
}

/** Every entry of the folder (none when it does not exist); deletes temporary files of crashed writes on the way. */
export function scan(dir: string): FolderScan {
  const entries: EntryFile[] = [];
  let bytes = 0;
  const now = Date.now();
  for (const sub of ENTRY_FOLDERS) {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub));
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, sub, name);
      try {
        const st = statSync(path);
        if (!st.isFile()) continue;
        if (name.endsWith('.tmp')) {
          if (now - st.mtimeMs > STALE_TMP_MS) unlinkSync(path);
          continue;
        }
        entries.push({ sub, path, bytes: st.size, mtimeMs: st.mtimeMs });
        bytes += st.size;
      } catch {
        // removed meanwhile
      }
    }
  }
  return { entries, bytes };
}

/** Deletes least recently used entries until at most `target` bytes remain; returns the bytes left. */
export function evict(dir: string, target: number): number {
  const { entries, bytes } = scan(dir);
  let left = bytes;
  entries.sort((a, b) => a.mtimeMs - b.mtimeMs);
  for (const e of entries) {
    if (left <= target) break;
    try {
      unlinkSync(e.path);
    } catch {
      // another process evicted it first
    }
    left -= e.bytes;
  }
  return left;
}

/** Deletes every entry (and temporary file); keeps the key. Returns what was removed (stamps counted in bytes, not entries). */
export function clearFolder(dir: string): { entries: number; bytes: number } {
  const { entries, bytes } = scan(dir);
  for (const sub of ENTRY_FOLDERS) rmSync(join(dir, sub), { recursive: true, force: true });
  usage.delete(dir);
  return { entries: countEntries(entries), bytes };
}

/**
 * Entries as users count them: cached price files and memos. Stat stamps (stat/, ~200 bytes each)
 * are bookkeeping and only written for files older than a few seconds, so counting them would
 * make the count depend on timing.
 */
export const countEntries = (entries: readonly EntryFile[]): number => entries.filter((e) => e.sub !== 'stat').length;

/** A name beside `file` no other writer (thread or process) picks, to write before linking or renaming into place. */
function tmpName(file: string): string {
  return `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}
