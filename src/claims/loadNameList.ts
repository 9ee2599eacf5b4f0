/**
 * The I/O edge of the A-share name list (issue 14 §2): `<prices>/names/a-share-names.yaml` says which
 * CSV holds the list and where it comes from; the CSV is parsed by marketNames.ts. The list travels
 * with the price folder (`--prices`), so a user's own folder can carry its own list or none.
 *
 * Rules: no descriptor -> no list (names outside the manifest stay unresolved, and the reason says
 * only the manifest was asked); a descriptor that is there but broken, or a CSV that is not valid
 * UTF-8 or not readable, is an error naming the file (and line), never a quiet fallback to "no list".
 *
 * @example
 * const list = loadNameList('prices'); // MarketNames | undefined
 * list?.lookup('卓胜微') // { kind: 'found', symbol: '300782.SZ', ... }
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { parseMarketNames, type MarketNames } from './extract/marketNames.js';
import { ConfigError, DataError } from '../util/errors.js';
import { readYamlText } from '../util/readYamlText.js';
import { firstInvalidUtf8, lineOfOffset } from '../util/utf8.js';

export const NAME_LIST_DESCRIPTOR = join('names', 'a-share-names.yaml');

export const nameListSchema = z
  .object({
    file: z.string().min(1),
    /** owner/repo@commit:path */
    source: z.string().min(1),
    asOf: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
    producedBy: z.string().optional(),
    licence: z.string(),
    changes: z.string(),
    rows: z.number().int().positive(),
  })
  .strict();

export type NameListDescriptor = z.infer<typeof nameListSchema>;

export function loadNameList(pricesDir: string): MarketNames | undefined {
  const descriptor = join(pricesDir, NAME_LIST_DESCRIPTOR);
  if (!existsSync(descriptor)) return undefined;
  const parsed = nameListSchema.safeParse(parse(readYamlText(descriptor, 'name list descriptor')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(issue.message, { file: descriptor, field: issue.path.join('.') || undefined });
  }
  const meta = parsed.data;
  const file = join(dirname(descriptor), meta.file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new DataError(`cannot read the name list: ${(e as Error).message}`, { file });
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < bytes.length) throw new DataError('the name list is not valid UTF-8', { file, line: lineOfOffset(bytes, bad) });
  const list = parseMarketNames(bytes.toString('utf8'), file, `${meta.source}, names as of ${meta.asOf}`);
  // A truncated copy would make listed firms "unknown names" without a word.
  if (list.rows !== meta.rows) throw new DataError(`the name list has ${list.rows} codes, its descriptor says ${meta.rows}`, { file: descriptor, field: 'rows' });
  return list;
}
