/**
 * The binary entry of one parsed price file:
 *   MAGIC (8 bytes) | header length (u32 LE) | header JSON, zero-padded to 8 bytes |
 *   days (Int32, rows, padded to 8) | close and each present optional column (Float64, rows each) |
 *   nonce (12 random bytes) | GMAC tag with the folder's column key of everything before the nonce (16 bytes).
 * The header names the SHA-256 of the CSV bytes it was parsed from, the options key and the parser
 * version; a reader accepts the entry only if the MAC holds and all three equal what it expects,
 * so a signed entry cannot be moved to stand for other bytes either.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Warning } from '../../../util/errors.js';
import { PARSER_VERSION } from '../parserVersion.js';
import type { LoadedPrices, PriceLayout, PriceSeries, TextEncodingName } from '../types.js';
import { CACHE_FORMAT, GMAC_NONCE, GMAC_TAG, gmac } from './key.js';

const MAGIC = 'EVSTCOL3';
const MAC = GMAC_NONCE + GMAC_TAG;

/** The optional columns of a PriceSeries, in entry order (days and close are always present). */
const OPTIONAL = ['open', 'high', 'low', 'volume', 'amount', 'turnoverRate', 'pctChange'] as const;
type OptionalColumn = (typeof OPTIONAL)[number];

interface EntryHeader {
  v: number;
  parser: number;
  /** SHA-256 (hex) of the CSV bytes parsed. */
  source: string;
  okey: string;
  rows: number;
  layout: PriceLayout;
  encoding?: TextEncodingName;
  closeColumn?: string;
  /** Which optional columns follow close, in OPTIONAL order. */
  columns: OptionalColumn[];
  warnings: Warning[];
}

/** What an entry's bytes are meant to stand for: checked on read. */
export interface EntryIdentity {
  /** The folder's column key (CacheKeys.columns). */
  key: Uint8Array;
  source: string;
  okey: string;
}

export function encodeEntry(p: LoadedPrices, id: EntryIdentity): Uint8Array {
  const s = p.series;
  const rows = s.days.length;
  const columns = OPTIONAL.filter((c) => s[c] !== null);
  const header: EntryHeader = {
    v: CACHE_FORMAT,
    parser: PARSER_VERSION,
    source: id.source,
    okey: id.okey,
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
  const out = Buffer.alloc(bodyEnd + MAC);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 8);
  json.copy(out, 12);
  new Int32Array(out.buffer, out.byteOffset + headEnd, rows).set(s.days);
  let at = daysEnd;
  for (const col of [s.close, ...columns.map((c) => s[c] as Float64Array)]) {
    new Float64Array(out.buffer, out.byteOffset + at, rows).set(col);
    at += rows * 8;
  }
  const nonce = randomBytes(GMAC_NONCE);
  nonce.copy(out, bodyEnd);
  gmac(id.key, nonce, out.subarray(0, bodyEnd)).copy(out, bodyEnd + GMAC_NONCE);
  return out;
}

/**
 * The entry's prices, or null when its MAC fails (damaged, foreign or crafted) or it stands for
 * other bytes, options or parser version. `name` is the file name used in messages.
 */
export function decodeEntry(buf: Uint8Array, id: EntryIdentity, name: string): LoadedPrices | null {
  try {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (b.length < 12 + MAC || b.toString('latin1', 0, 8) !== MAGIC) return null;
    const bodyEnd = b.length - MAC;
    const tag = gmac(id.key, b.subarray(bodyEnd, bodyEnd + GMAC_NONCE), b.subarray(0, bodyEnd));
    if (!timingSafeEqual(tag, b.subarray(bodyEnd + GMAC_NONCE))) return null;
    const jsonLen = b.readUInt32LE(8);
    if (12 + jsonLen > bodyEnd) return null;
    const h = JSON.parse(b.toString('utf8', 12, 12 + jsonLen)) as EntryHeader;
    if (h.v !== CACHE_FORMAT || h.parser !== PARSER_VERSION || h.source !== id.source || h.okey !== id.okey) return null;
    if (!Number.isInteger(h.rows) || h.rows < 0 || !Array.isArray(h.columns)) return null;
    if (!h.columns.every((c) => (OPTIONAL as readonly string[]).includes(c))) return null;
    const rows = h.rows;
    const headEnd = pad8(12 + jsonLen);
    const daysEnd = headEnd + pad8(rows * 4);
    if (bodyEnd !== daysEnd + (1 + h.columns.length) * rows * 8) return null;
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

/** bytes [at, at + len) of b as a fresh, aligned ArrayBuffer. */
function copyOut(b: Buffer, at: number, len: number): ArrayBuffer {
  const out = new ArrayBuffer(len);
  new Uint8Array(out).set(b.subarray(at, at + len));
  return out;
}

function pad8(n: number): number {
  return (n + 7) & ~7;
}
