/**
 * On-disk column cache of parsed price files: a vendor CSV is decoded, read and checked once; later
 * runs load its typed-array columns from a binary entry instead of parsing (a whole-market study
 * reads ~5,000 files, where parsing costs seconds and loading columns milliseconds).
 *
 * The cache is per user (cache/location.ts: EVSTUDY_CACHE_DIR, $XDG_CACHE_HOME/evstudy or
 * ~/.cache/evstudy; EVSTUDY_NO_CACHE=1 turns it off) and is never trusted over the CSV:
 *   columns/<sha256 of the file's bytes>-<options key>.evc   the columns (cache/entry.ts)
 *   memo/<kind>-<sha256 of key>.json                          derived JSON (the parsed manifest)
 *   stat/<sha256 of the CSV's path>                            stat stamp -> content hash (cache/stamp.ts)
 * A read takes the CSV's content hash from a signed stat stamp when all its stat fields (dev, inode,
 * size, mtime, ctime) are unchanged, else reads and hashes the bytes; it accepts an entry only if
 * it is signed with this user's key and names that hash (threat model: cache/folder.ts). A rejected
 * entry is reported once and rebuilt from the CSV; no cache failure ever fails a study or changes
 * its numbers.
 * Only files without errors are cached (a file with errors is re-read and reported every time).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { checkPriceSource, type ParsePricesOptions, type PriceCheck } from './parse.js';
import { bytesSource, countingReader, DEFAULT_CHUNK_BYTES, fileSource, type ByteSource } from './stream/chunks.js';
import { decodeEntry, encodeEntry } from './cache/entry.js';
import { openCacheFolder, touchEntry, writeEntryFile, type CacheFolder } from './cache/folder.js';
import { stampedHash, statFields, writeStamp } from './cache/stamp.js';
import type { LoadedPrices } from './types.js';
import { CACHE_FORMAT, entryName, hmac, optionsKey, sha256 } from './cache/key.js';
import { cacheWarning } from './cache/notice.js';

export { cacheDirFromEnv, cacheLocation } from './cache/location.js';

/** Where a result came from, for reports and benchmarks. */
export type CacheSource = 'cache' | 'parsed' | 'uncached';

export interface CachedCheck extends PriceCheck {
  source: CacheSource;
  /** For a hit: how the CSV was matched to its entry, by a signed stat stamp (no read) or by hashing its bytes. */
  via?: 'stamp' | 'hash';
}

/**
 * Reads and checks the price file at `path` (as `checkPrices` does), through the cache in
 * `cacheDir` (null: no cache). `options.file` names the file in messages, as for checkPrices.
 * `chunkBytes` is the read size (tests make it small to see files of several chunks cheaply).
 */
export function checkPricesCached(path: string, options: ParsePricesOptions, cacheDir: string | null, chunkBytes = DEFAULT_CHUNK_BYTES): CachedCheck {
  const folder = cacheDir === null ? null : openCacheFolder(cacheDir);
  const okey = folder === null ? '' : optionsKey(options);
  // Stat first: when a signed stamp says these exact stat fields had this content hash, the CSV
  // need not be read at all (cache/stamp.ts); the entry itself is still verified by its MAC.
  const st = folder === null ? null : statFields(path);
  if (folder !== null && st !== null) {
    const known = stampedHash(folder, st);
    if (known !== null) {
      const hit = lookup(folder, known, okey, options.file ?? '<input>');
      if (hit !== null && hit !== 'rejected') return { prices: hit, errors: [], warnings: hit.warnings, source: 'cache', via: 'stamp' };
      // No entry (evicted) or a bad one: read the CSV as if there were no stamp.
    }
  }
  // A file of one chunk (nearly every daily file) is read once, and the same bytes hashed and parsed.
  const one = firstChunkIfWhole(path, chunkBytes);
  const source = fileSource(path);
  const bytesSrc = one === null ? source : bytesSource(one);
  if (folder === null) return { ...checkSource(bytesSrc, options, chunkBytes), source: 'uncached' };
  // The entry is named by the file's hash, so a lookup needs the hash before any parsing: a larger
  // file is hashed in a first pass of chunks, then on a miss parsed (and hashed again) in a second.
  const hash = one === null ? hashChunks(source, chunkBytes) : sha256(one);
  const hit = lookup(folder, hash, okey, options.file ?? '<input>');
  if (hit !== null && hit !== 'rejected') {
    if (st !== null) writeStamp(folder, st, hash);
    return { prices: hit, errors: [], warnings: hit.warnings, source: 'cache', via: 'hash' };
  }
  if (hit === 'rejected') {
    cacheWarning(
      'rejected-entry',
      `ignored a column cache entry that failed verification (${join(folder.dir, 'columns', entryName(hash, okey))}: damaged, or not written by this user's evstudy); prices were parsed from ${options.file ?? path} and the entry rebuilt`,
    );
  }
  // A one-chunk file is parsed from the very bytes already hashed: no second hash. A larger file is
  // hashed again in the parsing pass, and the entry keyed by the hash of the bytes actually parsed:
  // a file rewritten between the two passes is cached under its new content, never the old name.
  const { read, ...result } = checkPriceSource(bytesSrc, options, { hash: one === null, chunkBytes });
  const parsedHash = one === null ? read.sha256 : hash;
  if (result.prices && parsedHash !== null) {
    writeEntryFile(folder, 'columns', entryName(parsedHash, okey), encodeEntry(result.prices, { key: folder.keys.columns, source: parsedHash, okey }));
    // Stamped only with the hash of the bytes parsed: a rewrite between stat and read changed ctime,
    // so such a stamp never matches again.
    if (st !== null) writeStamp(folder, st, parsedHash);
  }
  return { ...result, source: 'parsed' };
}

/** The verified entry for content `hash` and options `okey` (marked as used), null when there is none, 'rejected' when one fails verification. */
function lookup(folder: CacheFolder, hash: string, okey: string, name: string): LoadedPrices | null | 'rejected' {
  const file = join(folder.dir, 'columns', entryName(hash, okey));
  const stored = readEntry(file);
  if (stored === null) return null;
  const hit = decodeEntry(stored.bytes, { key: folder.keys.columns, source: hash, okey }, name);
  if (hit === null) return 'rejected';
  if (stored.stale) touchEntry(file);
  return hit;
}

/**
 * Marking an entry as used costs a utimes per file (5,000 on a warm whole-market load); the size
 * cap's least-recently-used order only needs it to be roughly right, so an entry used within this
 * long is not marked again.
 */
const TOUCH_MS = 10 * 60 * 1000;

/** An entry's bytes in a buffer of their own (8-aligned, so decodeEntry can view columns in place) and whether it is due a touch; null when unreadable. */
function readEntry(file: string): { bytes: Buffer; stale: boolean } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    const bytes = Buffer.allocUnsafeSlow(st.size);
    let n = 0;
    while (n < bytes.length) {
      const got = readSync(fd, bytes, n, bytes.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return { bytes: n === bytes.length ? bytes : bytes.subarray(0, n), stale: Date.now() - st.mtimeMs > TOUCH_MS };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function checkSource(source: ByteSource, options: ParsePricesOptions, chunkBytes: number): PriceCheck {
  const { read: _read, ...check } = checkPriceSource(source, options, { chunkBytes });
  return check;
}

/** The file's bytes when they fit in one chunk (one read, no second pass), else null. */
function firstChunkIfWhole(path: string, chunkBytes: number): Uint8Array | null {
  const reader = fileSource(path).open(chunkBytes);
  try {
    // The reader is closed after this, so its buffer is never reused: no copy needed.
    const first = reader.next();
    if (first === null) return new Uint8Array(0);
    if (first.length < chunkBytes) return first;
    return reader.next() === null ? first : null;
  } finally {
    reader.close();
  }
}

/** SHA-256 of a file's bytes, read a chunk at a time. */
function hashChunks(source: ByteSource, chunkBytes: number): string {
  const counted = countingReader(source.open(chunkBytes), true);
  try {
    while (counted.reader.next() !== null);
  } finally {
    counted.reader.close();
  }
  return counted.stats().sha256 as string;
}

/**
 * A JSON-able value derived from some text (a 5,000-entry price manifest takes seconds through the
 * YAML parser and its schema), memoized under memo/<kind>-<sha256 of key>.json and signed like
 * column entries. `key` must name everything the value depends on: the text itself and a
 * fingerprint of the code deriving it. Any read or write problem just computes the value.
 */
export function memoJson<T>(cacheDir: string | null, kind: string, key: readonly string[], compute: () => T): T {
  const folder = cacheDir === null ? null : openCacheFolder(cacheDir);
  if (folder === null) return compute();
  const k = sha256(JSON.stringify([CACHE_FORMAT, kind, ...key]));
  const name = `${kind}-${k}.json`;
  const file = join(folder.dir, 'memo', name);
  const sign = (body: string): string => hmac(folder.keys.memo, k, '\n', body).toString('hex');
  try {
    // First line: the MAC of the key and the body; the rest: the value as JSON.
    const text = readFileSync(file, 'utf8');
    const nl = text.indexOf('\n');
    const body = text.slice(nl + 1);
    if (nl > 0 && text.slice(0, nl) === sign(body)) {
      touchEntry(file);
      return JSON.parse(body) as T;
    }
    cacheWarning('rejected-memo', `ignored a cache memo that failed verification (${file}); recomputed`);
  } catch {
    // not memoized yet (or unreadable): compute
  }
  const value = compute();
  const body = JSON.stringify(value);
  writeEntryFile(folder, 'memo', name, `${sign(body)}\n${body}`);
  return value;
}

/** sha256 of a text, for memo keys. */
export function textHash(text: string | Uint8Array): string {
  return sha256(text);
}
