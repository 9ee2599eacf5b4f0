/**
 * Creates an output folder one level at a time after checking what is already there. A recursive
 * mkdir under a path it cannot create (`/proc/nope`) never returned on some kernels, and on a path
 * whose parent is a file it says EEXIST; both are checked first and named plainly here.
 */
import { lstatSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutputError } from '../util/errors.js';

export function ensureDir(target: string): string {
  const dir = resolve(target);
  const missing: string[] = [];
  let p = dir;
  for (;;) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        // A dangling symlink also gives ENOENT: creating "through" it would write somewhere unexpected.
        if (isLink(p)) throw new OutputError('is a symbolic link to nothing; choose another --out', { file: p });
        const up = dirname(p);
        if (up === p) throw new OutputError('the file system root does not exist', { file: p });
        missing.push(p);
        p = up;
        continue;
      }
      if (code === 'ENOTDIR') throw new OutputError('not a directory', { file: fileInTheWay(p) });
      throw new OutputError(`cannot use the output folder (${code ?? (e as Error).message})`, { file: p });
    }
    if (!st.isDirectory()) throw new OutputError('not a directory', { file: p });
    break;
  }
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statSync(m, { throwIfNoEntry: false })?.isDirectory()) continue; // made meanwhile by another run
      throw new OutputError(`cannot create the output folder (${code ?? (e as Error).message})`, { file: m });
    }
  }
  return dir;
}

/** The first component of `p` that exists and is not a folder (`F` of `F/x/y`). */
function fileInTheWay(p: string): string {
  let found = p;
  for (let q = dirname(p); q !== dirname(q); q = dirname(q)) {
    try {
      if (!statSync(q).isDirectory()) found = q;
    } catch {
      /* below a file or missing: keep looking up */
    }
  }
  return found;
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
