/**
 * On-disk column cache of parsed price files: a vendor CSV is decoded, read and checked once; later
 * runs load its typed-array columns straight from a binary file (a whole-market study reads
 * ~5,000 files, where parsing costs seconds and loading columns milliseconds).
 *
 * Layout under the cache folder (`.evstudy-cache/` in the working folder, or EVSTUDY_CACHE_DIR;
 * EVSTUDY_NO_CACHE=1 turns the cache off):
 *   columns/<sha1 of the file's bytes>-<options key>.evc   the columns, keyed by CONTENT: any change
 *                                                           of the file is a different key
 *   stamps/<sha1 of the absolute path + options>.json     size, mtime, ctime and inode of the file
 *                                                           when its content hash was taken
 * A file whose stat still matches its stamp is not re-read to hash it (git's index works the same
 * way); any stat change re-hashes the bytes, and new bytes mean a new key, i.e. a re-parse.
 *
 * Safety: entries are written to a temporary name and renamed into place, so a reader sees a whole
 * file or none; on read the magic, version, declared lengths and a CRC-32 of the body must all match,
 * else the entry is ignored and the file parsed again. No cache failure (unwritable folder, corrupt
 * or foreign file) ever fails a study: the cache is only a shortcut to what parsing gives.
 * Only files without errors are cached (a file with errors is re-read and reported every time).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Warning } from '../../util/errors.js';
import { checkPrices, type ParsePricesOptions, type PriceCheck } from './parse.js';
import type { LoadedPrices, PriceLayout, PriceSeries, TextEncodingName } from './types.js';

/** Bump when the entry layout or anything the parser puts in a series changes (3: mixed UTC offsets and intraday rows refused, weekend-bar warning). */
export const CACHE_FORMAT = 3;
const MAGIC = 'EVSTCOL2';
/**
 * CRC-32 of the entry body (4 bytes): catches a torn or damaged entry; nothing adversarial is
 * expected in a local cache, and it checks ~200 MB of columns in a whole-market run 3x faster than
 * SHA-1 (format 1).
 */
const DIGEST = 4;

/** The optional columns of a PriceSeries, in entry order (days and close are always present). */
const OPTIONAL = ['open', 'high', 'low', 'volume', 'amount', 'turnoverRate', 'pctChange'] as const;
type OptionalColumn = (typeof OPTIONAL)[number];

/** The cache folder from the environment: null when disabled (EVSTUDY_NO_CACHE=1). */
export function cacheDirFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | null {
  const off = env.EVSTUDY_NO_CACHE;
  if (off !== undefined && off !== '' && off !== '0' && off.toLowerCase() !== 'false') return null;
  return resolve(cwd, env.EVSTUDY_CACHE_DIR || '.evstudy-cache');
}

/** Where a result came from, for reports and benchmarks. */
export type CacheSource = 'cache' | 'parsed' | 'uncached';

export interface CachedCheck extends PriceCheck {
  source: CacheSource;
}

interface Stamp {
  v: number;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
  hash: string;
}

interface EntryHeader {
  v: number;
  rows: number;
  layout: PriceLayout;
  encoding?: TextEncodingName;
  closeColumn?: string;
  /** Which optional columns follow close, in OPTIONAL order. */
  columns: OptionalColumn[];
  warnings: Warning[];
}

const sha1 = (data: string | Uint8Array): string => createHash('sha1').update(data).digest('hex');

/** What besides the bytes decides the parse: layout, close column and the name used in messages. */
function optionsKey(options: ParsePricesOptions): string {
  return sha1(JSON.stringify([CACHE_FORMAT, options.layout ?? null, options.closeColumn ?? null, options.file ?? null])).slice(0, 16);
}

/**
 * Reads and checks the price file at `path` (as `checkPrices` does), through the cache in
 * `cacheDir` (null: no cache). `options.file` names the file in messages, as for checkPrices.
 */
export function checkPricesCached(path: string, options: ParsePricesOptions, cacheDir: string | null): CachedCheck {
  if (cacheDir === null) return { ...checkPrices(readFileSync(path), options), source: 'uncached' };
  const okey = optionsKey(options);
  const stampFile = join(cacheDir, 'stamps', `${sha1(`${resolve(path)}\0${okey}`)}.json`);
  const st = statSync(path, { bigint: true });
  const now: Omit<Stamp, 'hash'> = {
    v: CACHE_FORMAT,
    size: String(st.size),
    mtimeNs: String(st.mtimeNs),
    ctimeNs: String(st.ctimeNs),
    ino: String(st.ino),
  };
  const stamp = readStamp(stampFile);
  const fresh = stamp !== null && stamp.size === now.size && stamp.mtimeNs === now.mtimeNs && stamp.ctimeNs === now.ctimeNs && stamp.ino === now.ino;

  let bytes: Buffer | null = null;
  let hash: string;
  if (fresh) hash = stamp.hash;
  else {
    bytes = readFileSync(path);
    hash = sha1(bytes);
  }
  const entryFile = join(cacheDir, 'columns', `${hash}-${okey}.evc`);
  const hit = readEntry(entryFile, options.file ?? '<input>');
  if (hit) {
    if (!fresh) writeQuietly(stampFile, JSON.stringify({ ...now, hash }));
    return { prices: hit, errors: [], warnings: hit.warnings, source: 'cache' };
  }
  if (bytes === null) {
    // The stamp said "unchanged" but the entry is gone or damaged: hash what we actually read.
    bytes = readFileSync(path);
    hash = sha1(bytes);
  }
  const result = checkPrices(bytes, options);
  if (result.prices) {
    writeQuietly(join(cacheDir, 'columns', `${hash}-${okey}.evc`), encodeEntry(result.prices));
    writeQuietly(stampFile, JSON.stringify({ ...now, hash }));
  }
  return { ...result, source: 'parsed' };
}

function readStamp(file: string): Stamp | null {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Stamp;
    return s && s.v === CACHE_FORMAT && typeof s.hash === 'string' ? s : null;
  } catch {
    return null;
  }
}

/** Temp file + rename (atomic on POSIX); any failure just leaves no entry. No fsync: a torn entry after a crash fails its checksum. */
function writeQuietly(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    try {
      writeFileSync(tmp, data, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(tmp, data, { flag: 'wx' });
    }
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/**
 * Entry layout: MAGIC (8 bytes) | header length (u32 LE) | header JSON, zero-padded to 8 bytes |
 * days (Int32, rows, padded to 8) | close and each present optional column (Float64, rows each) |
 * CRC-32 of everything before it (u32 LE).
 */
export function encodeEntry(p: LoadedPrices): Uint8Array {
  const s = p.series;
  const rows = s.days.length;
  const columns = OPTIONAL.filter((c) => s[c] !== null);
  const header: EntryHeader = {
    v: CACHE_FORMAT,
    rows,
    layout: p.layout,
    encoding: p.encoding,
    closeColumn: p.closeColumn,
    columns,
    warnings: p.warnings,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headEnd = pad8(12 + json.length);
  const daysEnd = headEnd + pad8(rows * 4);
  const bodyEnd = daysEnd + (1 + columns.length) * rows * 8;
  const out = Buffer.alloc(bodyEnd + DIGEST);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 8);
  json.copy(out, 12);
  new Int32Array(out.buffer, out.byteOffset + headEnd, rows).set(s.days);
  let at = daysEnd;
  for (const col of [s.close, ...columns.map((c) => s[c] as Float64Array)]) {
    new Float64Array(out.buffer, out.byteOffset + at, rows).set(col);
    at += rows * 8;
  }
  out.writeUInt32LE(crc32(out.subarray(0, bodyEnd)), bodyEnd);
  return out;
}

/** The entry's prices, or null when it is missing, foreign, truncated or fails its checksum. */
export function readEntry(file: string, name: string): LoadedPrices | null {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return null;
  }
  return decodeEntry(buf, name);
}

export function decodeEntry(buf: Uint8Array, name: string): LoadedPrices | null {
  try {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (b.length < 12 + DIGEST || b.toString('latin1', 0, 8) !== MAGIC) return null;
    const jsonLen = b.readUInt32LE(8);
    if (12 + jsonLen > b.length) return null;
    const h = JSON.parse(b.toString('utf8', 12, 12 + jsonLen)) as EntryHeader;
    if (h.v !== CACHE_FORMAT || !Number.isInteger(h.rows) || h.rows < 0 || !Array.isArray(h.columns)) return null;
    if (!h.columns.every((c) => (OPTIONAL as readonly string[]).includes(c))) return null;
    const rows = h.rows;
    const headEnd = pad8(12 + jsonLen);
    const daysEnd = headEnd + pad8(rows * 4);
    const bodyEnd = daysEnd + (1 + h.columns.length) * rows * 8;
    if (b.length !== bodyEnd + DIGEST) return null;
    if (crc32(b.subarray(0, bodyEnd)) !== b.readUInt32LE(bodyEnd)) return null;
    // Views straight into the file's bytes when they are 8-byte aligned (readFileSync gives a
    // buffer of its own: the columns are then nearly all of what it holds); copies otherwise.
    const aligned = b.byteOffset % 8 === 0;
    const days = aligned ? new Int32Array(b.buffer, b.byteOffset + headEnd, rows) : new Int32Array(copyOut(b, headEnd, rows * 4));
    const f64 = (at: number): Float64Array => (aligned ? new Float64Array(b.buffer, b.byteOffset + at, rows) : new Float64Array(copyOut(b, at, rows * 8)));
    const series: PriceSeries = {
      days,
      close: f64(daysEnd),
      open: null,
      high: null,
      low: null,
      volume: null,
      amount: null,
      turnoverRate: null,
      pctChange: null,
    };
    h.columns.forEach((c, k) => {
      series[c] = f64(daysEnd + (k + 1) * rows * 8);
    });
    return {
      series,
      layout: h.layout,
      file: name,
      warnings: h.warnings,
      ...(h.encoding !== undefined ? { encoding: h.encoding } : {}),
      ...(h.closeColumn !== undefined ? { closeColumn: h.closeColumn } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * A JSON-able value derived from some text (a 5,000-entry price manifest takes seconds through the
 * YAML parser and its schema), memoized under memo/<kind>-<sha1 of key>.json. `key` must name
 * everything the value depends on: the text itself and a fingerprint of the code deriving it.
 * Any read or write problem just computes the value.
 */
export function memoJson<T>(cacheDir: string | null, kind: string, key: readonly string[], compute: () => T): T {
  if (cacheDir === null) return compute();
  const k = sha1(JSON.stringify([CACHE_FORMAT, kind, ...key]));
  const file = join(cacheDir, 'memo', `${kind}-${k}.json`);
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as { key: string; value: T };
    if (m && m.key === k) return m.value;
  } catch {
    // not memoized yet (or unreadable): compute
  }
  const value = compute();
  writeQuietly(file, JSON.stringify({ key: k, value }));
  return value;
}

/** sha1 of a text, for memo keys. */
export function textHash(text: string | Uint8Array): string {
  return sha1(text);
}

/** bytes [at, at + len) of b as a fresh, aligned ArrayBuffer. */
function copyOut(b: Buffer, at: number, len: number): ArrayBuffer {
  const out = new ArrayBuffer(len);
  new Uint8Array(out).set(b.subarray(at, at + len));
  return out;
}

function pad8(n: number): number {
  return (n + 7) & ~7;
}
