/**
 * Canonical: named English columns date,open,high,low,close,volume[,amount] in any order, extra
 * columns ignored. This also reads the akshare-style English exports (`date,open,close,high,low,
 * volume,amount,...` of index and ETF files) and SamLeon360's `date,volume,low,close,open,high`.
 */
import { hasColumn, type LayoutAdapter } from './types.js';

export const canonical: LayoutAdapter = {
  layout: 'canonical',
  example: 'date,open,high,low,close,volume[,amount] (any order, extra columns ignored)',
  columns: {
    date: ['date'],
    open: ['open'],
    high: ['high'],
    low: ['low'],
    close: ['close'],
    volume: ['volume', 'vol'],
    amount: ['amount'],
    pctChange: ['pct_chg', 'pct_change', 'change_percent'],
    turnoverRate: ['turnover_rate'],
  },
  required: ['date', 'open', 'high', 'low', 'close', 'volume'],
  dateFormats: ['YYYY-MM-DD', 'YYYY-MM-DD hh:mm:ss', 'YYYY/MM/DD', 'YYYYMMDD'],
  // The fallback for English headers: detect.ts asks it last.
  matches: (h) => hasColumn(h, 'date'),
};
