/**
 * What one vendor layout is: which header names hold which field, how its dates and numbers are
 * written, how to recognise its header, and which rows to leave out. Adapters are data plus two small
 * predicates; the reading loop itself is shared (parse.ts), so every layout gets the same checks.
 */
import type { DateFormatId } from '../dates.js';
import type { NumberReader } from '../numbers.js';
import type { PriceLayout } from '../types.js';

/** The numeric columns of a PriceSeries. */
export type PriceField = 'close' | 'open' | 'high' | 'low' | 'volume' | 'amount' | 'turnoverRate' | 'pctChange';
export type ColumnKey = 'date' | PriceField;

export const PRICE_FIELDS: readonly PriceField[] = ['close', 'open', 'high', 'low', 'volume', 'amount', 'turnoverRate', 'pctChange'];

export interface HeaderInfo {
  /** Column names, trimmed, BOM removed, as written. */
  names: readonly string[];
  /** The header line as written (WSJ is told apart by its blanks after commas). */
  line: string;
}

/** Header names compared trimmed and case-insensitively. */
export function headerKey(name: string): string {
  return name.trim().toLowerCase();
}

export function hasColumn(header: HeaderInfo, name: string): boolean {
  const key = headerKey(name);
  return header.names.some((n) => headerKey(n) === key);
}

export interface LayoutAdapter {
  layout: PriceLayout;
  /** The vendor's header, for docs, help and error messages. */
  example: string;
  /** Header names per field in the vendor's spelling; the first one present in the header is used. */
  columns: Readonly<Partial<Record<ColumnKey, readonly string[]>>>;
  required: readonly ColumnKey[];
  dateFormats: readonly DateFormatId[];
  /** Number readers per field; fields not listed are plain decimals. */
  numbers?: Readonly<Partial<Record<PriceField, NumberReader>>>;
  /** Whether a header is this layout. Detection asks the adapters in a fixed order (detect.ts). */
  matches(header: HeaderInfo): boolean;
  /** A reason to leave a row out (with a warning), or null to keep it. `cell` reads a cell by header name. */
  skipRow?(cell: (name: string) => string | undefined): string | null;
}
