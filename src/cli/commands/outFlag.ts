/**
 * `--out` as given. An empty value is refused: resolved, it would be the current folder, and a run
 * would write (and, before output folders had manifests, delete) there without being asked to.
 */
import { UsageError } from '../../util/errors.js';

export function outFlag<T extends string | undefined>(value: T): T {
  if (value !== undefined && value.trim() === '') throw new UsageError('the output folder is empty; give a folder name (use . for the current folder)', { field: '--out', value });
  return value;
}
