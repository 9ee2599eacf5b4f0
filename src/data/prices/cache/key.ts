/**
 * Cache keys. A price file's entry is named by the SHA-256 of the file's bytes (its content, not
 * its path: any change is a different entry) and of everything else that decides the parse.
 */
import { createCipheriv, createHmac } from 'node:crypto';
import { sha256 } from '../../../util/sha256.js';

export { sha256 };
import { PARSER_VERSION } from '../parserVersion.js';
import type { ParsePricesOptions } from '../parse.js';

/** Bump when the entry layout changes (entry.ts); PARSER_VERSION covers changes to what is parsed. */
export const CACHE_FORMAT = 3;



export const hmac = (key: Uint8Array, ...parts: (string | Uint8Array)[]): Buffer => {
  const h = createHmac('sha256', key);
  for (const p of parts) h.update(p);
  return h.digest();
};

/** Separate keys for separate uses, derived from the folder's key. */
export interface CacheKeys {
  /** AES-256-GCM key authenticating column entries (GMAC). */
  columns: Buffer;
  /** HMAC-SHA256 key of memo entries. */
  memo: Buffer;
  /** HMAC-SHA256 key of stat stamps (stamp.ts). */
  stamps: Buffer;
}

export const deriveKeys = (key: Uint8Array): CacheKeys => ({ columns: hmac(key, 'evstudy columns'), memo: hmac(key, 'evstudy memo'), stamps: hmac(key, 'evstudy stamps') });

export const GMAC_NONCE = 12;
export const GMAC_TAG = 16;

/**
 * GMAC (AES-256-GCM over no plaintext, `data` as associated data; NIST SP 800-38D): as strong an
 * authenticator as HMAC-SHA256 given a nonce never reused with the key (12 random bytes per entry),
 * and ~10x faster here (AES-NI/PCLMUL vs SHA-256), which matters when every warm whole-market run
 * checks ~270 MB of columns.
 */
export function gmac(key: Uint8Array, nonce: Uint8Array, data: Uint8Array): Buffer {
  const c = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: GMAC_TAG });
  c.setAAD(data);
  c.final();
  return c.getAuthTag();
}

/** What besides the bytes decides the parse: layout, close column, the name used in messages, and the code. */
export function optionsKey(options: ParsePricesOptions): string {
  return sha256(JSON.stringify([CACHE_FORMAT, PARSER_VERSION, options.layout ?? null, options.closeColumn ?? null, options.file ?? null])).slice(0, 16);
}

/** File name of the entry for a file whose bytes hash to `source`, parsed with options keyed `okey`. */
export const entryName = (source: string, okey: string): string => `${source}-${okey}.evc`;
