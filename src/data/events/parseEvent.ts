/**
 * Parse and check one event file's text: YAML syntax, the schema, and that the file is named after
 * its id. Returns every problem found in the file instead of stopping at the first, so that
 * `evstudy events validate` can show a user all their mistakes in one run.
 *
 * Errors carry the file, the 1-based line of the offending key (found in the YAML source, so the
 * user can jump to it) and the field path in the form `sources[0].url`.
 */
import { basename } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../../util/errors.js';
import { yamlToJs } from '../../util/yamlToJs.js';
import { eventSchema, SLUG_PATTERN, type EventRecord } from './schema.js';
import { formatPath, valueAt } from '../../util/yamlPath.js';

/** Field path as printed in messages, e.g. `sources[0].url`. */
export const formatFieldPath = formatPath;

export interface ParsedEventFile {
  /** Present only when the file has no errors at all. */
  event?: EventRecord;
  /** The `id` the file declares, when it is a string (used to find duplicates even in broken files). */
  declaredId?: string;
  /** The parsed mapping, valid or not (for checks that can run on broken files too). */
  data?: Record<string, unknown>;
  /** 1-based line of a field path in this file's source, when present. */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
  errors: ConfigError[];
}

type PathKey = PropertyKey;


export function parseEventText(text: string, file: string): ParsedEventFile {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema (the `yaml` default): `2023-04-10` and `10:00` stay strings, unlike YAML 1.1.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });

  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => {
        const line = e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line;
        // The library's message can end with a source excerpt; keep the first line for one-line output.
        return new ConfigError(`YAML syntax error: ${e.message.split('\n')[0]}`, { file, line });
      }),
    };
  }

  let data: unknown;
  try {
    data = yamlToJs(doc, text, file);
  } catch (err) {
    if (err instanceof ConfigError) return { errors: [err] };
    throw err;
  }
  if (data === null || data === undefined) {
    return { errors: [new ConfigError('the file is empty; expected the fields of one event (id, date, timing, ...)', { file })] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { errors: [new ConfigError('expected a mapping of event fields (id, date, timing, ...) at the top level', { file, line: 1 })] };
  }

  const lineOf = (path: readonly PathKey[]): number | undefined => {
    const offset = sourceOffset(doc.contents as Node | null, path);
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };

  const errors: ConfigError[] = [];
  const declaredIdRaw = (data as Record<string, unknown>).id;
  const declaredId = typeof declaredIdRaw === 'string' ? declaredIdRaw : undefined;

  const result = eventSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) errors.push(...issueToErrors(issue, file, data, lineOf));
  }

  // The id is also the file name, so a reader can find an event by its id and two files can never
  // claim the same id unnoticed. Checked even when other fields are broken.
  const stem = basename(file).replace(/\.ya?ml$/i, '');
  if (!/\.yaml$/.test(file)) {
    errors.push(new ConfigError('event files must end in ".yaml"', { file }));
  }
  if (declaredId !== undefined && declaredId !== stem) {
    errors.push(
      new ConfigError(
        SLUG_PATTERN.test(declaredId)
          ? `the id must equal the file name: rename the file to "${declaredId}.yaml" or set id: ${stem}`
          : `the id must equal the file name ("${stem}")`,
        {
        file,
        line: lineOf(['id']),
        field: 'id',
          value: declaredId,
        },
      ),
    );
  }

  // By line; errors about missing keys (no line) last. Array.prototype.sort is stable.
  errors.sort((a, b) => (a.location.line ?? Infinity) - (b.location.line ?? Infinity));
  return {
    event: errors.length === 0 && result.success ? result.data : undefined,
    declaredId,
    data: data as Record<string, unknown>,
    lineOf,
    errors,
  };
}

/**
 * Schema check of an in-memory object (e.g. built from CLI flags), with the same error form as for a
 * file but without line numbers. `file` is where it would be written.
 */
export function validateEventObject(input: unknown, file: string): { event?: EventRecord; errors: ConfigError[] } {
  const result = eventSchema.safeParse(input);
  if (result.success) return { event: result.data, errors: [] };
  return { errors: result.error.issues.flatMap((issue) => issueToErrors(issue, file, input, () => undefined)) };
}

function issueToErrors(
  issue: z.core.$ZodIssue,
  file: string,
  data: unknown,
  lineOf: (path: readonly PathKey[]) => number | undefined,
): ConfigError[] {
  if (issue.code === 'unrecognized_keys') {
    // One error per key, pointing at the key itself, with the list of keys that are allowed there.
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      return new ConfigError(`unknown key (allowed: ${allowedKeysAt(issue.path)})`, {
        file,
        line: lineOf(path),
        field: formatFieldPath(path),
      });
    });
  }
  const value = valueAt(data, issue.path);
  return [
    new ConfigError(issue.path.length === 0 ? issue.message : messageFor(issue, value), {
      file,
      line: lineOf(issue.path),
      field: issue.path.length === 0 ? undefined : formatFieldPath(issue.path),
      value: showValue(value),
    }),
  ];
}

function messageFor(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined && issue.code === 'invalid_type') return 'is required';
  return issue.message;
}

function allowedKeysAt(path: readonly PathKey[]): string {
  const inSource = path.length >= 2 && path[0] === 'sources';
  return inSource
    ? 'title, publisher, url, document, accessed'
    : 'id, date, timing, time, timezone, symbols, title, summary, sources, tags, group, notes';
}


/** Scalars are quoted in the message so the user sees what was read; long or structured values are not. */
function showValue(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 77)}...` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/**
 * The source offset of the deepest node on `path` (the key for a map entry, so that a missing or bad
 * value points at its key's line; the item for a list entry).
 */
function sourceOffset(root: Node | null, path: readonly PathKey[]): number | undefined {
  let node: unknown = root;
  // A top-level key that is missing altogether has no line to point at.
  let best: number | undefined;
  for (const p of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(p));
      if (!pair) break;
      best = rangeStart(pair.key as Node) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof p === 'number') {
      const item = node.items[p];
      if (item === undefined) break;
      best = rangeStart(item as Node) ?? best;
      node = item;
    } else {
      break;
    }
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}
