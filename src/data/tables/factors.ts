/**
 * Daily Fama-French 3 / Carhart 4 factor files.
 *
 * Accepts the cleaned files peers ship (`date,Mkt-RF,SMB,HML,RF`, famafrench.csv in
 * LemaireJean-Baptiste/eventstudy) and the raw CSV downloaded from Ken French's data library,
 * which has prose lines before the header, a nameless date column and a copyright / annual
 * section after the daily rows: lines before the header and a trailer after a blank line are
 * skipped with a warning.
 *
 * Percent: Ken French publishes percent (`0.10` = 0.1%). With `percent: 'auto'` the file is read as
 * percent when the median absolute Mkt-RF exceeds 0.05. Why that threshold: in decimals a daily
 * market excess return has a median size near 0.005 (a monthly one near 0.03), while in percent
 * the daily median is near 0.5, so 0.05 sits an order of magnitude from both.
 */
import { DataError } from '../../util/errors.js';
import { DATE_ALIASES, findColumn, listNames } from './columns.js';
import { CsvCursor } from './csv.js';
import type { HeaderAt } from './rows.js';
import { summarizeScale } from './scale.js';
import type { FactorTable } from './types.js';
import { readWide } from './wide.js';
import { WarningSink } from './warnings.js';

export const FACTOR_COLUMNS = {
  mktRf: ['Mkt-RF', 'mkt_rf', 'MKT', 'mkt_excess', 'exmkt'],
  smb: ['SMB'],
  hml: ['HML'],
  mom: ['MOM', 'UMD', 'WML', 'momentum'],
  rf: ['RF', 'risk_free', 'riskfree'],
} as const;

type FactorKey = keyof typeof FACTOR_COLUMNS;
const KEYS: FactorKey[] = ['mktRf', 'smb', 'hml', 'mom', 'rf'];

/** Median |Mkt-RF| above which `percent: 'auto'` reads the file as percent. */
export const PERCENT_MEDIAN_THRESHOLD = 0.05;

/** How far down to look for the header line past a preamble. */
const MAX_PREAMBLE_RECORDS = 50;

export interface FactorTableOptions {
  file: string;
  /** `'auto'` (default): decide from the data; `true`: values are percent; `false`: decimals. */
  percent?: 'auto' | boolean;
}

/**
 * A Fama-French / Carhart factor table, percent detected from the values unless told.
 *
 * @example
 * const f = readFactorTable(readFileSync('famafrench.csv', 'utf8'), { file: 'famafrench.csv' });
 * console.log(f.percentDetected, f.mktRf.length);
 */
export function readFactorTable(text: string, opts: FactorTableOptions): FactorTable {
  const { file } = opts;
  const cursor = new CsvCursor(text, file);
  const sink = new WarningSink();
  const head = findHeader(cursor);
  const { header } = head;
  if (head.line > 1) sink.add('preamble-skipped', `skipped ${head.line - 1} line(s) before the header`, { file, line: 1 });

  const dateCol = Math.max(0, findColumn(header, DATE_ALIASES));
  const cols = {} as Record<FactorKey, number>;
  for (const k of KEYS) cols[k] = findColumn(header, FACTOR_COLUMNS[k], [dateCol]);
  for (const k of ['mktRf', 'smb', 'hml'] as const) {
    if (cols[k] < 0) {
      throw new DataError(
        `no ${FACTOR_COLUMNS[k][0]} column: a factor file needs Mkt-RF, SMB and HML (MOM/UMD/WML and RF optional); the header has ${listNames(header)}`,
        { file, line: head.line, field: FACTOR_COLUMNS[k][0], value: header.join(',') },
      );
    }
  }
  const present = KEYS.filter((k) => cols[k] >= 0);
  const ignored = header.filter((_, c) => c !== dateCol && !present.some((k) => cols[k] === c));
  if (ignored.length > 0) {
    sink.add('columns-ignored', `columns not used by the factor models: ${listNames(ignored)}`, { file, line: head.line });
  }

  const block = readWide({ cursor, head, dateCol, valueCols: present.map((k) => cols[k]), warnings: sink, stopAtTrailer: true });
  const col = (k: FactorKey) => (cols[k] >= 0 ? block.columns[present.indexOf(k)] : null);
  const mktRf = col('mktRf')!;

  const option = opts.percent ?? 'auto';
  let percent: boolean;
  if (option === 'auto') {
    const m = summarizeScale([mktRf]).medianAbs;
    if (Number.isNaN(m)) {
      throw new DataError('the market factor column has no values', { file, line: head.line, field: header[cols.mktRf], value: 'NA' });
    }
    percent = m > PERCENT_MEDIAN_THRESHOLD;
  } else {
    percent = option;
  }
  if (percent) for (const c of block.columns) for (let i = 0; i < c.length; i++) c[i] /= 100;

  const columnNames = {} as FactorTable['columnNames'];
  for (const k of KEYS) columnNames[k] = cols[k] >= 0 ? header[cols[k]] : null;
  return {
    days: block.days,
    mktRf,
    smb: col('smb')!,
    hml: col('hml')!,
    mom: col('mom'),
    rf: col('rf'),
    percentDetected: percent,
    percentSource: option === 'auto' ? 'auto' : 'option',
    columnNames,
    file,
    dateFormat: block.dateFormat,
    warnings: sink.done(file),
  };
}

/**
 * Reads up to the first record (within the preamble allowance) naming a market factor column;
 * the cursor is left just after it.
 */
function findHeader(cursor: CsvCursor): HeaderAt {
  let first: HeaderAt | null = null;
  for (let seen = 0; seen < MAX_PREAMBLE_RECORDS && cursor.nextNonBlank(); seen++) {
    const head = { header: cursor.cells.slice(), line: cursor.line };
    if (findColumn(head.header, FACTOR_COLUMNS.mktRf) >= 0) return head;
    first ??= head;
  }
  const file = cursor.file;
  if (first === null) throw new DataError('empty file: expected a header line and data rows', { file, line: 1, field: 'header', value: '' });
  throw new DataError(
    `no market factor column: expected one of ${FACTOR_COLUMNS.mktRf.join(', ')} (case-insensitive); the header has ${listNames(first.header)}`,
    { file, line: first.line, field: 'Mkt-RF', value: first.header.join(',') },
  );
}
