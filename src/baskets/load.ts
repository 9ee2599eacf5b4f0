/**
 * Reading basket files: one file, a list of files (`--baskets FILE...`) or the shipped folder
 * (`baskets/*.yaml`). Every problem of every file is collected before throwing, so one run shows
 * them all; a partial set of baskets is never returned.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

/** Reads and validates the given files; throws one ConfigError listing every problem (details) if any. */
export function loadBasketFiles(files: readonly string[]): BasketDefinition[] {
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

export function loadBasketFile(file: string): BasketDefinition {
  return loadBasketFiles([file])[0];
}

/** Every basket of a folder (default `baskets/`), in file-name order. */
export function loadBaskets(dir: string = DEFAULT_BASKETS_DIR): BasketDefinition[] {
  const files = listBasketFiles(dir);
  if (files.length === 0) throw new ConfigError('no basket files (*.yaml) in the folder', { file: dir });
  return loadBasketFiles(files);
}
