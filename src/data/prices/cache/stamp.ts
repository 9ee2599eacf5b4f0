/**
 * Stat stamps: which content hash a CSV file had the last time its bytes were read, keyed by what
 * `stat` says about it, so a warm run need not read and hash every CSV again (git's index does the
 * same for the working tree). A stamp is one line in `stat/<sha256 of the path>`:
 *
 *   <HMAC-SHA256 hex> <dev> <ino> <size> <mtime ns> <ctime ns> <sha256 of the bytes>
 *
 * The MAC (with the folder's stamp key) covers the file's absolute path and the rest of the line,
 * so a stamp cannot be forged, copied from another folder or moved to stand for another path. A
 * stamp is trusted only when all five stat fields equal the file's now. Content written since the
 * stamp was taken changes ctime, which no user call can set back (utimes sets ctime to now), so
 * "same size and mtime restored by hand" is still caught; someone able to set ctime (the clock, or
 * raw disk access) can rewrite the file anyway.
 *
 * Racy stamps (git's "racily clean" entries): a file written within the same timestamp tick as the
 * read that hashed it could change again without changing any stat field. So a stamp is only
 * written when the file's mtime and ctime are both at least RACY_MS older than the moment before
 * it was stat'ed and read; a file younger than that is hashed on every run until it is old enough.
 * RACY_MS also covers coarse file-system clocks (FAT's 2 s mtime) and small clock differences.
 */
import { statSync, readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { hmac, sha256 } from './key.js';
import { writeEntryFile, type CacheFolder } from './folder.js';

/** Sub-folder of the stamps. */
export const STAMP_FOLDER = 'stat';
/** How old (mtime and ctime) a file must be before its stat can stand for its bytes. */
export const RACY_MS = 2000;

let clock: () => number = Date.now;

/** Replaces the clock the racy rule reads (tests: a clock far ahead makes fresh files stampable). Returns the previous one. */
export function setStampClock(next: () => number): () => number {
  const prev = clock;
  clock = next;
  return prev;
}

/** What stat says about a file, as the stamp records it, with the time taken just before. */
export interface StatFields {
  path: string;
  /** `dev ino size mtimeNs ctimeNs`. */
  fields: string;
  /** False when mtime or ctime is too recent (or in the future) for the fields to stand for the bytes. */
  settled: boolean;
}

/** The stat fields of the file at `path` (links followed), or null when it cannot be stat'ed. */
export function statFields(path: string): StatFields | null {
  const before = BigInt(clock() - RACY_MS) * 1_000_000n;
  try {
    const st = statSync(path, { bigint: true });
    return {
      path: resolve(path),
      fields: `${st.dev} ${st.ino} ${st.size} ${st.mtimeNs} ${st.ctimeNs}`,
      settled: st.mtimeNs < before && st.ctimeNs < before,
    };
  } catch {
    return null;
  }
}

const stampFile = (folder: CacheFolder, path: string): string => join(folder.dir, STAMP_FOLDER, sha256(path));
const sign = (folder: CacheFolder, path: string, body: string): Buffer => hmac(folder.keys.stamps, path, '\0', body);

/**
 * The content hash a valid stamp records for the file, or null: no stamp, one for other stat
 * fields (the file changed, or was replaced), or one whose MAC fails (reported by the caller as
 * a plain miss: a stale stamp is normal, and a forged one only costs a hash).
 */
export function stampedHash(folder: CacheFolder, st: StatFields): string | null {
  let line: string;
  try {
    line = readFileSync(stampFile(folder, st.path), 'latin1');
  } catch {
    return null;
  }
  const sp = line.indexOf(' ');
  const body = line.slice(sp + 1);
  const cut = body.lastIndexOf(' ');
  if (sp !== 64 || cut < 0 || body.slice(0, cut) !== st.fields) return null;
  const tag = Buffer.from(line.slice(0, sp), 'hex');
  if (tag.length !== 32 || !timingSafeEqual(tag, sign(folder, st.path, body))) return null;
  const hash = body.slice(cut + 1);
  return /^[0-9a-f]{64}$/.test(hash) ? hash : null;
}

/** Records that the file with stat fields `st` (taken before its bytes were read) has content hash `hash`; only settled files are stamped. */
export function writeStamp(folder: CacheFolder, st: StatFields, hash: string): void {
  if (!st.settled) return;
  const body = `${st.fields} ${hash}`;
  writeEntryFile(folder, STAMP_FOLDER, sha256(st.path), `${sign(folder, st.path, body).toString('hex')} ${body}`);
}
