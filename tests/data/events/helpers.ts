/** Temp registries for the event tests: each test gets its own directory, removed afterwards. */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trackedTempDir } from '../../helpers/tempDirs.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/events/', import.meta.url));
export const REPO_EVENTS = fileURLToPath(new URL('../../../events/', import.meta.url));

/** A fresh empty directory, or a copy of a fixture registry (`valid`, `invalid`). */
export function tempRegistry(copyOf?: 'valid' | 'invalid'): string {
  const dir = trackedTempDir('evstudy-events-');
  if (copyOf) cpSync(join(FIXTURES, copyOf), dir, { recursive: true });
  return dir;
}

/** A valid event object for `addEvent`. */
export function sampleEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'sample-event',
    date: '2023-04-10',
    timing: 'after-close',
    symbols: ['300418.SZ'],
    title: 'Sample',
    summary: 'A sample event.',
    sources: [{ title: 'Source', publisher: 'Publisher', url: 'https://example.com/a', accessed: '2023-04-11' }],
    tags: ['llm'],
    ...overrides,
  };
}
