/**
 * Reading basket files: one file, a list of files (`--baskets FILE...`) or the shipped folder
 * (`baskets/*.yaml`). Every problem of every file is collected before throwing, so one run shows
 * them all; a partial set of baskets is never returned.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PriceStore } from '../data/prices/store.js';
import { ConfigError } from '../util/errors.js';
import { readYamlText } from '../util/readYamlText.js';
import { parseBasketText } from './parse.js';
import type { BasketDefinition } from './schema.js';

/** The shipped definitions, relative to the repository root. */
export const DEFAULT_BASKETS_DIR = 'baskets';

/** Basket files in a folder: `*.yaml` / `*.yml`, hidden and temporary files skipped, sorted by name. */
export function listBasketFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ConfigError('baskets folder not found', { file: dir });
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.isDirectory() && !d.name.startsWith('.') && /\.ya?ml$/i.test(d.name))
    .map((d) => join(dir, d.name))
    .sort();
}

export interface BasketLoadOptions {
  /**
   * The price manifest's symbols and its path for messages. When given, a member or benchmark
   * naming any other symbol is an error at its line: a typo would otherwise drop a member (or
   * every benchmark figure) from the results with exit 0.
   */
  known?: { symbols: ReadonlySet<string>; manifest: string };
}

/** Reads and validates the given files; throws one ConfigError listing every problem (details) if any. */
export function loadBasketFiles(files: readonly string[], options: BasketLoadOptions = {}): BasketDefinition[] {
  const errors: ConfigError[] = [];
  const baskets: BasketDefinition[] = [];
  const owner = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = readYamlText(file, 'basket file');
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      errors.push(e);
      continue;
    }
    const parsed = parseBasketText(text, file);
    errors.push(...parsed.errors);
    if (!parsed.basket) continue;
    if (options.known) {
      const unknown = unknownSymbols(parsed.basket, file, options.known, parsed.lineOf);
      errors.push(...unknown);
      if (unknown.length > 0) continue;
    }
    const first = owner.get(parsed.basket.id);
    if (first) {
      errors.push(new ConfigError(`duplicate basket id: also defined in ${first}`, { file, field: 'id', value: parsed.basket.id }));
      continue;
    }
    owner.set(parsed.basket.id, file);
    baskets.push(parsed.basket);
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ConfigError(`${errors.length} problems in basket files`, { file: errors[0].location.file }, errors);
  return baskets;
}

function unknownSymbols(
  b: BasketDefinition,
  file: string,
  known: NonNullable<BasketLoadOptions['known']>,
  lineOf: (path: readonly PropertyKey[]) => number | undefined = () => undefined,
): ConfigError[] {
  const errors: ConfigError[] = [];
  b.members.forEach((m, i) => {
    if (!known.symbols.has(m))
      errors.push(new ConfigError(`basket ${b.id}: member not in the price manifest ${known.manifest}`, { file, line: lineOf(['members', i]), field: `members[${i}]`, value: m }));
  });
  if (!known.symbols.has(b.benchmark))
    errors.push(
      new ConfigError(`basket ${b.id}: benchmark not in the price manifest ${known.manifest}`, { file, line: lineOf(['benchmark']) ?? 1, field: 'benchmark', value: b.benchmark }),
    );
  return errors;
}

export function loadBasketFile(file: string, options: BasketLoadOptions = {}): BasketDefinition {
  return loadBasketFiles([file], options)[0];
}

/** Every basket of a folder (default `baskets/`), in file-name order. */
export function loadBaskets(dir: string = DEFAULT_BASKETS_DIR, options: BasketLoadOptions = {}): BasketDefinition[] {
  const files = listBasketFiles(dir);
  if (files.length === 0) throw new ConfigError('no basket files (*.yaml) in the folder', { file: dir });
  return loadBasketFiles(files, options);
}

/** The symbols of a price store, for checking basket members and benchmarks against it. */
export function knownSymbols(store: PriceStore, root: string): NonNullable<BasketLoadOptions['known']> {
  return { symbols: new Set(store.entries().map((e) => e.symbol)), manifest: relative(root, store.manifestFile) || store.manifestFile };
}
