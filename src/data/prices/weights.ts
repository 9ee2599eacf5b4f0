/**
 * Reads an index's constituent-weight table (manifest `constituentWeights.file`): CSV with header
 * `date,symbol,weight`, one row per constituent and publication date, weight a fraction of the index
 * (0.0743 for 7.43%) effective at that date's close. A publication date on which a symbol has no row
 * gives it weight 0 (not a constituent then). Bad rows are a DataError at their line and field.
 */
import { readFileSync } from 'node:fs';
import { DataError } from '../../util/errors.js';
import { parseIsoDay } from '../../util/dayNumber.js';
import type { PublishedWeights } from '../../core/excludeSelf.js';

export interface WeightTable {
  file: string;
  /** Publication dates, ascending. */
  days: Int32Array;
  /** Weight by symbol, one per publication date (0 where the symbol has no row). */
  bySymbol: Map<string, Float64Array>;
}

export function readWeightTable(file: string): WeightTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DataError(`cannot read the constituent weights: ${(e as Error).message}`, { file });
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.trim().toLowerCase());
  const [di, si, wi] = ['date', 'symbol', 'weight'].map((h) => header.indexOf(h));
  if (di < 0 || si < 0 || wi < 0) throw new DataError('the header must name date, symbol and weight', { file, line: 1 });
  const rows: { day: number; symbol: string; weight: number }[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const cells = lines[i].split(',').map((c) => c.trim());
    const day = parseIsoDay(cells[di] ?? '');
    if (!Number.isFinite(day)) throw new DataError('not a date YYYY-MM-DD', { file, line: i + 1, field: 'date', value: cells[di] });
    const weight = Number(cells[wi]);
    if (cells[wi] === '' || !(weight >= 0 && weight < 1))
      throw new DataError('a weight is a fraction of the index, 0 <= weight < 1 (7.43% is 0.0743)', { file, line: i + 1, field: 'weight', value: cells[wi] });
    if (!cells[si]) throw new DataError('empty symbol', { file, line: i + 1, field: 'symbol' });
    const key = `${day}|${cells[si]}`;
    if (seen.has(key)) throw new DataError(`a second weight for ${cells[si]} on ${cells[di]}`, { file, line: i + 1, field: 'symbol', value: cells[si] });
    seen.add(key);
    rows.push({ day, symbol: cells[si], weight });
  }
  const days = Int32Array.from(new Set(rows.map((r) => r.day))).sort();
  const bySymbol = new Map<string, Float64Array>();
  for (const r of rows) {
    let w = bySymbol.get(r.symbol);
    if (!w) bySymbol.set(r.symbol, (w = new Float64Array(days.length)));
    w[days.indexOf(r.day)] = r.weight;
  }
  return { file, days, bySymbol };
}

/** One constituent's published weights, or null when the table never lists it. */
export function weightsOf(table: WeightTable, symbol: string): PublishedWeights | null {
  const w = table.bySymbol.get(symbol);
  return w ? { days: table.days, weights: w } : null;
}
