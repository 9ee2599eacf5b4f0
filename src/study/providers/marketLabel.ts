/**
 * Listing metadata the study needs beyond prices: which market a listing belongs to (for groups
 * such as A-share vs Hong Kong vs US listings of one firm) and its default benchmark
 * (DESIGN.md: SSE/SZSE main board -> CSI 300; ChiNext -> ChiNext index; STAR -> STAR 50;
 * HKEX -> Hang Seng; US -> S&P 500).
 */
export function marketOf(exchange: string | undefined, symbol: string): string {
  const ex = (exchange ?? '').toUpperCase();
  if (ex === 'SSE' || ex === 'SZSE' || ex === 'BSE' || /\.(SH|SZ|BJ)$/i.test(symbol)) return 'A-share';
  if (ex === 'HKEX' || /\.HK$/i.test(symbol)) return 'Hong Kong';
  if (ex === 'NYSE' || ex === 'NASDAQ' || ex === 'AMEX' || ex === 'US' || /^[A-Z.]+$/.test(symbol)) return 'US';
  return ex || 'other';
}

export function defaultBenchmark(exchange: string | undefined, board: string | undefined, symbol: string): string | undefined {
  const market = marketOf(exchange, symbol);
  if (market === 'A-share') {
    if (board === 'chinext') return '399006.SZ';
    if (board === 'star') return '000688.SH';
    return '000300.SH';
  }
  if (market === 'Hong Kong') return 'HSI';
  if (market === 'US') return 'SPX';
  return undefined;
}
