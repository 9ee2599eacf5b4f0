/**
 * A basket member's prices from the store, or why there are none. A member without data is never
 * dropped silently: the reason travels to the report (`missingMembers`).
 */
import { relative } from 'node:path';
import type { PriceSeries, PriceStore } from '../data/prices/index.js';
import { EvstudyError } from '../util/errors.js';

export type MemberLoad =
  | { ok: true; symbol: string; name: string | null; series: PriceSeries; file: string }
  | { ok: false; symbol: string; name: string | null; reason: string };

/** `root` makes file paths in reasons relative (reports must not carry one machine's absolute paths). */
export function loadMember(store: PriceStore, symbol: string, root?: string): MemberLoad {
  const file = (): string => (root ? relative(root, store.path(symbol)) : store.path(symbol));
  if (!store.has(symbol)) return { ok: false, symbol, name: null, reason: `no price data: ${symbol} is not in ${root ? relative(root, store.manifestFile) : store.manifestFile}` };
  const name = store.entry(symbol).name;
  try {
    return { ok: true, symbol, name, series: store.get(symbol).series, file: file() };
  } catch (e) {
    if (!(e instanceof EvstudyError)) throw e;
    return { ok: false, symbol, name, reason: `price file unusable: ${e.format()}` };
  }
}
