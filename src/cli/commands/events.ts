/**
 * `evstudy events add | list | validate`: a thin shell over src/data/events.
 *
 * `add` takes every field as a flag. On a terminal it asks for the required fields that are
 * missing; in a pipe or CI it refuses with a usage error naming them, because a script waiting on
 * a prompt nobody sees is worse than a clear failure.
 */
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addEvent, DEFAULT_EVENTS_DIR, filterEvents, loadEvents, registryError, SLUG_PATTERN, TIMINGS, validateEvents, type EventRecord } from '../../data/events/index.js';
import { crossCheckEvent, type CrossCheckContext } from '../../data/events/crossCheck.js';
import type { PriceStore } from '../../data/prices/store.js';
import { parseIsoDay } from '../../util/dayNumber.js';
import { ConfigError, UsageError } from '../../util/errors.js';
import { registerSuggest } from './eventsSuggest.js';

/** Flags of `events add` as commander parses them (camel-cased). */
export interface AddFlags {
  dir: string;
  /** Price folder whose manifest the symbols and dates are checked against. */
  prices?: string;
  id?: string;
  date?: string;
  timing?: string;
  time?: string;
  timezone?: string;
  symbols?: string;
  title?: string;
  summary?: string;
  sourceTitle?: string;
  sourcePublisher?: string;
  sourceUrl?: string;
  sourceDocument?: string;
  accessed?: string;
  tags?: string;
  group?: string;
  notes?: string;
}

type RequiredKey = 'id' | 'date' | 'timing' | 'title' | 'summary' | 'sourceTitle' | 'sourcePublisher' | 'sourceLocation' | 'accessed';

interface RequiredField {
  key: RequiredKey;
  flag: string;
  question: string;
}

const REQUIRED: readonly RequiredField[] = [
  { key: 'id', flag: '--id', question: 'Id (slug, also the file name, e.g. kunlun-tiangong)' },
  { key: 'date', flag: '--date', question: 'Date (YYYY-MM-DD, local to the listing unless --time/--timezone are given)' },
  { key: 'timing', flag: '--timing', question: `Timing (${TIMINGS.join(' | ')})` },
  { key: 'title', flag: '--title', question: 'Title' },
  { key: 'summary', flag: '--summary', question: 'Summary' },
  { key: 'sourceTitle', flag: '--source-title', question: 'Source title' },
  { key: 'sourcePublisher', flag: '--source-publisher', question: 'Source publisher' },
  { key: 'sourceLocation', flag: '--source-url|--source-document', question: 'Source URL (or a document path under the events directory)' },
  { key: 'accessed', flag: '--accessed', question: 'Source accessed on (YYYY-MM-DD)' },
];

function isMissing(flags: AddFlags, key: RequiredKey): boolean {
  if (key === 'sourceLocation') return blank(flags.sourceUrl) && blank(flags.sourceDocument);
  return blank(flags[key]);
}

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/** The required flags that are missing, as their flag names. */
export function missingRequired(flags: AddFlags): string[] {
  return REQUIRED.filter((f) => isMissing(flags, f.key)).map((f) => f.flag);
}

export type Ask = (question: string) => Promise<string>;

/**
 * Why an answer to a required field is not acceptable, or undefined when it is: each answer is
 * checked as it is typed, so a bad one is asked again instead of failing after the last question
 * (when every answer used to be lost).
 */
export function answerProblem(key: RequiredKey, answer: string, flags: AddFlags): string | undefined {
  if (answer === '') return 'required';
  if (key === 'id' && !SLUG_PATTERN.test(answer)) return 'must be a slug: lower-case letters and digits joined by single hyphens (e.g. "kunlun-tiangong")';
  if ((key === 'date' || key === 'accessed') && Number.isNaN(parseIsoDay(answer))) return 'expected a real date written YYYY-MM-DD';
  if (key === 'timing') {
    if (!(TIMINGS as readonly string[]).includes(answer)) return `expected one of ${TIMINGS.join(', ')}`;
    // The time given as a flag must not contradict the timing typed now.
    if (!blank(flags.time) && !blank(flags.timezone) && flags.date !== undefined && !Number.isNaN(parseIsoDay(flags.date))) {
      const symbols = splitList(flags.symbols).map((s) => s.toUpperCase());
      const clash = crossCheckEvent({ date: flags.date, timing: answer, time: flags.time, timezone: flags.timezone, symbols }, {}).errors[0];
      if (clash) return clash.message;
    }
  }
  return undefined;
}

/** Answers to one question before giving up (a usage error). */
const MAX_TRIES = 10;

/**
 * Fills the missing required fields by asking, one question each (plus symbols and tags when not
 * given, since they are easy to forget), asking again while an answer is not acceptable
 * (answerProblem; the reason goes to `say`). Returns a new flags object.
 */
export async function promptForMissing(flags: AddFlags, ask: Ask, say: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<AddFlags> {
  const out: AddFlags = { ...flags };
  for (const f of REQUIRED) {
    if (!isMissing(out, f.key)) continue;
    let answer = (await ask(`${f.question}: `)).trim();
    for (let problem = answerProblem(f.key, answer, out), tries = 1; problem !== undefined; problem = answerProblem(f.key, answer, out), tries++) {
      // A script feeding the same bad answer must not loop forever.
      if (tries >= MAX_TRIES) throw new UsageError(`events add: ${MAX_TRIES} unacceptable answers in a row (${problem})`, { field: f.flag, value: answer });
      say(`  ${problem}; please try again`);
      answer = (await ask(`${f.question}: `)).trim();
    }
    if (f.key === 'sourceLocation') {
      if (/^https?:\/\//i.test(answer)) out.sourceUrl = answer;
      else out.sourceDocument = answer;
    } else {
      out[f.key] = answer;
    }
  }
  if (flags.symbols === undefined) out.symbols = (await ask('Symbols (comma-separated, e.g. 300418.SZ,9988.HK; empty for market-wide): ')).trim();
  if (flags.tags === undefined) out.tags = (await ask('Tags (comma-separated slugs, may be empty): ')).trim();
  return out;
}

/**
 * The price manifest's symbols and each listing's date range, when `dir` holds a manifest; `opened`
 * is a store the command already has on that folder (not read a second time).
 */
export async function priceContext(dir: string | undefined, opened?: PriceStore): Promise<CrossCheckContext> {
  const today = new Date().toISOString().slice(0, 10);
  if (!opened && (dir === undefined || !existsSync(join(dir, 'manifest.yaml')))) return { today };
  const [{ openPriceStore }, { seriesRange }] = await Promise.all([import('../../data/prices/store.js'), import('../../data/prices/summary.js')]);
  const store = opened ?? openPriceStore(dir!);
  return {
    today,
    knownSymbols: store.entries().map((e) => e.symbol),
    priceRange: (symbol) => {
      const loaded = store.check(symbol).prices;
      return loaded && loaded.series.days.length > 0 ? seriesRange(loaded) : undefined;
    },
  };
}

/** The answers as a command line, so nothing typed is lost when the write fails. */
function asCommand(flags: AddFlags): string {
  const q = (v: string) => (/^[\w.:/@+-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);
  const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return ['evstudy events add', ...Object.entries(flags).filter(([, v]) => typeof v === 'string' && v !== '').map(([k, v]) => `--${kebab(k)} ${q(v as string)}`)].join(' ');
}

const splitList = (s: string | undefined): string[] =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** The event object the flags describe (validated by addEvent, not here). */
export function eventFromFlags(flags: AddFlags): Record<string, unknown> {
  const source: Record<string, unknown> = {
    title: flags.sourceTitle,
    publisher: flags.sourcePublisher,
    url: blank(flags.sourceUrl) ? undefined : flags.sourceUrl,
    document: blank(flags.sourceDocument) ? undefined : flags.sourceDocument,
    accessed: flags.accessed,
  };
  const event: Record<string, unknown> = {
    id: flags.id,
    date: flags.date,
    timing: flags.timing,
    time: blank(flags.time) ? undefined : flags.time,
    timezone: blank(flags.timezone) ? undefined : flags.timezone,
    // Symbols are upper case in the registry; accept `9988.hk` from a hurried typist.
    symbols: splitList(flags.symbols).map((s) => s.toUpperCase()),
    title: flags.title,
    summary: flags.summary,
    sources: [dropUndefined(source)],
    tags: splitList(flags.tags),
    group: blank(flags.group) ? undefined : flags.group,
    notes: blank(flags.notes) ? undefined : flags.notes,
  };
  return dropUndefined(event);
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

async function askOnTerminal(run: (ask: Ask) => Promise<AddFlags>): Promise<AddFlags> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  // Read answers through the line iterator, which buffers: `rl.question` drops lines that arrive
  // before it is called (e.g. answers pasted all at once).
  const lines = rl[Symbol.asyncIterator]();
  try {
    return await run(async (q) => {
      process.stdout.write(q);
      const next = await lines.next();
      if (next.done) throw new UsageError('events add: input ended before every required field was given');
      return next.value;
    });
  } finally {
    rl.close();
  }
}

/** A date flag (`--from`, `--date`...) that is not a real YYYY-MM-DD day is a usage error. */
export function checkDateFlag(name: string, value: string | undefined): void {
  if (value !== undefined && Number.isNaN(parseIsoDay(value))) {
    throw new UsageError('expected a date written YYYY-MM-DD', { field: name, value });
  }
}

function formatListLine(e: EventRecord): string[] {
  const when = e.time && e.timezone ? `${e.timing} ${e.time} ${e.timezone}` : e.timing;
  return [e.date, when, e.id, e.symbols.length > 0 ? e.symbols.join(',') : '(market-wide)', e.title];
}

/** Columns padded to their widest cell; the last column is left ragged. */
function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')).join('\n') + '\n';
}

export function register(program: Command): void {
  const events = program.command('events').description('the event registry: one YAML file per announcement');

  events
    .command('add')
    .description('add one event file (validated; never overwrites an existing id)')
    .option('--dir <dir>', 'events directory', DEFAULT_EVENTS_DIR)
    .option('--id <id>', 'slug, also the file name <id>.yaml')
    .option('--date <date>', 'YYYY-MM-DD')
    .option('--timing <timing>', TIMINGS.join(' | '))
    .option('--time <HH:MM>', 'clock time of the announcement (needs --timezone)')
    .option('--timezone <zone>', 'IANA time zone of --time, e.g. Asia/Shanghai')
    .option('--symbols <list>', 'comma-separated listings, e.g. 9988.HK,BABA (omit for market-wide)')
    .option('--title <text>', 'short title')
    .option('--summary <text>', 'what happened')
    .option('--source-title <text>', 'title of the source')
    .option('--source-publisher <text>', 'publisher of the source')
    .option('--source-url <url>', 'URL of the source')
    .option('--source-document <path>', 'document path under the events directory')
    .option('--accessed <date>', 'when the source was accessed, YYYY-MM-DD')
    .option('--tags <list>', 'comma-separated slugs')
    .option('--group <slug>', 'cluster of non-independent announcements')
    .option('--notes <text>', 'free notes')
    .option('--prices <dir>', 'price folder whose manifest the symbols and dates are checked against (warnings)', 'prices')
    .action(async (opts: AddFlags) => {
      let flags = opts;
      let prompted = false;
      if (missingRequired(flags).length > 0) {
        // Prompts only on a terminal (a TTY check): in a pipe or CI the missing flags are a usage error.
        if (process.stdin.isTTY) {
          flags = await askOnTerminal((ask) => promptForMissing(flags, ask));
          prompted = true;
        }
        const missing = missingRequired(flags);
        if (missing.length > 0) {
          throw new UsageError(`events add: missing required option${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`);
        }
      }
      try {
        const event = eventFromFlags(flags) as { date: string; timing: string; time?: string; timezone?: string; symbols: string[] };
        const checked = Number.isNaN(parseIsoDay(event.date)) ? { errors: [], warnings: [] } : crossCheckEvent(event, await priceContext(flags.prices));
        if (checked.errors.length > 0) throw new UsageError(checked.errors[0].message, { field: `--${checked.errors[0].field}`, value: flags.timing });
        const { file } = await addEvent(flags.dir, event);
        process.stdout.write(`wrote ${file}\n`);
        // After the write: when the write fails, its error stays the first line of stderr.
        for (const w of checked.warnings) process.stderr.write(`warning: ${w.field}: ${w.message}\n`);
      } catch (e) {
        if (prompted) process.stderr.write(`Your answers, to run again once fixed:\n  ${asCommand({ ...flags, dir: flags.dir })}\n`);
        throw e;
      }
    });

  events
    .command('list')
    .description('list events, sorted by date then id')
    .option('--dir <dir>', 'events directory', DEFAULT_EVENTS_DIR)
    .option('--tag <tag>', 'only events with this tag')
    .option('--symbol <symbol>', 'only events concerning this listing')
    .option('--from <date>', 'only events on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'only events on or before this date (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .action((opts: { dir: string; tag?: string; symbol?: string; from?: string; to?: string; json?: boolean }) => {
      checkDateFlag('--from', opts.from);
      checkDateFlag('--to', opts.to);
      const selected = filterEvents(loadEvents(opts.dir), { tag: opts.tag, symbol: opts.symbol, from: opts.from, to: opts.to });
      if (opts.json) {
        process.stdout.write(JSON.stringify(selected, null, 2) + '\n');
        return;
      }
      if (selected.length === 0) {
        process.stdout.write('no events match\n');
        return;
      }
      process.stdout.write(table(selected.map(formatListLine)));
      process.stdout.write(`${selected.length} event${selected.length === 1 ? '' : 's'}\n`);
    });

  events
    .command('validate')
    .description('check every event file and report every error at once (exit code 4 on any error)')
    .option('--dir <dir>', 'events directory', DEFAULT_EVENTS_DIR)
    .option('--prices <dir>', 'price folder whose manifest the symbols and dates are checked against (warnings)', 'prices')
    .action(async (opts: { dir: string; prices: string }) => {
      const { events: valid, errors, files } = validateEvents(opts.dir);
      // The same cross-checks as `events add`: contradictions are errors, the rest warnings.
      const ctx = await priceContext(opts.prices);
      const warnings: string[] = [];
      for (const e of valid) {
        const checked = crossCheckEvent(e, ctx);
        const file = join(opts.dir, `${e.id}.yaml`);
        for (const x of checked.errors) errors.push(new ConfigError(x.message, { file, field: x.field, value: e.timing }));
        for (const w of checked.warnings) warnings.push(`warning: ${file}: ${w.field}: ${w.message}\n`);
      }
      // Thrown, not printed here: the CLI shell prints the summary and each error, and exits with the config code (4).
      if (errors.length > 0) throw registryError(opts.dir, errors, files.length);
      process.stdout.write(`${valid.length} event${valid.length === 1 ? '' : 's'} OK${warnings.length > 0 ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}\n`);
      for (const w of warnings) process.stderr.write(w);
    });

  registerSuggest(events);
}
