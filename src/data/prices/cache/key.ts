/**
 * Cache keys. A price file's entry is named by the SHA-256 of the file's bytes (its content, not
 * its path: any change is a different entry) and of everything else that decides the parse.
 */
import { createHash, createHmac } from 'node:crypto';
import { PARSER_VERSION } from '../parserVersion.js';
import type { ParsePricesOptions } from '../parse.js';

/** Bump when the entry layout changes (entry.ts); PARSER_VERSION covers changes to what is parsed. */
export const CACHE_FORMAT = 3;

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export const hmac = (key: Uint8Array, ...parts: (string | Uint8Array)[]): Buffer => {
  const h = createHmac('sha256', key);
  for (const p of parts) h.update(p);
  return h.digest();
};

/** What besides the bytes decides the parse: layout, close column, the name used in messages, and the code. */
export function optionsKey(options: ParsePricesOptions): string {
  return sha256(JSON.stringify([CACHE_FORMAT, PARSER_VERSION, options.layout ?? null, options.closeColumn ?? null, options.file ?? null])).slice(0, 16);
}

/** File name of the entry for a file whose bytes hash to `source`, parsed with options keyed `okey`. */
export const entryName = (source: string, okey: string): string => `${source}-${okey}.evc`;
