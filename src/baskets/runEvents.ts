/**
 * `evstudy baskets events` end to end: definitions, prices and the event registry in, the basket
 * event study computed (events.ts), basket-events.md and basket-events.json written.
 */
import { resolve } from 'node:path';
import { loadEvents } from '../data/events/index.js';
import { openPriceStore } from '../data/prices/index.js';
import { basketEventStudy, DEFAULT_BASKET_EVENTS, pickEvents, type BasketEventStudyJson } from './events.js';
import { renderBasketEventsMarkdown } from './eventsMarkdown.js';
import { DEFAULT_BASKETS_DIR, knownSymbols } from './load.js';
import { writeOutputs } from './output.js';
import { basketEventStudySchema } from './eventsJson.js';
import { checkContract } from '../report/contractParts.js';
import { at, DEFAULT_OUT, resolveBaskets, type BasketRunOptions } from './run.js';

export interface BasketEventsRunOptions extends BasketRunOptions {
  /** Event ids of the registry; default the four market-wide announcements. */
  events?: readonly string[];
  eventsDir?: string;
}

export const EVENT_FILES = { markdown: 'basket-events.md', json: 'basket-events.json' } as const;

export function runBasketEvents(opts: BasketEventsRunOptions = {}): { result: BasketEventStudyJson; written: string[] } {
  const root = resolve(opts.root ?? process.cwd());
  const store = openPriceStore(at(root, opts.pricesDir ?? 'prices'));
  const baskets = resolveBaskets(root, at(root, opts.basketsDir ?? DEFAULT_BASKETS_DIR), opts.baskets, { known: knownSymbols(store, root) });
  const events = pickEvents(loadEvents(at(root, opts.eventsDir ?? 'events')), opts.events?.length ? opts.events : DEFAULT_BASKET_EVENTS);
  const result = basketEventStudy({ baskets, events, store, weighting: opts.weighting, root });
  // What is written (and printed by --json) must validate against the schema shipped for it.
  checkContract(basketEventStudySchema, result, 'basket-events.json');
  if (opts.write === false) return { result, written: [] };
  const written = writeOutputs(at(root, opts.out ?? DEFAULT_OUT), [
    { file: EVENT_FILES.markdown, data: renderBasketEventsMarkdown(result) },
    { file: EVENT_FILES.json, data: `${JSON.stringify(result, null, 2)}\n` },
  ], { producer: 'basket-events', force: opts.force });
  return { result, written };
}
