/**
 * baostock `query_history_k_data_plus`: short form `date,open,close,high,low,volume,amount,turn,pctChg`
 * or the full form `date,code,open,high,low,close,preclose,volume,amount,adjustflag,turn,tradestatus,
 * pctChg,isST`. Volume in shares, amount in CNY, turn and pctChg in percent. A row with tradestatus 0 is
 * a suspended day that baostock fills with the previous close: it is no trading day, so it is skipped.
 */
import { hasColumn, type LayoutAdapter } from './types.js';

export const baostock: LayoutAdapter = {
  layout: 'baostock',
  example: 'date,[code,]open,close,high,low,volume,amount,[adjustflag,]turn,[tradestatus,]pctChg',
  columns: {
    date: ['date'],
    open: ['open'],
    high: ['high'],
    low: ['low'],
    close: ['close'],
    volume: ['volume'],
    amount: ['amount'],
    turnoverRate: ['turn'],
    pctChange: ['pctChg'],
  },
  required: ['date', 'open', 'high', 'low', 'close', 'volume'],
  dateFormats: ['YYYY-MM-DD'],
  matches: (h) =>
    hasColumn(h, 'date') && (hasColumn(h, 'pctChg') || hasColumn(h, 'tradestatus') || hasColumn(h, 'adjustflag') || hasColumn(h, 'turn')),
  skipRow: (cell) => (cell('tradestatus')?.trim() === '0' ? 'suspended (tradestatus 0): not a trading day' : null),
};
