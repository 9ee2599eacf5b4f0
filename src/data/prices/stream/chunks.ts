/**
 * A price file as a sequence of byte chunks, read into one reused buffer, so reading a file never
 * holds more than one chunk of its bytes (a 200 MB minute-bar file read whole took 459 MB). The
 * SHA-256 that keys the column cache is updated from the same chunks as they pass.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';

/** 1 MiB: large enough that a typical daily file (under 1 MB) is one read, small against any study. */
export const DEFAULT_CHUNK_BYTES = 1 << 20;

/** Where chunks come from; `open` starts again at the first byte (a pass may be restarted). */
export interface ByteSource {
  open(chunkBytes: number): ChunkReader;
}

export interface ChunkReader {
  /** The next chunk (valid only until the next call), or null at the end. */
  next(): Uint8Array | null;
  close(): void;
}

/** The chunks of the file at `path`, each read into the same buffer. */
export function fileSource(path: string): ByteSource {
  return {
    open(chunkBytes) {
      const fd = openSync(path, 'r');
      // A file smaller than a chunk (nearly every daily file) gets a buffer of about its size: a
      // whole-market run opens ~5,000 of them. One byte more sees the end in the same read; at
      // least 64 KiB, as a size of 0 may hide content (files under /proc).
      const size = fstatSync(fd).size;
      const buf = Buffer.allocUnsafe(Math.min(chunkBytes, Math.max(size + 1, 1 << 16)));
      const cap = buf.length;
      let done = false;
      return {
        next() {
          if (done) return null;
          // Fill the buffer (a read may return less than asked) so chunk boundaries do not depend on the OS.
          let n = 0;
          while (n < cap) {
            const got = readSync(fd, buf, n, cap - n, null);
            if (got === 0) {
              done = true;
              break;
            }
            n += got;
          }
          return n > 0 ? buf.subarray(0, n) : null;
        },
        close: () => closeSync(fd),
      };
    },
  };
}

/** Bytes already in memory, cut into chunks the same way (checkPrices of a Buffer). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    open(chunkBytes) {
      let at = 0;
      return {
        next() {
          if (at >= bytes.length) return null;
          const c = bytes.subarray(at, at + chunkBytes);
          at += c.length;
          return c;
        },
        close() {},
      };
    },
  };
}

/** What one pass read: bytes and chunks (for tests and benchmarks), the hash when asked for, whether it reached the end. */
export interface ReadStats {
  bytes: number;
  chunks: number;
  /** Largest chunk handed out, in bytes: the reader's own peak of file bytes held. */
  maxChunk: number;
  ended: boolean;
  sha256: string | null;
}

/** Wraps a reader to count, and to hash every byte it hands out (in order, once). */
export function countingReader(inner: ChunkReader, hash: boolean): { reader: ChunkReader; stats: () => ReadStats } {
  const h: Hash | null = hash ? createHash('sha256') : null;
  const s = { bytes: 0, chunks: 0, maxChunk: 0, ended: false };
  let digest: string | null = null;
  return {
    reader: {
      next() {
        const c = inner.next();
        if (c === null) {
          s.ended = true;
          return null;
        }
        s.bytes += c.length;
        s.chunks++;
        if (c.length > s.maxChunk) s.maxChunk = c.length;
        h?.update(c);
        return c;
      },
      close: () => inner.close(),
    },
    stats: () => {
      // A hash of part of a file names nothing: only a pass that reached the end has one.
      if (h && s.ended && digest === null) digest = h.digest('hex');
      return { ...s, sha256: s.ended ? digest : null };
    },
  };
}
