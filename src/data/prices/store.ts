/**
 * The price store: the manifest read once, each symbol's file read and checked only when first asked
 * for, then kept. A study touching five symbols parses five files, not the whole folder. Parsed
 * columns go through the on-disk column cache (cache.ts), so the next run loads them without parsing.
 */
import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, DataError } from '../../util/errors.js';
import { kindOf, readYamlText } from '../../util/readYamlText.js';
import { MANIFEST_FILE, parseManifest } from './manifest.js';
import { cacheDirFromEnv, checkPricesCached, memoJson, textHash, type CachedCheck } from './cache.js';
import { combineErrors, type PriceCheck } from './parse.js';
import type { LoadedPrices, PriceManifestEntry } from './types.js';

/** A file's check, with where it came from when the column cache was asked (cache.ts). */
export type StoreCheck = PriceCheck & Partial<Pick<CachedCheck, 'source' | 'via'>>;

export interface PriceStore {
  /** The folder holding manifest.yaml, as given. */
  readonly dir: string;
  /** Path of the manifest, for messages. */
  readonly manifestFile: string;
  has(symbol: string): boolean;
  /** The manifest entry; throws DataError for a symbol not in the manifest. */
  entry(symbol: string): PriceManifestEntry;
  /** All entries in manifest order. */
  entries(): readonly PriceManifestEntry[];
  /** Path of a symbol's file (the manifest's `file`, under `dir`). */
  path(symbol: string): string;
  /** The checked series; parsed on first call, then memoized. Throws the file's DataError if it has errors. */
  get(symbol: string): LoadedPrices;
  /** Every error and warning of a symbol's file without throwing (for `prices validate`); memoized too. */
  check(symbol: string): StoreCheck;
  /**
   * Drops a symbol's memoized series (the next `get` loads it again, from the column cache when on):
   * a caller sweeping many symbols keeps memory bounded by the ones it still uses.
   */
  forget?(symbol: string): void;
  /** The column cache folder in use, or null when the cache is off. */
  readonly cacheDir?: string | null;
}

export interface PriceStoreOptions {
  /** Column cache folder; null turns the cache off. Default: the per-user cache (EVSTUDY_CACHE_DIR, $XDG_CACHE_HOME/evstudy or ~/.cache/evstudy), off with EVSTUDY_NO_CACHE=1. */
  cacheDir?: string | null;
}

/**
 * The price folder `dir` through its manifest.yaml: each symbol's entry, and its checked series
 * (typed arrays), parsed on first use and cached per user (see README, Price cache).
 *
 * @example
 * import { openPriceStore } from 'evstudy';
 * const { days, close } = openPriceStore('prices').get('300418.SZ').series; // Int32Array, Float64Array
 */
export function openPriceStore(dir = 'prices', options: PriceStoreOptions = {}): PriceStore {
  const cacheDir = options.cacheDir === undefined ? cacheDirFromEnv() : options.cacheDir;
  const manifestFile = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestFile)) throw new ConfigError(`no price manifest: ${manifestFile} not found`, { file: manifestFile });
  const text = readYamlText(manifestFile, 'price manifest');
  const list = readManifest(text, manifestFile, cacheDir);
  const bySymbol = new Map(list.map((e) => [e.symbol, e]));
  const checks = new Map<string, StoreCheck>();

  const entry = (symbol: string): PriceManifestEntry => {
    const e = bySymbol.get(symbol);
    if (!e) throw new DataError(`unknown symbol "${symbol}" (not in ${manifestFile})`);
    return e;
  };
  const path = (symbol: string): string => join(dir, entry(symbol).file);

  const check = (symbol: string): StoreCheck => {
    const known = checks.get(symbol);
    if (known) return known;
    const e = entry(symbol);
    const file = path(symbol);
    let result: StoreCheck;
    try {
      const special = notRegular(file);
      if (special) {
        // A FIFO would block the read forever and /dev/zero (behind a symlink) never ends: refuse
        // anything but a regular file before opening it.
        result = { prices: null, errors: [new DataError(`price file of ${symbol} is ${special}, not a regular file: only regular files are read`, { file: manifestFile, field: 'file', value: e.file })], warnings: [] };
        checks.set(symbol, result);
        return result;
      }
      result = checkPricesCached(file, { file, layout: e.layout, closeColumn: e.closeColumn }, cacheDir);
    } catch (err) {
      result = { prices: null, errors: [unreadable(err, file, symbol)], warnings: [] };
    }
    checks.set(symbol, result);
    return result;
  };

  return {
    dir,
    manifestFile,
    has: (symbol) => bySymbol.has(symbol),
    entry,
    entries: () => list,
    path,
    check,
    cacheDir,
    forget: (symbol) => {
      checks.delete(symbol);
    },
    get(symbol) {
      const result = check(symbol);
      if (result.prices) return result.prices;
      throw combineErrors(result.errors);
    },
  };
}

/**
 * The parsed manifest, memoized in the cache folder by its text and by the parser's own source
 * (a change to the manifest rules re-validates every manifest). Only a manifest that parses is
 * memoized: an invalid one throws its ConfigError every time.
 */
function readManifest(text: string, manifestFile: string, cacheDir: string | null): PriceManifestEntry[] {
  const parser = parserFingerprint();
  if (parser === null) return parseManifest(text, manifestFile);
  return memoJson(cacheDir, 'manifest', [parser, manifestFile, textHash(text)], () => parseManifest(text, manifestFile));
}

let fingerprint: string | null | undefined;
function parserFingerprint(): string | null {
  if (fingerprint === undefined) {
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    // In the bundled CLI (dist/cli-bundle) there is no manifest.js beside this code: hash the chunk
    // holding it instead; chunk names carry content hashes, so any change to the code it imports
    // changes this file too.
    const candidates = [new URL(`./manifest${ext}`, import.meta.url), new URL(import.meta.url)];
    fingerprint = null;
    for (const url of candidates) {
      try {
        fingerprint = textHash(readFileSync(fileURLToPath(url)));
        break;
      } catch {
        // try the next
      }
    }
  }
  return fingerprint;
}

/** What a path is when it exists but is not a regular file (links followed); undefined otherwise. */
function notRegular(path: string): string | undefined {
  let st: Stats;
  try {
    st = statSync(path);
  } catch {
    return undefined; // missing: reported by the read, with the full path
  }
  return st.isFile() ? undefined : kindOf(st);
}

function unreadable(err: unknown, file: string, symbol: string): DataError {
  if (err instanceof DataError) return err;
  const e = err as NodeJS.ErrnoException;
  const why = e.code === 'ENOENT' ? `price file not found (listed for ${symbol} in the manifest; full path ${resolve(file)})` : `cannot read price file: ${e.message}`;
  return new DataError(why, { file });
}
