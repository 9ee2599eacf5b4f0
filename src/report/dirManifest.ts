/**
 * `.evstudy-manifest.json`: what evstudy wrote into an output folder, so that a later run replaces
 * and removes only its own files and can tell an evstudy folder from someone else's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { errnoText, OutputError } from '../util/errors.js';

export const MANIFEST_FILE = '.evstudy-manifest.json';
export const MANIFEST_TOOL = 'evstudy';

const fileEntry = z.strictObject({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Which command wrote it (`report`, `baskets-compare`, ...): several may share one folder. */
  producer: z.string().min(1),
});

export const dirManifestSchema = z.strictObject({
  tool: z.literal(MANIFEST_TOOL),
  version: z.string(),
  written: z.string(),
  files: z.array(fileEntry),
});

export type DirManifest = z.infer<typeof dirManifestSchema>;
export type ManifestEntry = z.infer<typeof fileEntry>;

/** The folder's manifest; null when there is none. A manifest that does not parse is refused: it may not be ours. */
export function readDirManifest(dir: string): DirManifest | null {
  const file = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new OutputError(`cannot read the output manifest (${errnoText(e)})`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new OutputError('the output manifest is not valid JSON; remove it (and the files it listed) or choose another --out', { file });
  }
  const parsed = dirManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OutputError(`the output manifest is not one evstudy wrote (${issue.path.join('.') || 'top level'}: ${issue.message}); remove it or choose another --out`, {
      file,
    });
  }
  // A listed path is deleted by a later run: one that leaves the folder would let a crafted
  // manifest delete files elsewhere.
  for (const f of parsed.data.files)
    if (!isSafeRelative(f.path)) throw new OutputError('the output manifest lists a path outside its folder; remove it or choose another --out', { file, value: f.path });
  return parsed.data;
}

/** A relative path of plain segments below the folder: no `..`, no absolute path, no empty segment. */
export function isSafeRelative(rel: string): boolean {
  if (rel === '' || rel.startsWith('/') || rel.includes('\\') || rel.includes('\0')) return false;
  return rel.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}
