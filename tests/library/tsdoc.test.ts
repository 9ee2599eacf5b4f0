/**
 * Every function the package exports from src/index.ts (its public surface) carries TSDoc with an
 * `@example`: found by reading each re-exported module's source for the function's declaration and
 * the doc comment just above it (text only, no compiler: cheap).
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { REPO } from '../helpers/cli.js';

const INDEX = join(REPO, 'src/index.ts');

/** `export { a, b as c, type T } from './x.js'` lines: exported name -> [module file, local name]. */
function namedReExports(): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  const text = readFileSync(INDEX, 'utf8');
  for (const m of text.matchAll(/^export \{([^}]*)\} from '([^']+)';/gm)) {
    const file = join(dirname(INDEX), m[2].replace(/\.js$/, '.ts'));
    for (const part of m[1].split(',').map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('type '))) {
      const [local, exported] = part.split(/\s+as\s+/);
      out.set(exported ?? local, [file, local]);
    }
  }
  return out;
}

/** The doc comment right above `export [async] function name`, following one re-export hop. */
function docOf(file: string, name: string, hops = 2): string | undefined {
  const text = readFileSync(file, 'utf8');
  const decl = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*export (?:async )?function ${name}\\b`).exec(text);
  if (decl) return decl[1];
  const re = new RegExp(`export \\{[^}]*\\b${name}\\b[^}]*\\} from '([^']+)'`).exec(text);
  if (re && hops > 0) return docOf(join(dirname(file), re[1].replace(/\.js$/, '.ts')), name, hops - 1);
  return undefined;
}

describe('the public surface is documented', () => {
  it('every exported function has TSDoc with an @example', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [exported, [file, local]] of namedReExports()) {
      if (typeof (api as Record<string, unknown>)[exported] !== 'function') continue;
      // Classes (the error types) are documented by their own comments, not examples.
      if (/^class /.test(Function.prototype.toString.call((api as Record<string, unknown>)[exported]))) continue;
      checked++;
      const doc = docOf(file, local);
      if (!doc || !doc.includes('@example')) missing.push(exported);
    }
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
