/**
 * Staged strings are encoded and hashed a slice at a time (outputDir.ts writeDurable): the file's
 * bytes and the manifest's size and SHA-256 must be those of the whole string's UTF-8, also when
 * a surrogate pair (an emoji) or a multi-byte character straddles a slice boundary.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openOutputDir } from '../../src/report/outputDir.js';
import { tempDir } from '../helpers/cli.js';

const SLICE = 4 << 20;

describe('staging a large string', () => {
  it('writes and hashes exactly its UTF-8 bytes across slice boundaries', () => {
    const dir = join(tempDir(), 'out');
    const texts: Record<string, string> = {
      // The pair's high half is the last unit of the first slice.
      'pair.txt': 'a'.repeat(SLICE - 1) + '😀' + 'b'.repeat(10),
      'cjk.txt': 'x'.repeat(SLICE - 2) + '昆仑万维' + '—'.repeat(SLICE),
      'small.txt': 'é',
    };
    const session = openOutputDir(dir, { producer: 'test' });
    try {
      for (const [f, t] of Object.entries(texts)) session.out.stage(f, t);
      session.commit();
    } finally {
      session.close();
    }
    const manifest = JSON.parse(readFileSync(join(dir, '.evstudy-manifest.json'), 'utf8')) as { files: { path: string; size: number; sha256: string }[] };
    for (const [f, t] of Object.entries(texts)) {
      const want = Buffer.from(t, 'utf8');
      const got = readFileSync(join(dir, f));
      expect(got.equals(want), f).toBe(true);
      const entry = manifest.files.find((e) => e.path === f)!;
      expect(entry.size).toBe(want.length);
      expect(entry.sha256).toBe(createHash('sha256').update(want).digest('hex'));
    }
  });
});
