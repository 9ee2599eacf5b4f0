/**
 * The price store: the manifest read once, each symbol's file read and checked only when first asked
 * for, then kept. A study touching five symbols parses five files, not the whole folder.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, DataError } from '../../util/errors.js';
import { MANIFEST_FILE, parseManifest } from './manifest.js';
import { checkPrices, combineErrors, type PriceCheck } from './parse.js';
import type { LoadedPrices, PriceManifestEntry } from './types.js';

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
  check(symbol: string): PriceCheck;
}

export function openPriceStore(dir = 'prices'): PriceStore {
  const manifestFile = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(manifestFile, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? `no price manifest: ${manifestFile} not found` : `cannot read the price manifest: ${(err as Error).message}`, {
      file: manifestFile,
    });
  }
  const list = parseManifest(text, manifestFile);
  const bySymbol = new Map(list.map((e) => [e.symbol, e]));
  const checks = new Map<string, PriceCheck>();

  const entry = (symbol: string): PriceManifestEntry => {
    const e = bySymbol.get(symbol);
    if (!e) throw new DataError(`unknown symbol "${symbol}" (not in ${manifestFile})`);
    return e;
  };
  const path = (symbol: string): string => join(dir, entry(symbol).file);

  const check = (symbol: string): PriceCheck => {
    const known = checks.get(symbol);
    if (known) return known;
    const e = entry(symbol);
    const file = path(symbol);
    let result: PriceCheck;
    try {
      result = checkPrices(readFileSync(file), { file, layout: e.layout, closeColumn: e.closeColumn });
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
    get(symbol) {
      const result = check(symbol);
      if (result.prices) return result.prices;
      throw combineErrors(result.errors);
    },
  };
}

function unreadable(err: unknown, file: string, symbol: string): DataError {
  if (err instanceof DataError) return err;
  const e = err as NodeJS.ErrnoException;
  const why = e.code === 'ENOENT' ? `price file not found (listed for ${symbol} in the manifest; full path ${resolve(file)})` : `cannot read price file: ${e.message}`;
  return new DataError(why, { file });
}
