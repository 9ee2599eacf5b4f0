/**
 * Output files are written to a temporary sibling and renamed into place: a crash or an error
 * half-way leaves the previous file intact, never a truncated one (rename is atomic on POSIX
 * within one file system).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, openSync, closeSync, fsyncSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { OutputError } from './errors.js';

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(tmp, 'wx');
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new OutputError(`cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { file });
  }
}

/**
 * Writes several files so that either all of them are replaced or, when one cannot be prepared,
 * none is: every temporary file is written first, then all are renamed.
 */
export function writeFilesAtomic(files: { path: string; data: string | Uint8Array }[]): void {
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      const dir = dirname(f.path);
      mkdirSync(dir, { recursive: true });
      const tmp = join(dir, `.${basename(f.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      writeFileSync(tmp, f.data, { flag: 'wx' });
      staged.push({ tmp, path: f.path });
    }
  } catch (e) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    const failed = files[staged.length]?.path;
    throw new OutputError(`cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { file: failed });
  }
  for (const s of staged) renameSync(s.tmp, s.path);
}
