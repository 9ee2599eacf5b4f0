/**
 * AKShare `stock_zh_a_hist` / `fund_etf_hist_em` with Chinese headers (Eastmoney data):
 * 日期,开盘,收盘,最高,最低,成交量,成交额,振幅,涨跌幅,涨跌额,换手率. Volume is in lots (手, 100 shares),
 * 成交额 in CNY, 涨跌幅 and 换手率 in percent. Newer AKShare versions add 股票代码; extra columns are ignored.
 */
import { hasColumn, type LayoutAdapter } from './types.js';

export const akshare: LayoutAdapter = {
  layout: 'akshare',
  example: '日期,开盘,收盘,最高,最低,成交量,成交额,振幅,涨跌幅,涨跌额,换手率',
  columns: {
    date: ['日期'],
    open: ['开盘'],
    close: ['收盘'],
    high: ['最高'],
    low: ['最低'],
    volume: ['成交量'],
    amount: ['成交额'],
    pctChange: ['涨跌幅'],
    turnoverRate: ['换手率'],
  },
  required: ['date', 'open', 'close', 'high', 'low', 'volume'],
  // Excel re-saves turn 2023-04-24 into 2023/4/24.
  dateFormats: ['YYYY-MM-DD', 'YYYY/MM/DD'],
  matches: (h) => hasColumn(h, '日期') && hasColumn(h, '收盘'),
};
