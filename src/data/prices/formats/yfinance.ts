/**
 * Yahoo Finance via yfinance / pandas: Date,Open,High,Low,Close,[Adj Close,]Volume[,Dividends,Stock
 * Splits], or just Date,Close. `Date` may carry a time and UTC offset (`2023-04-24 00:00:00+08:00`);
 * the calendar date is taken as written. Which column is the close is a manifest choice (`closeColumn`:
 * `Close`, split-adjusted; `Adj Close`, also dividend-adjusted).
 */
import type { LayoutAdapter } from './types.js';

export const yfinance: LayoutAdapter = {
  layout: 'yfinance',
  example: 'Date,Open,High,Low,Close,[Adj Close,]Volume[,Dividends,Stock Splits]',
  columns: {
    date: ['Date', 'Datetime'],
    open: ['Open'],
    high: ['High'],
    low: ['Low'],
    close: ['Close'],
    volume: ['Volume'],
  },
  required: ['date', 'close'],
  dateFormats: ['YYYY-MM-DD', 'YYYY-MM-DD hh:mm:ss'],
  // pandas writes the capitalised names exactly; a lower-case `date` header is canonical.
  matches: (h) =>
    (h.names.includes('Date') || h.names.includes('Datetime')) && (h.names.includes('Close') || h.names.includes('Adj Close')),
};
