/**
 * `evstudy prices list | inspect SYMBOL | validate`: what price data there is, what one series looks
 * like, and whether every file in the manifest reads cleanly. Thin: all reading and checking is in
 * src/data/prices; this file only formats.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { parseInteger } from '../../util/parseInteger.js';
import { formatDay } from '../../util/dayNumber.js';
import { DataError, type Warning } from '../../util/errors.js';
import { openPriceStore, type PriceStore } from '../../data/prices/store.js';
import { seriesRange, summarizePrices } from '../../data/prices/summary.js';
import type { LoadedPrices, PriceManifestEntry } from '../../data/prices/types.js';
import { readWeightTable } from '../../data/prices/weights.js';
import { nearestNames } from '../../data/events/nearest.js';

type Write = (text: string) => void;
const stdout: Write = (text) => void process.stdout.write(text);

interface DirOption {
  dir: string;
}

export function register(program: Command): void {
  const prices = program.command('prices').description('list, inspect and validate the price files named in prices/manifest.yaml');
  prices
    .command('list')
    .description('one line per symbol: name, exchange, board, adjustment, date range, rows, source')
    .option('--dir <dir>', 'folder holding manifest.yaml', 'prices')
    .option('--json', 'print JSON instead of a table')
    .action((opts: DirOption & { json?: boolean }) => pricesList(opts));
  prices
    .command('inspect')
    .description("one symbol's series: range, rows, gaps, zero-volume days, adjustment, source, first and last rows")
    .argument('<symbol>', 'a symbol of the manifest, e.g. 300418.SZ')
    .option('--dir <dir>', 'folder holding manifest.yaml', 'prices')
    .option('--rows <n>', 'how many first and last rows to show', '5')
    .option('--json', 'print JSON')
    .action((symbol: string, opts: DirOption & { json?: boolean; rows: string }) => pricesInspect(symbol, opts));
  prices
    .command('validate')
    .description('read and check every file of the manifest, report every problem; exit code 3 if any error')
    .option('--dir <dir>', 'folder holding manifest.yaml', 'prices')
    .option('--verbose', 'list every warning, not only their counts')
    .action((opts: DirOption & { verbose?: boolean }) => pricesValidate(opts));
}

// ---------------------------------------------------------------------------------------------- list

export function pricesList(opts: DirOption & { json?: boolean }, write: Write = stdout): void {
  const store = openPriceStore(opts.dir);
  const rows = store.entries().map((e) => {
    const check = store.check(e.symbol);
    const range = check.prices ? seriesRange(check.prices) : undefined;
    return { entry: e, range, errors: check.errors.length, warnings: check.warnings.length };
  });
  if (opts.json) {
    const json = rows.map(({ entry, range, errors, warnings }) => ({ ...entry, first: range?.first, last: range?.last, rows: range?.rows, errors, warnings }));
    write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const table = [['symbol', 'name', 'exchange', 'board', 'adjustment', 'range', 'rows', 'source']];
  for (const { entry: e, range, errors } of rows) {
    table.push([
      e.symbol,
      e.name,
      e.exchange,
      e.board ?? '-',
      e.adjustment,
      range ? `${range.first}..${range.last}` : `ERROR (${errors}, see prices validate)`,
      range ? String(range.rows) : '',
      shortSource(e.source),
    ]);
  }
  write(formatTable(table, [6]));
  write(`${rows.length} symbols in ${store.manifestFile}\n`);
}

// ------------------------------------------------------------------------------------------- inspect

export function pricesInspect(symbol: string, opts: DirOption & { json?: boolean; rows?: string }, write: Write = stdout): void {
  const n = parseInteger(opts.rows ?? '5', '--rows', { min: 0, max: 1_000_000 });
  const store = openPriceStore(opts.dir);
  symbol = manifestSymbol(store, symbol);
  const e = store.entry(symbol);
  const check = store.check(symbol);
  const loaded = check.prices;
  if (opts.json) {
    const summary = loaded ? summarizePrices(loaded) : undefined;
    write(
      `${JSON.stringify(
        {
          entry: e,
          path: store.path(symbol),
          layout: loaded?.layout,
          encoding: loaded?.encoding,
          closeColumn: loaded?.closeColumn,
          summary,
          warnings: check.warnings,
          errors: check.errors.map((err) => ({ message: err.message, ...err.location })),
          head: loaded ? barRows(loaded, 0, Math.min(n, loaded.series.days.length)) : [],
          tail: loaded ? barRows(loaded, Math.max(n, loaded.series.days.length - n), loaded.series.days.length) : [],
        },
        null,
        2,
      )}\n`,
    );
  } else {
    write(describe(store, e, loaded, n));
    for (const err of check.errors) write(`error: ${err.format()}\n`);
  }
  if (!loaded) throw new DataError(`${check.errors.length} error(s) in the price file of ${symbol}`, { file: store.path(symbol) });
}

function describe(store: PriceStore, e: PriceManifestEntry, loaded: LoadedPrices | null, n: number): string {
  const lines: [string, string][] = [
    ['symbol', e.symbol],
    ['name', e.name],
    ['listing', [e.exchange, e.board, e.kind, e.currency].filter(Boolean).join(', ')],
    ['benchmark', e.benchmark ?? '-'],
    ['adjustment', e.adjustment + (e.closeColumn ? ` (close column: ${e.closeColumn})` : '')],
    ['file', `${store.path(e.symbol)}${loaded ? ` (${loaded.layout}, ${loaded.encoding ?? 'utf-8'})` : ''}`],
    ['source', e.source],
  ];
  if (e.trimmed) lines.push(['trimmed', e.trimmed]);
  if (loaded) {
    const s = summarizePrices(loaded);
    lines.push(['range', `${s.first}..${s.last}, ${s.rows} rows`]);
    lines.push(['gaps > 10 days', s.gaps.length ? s.gaps.map((g) => `${g.from}..${g.to} (${g.calendarDays} days)`).join('; ') : 'none']);
    lines.push(['zero volume', loaded.series.volume ? (s.zeroVolumeDays.length ? s.zeroVolumeDays.join(', ') : 'none') : 'no volume column']);
    lines.push(['dropped rows', `${s.duplicatesDropped} identical duplicates, ${s.rowsSkipped} skipped`]);
  }
  if (e.notes) lines.push(['notes', e.notes]);
  const width = Math.max(...lines.map(([k]) => k.length));
  let out = lines.map(([k, v]) => `${k.padEnd(width)}  ${v}\n`).join('');
  if (loaded && n > 0) {
    const total = loaded.series.days.length;
    out += `\nfirst rows\n${barTable(loaded, 0, Math.min(n, total))}`;
    if (total > n) out += `\nlast rows\n${barTable(loaded, Math.max(n, total - n), total)}`;
  }
  return out;
}

const BAR_COLUMNS = ['open', 'high', 'low', 'close', 'volume', 'amount', 'pctChange', 'turnoverRate'] as const;

function barRows(loaded: LoadedPrices, from: number, to: number): Record<string, string | number | null>[] {
  const s = loaded.series;
  const out: Record<string, string | number | null>[] = [];
  // --rows larger than the series asks for everything there is, not for days past its end.
  for (let i = Math.max(0, from); i < Math.min(to, s.days.length); i++) {
    const row: Record<string, string | number | null> = { date: formatDay(s.days[i]) };
    for (const c of BAR_COLUMNS) {
      const col = s[c];
      if (col) row[c] = Number.isNaN(col[i]) ? null : col[i];
    }
    out.push(row);
  }
  return out;
}

function barTable(loaded: LoadedPrices, from: number, to: number): string {
  const rows = barRows(loaded, from, to);
  const cols = ['date', ...BAR_COLUMNS.filter((c) => loaded.series[c])];
  const table = [cols, ...rows.map((r) => cols.map((c) => (typeof r[c] === 'number' ? formatNumber(r[c] as number) : String(r[c] ?? ''))))];
  return formatTable(table, cols.map((_, i) => i).slice(1));
}

/** Enough digits for prices, none of the binary noise of back-adjusted yfinance floats. */
function formatNumber(v: number): string {
  return String(Number(v.toFixed(4)));
}

// ------------------------------------------------------------------------------------------ validate

export function pricesValidate(opts: DirOption & { verbose?: boolean }, write: Write = stdout): void {
  const store = openPriceStore(opts.dir);
  const symbolWidth = Math.max(...store.entries().map((e) => e.symbol.length));
  const fileWidth = Math.max(...store.entries().map((e) => store.path(e.symbol).length));
  let errorCount = 0;
  let failedFiles = 0;
  let warningCount = 0;
  for (const e of store.entries()) {
    const check = store.check(e.symbol);
    errorCount += check.errors.length;
    warningCount += check.warnings.length;
    const where = `${e.symbol.padEnd(symbolWidth)}  ${store.path(e.symbol).padEnd(fileWidth)}`;
    if (check.prices) {
      const r = seriesRange(check.prices);
      write(`ok    ${where}  ${r.first}..${r.last} ${String(r.rows).padStart(5)} rows${countWarnings(check.warnings)}\n`);
    } else {
      failedFiles++;
      write(`FAIL  ${where}  ${check.errors.length} error(s)${countWarnings(check.warnings)}\n`);
      for (const err of check.errors) write(`      error: ${err.format()}\n`);
    }
    if (opts.verbose) for (const w of check.warnings) write(`      warning: ${formatWarning(w)}\n`);
    // An index's constituent weights (exclude-self benchmarks) are read here too, so a bad row is
    // found before a study needs it.
    const cw = e.constituentWeights;
    if (cw) {
      const file = join(store.dir, cw.file);
      try {
        const t = readWeightTable(file);
        write(`ok    ${`${e.symbol} weights`.padEnd(symbolWidth)}  ${file}  ${t.days.length} publication date(s), ${t.bySymbol.size} constituent(s)\n`);
      } catch (err) {
        if (!(err instanceof DataError)) throw err;
        errorCount++;
        failedFiles++;
        write(`FAIL  ${`${e.symbol} weights`.padEnd(symbolWidth)}  ${file}  1 error(s)\n      error: ${err.format()}\n`);
      }
    }
  }
  const unlisted = unlistedFiles(store);
  for (const f of unlisted) write(`note  ${f} is not in ${store.manifestFile}\n`);
  const total = store.entries().length;
  write(`${total} files: ${total - failedFiles} ok, ${failedFiles} with errors; ${errorCount} errors, ${warningCount} warnings\n`);
  if (errorCount > 0) {
    throw new DataError(`${errorCount} error(s) in ${failedFiles} of ${total} price files`, { file: store.manifestFile });
  }
}

function countWarnings(warnings: Warning[]): string {
  if (warnings.length === 0) return '';
  const byCode = new Map<string, number>();
  for (const w of warnings) byCode.set(w.code, (byCode.get(w.code) ?? 0) + 1);
  return `  (warnings: ${[...byCode].map(([code, k]) => `${k} ${code}`).join(', ')})`;
}

function formatWarning(w: Warning): string {
  return new DataError(w.message, w.location).format();
}

/** CSV files under the folder that no manifest entry names: probably forgotten. */
function unlistedFiles(store: PriceStore): string[] {
  const listed = new Set(store.entries().flatMap((e) => [join(store.dir, e.file), ...(e.constituentWeights ? [join(store.dir, e.constituentWeights.file)] : [])]));
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      // names/ holds the A-share name list (claims extract), not price files: see prices/PROVENANCE.md.
      if (d.isDirectory()) (p !== join(store.dir, 'names') ? walk(p) : undefined);
      else if (/\.(csv|txt)$/i.test(d.name) && !listed.has(p)) out.push(relative('.', p) || p);
    }
  };
  walk(store.dir);
  return out.sort();
}

// ----------------------------------------------------------------------------------------- helpers

/** `owner/repo@7434e50:path` -> `owner/repo@7434e50` (the full form is in the manifest and --json). */
function shortSource(source: string): string {
  const m = /^([^@\s]+)@([0-9a-f]{7})[0-9a-f]*/i.exec(source);
  return m ? `${m[1]}@${m[2]}` : source;
}

/** Aligned columns; CJK characters count two cells wide so Chinese names line up in a terminal. */
export function formatTable(rows: string[][], rightAligned: number[] = []): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = ' '.repeat(widths[i] - displayWidth(cell));
          return rightAligned.includes(i) ? pad + cell : i === row.length - 1 ? cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

/**
 * The manifest's spelling of a symbol typed in any case (`300418.sz`), as `events add` accepts; an
 * unknown one is a data error naming the nearest symbols of the manifest.
 */
function manifestSymbol(store: PriceStore, typed: string): string {
  if (store.has(typed)) return typed;
  const names = store.entries().map((e) => e.symbol);
  const same = names.filter((s) => s.toUpperCase() === typed.toUpperCase());
  if (same.length === 1) return same[0];
  const near = nearestNames(typed, names);
  throw new DataError(`unknown symbol "${typed}"${near.length > 0 ? `; nearest: ${near.join(', ')}` : ''}`, { file: store.manifestFile });
}
