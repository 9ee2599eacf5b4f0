/**
 * A fresh clone is importable after `npm ci`: the `prepare` script (npm runs it after `npm ci` and
 * `npm install` in the checkout, and when installing from git) builds dist/, and every entry of the
 * package's `main` / `exports` is a file that build emits from src/. Without it README's library
 * example failed with ERR_MODULE_NOT_FOUND .../dist/index.js. The real clone + `npm ci` is too slow
 * for the suite (minutes); this pins the wiring it depends on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const build = JSON.parse(readFileSync(join(REPO, 'tsconfig.build.json'), 'utf8'));

describe('package: npm ci leaves evstudy importable', () => {
  it('prepare runs the build, which compiles src/ to dist/ with declarations', () => {
    expect(pkg.scripts.prepare).toMatch(/\bnpm run (--silent )?build$/);
    expect(pkg.scripts.build).toContain('tsc -p tsconfig.build.json');
    expect(build.compilerOptions).toMatchObject({ noEmit: false, rootDir: 'src', outDir: 'dist' });
    const base = JSON.parse(readFileSync(join(REPO, 'tsconfig.json'), 'utf8'));
    expect({ ...base.compilerOptions, ...build.compilerOptions }.declaration).toBe(true);
  });

  it('main, types and every export name a file the build emits from src/', () => {
    const targets: string[] = [pkg.main, pkg.types];
    for (const entry of Object.values(pkg.exports) as Record<string, string>[]) targets.push(...Object.values(entry));
    for (const t of targets) {
      expect(t, t).toMatch(/^\.\/dist\/.*\.(d\.ts|js)$/);
      const src = t.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$|\.js$/, '.ts');
      expect(existsSync(join(REPO, src)), `${t} <- ${src}`).toBe(true);
    }
  });
});
