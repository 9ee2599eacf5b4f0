/**
 * danfo.js interop: a report's per-event, per-day and aggregate tables as danfo DataFrames, and a
 * danfo DataFrame of prices accepted as input.
 *
 * danfojs-node is an optional peer dependency, imported lazily here only: it costs about a second
 * to load and pulls in packages (xlsx) that must never see user input. Prices coming in as a
 * DataFrame are written to canonical CSV text and go through the same parser and validation as a
 * file, so a DataFrame gets exactly the same checks (and error messages, with the row as "line").
 *
 * @example
 * const dfd = await import('danfojs-node');
 * const events = await eventsFrame(report);      // one row per event: id, symbol, day0, outcome, car_0_1...
 * events.print();
 * const series = await pricesFromFrame(new dfd.DataFrame({ date: [...], close: [...] }), { name: 'MYSTOCK' });
 */
import type { ReportJson, TestResultJson } from '../report/schema.js';
import { TEST_KEYS } from '../report/schema.js';
import { parsePrices } from '../data/prices/index.js';
import type { LoadedPrices } from '../data/prices/types.js';
import { ConfigError, DataError } from '../util/errors.js';

type Danfo = typeof import('danfojs-node');
type DataFrame = InstanceType<Danfo['DataFrame']>;

let danfo: Promise<Danfo> | null = null;

async function loadDanfo(): Promise<Danfo> {
  danfo ??= import('danfojs-node').catch((e) => {
    danfo = null;
    throw new ConfigError(`danfojs-node is not installed (it is an optional peer dependency: npm install danfojs-node): ${(e as Error).message}`);
  });
  return danfo;
}

const windowKey = ([a, b]: readonly number[]) => `${a < 0 ? `m${-a}` : a}_${b < 0 ? `m${-b}` : b}`;

/** Column-wise records, so danfo infers one dtype per column (null becomes NaN in float columns). */
function frame(d: Danfo, columns: Record<string, (string | number | null)[]>): DataFrame {
  const clean: Record<string, (string | number)[]> = {};
  for (const [k, v] of Object.entries(columns)) {
    const numeric = v.every((x) => x === null || typeof x === 'number');
    clean[k] = numeric ? v.map((x) => (x === null ? NaN : (x as number))) : v.map((x) => (x === null ? '' : String(x)));
  }
  return new d.DataFrame(clean);
}

/** One row per event: identity, outcome, model parameters and CAR / t / p / BHAR / raw move per window. */
export async function eventsFrame(report: ReportJson): Promise<DataFrame> {
  const d = await loadDanfo();
  const cols: Record<string, (string | number | null)[]> = {
    id: [], symbol: [], date: [], day0: [], outcome: [], reason: [], group: [], alpha: [], beta: [], sigma: [], nObs: [],
  };
  const windows = report.settings.carWindows;
  for (const w of windows) for (const f of ['car', 'carT', 'carP', 'bhar', 'rawReturn']) cols[`${f}_${windowKey(w)}`] = [];
  for (const e of report.events) {
    cols.id.push(e.id);
    cols.symbol.push(e.symbol);
    cols.date.push(e.date);
    cols.day0.push(e.day0);
    cols.outcome.push(e.outcome);
    cols.reason.push(e.reason);
    cols.group.push(e.group);
    cols.alpha.push(e.model?.alpha ?? null);
    cols.beta.push(e.model?.beta ?? null);
    cols.sigma.push(e.model?.sigma ?? null);
    cols.nObs.push(e.model?.nObs ?? null);
    for (const w of windows) {
      const x = e.windows.find((y) => y.window[0] === w[0] && y.window[1] === w[1]);
      for (const f of ['car', 'carT', 'carP', 'bhar', 'rawReturn'] as const) cols[`${f}_${windowKey(w)}`].push(x?.[f] ?? null);
    }
  }
  return frame(d, cols);
}

/** Long table: one row per (event, event-window day) with return, expected return, AR and SAR. */
export async function daysFrame(report: ReportJson): Promise<DataFrame> {
  const d = await loadDanfo();
  const cols: Record<string, (string | number | null)[]> = { id: [], symbol: [], day: [], date: [], return: [], expected: [], ar: [], sar: [] };
  for (const e of report.events)
    for (const x of e.days) {
      cols.id.push(e.id);
      cols.symbol.push(e.symbol);
      cols.day.push(x.day);
      cols.date.push(x.date);
      cols.return.push(x.return);
      cols.expected.push(x.expected);
      cols.ar.push(x.ar);
      cols.sar.push(x.sar);
    }
  return frame(d, cols);
}

/**
 * The aggregate (or one group's) as a table: one row per event-window day and per CAR window, with
 * `kind` ('day' | 'window'), N, AAR/CAAR and `<test>_stat` / `<test>_p` columns for the battery.
 */
export async function aggregateFrame(report: ReportJson, group?: string): Promise<DataFrame> {
  const d = await loadDanfo();
  const agg = group === undefined ? report.aggregate : report.groups.find((g) => g.group === group)?.aggregate;
  if (!agg) throw new ConfigError(`no group ${JSON.stringify(group)} in the report (groups: ${report.groups.map((g) => g.group).join(', ')})`);
  const cols: Record<string, (string | number | null)[]> = { kind: [], from: [], to: [], n: [], mean: [] };
  for (const k of TEST_KEYS) ((cols[`${k}_stat`] = []), (cols[`${k}_p`] = []));
  const push = (kind: string, a: number, b: number, n: number, mean: number | null, tests: Record<string, TestResultJson>) => {
    cols.kind.push(kind);
    cols.from.push(a);
    cols.to.push(b);
    cols.n.push(n);
    cols.mean.push(mean);
    for (const k of TEST_KEYS) {
      cols[`${k}_stat`].push(tests[k]?.stat ?? null);
      cols[`${k}_p`].push(tests[k]?.p ?? null);
    }
  };
  for (const x of agg.days) push('day', x.day, x.day, x.n, x.aar, x.tests);
  for (const x of agg.windows) push('window', x.window[0], x.window[1], x.n, x.caar, x.tests);
  return frame(d, cols);
}

export interface PricesFrameOptions {
  /** Name used in messages instead of a file name. */
  name?: string;
  /** Column names, when they differ from date/open/high/low/close/volume. */
  columns?: Partial<Record<'date' | 'open' | 'high' | 'low' | 'close' | 'volume' | 'amount', string>>;
}

/**
 * A danfo DataFrame of daily prices (a date column, a close column, optionally open/high/low/volume)
 * as a validated columnar series, through the same checks as a price file.
 */
export async function pricesFromFrame(df: DataFrame, opts: PricesFrameOptions = {}): Promise<LoadedPrices> {
  const name = opts.name ?? 'DataFrame';
  const have = df.columns as string[];
  const fields = ['date', 'open', 'high', 'low', 'close', 'volume', 'amount'] as const;
  const picked: { field: string; column: string }[] = [];
  for (const f of fields) {
    const c = opts.columns?.[f] ?? have.find((h) => h.toLowerCase() === f);
    if (c === undefined) {
      if (f === 'date' || f === 'close') throw new DataError(`missing required column ${f}; the DataFrame has ${have.join(', ')}`, { file: name, line: 1, field: f });
      continue;
    }
    if (!have.includes(c)) throw new DataError(`no column ${JSON.stringify(c)}; the DataFrame has ${have.join(', ')}`, { file: name, line: 1, field: f });
    picked.push({ field: f, column: c });
  }
  // With a full bar the canonical layout applies; with closes only, the Date,Close form (as in
  // yfinance exports of adjusted closes) is the layout that accepts it.
  const full = ['open', 'high', 'low'].every((f) => picked.some((p) => p.field === f));
  const used = full ? picked : picked.filter((p) => p.field === 'date' || p.field === 'close');
  const columnValues = used.map((p) => (df.column(p.column).values as unknown[]).map((v) => cell(v, p.field)));
  const rows = (df.shape as number[])[0];
  const header = full ? used.map((p) => p.field) : ['Date', 'Close'];
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) lines.push(columnValues.map((c) => c[i]).join(','));
  return parsePrices(lines.join('\n') + '\n', { file: name, layout: full ? 'canonical' : 'yfinance' });
}

function cell(v: unknown, field: string): string {
  if (v === null || v === undefined) return '';
  if (field === 'date') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(v).replace(/,/g, ' ');
  }
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v);
  return String(v).replace(/,/g, ' ');
}
