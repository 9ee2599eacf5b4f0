/**
 * Header matching. Column names arrive as `event_date`, `EventDate`, `Event Date`, `Mkt-RF`,
 * `mkt_rf` or R's mangled `Mkt.RF`; comparing a normalised form (lower case, no separators) lets
 * one alias cover all spellings.
 */

export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_.\-/]+/g, '');
}

/** Date column of a returns / prices / factor table. */
export const DATE_ALIASES = ['date', 'trade_date', 'trading_date', 'datetime', 'timestamp', 'time', 'day', 'caldt', 'dt'];

/** Symbol column of a long `date,symbol,value` table. */
export const LONG_SYMBOL_ALIASES = [
  'symbol',
  'ticker',
  'name',
  'security',
  'code',
  'ts_code',
  'permno',
  'gvkey',
  'cusip',
  'stkcd',
  'instrument',
  'stock',
  'secid',
  'isin',
  'firm',
  'company',
  'asset',
  'sym',
  'id',
];

/**
 * Index of the first header cell matching an alias, trying aliases in priority order so that,
 * say, `ticker` wins over `name` when a file has both. -1 when none matches.
 */
export function findColumn(header: readonly string[], aliases: readonly string[], skip: readonly number[] = []): number {
  const norm = header.map(normalizeName);
  for (const alias of aliases) {
    const a = normalizeName(alias);
    const i = norm.findIndex((h, j) => h === a && !skip.includes(j));
    if (i >= 0) return i;
  }
  return -1;
}

/** `"a", "b", "c"` for error messages, shortened when a wide file has hundreds of columns. */
export function listNames(names: readonly string[], max = 30): string {
  const shown = names.slice(0, max).map((n) => JSON.stringify(n));
  const more = names.length > max ? `, ... (${names.length - max} more)` : '';
  return shown.join(', ') + more;
}
