/**
 * Wall Street Journal historical prices: `Date, Open, High, Low, Close` with a blank after each comma,
 * dates `MM/DD/YY` (two-digit years pivot at 90: 90..99 -> 1990s, 00..89 -> 2000s), newest first.
 * Index files have no volume; early rows often have open = high = low = close.
 */
import { headerKey, type LayoutAdapter } from './types.js';

const NAMES = ['date', 'open', 'high', 'low', 'close'];

export const wsj: LayoutAdapter = {
  layout: 'wsj',
  example: 'Date, Open, High, Low, Close   (MM/DD/YY, newest first)',
  columns: {
    date: ['Date'],
    open: ['Open'],
    high: ['High'],
    low: ['Low'],
    close: ['Close'],
    volume: ['Volume'],
  },
  required: ['date', 'open', 'high', 'low', 'close'],
  dateFormats: ['MM/DD/YY', 'MM/DD/YYYY'],
  // Same names as a volume-less yfinance file: the blanks after the commas tell them apart.
  matches: (h) => {
    const keys = h.names.map(headerKey).filter((k) => k !== 'volume');
    return keys.length === NAMES.length && NAMES.every((n, i) => keys[i] === n) && /,[ \t]+\S/.test(h.line);
  },
};
