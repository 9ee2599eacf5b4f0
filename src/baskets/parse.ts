/**
 * One basket file's text -> a validated definition, or every problem in it at once, each naming the
 * file, the 1-based line and the field path (`weights["300308.SZ"]`, `members[3]`), so a user can fix
 * a file in one pass.
 */
import { basename } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { yamlToJs } from '../util/yamlToJs.js';
import { ConfigError } from '../util/errors.js';
import { BASKET_KEYS, PUBLISHED_KEYS, basketSchema, type BasketDefinition } from './schema.js';
import { formatPath, valueAt } from '../util/yamlPath.js';

/** Field path as printed in messages, e.g. `members[2]`. */
export const fieldPath = formatPath;

export interface ParsedBasket {
  /** Present only when the file has no error at all. */
  basket?: BasketDefinition;
  errors: ConfigError[];
  /** 1-based line of a field path in this file's source, when present. */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

export function parseBasketText(text: string, file: string): ParsedBasket {
  const lines = new LineCounter();
  // YAML 1.2 core schema: `000300.SH` stays a string; symbols that look numeric must be quoted anyway.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map(
        (e) => new ConfigError(`YAML syntax error: ${e.message.split('\n')[0]}`, { file, line: e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line }),
      ),
    };
  }
  let data: unknown;
  try {
    data = yamlToJs(doc, text, file);
  } catch (e) {
    if (e instanceof ConfigError) return { errors: [e] };
    throw e;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { errors: [new ConfigError('expected a mapping of basket fields (id, name, members, ...) at the top level', { file, line: 1 })] };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    const offset = offsetOf(doc, path);
    return offset === undefined ? undefined : lines.linePos(offset).line;
  };

  const errors: ConfigError[] = [];
  const result = basketSchema.safeParse(data);
  if (!result.success) for (const issue of result.error.issues) errors.push(...toErrors(issue, file, data, lineOf));

  // The id is the file name, so `--baskets chips` style lookups and duplicate checks stay trivial.
  const id = (data as Record<string, unknown>).id;
  const stem = basename(file).replace(/\.ya?ml$/i, '');
  if (typeof id === 'string' && id !== stem) {
    errors.push(new ConfigError(`the id must equal the file name ("${stem}")`, { file, line: lineOf(['id']), field: 'id', value: id }));
  }
  errors.sort((a, b) => (a.location.line ?? Infinity) - (b.location.line ?? Infinity));
  return { basket: errors.length === 0 && result.success ? result.data : undefined, errors, lineOf };
}

function toErrors(issue: z.core.$ZodIssue, file: string, data: unknown, lineOf: (p: readonly PropertyKey[]) => number | undefined): ConfigError[] {
  if (issue.code === 'unrecognized_keys') {
    const allowed = issue.path.length === 1 && issue.path[0] === 'published' ? PUBLISHED_KEYS : BASKET_KEYS;
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      return new ConfigError(`unknown key (allowed: ${allowed.join(', ')})`, { file, line: lineOf(path), field: fieldPath(path) });
    });
  }
  const value = valueAt(data, issue.path);
  const message = value === undefined && issue.code === 'invalid_type' ? 'is required' : issue.message;
  return [
    new ConfigError(message, {
      file,
      line: lineOf(issue.path),
      field: issue.path.length ? fieldPath(issue.path) : undefined,
      value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined,
    }),
  ];
}



/**
 * Source offset of the deepest node found on `path`: the key of a map entry (so a bad value points at
 * its key's line), the item of a list. A missing key points at its parent.
 */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined;
  for (const p of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(p));
      if (!pair) break;
      best = (pair.key as { range?: [number, number, number] }).range?.[0] ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof p === 'number' && node.items[p] !== undefined) {
      best = (node.items[p] as { range?: [number, number, number] }).range?.[0] ?? best;
      node = node.items[p];
    } else break;
  }
  return best;
}
