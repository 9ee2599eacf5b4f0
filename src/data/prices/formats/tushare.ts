/**
 * Tushare `daily`: ts_code,trade_date,open,high,low,close,pre_close,change,pct_chg,vol,amount with
 * trade_date as YYYYMMDD, usually newest first. vol is in lots (手), amount in thousands of CNY.
 */
import { hasColumn, type LayoutAdapter } from './types.js';

export const tushare: LayoutAdapter = {
  layout: 'tushare',
  example: 'ts_code,trade_date,open,high,low,close,pre_close,change,pct_chg,vol,amount',
  columns: {
    date: ['trade_date'],
    open: ['open'],
    high: ['high'],
    low: ['low'],
    close: ['close'],
    volume: ['vol'],
    amount: ['amount'],
    pctChange: ['pct_chg'],
  },
  required: ['date', 'open', 'high', 'low', 'close', 'volume'],
  dateFormats: ['YYYYMMDD'],
  matches: (h) => hasColumn(h, 'trade_date'),
};
