/**
 * The event registry: the directory of `<id>.yaml` files (default `events/`).
 *
 * `validateEvents` is the one place that reads the directory; it collects every error of every file
 * (syntax, schema, file name, duplicate ids, missing documents, unknown symbols) before returning,
 * so a user fixes a batch of files in one pass. `loadEvents` is the strict form used by studies: it
 * refuses to return a partial registry.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConfigError } from '../../util/errors.js';
import { readYamlText } from '../../util/readYamlText.js';
import { parseEventText } from './parseEvent.js';
import { DOCUMENT_PATTERN, type EventRecord } from './schema.js';

export const DEFAULT_EVENTS_DIR = 'events';

export interface RegistryOptions {
  /**
   * Symbols that have price data (e.g. the manifest's). When given, an event naming any other
   * symbol is an error at `symbols[i]`. Left out, symbols are only checked for their form: an
   * event may legitimately name a listing we hold no prices for (it becomes `no-price-data`).
   */
  knownSymbols?: Iterable<string>;
}

export interface ValidationResult {
  /** The valid events, sorted by date then id. */
  events: EventRecord[];
  /** Every error found, ordered by file then line. Empty when the registry is valid. */
  errors: ConfigError[];
  /** The event files read (paths as `dir/name.yaml`). */
  files: string[];
}

export interface EventFilter {
  tag?: string;
  symbol?: string;
  /** Inclusive bounds, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

/**
 * Event files in `dir`: `*.yaml` and `*.yml` in any case (all but `.yaml` only to report them),
 * hidden/temp files skipped. Symlinks, FIFOs and other non-folders are listed too, so that reading
 * follows a link to its file and refuses anything else by name: a file the study leaves out
 * without a word changes its results.
 */
export function listEventFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.isDirectory() && !d.name.startsWith('.') && /\.ya?ml$/i.test(d.name))
    .map((d) => d.name)
    .sort();
}

/**
 * Every event file checked, every error collected (none thrown): the valid events, the errors (each
 * a ConfigError naming file, line and field) and the files read. `knownSymbols` also refuses
 * symbols outside that list.
 *
 * @example
 * const { events, errors } = validateEvents('events');
 * for (const e of errors) console.error(e.format());
 */
export function validateEvents(dir: string = DEFAULT_EVENTS_DIR, options: RegistryOptions = {}): ValidationResult {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { events: [], errors: [new ConfigError('events directory not found', { file: dir })], files: [] };
  }
  const known = options.knownSymbols ? new Set(options.knownSymbols) : undefined;
  const names = listEventFiles(dir);
  const files = names.map((n) => join(dir, n));
  const errors: ConfigError[] = [];
  const candidates: Candidate[] = [];

  for (const file of files) {
    let text: string;
    try {
      text = readYamlText(file, 'event file');
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      errors.push(err);
      candidates.push({ file });
      continue;
    }
    const parsed = parseEventText(text, file);
    errors.push(...parsed.errors);
    // References are checked on the raw mapping, so a missing document is reported alongside schema errors.
    if (parsed.data) errors.push(...checkReferences(parsed.data, dir, file, known, parsed.lineOf));
    candidates.push({ file, event: parsed.event, declaredId: parsed.declaredId, idLine: parsed.lineOf?.(['id']) });
  }

  errors.push(...duplicateIdErrors(candidates));

  const badFiles = new Set(errors.map((e) => e.location.file));
  const events = candidates.filter((c) => c.event && !badFiles.has(c.file)).map((c) => c.event as EventRecord);
  const order = new Map(files.map((f, i) => [f, i]));
  // By file, then line (errors without a line last); stable, so the order within a line is kept.
  errors.sort(
    (a, b) =>
      (order.get(a.location.file ?? '') ?? -1) - (order.get(b.location.file ?? '') ?? -1) ||
      (a.location.line ?? Number.MAX_SAFE_INTEGER) - (b.location.line ?? Number.MAX_SAFE_INTEGER),
  );
  return { events: sortEvents(events), errors, files };
}

interface Candidate {
  file: string;
  event?: EventRecord;
  declaredId?: string;
  idLine?: number;
}

/**
 * Two files declaring one id: the file named after the id owns it (or, when none is, the first in
 * name order); every other file gets the error, pointing at the owner.
 */
function duplicateIdErrors(candidates: Candidate[]): ConfigError[] {
  const byId = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.declaredId === undefined) continue;
    byId.set(c.declaredId, [...(byId.get(c.declaredId) ?? []), c]);
  }
  const errors: ConfigError[] = [];
  for (const [id, sharing] of byId) {
    if (sharing.length < 2) continue;
    const owner = sharing.find((c) => basename(c.file) === `${id}.yaml`) ?? sharing[0];
    for (const c of sharing) {
      if (c !== owner) errors.push(new ConfigError(`duplicate id: also used by ${owner.file}`, { file: c.file, line: c.idLine, field: 'id', value: id }));
    }
  }
  return errors;
}

/**
 * Checks that need more than the file itself: documents must exist inside the events directory
 * (the study must be reproducible from the repository), and symbols must be known when a list is
 * given. Works on the raw mapping (possibly invalid), looking only at values of the right form.
 */
export function checkReferences(
  ev: Record<string, unknown> | EventRecord,
  dir: string,
  file: string,
  known: ReadonlySet<string> | undefined,
  lineOf: (path: readonly PropertyKey[]) => number | undefined = () => undefined,
): ConfigError[] {
  const errors: ConfigError[] = [];
  const sources = Array.isArray(ev.sources) ? (ev.sources as unknown[]) : [];
  sources.forEach((s, i) => {
    const doc = (s as { document?: unknown } | null)?.document;
    // Paths that fail the schema's form (e.g. `../x`) are reported by the schema, never touched here.
    if (typeof doc !== 'string' || !DOCUMENT_PATTERN.test(doc)) return;
    const path = join(dir, doc);
    if (!existsSync(path) || !statSync(path).isFile()) {
      errors.push(
        new ConfigError(`document not found: ${path}`, { file, line: lineOf(['sources', i, 'document']), field: `sources[${i}].document`, value: doc }),
      );
    }
  });
  if (known && Array.isArray(ev.symbols)) {
    (ev.symbols as unknown[]).forEach((sym, i) => {
      if (typeof sym === 'string' && !known.has(sym)) {
        errors.push(new ConfigError('unknown symbol (not in the price manifest)', { file, line: lineOf(['symbols', i]), field: `symbols[${i}]`, value: sym }));
      }
    });
  }
  return errors;
}

/**
 * All events, sorted by date then id; throws one ConfigError carrying every error when any file is invalid.
 *
 * @example
 * import { loadEvents } from 'evstudy';
 * for (const e of loadEvents('events')) console.log(e.date, e.timing, e.id, e.symbols.join(','));
 */
export function loadEvents(dir: string = DEFAULT_EVENTS_DIR, options: RegistryOptions = {}): EventRecord[] {
  const { events, errors, files } = validateEvents(dir, options);
  if (errors.length > 0) throw registryError(dir, errors, files.length);
  return events;
}

/** The error thrown (and printed by the CLI) for an invalid registry: a summary line, each error as a detail. */
export function registryError(dir: string, errors: ConfigError[], fileCount: number): ConfigError {
  // No file was read (e.g. the directory is missing): the one error says it all.
  if (fileCount === 0 && errors.length === 1) return errors[0];
  const bad = new Set(errors.map((e) => e.location.file)).size;
  const msg = `${errors.length} error${errors.length === 1 ? '' : 's'} in ${bad} of ${fileCount} event file${fileCount === 1 ? '' : 's'}`;
  return new ConfigError(msg, { file: dir }, errors);
}

/**
 * loadEvents filtered by tag, symbol (any case) and inclusive date range.
 *
 * @example
 * listEvents('events', { tag: 'llm', from: '2023-03-01', to: '2023-04-30' }).map((e) => e.id);
 */
export function listEvents(dir: string = DEFAULT_EVENTS_DIR, filter: EventFilter = {}, options: RegistryOptions = {}): EventRecord[] {
  return filterEvents(loadEvents(dir, options), filter);
}

/** Pure filter: by tag, by symbol (case-insensitive), by inclusive date range. Keeps the input order. */
export function filterEvents(events: readonly EventRecord[], filter: EventFilter): EventRecord[] {
  const sym = filter.symbol?.toUpperCase();
  return events.filter(
    (e) =>
      (filter.tag === undefined || e.tags.includes(filter.tag)) &&
      (sym === undefined || e.symbols.includes(sym)) &&
      // ISO dates compare correctly as strings.
      (filter.from === undefined || e.date >= filter.from) &&
      (filter.to === undefined || e.date <= filter.to),
  );
}

export function sortEvents(events: EventRecord[]): EventRecord[] {
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
