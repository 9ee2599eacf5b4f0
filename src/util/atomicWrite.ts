/**
 * Output files are written to a temporary sibling and renamed into place: a crash or an error
 * half-way leaves the previous file intact, never a truncated one (rename is atomic on POSIX
 * within one file system).
 */
import { copyFileSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync, openSync, closeSync, fsyncSync, writeSync } from 'node:fs';
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
  // A rename can still fail (the folder made read-only or removed meanwhile). The files being
  // replaced stay reachable under hard-linked backup names until every rename has succeeded, so a
  // failure puts the previous ones back instead of leaving a mix of old and new; no temp or backup
  // file is left behind either way.
  const backups = staged.map((s) => backupOf(s.path));
  let renamed = 0;
  try {
    for (const s of staged) {
      renameSync(s.tmp, s.path);
      renamed++;
    }
  } catch (e) {
    for (const s of staged.slice(renamed)) rmSync(s.tmp, { force: true });
    let restored = true;
    for (let i = renamed - 1; i >= 0; i--) {
      const b = backups[i];
      if (b === false) {
        restored = false; // a previous file existed but could not be kept: leave the new one
        continue;
      }
      try {
        if (b) renameSync(b, staged[i].path);
        else rmSync(staged[i].path, { force: true });
        backups[i] = null;
      } catch {
        restored = false;
      }
    }
    for (const b of backups) if (b) rmSync(b, { force: true });
    const state = renamed === 0 ? 'no file was replaced' : restored ? 'the previous files were restored' : `${renamed} of ${staged.length} files were already replaced`;
    throw new OutputError(`cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ${state}`, { file: staged[renamed].path });
  }
  for (const b of backups) if (b) rmSync(b, { force: true });
}

/**
 * A hard link to the current `path` under a temp name; null when there is no file to keep, false
 * when there is one but it could not be kept.
 */
function backupOf(path: string): string | null | false {
  const bak = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.bak.tmp`);
  try {
    linkSync(path, bak);
    return bak;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // No hard links on this file system: a copy does the same job.
    try {
      copyFileSync(path, bak);
      return bak;
    } catch {
      rmSync(bak, { force: true });
      return false;
    }
  }
}

