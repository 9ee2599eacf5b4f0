/**
 * The input edge shared by `claims extract|check` and `events suggest`: the `--date` flag checked,
 * the article read, the price store opened and the event registry loaded (empty when the folder
 * does not exist).
 */
import { existsSync } from 'node:fs';
import { openPriceStore } from '../../data/prices/index.js';
import { loadEvents } from '../../data/events/index.js';
import { DataError, EvstudyError } from '../../util/errors.js';
import { readYamlText } from '../../util/readYamlText.js';
import { checkDateFlag } from './events.js';

export function openArticle(article: string, opts: { date?: string; prices: string; events: string }) {
  checkDateFlag('--date', opts.date);
  let text: string;
  try {
    text = readYamlText(article, 'article');
  } catch (e) {
    // The article is input data (exit 3), whatever the reader calls it.
    throw e instanceof EvstudyError ? new DataError(e.message, e.location) : e;
  }
  const store = openPriceStore(opts.prices, { cacheDir: null });
  const registry = existsSync(opts.events) ? loadEvents(opts.events) : [];
  return { text, store, registry };
}
