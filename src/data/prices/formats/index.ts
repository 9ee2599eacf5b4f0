/** The layout adapters by name. */
import type { PriceLayout } from '../types.js';
import { akshare } from './akshare.js';
import { baostock } from './baostock.js';
import { canonical } from './canonical.js';
import { investingCn } from './investingCn.js';
import { tushare } from './tushare.js';
import type { LayoutAdapter } from './types.js';
import { wsj } from './wsj.js';
import { yfinance } from './yfinance.js';

export const ADAPTERS: Readonly<Record<PriceLayout, LayoutAdapter>> = {
  akshare,
  canonical,
  yfinance,
  baostock,
  tushare,
  wsj,
  'investing-cn': investingCn,
};

export const PRICE_LAYOUTS = Object.keys(ADAPTERS) as PriceLayout[];

export type { LayoutAdapter, HeaderInfo, PriceField, ColumnKey } from './types.js';
