/**
 * Where bytes stop being UTF-8, to name the line in an error (price files: prices/decode.ts; YAML
 * files: readYamlText.ts).
 */

/** Offset of the first byte that makes `bytes` invalid UTF-8 (bytes.length when none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on the longest valid prefix, backing off a possibly cut multi-byte sequence.
  const valid = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (valid(mid)) lo = mid;
    else hi = mid - 1;
  }
  // `lo` may stop inside a sequence whose lead byte was fine alone: back off to its start.
  const complete = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n));
      return true;
    } catch {
      return false;
    }
  };
  while (lo > 0 && !complete(lo)) lo--;
  return lo;
}

/** 1-based line of byte offset `at` (0x0A never occurs inside a multi-byte UTF-8 sequence). */
export function lineOfOffset(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
