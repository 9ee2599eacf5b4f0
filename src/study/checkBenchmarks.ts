/**
 * A study's `benchmarks` overrides name symbols of the price manifest: a key that is neither a
 * manifest symbol nor `market:<A-share | Hong Kong | US>`, or a benchmark the manifest lacks, is a
 * configuration error at its line (exit 4), never an event quietly measured without a benchmark
 * (`no-benchmark-data`) or an override that matches no listing.
 */
import { relative } from 'node:path';
import type { PriceStore } from '../data/prices/index.js';
import { ConfigError } from '../util/errors.js';
import type { LoadedStudy } from './config.js';
import { BENCHMARK_MARKETS } from './providers/registryProvider.js';

export function checkBenchmarks(study: LoadedStudy, store: PriceStore): void {
  const errors: ConfigError[] = [];
  const rel = relative(study.root, store.manifestFile);
  const manifestName = rel && !rel.startsWith('..') ? rel : store.manifestFile;
  const at = (key: string, value: string, message: string) =>
    errors.push(new ConfigError(message, { file: study.file, line: study.benchmarkLines?.[key] ?? 1, field: `benchmarks.${key}`, value }));
  for (const [key, bench] of Object.entries(study.config.benchmarks)) {
    const market = /^market:(.*)$/.exec(key)?.[1];
    if (market !== undefined) {
      if (!(BENCHMARK_MARKETS as readonly string[]).includes(market))
        at(key, key, `unknown market ${JSON.stringify(market)}: use market:${BENCHMARK_MARKETS.join(', market:')}`);
    } else if (!store.has(key)) at(key, key, `${key} is not a symbol of ${manifestName}: benchmarks are keyed by a listing's symbol or market:<market>`);
    if (!store.has(bench)) at(key, bench, `benchmark ${bench} is not a symbol of ${manifestName}`);
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length) throw new ConfigError(`${errors.length} problem(s) in the study's benchmarks`, { file: study.file }, errors);
}
