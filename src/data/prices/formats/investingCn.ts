/**
 * investing.com historical data, Chinese export: "日期","收盘","开盘","高","低","交易量","涨跌幅".
 * Every cell is quoted; prices have thousands separators (`"4,128.79"`), volumes a magnitude suffix
 * (`775.79M`, `1.2B`, `35.6K`, blank for early index rows), the change a percent sign (`-1.23%`);
 * dates are `2023-4-24` (older exports: `2023年4月24日`); newest first.
 */
import { readGrouped, readPercent, readSuffixed } from '../numbers.js';
import { hasColumn, type LayoutAdapter } from './types.js';

export const investingCn: LayoutAdapter = {
  layout: 'investing-cn',
  example: '"日期","收盘","开盘","高","低","交易量","涨跌幅"',
  columns: {
    date: ['日期'],
    close: ['收盘'],
    open: ['开盘'],
    high: ['高'],
    low: ['低'],
    volume: ['交易量'],
    pctChange: ['涨跌幅'],
  },
  required: ['date', 'close', 'open', 'high', 'low'],
  dateFormats: ['YYYY-M-D', 'YYYY年M月D日'],
  numbers: { close: readGrouped, open: readGrouped, high: readGrouped, low: readGrouped, volume: readSuffixed, pctChange: readPercent },
  matches: (h) => hasColumn(h, '日期') && hasColumn(h, '收盘') && (hasColumn(h, '高') || hasColumn(h, '交易量')),
};
