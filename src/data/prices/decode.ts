/**
 * Bytes -> text for price files. Chinese vendor exports come as UTF-8 (with or without a BOM) or as
 * GB18030/GBK (Excel "save as CSV" on a Chinese Windows); we never guess from the file name.
 *
 * Order of tries: a BOM decides outright (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8, and only when
 * the bytes are not valid UTF-8, GB18030 (a superset of GBK and GB2312). GB18030 maps almost every
 * byte sequence to something, so a result containing U+FFFD or NUL means "neither": a DataError.
 */
import { iconvLite } from '../../util/iconv.js';
import { DataError } from '../../util/errors.js';
import { firstInvalidUtf8, lineOfOffset } from '../../util/utf8.js';
import type { TextEncodingName } from './types.js';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodePriceBytes(bytes: Uint8Array, file = '<bytes>'): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: strictUtf8(bytes.subarray(3), file, 'utf-8-bom'), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le', file);
  if (startsWith(bytes, [0xfe, 0xff])) return checked(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be', file);
  try {
    return checked(utf8.decode(bytes), 'utf-8', file);
  } catch (err) {
    if (err instanceof DataError) throw err;
  }
  const text = iconvLite().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = text.slice(0, bad).split('\n').length;
    throw new DataError('cannot decode the file: it is neither UTF-8 nor GB18030/GBK text', {
      file,
      line,
      field: 'bytes',
      value: firstBadBytes(bytes, line),
    });
  }
  return checked(text, 'gb18030', file);
}

function strictUtf8(bytes: Uint8Array, file: string, label: TextEncodingName): string {
  try {
    return checked(utf8.decode(bytes), label, file).text;
  } catch (err) {
    if (err instanceof DataError) throw err;
    // Name the line of the first invalid byte (e.g. GB18030 text saved behind a UTF-8 BOM).
    const at = firstInvalidUtf8(bytes);
    const line = lineOfOffset(bytes, at);
    const shown = Array.from(bytes.subarray(at, at + 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new DataError(
      'the file starts with a UTF-8 byte-order mark but is not valid UTF-8 (GB18030/GBK text behind a UTF-8 BOM? save it again as UTF-8)',
      { file, line, field: 'bytes', value: shown },
    );
  }
}

/** A NUL character means a binary file (or UTF-16 without a BOM), never a CSV we can read. */
function checked(text: string, encoding: TextEncodingName, file: string): DecodedText {
  if (text.includes('\u0000')) {
    throw new DataError(`cannot read the file as text (${encoding} decoding gives NUL characters: binary or UTF-16 without a BOM?)`, { file });
  }
  return { text, encoding };
}

/** The bytes begin with `prefix` (a byte-order mark); also used by the chunked decoder (stream/decodeChunks.ts). */
export function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Hex of the first non-ASCII bytes on the given line, to help the user find the spot. */
function firstBadBytes(bytes: Uint8Array, line: number): string {
  let start = 0;
  for (let l = 1; l < line; l++) start = bytes.indexOf(0x0a, start) + 1;
  const at = bytes.findIndex((b, i) => i >= start && b >= 0x80);
  const slice = bytes.subarray(Math.max(0, at), Math.max(0, at) + 8);
  return Array.from(slice, (b) => b.toString(16).padStart(2, '0')).join(' ');
}
