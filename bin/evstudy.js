#!/usr/bin/env node
// Installed entry point: runs the compiled CLI (the bundle in dist/cli-bundle, else dist/cli, both
// from `npm run build`) so start-up is not paid in a TypeScript transpiler nor in resolving and
// loading a few hundred module files; falls back to the TypeScript source via tsx when there is no
// build, or, in a checkout, when a source file is newer than the build (a stale dist/ must never run
// old code).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundled = join(root, 'dist', 'cli-bundle', 'main.js');
const compiled = existsSync(bundled) ? bundled : join(root, 'dist', 'cli', 'main.js');

/** Newest modification time of the .ts files under dir (0 when there is no such folder). */
function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const useDist = existsSync(compiled) && newestSource(join(root, 'src')) <= statSync(compiled).mtimeMs;
if (useDist) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
}
