/**
 * Number formatting for reports. A missing value prints as an em dash, never as NaN or "null".
 *
 * @example
 * pct(0.28723)      // '+28.72%'
 * num(1.96, 2)      // '1.96'
 * pval(0.0004)      // '<0.001'
 */
export function pct(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const s = (x * 100).toFixed(digits);
  return `${x > 0 ? '+' : ''}${s}%`;
}

export function num(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toFixed(digits);
}

export function pval(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  if (p < 0.001) return '<0.001';
  return p.toFixed(3);
}

/** Conventional significance stars: *** 1%, ** 5%, * 10%. */
export function stars(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '';
  return p < 0.01 ? '***' : p < 0.05 ? '**' : p < 0.1 ? '*' : '';
}

/** The entry for window [a, b] of an event's or an aggregate's windows. */
export function windowOf<W extends { window: readonly number[] }>(windows: readonly W[] | undefined, [a, b]: readonly number[]): W | undefined {
  return windows?.find((w) => w.window[0] === a && w.window[1] === b);
}

export function win([a, b]: readonly [number, number] | number[]): string {
  const f = (x: number) => (x > 0 ? `+${x}` : String(x));
  return `[${f(a)},${f(b)}]`;
}

/** A Markdown table; cells are escaped for pipes. */
export function table(header: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const sep = header.map((_, i) => ((align?.[i] ?? 'l') === 'r' ? '---:' : '---'));
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `| ${sep.join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
