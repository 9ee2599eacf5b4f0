/**
 * Byte chunks -> text pieces, decoded incrementally with the same rules as decode.ts (which decodes
 * whole bytes): a BOM decides from the first chunk; otherwise strict UTF-8, and GB18030 only when the
 * bytes are not valid UTF-8. Invalid UTF-8 may first show deep in a file, after records were read, so
 * it ends the pass with a Restart asking for GB18030 from the first byte: the records read so far are
 * thrown away and read again, and the output is the one the whole-file decode gave.
 */
import { iconvLite } from '../../../util/iconv.js';
import { startsWith } from '../decode.js';
import type { TextEncodingName } from '../types.js';
import type { ChunkReader } from './chunks.js';

/** How a pass decodes and splits; a Restart asks for a new pass in another mode. */
export interface PassMode {
  /** Decode as GB18030 (UTF-8 failed on an earlier pass). */
  gb18030: boolean;
  /** The text has a double quote: hand it whole to csv-parse (csv.ts). */
  quoted: boolean;
}

export class Restart {
  constructor(readonly mode: PassMode) {}
}

/**
 * The bytes cannot be read as text (invalid UTF-8 behind a BOM, NUL characters, neither UTF-8 nor
 * GB18030). Rare, and its message needs the line and bytes of the first bad spot: the caller
 * rebuilds the error from the whole bytes with decode.ts, so it is word for word the same.
 */
export class Undecodable {}

export interface DecodeState {
  encoding: TextEncodingName;
}

/** Text pieces of the chunks from `reader`; sets `state.encoding` once the first chunk is seen. */
export function* decodeChunks(reader: ChunkReader, mode: PassMode, state: DecodeState): Generator<string> {
  let first = reader.next();
  if (first === null) return;
  // A BOM is up to 3 bytes; with a tiny chunk size (tests) the first chunk may be shorter.
  while (first.length < 3) {
    const more = reader.next();
    if (more === null) break;
    const joined: Uint8Array = new Uint8Array(first.length + more.length);
    joined.set(first);
    joined.set(more, first.length);
    first = joined;
  }
  let decode: (bytes: Uint8Array | null) => string;
  if (startsWith(first, [0xef, 0xbb, 0xbf])) {
    state.encoding = 'utf-8-bom';
    decode = strictUtf8(() => {
      throw new Undecodable();
    });
    first = first.subarray(3);
  } else if (startsWith(first, [0xff, 0xfe]) || startsWith(first, [0xfe, 0xff])) {
    state.encoding = first[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const d = new TextDecoder(state.encoding);
    decode = (b) => (b === null ? d.decode() : d.decode(b, { stream: true }));
    first = first.subarray(2);
  } else if (!mode.gb18030) {
    state.encoding = 'utf-8';
    decode = strictUtf8(() => {
      throw new Restart({ ...mode, gb18030: true });
    });
  } else {
    state.encoding = 'gb18030';
    const d = iconvLite().getDecoder('gb18030');
    decode = (b) => {
      // iconv keeps a cut sequence as copied numbers, so the reused chunk buffer may be handed over.
      const t = b === null ? d.end() ?? '' : d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
      if (t.includes('\uFFFD')) throw new Undecodable();
      return t;
    };
  }
  for (let chunk: Uint8Array | null = first; ; chunk = reader.next()) {
    const text = decode(chunk);
    if (text.includes('\u0000')) throw new Undecodable();
    if (text !== '') yield text;
    if (chunk === null) return;
  }
}

function strictUtf8(onInvalid: () => never): (b: Uint8Array | null) => string {
  const d = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return (b) => {
    try {
      return b === null ? d.decode() : d.decode(b, { stream: true });
    } catch {
      return onInvalid();
    }
  };
}
