/**
 * `evstudy baskets compare` end to end (read definitions and prices, compute, render, write) as a
 * library function: the CLI and bench/baskets-compare.ts call exactly this. The event study is in
 * runEvents.ts, so that a compare run never loads the study engine.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { openPriceStore } from '../data/prices/index.js';
import { ConfigError } from '../util/errors.js';
import { compareBaskets } from './compare.js';
import { requireBasketDays } from './closesUsed.js';
import type { BasketPeriod } from './compute.js';
import type { CompareJson } from './json.js';
import { DEFAULT_BASKETS_DIR, knownSymbols, loadBasketFiles, loadBaskets, type BasketLoadOptions } from './load.js';
import { compareFiles, writeOutputs } from './output.js';
import type { BasketDefinition, Weighting } from './schema.js';

import { DEFAULT_OUT } from './defaults.js';

export { DEFAULT_OUT, DEFAULT_PERIOD } from './defaults.js';

export interface BasketRunOptions {
  /** Folder paths are resolved against it (default: the working directory). */
  root?: string;
  /** Basket files, or ids of shipped baskets; default every file of `basketsDir`. */
  baskets?: readonly string[];
  basketsDir?: string;
  pricesDir?: string;
  weighting?: Exclude<Weighting, 'custom'>;
  /** Output folder; nothing is written when `write` is false. */
  out?: string;
  write?: boolean;
  /** Write into a non-empty folder that is not an evstudy output folder. */
  force?: boolean;
}

export const at = (root: string, p: string): string => (isAbsolute(p) ? p : resolve(root, p));

/**
 * `--baskets` values: a path to a YAML file, or the id of a basket in `basketsDir` (`chips` ->
 * `baskets/chips.yaml`), so both `--baskets my.yaml` and `--baskets chips pcb` work.
 */
export function resolveBaskets(root: string, dir: string, items?: readonly string[], options: BasketLoadOptions = {}): BasketDefinition[] {
  if (!items || items.length === 0) return loadBaskets(dir, options);
  const files = items.map((item) => {
    const asPath = at(root, item);
    if (existsSync(asPath)) return asPath;
    const shipped = join(dir, `${item}.yaml`);
    if (/^[a-z0-9-]+$/.test(item) && existsSync(shipped)) return shipped;
    throw new ConfigError(`no such basket file or shipped basket id (looked for ${asPath} and ${shipped})`, { field: '--baskets', value: item });
  });
  return loadBasketFiles(files, options);
}

export async function runBasketsCompare(period: BasketPeriod, opts: BasketRunOptions = {}): Promise<{ result: CompareJson; written: string[] }> {
  const root = resolve(opts.root ?? process.cwd());
  const store = openPriceStore(at(root, opts.pricesDir ?? 'prices'));
  const baskets = resolveBaskets(root, at(root, opts.basketsDir ?? DEFAULT_BASKETS_DIR), opts.baskets, { known: knownSymbols(store, root) });
  const result = compareBaskets(baskets, store, period, { root, weighting: opts.weighting });
  // Before anything is written: an empty period must not leave a baskets.md of dashes behind.
  requireBasketDays(result);
  if (opts.write === false) return { result, written: [] };
  const files = compareFiles(result);
  return { result, written: writeOutputs(at(root, opts.out ?? DEFAULT_OUT), files, { producer: 'baskets-compare', force: opts.force }) };
}
