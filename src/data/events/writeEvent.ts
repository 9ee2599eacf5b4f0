/**
 * Writing events: a stable YAML form, and `addEvent`, which never overwrites and never leaves a
 * half-written file behind.
 *
 * Atomicity and race-safety come from the file system, not from a prior existence check (which
 * another process could overtake): the content is written and fsync'ed to a fresh temp file in the
 * same directory (opened with `wx`, so a temp name clash fails instead of sharing a file), then
 * published with `link(temp, target)`. `link` fails with EEXIST when the target exists, atomically,
 * so of two concurrent adds of one id exactly one succeeds and a reader only ever sees a complete
 * file. (`rename` would silently replace an existing target, so it is not used.) See link(2) and
 * open(2) O_EXCL in the POSIX specification.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, link, unlink, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, isScalar, isSeq } from 'yaml';
import { ConfigError, EvstudyError, OutputError } from '../../util/errors.js';
import { parseEventText, validateEventObject } from './parseEvent.js';
import { checkReferences, DEFAULT_EVENTS_DIR, listEventFiles, type RegistryOptions } from './registry.js';
import { EVENT_KEY_ORDER, SLUG_PATTERN, SOURCE_KEY_ORDER, type EventInput, type EventRecord } from './schema.js';

/** The YAML text of an event: keys in EVENT_KEY_ORDER, absent optionals omitted, lists of symbols and tags inline. */
export function serializeEvent(event: EventRecord): string {
  const ordered: Record<string, unknown> = {};
  for (const key of EVENT_KEY_ORDER) {
    const v = event[key];
    if (v === undefined) continue;
    ordered[key] =
      key === 'sources'
        ? event.sources.map((s) => {
            const src: Record<string, unknown> = {};
            for (const k of SOURCE_KEY_ORDER) if (s[k] !== undefined) src[k] = s[k];
            return src;
          })
        : v;
  }
  const doc = new Document(ordered);
  for (const key of ['symbols', 'tags']) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  // `10:00` is a string in YAML 1.2 but a base-60 integer (600) to YAML 1.1 readers: quote it.
  const time = doc.get('time', true);
  if (isScalar(time)) time.type = 'QUOTE_DOUBLE';
  // lineWidth 0: no folding, so a changed word never reflows a whole paragraph in a diff.
  return doc.toString({ lineWidth: 0 });
}

export interface AddEventResult {
  file: string;
  event: EventRecord;
}

/**
 * Validates one event (eventSchema) and writes it as `<dir>/<id>.yaml`, atomically; never
 * overwrites a file nor reuses an id of the registry (a ConfigError then).
 *
 * @example
 * await addEvent('events', {
 *   id: 'iflytek-spark-2', date: '2023-06-09', timing: 'intraday', symbols: ['002230.SZ'],
 *   title: 'iFlytek Spark 1.5', summary: '...', tags: ['llm'],
 *   sources: [{ title: '...', publisher: '...', url: 'https://...', accessed: '2026-11-28' }],
 * });
 */
export async function addEvent(
  dir: string = DEFAULT_EVENTS_DIR,
  input: EventInput | Record<string, unknown>,
  options: RegistryOptions = {},
): Promise<AddEventResult> {
  // Name errors after the file the event would become, but never build a path from an unchecked id.
  const rawId = (input as { id?: unknown }).id;
  const idGuess = typeof rawId === 'string' && SLUG_PATTERN.test(rawId) ? rawId : '<id>';
  const checked = validateEventObject(input, join(dir, `${idGuess}.yaml`));
  if (!checked.event) throw invalid(checked.errors);
  const event = checked.event;
  const target = join(dir, `${event.id}.yaml`);

  const text = serializeEvent(event);

  // Round trip: what we write must be exactly what `events validate` accepts.
  const reparsed = parseEventText(text, target);
  const refErrors = reparsed.event ? checkReferences(reparsed.event, dir, target, options.knownSymbols ? new Set(options.knownSymbols) : undefined) : [];
  if (reparsed.errors.length + refErrors.length > 0) throw invalid([...reparsed.errors, ...refErrors]);

  try {
    await mkdir(dir, { recursive: true });
    const other = await fileDeclaringId(dir, event.id);
    if (other !== undefined) {
      throw new ConfigError(`duplicate id: already used by ${other}`, { file: target, field: 'id', value: event.id });
    }
    await publishExclusive(dir, target, text, event.id);
  } catch (err) {
    if (err instanceof EvstudyError) throw err;
    throw new OutputError(`cannot write the event file: ${(err as Error).message}`, { file: target });
  }
  return { file: target, event };
}

function invalid(errors: ConfigError[]): ConfigError {
  const first = errors[0];
  return new ConfigError(
    `invalid event (${errors.length} error${errors.length === 1 ? '' : 's'})`,
    { file: first?.location.file },
    errors,
  );
}

/** A file (any name) that already declares this id: e.g. a hand-made file whose name does not match. */
async function fileDeclaringId(dir: string, id: string): Promise<string | undefined> {
  for (const name of listEventFiles(dir)) {
    const file = join(dir, name);
    if (name === `${id}.yaml`) return file;
    const text = await readFile(file, 'utf8').catch(() => '');
    if (parseEventText(text, file).declaredId === id) return file;
  }
  return undefined;
}

async function publishExclusive(dir: string, target: string, text: string, id: string): Promise<void> {
  // A hidden name ending in .tmp: skipped by the registry scan and git-ignored should a crash leave one.
  const temp = join(dir, `.${id}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(temp, 'wx');
  try {
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await link(temp, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        throw new ConfigError('an event file with this id already exists; it is never overwritten', { file: target, field: 'id', value: id });
      }
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') {
        // File systems without hard links: exclusive create still guarantees no overwrite; only the
        // all-or-nothing visibility is lost.
        await writeExclusiveDirect(target, text, id);
        return;
      }
      throw err;
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function writeExclusiveDirect(target: string, text: string, id: string): Promise<void> {
  let fh;
  try {
    fh = await open(target, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ConfigError('an event file with this id already exists; it is never overwritten', { file: target, field: 'id', value: id });
    }
    throw err;
  }
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
}
