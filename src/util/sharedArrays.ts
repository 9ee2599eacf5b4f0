/**
 * Typed arrays that worker threads can read without a copy: the same array types over a
 * SharedArrayBuffer (posting such an array to a worker shares its memory). A zero-length request
 * still gets a one-element buffer (SharedArrayBuffer(0) cannot back a view on every runtime) and a
 * zero-length view over it.
 *
 * @example
 *   const k = float64Array(n * C, true); // shared, zero-filled
 *   const copy = toShared(panel.estAR);   // shared copy, or the array itself if already shared
 */

/** A Float64Array of `len` zeros, in shared memory when `sharedMemory`. */
export function float64Array(len: number, sharedMemory = false): Float64Array {
  return sharedMemory ? new Float64Array(new SharedArrayBuffer(Math.max(1, len) * 8), 0, len) : new Float64Array(len);
}

/** An Int32Array of `len` zeros, in shared memory when `sharedMemory`. */
export function int32Array(len: number, sharedMemory = false): Int32Array {
  return sharedMemory ? new Int32Array(new SharedArrayBuffer(Math.max(1, len) * 4), 0, len) : new Int32Array(len);
}

/** `src` in shared memory: itself when it already is, else a copy. */
export function toShared<T extends Float64Array | Int32Array>(src: T): T {
  if (src.buffer instanceof SharedArrayBuffer) return src;
  const out = (src instanceof Float64Array ? float64Array(src.length, true) : int32Array(src.length, true)) as T;
  out.set(src);
  return out;
}
