/**
 * `.evstudy.lock` in an output folder: one run at a time writes there. The lock is created whole
 * (written under a private name, then hard-linked to the lock name, which fails if it exists), so a
 * crash never leaves a half-written lock; a lock whose process is gone (same host) is taken over.
 */
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { errnoText, OutputError } from '../util/errors.js';

export const LOCK_FILE = '.evstudy.lock';

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

export interface DirLock {
  /**
   * Still ours? Two runs that found the same stale lock can both take it over (one removing the
   * other's fresh lock); checked again just before committing, the loser stops there.
   */
  held(): boolean;
  release(): void;
}

/** Takes the folder's lock. */
export function acquireDirLock(dir: string): DirLock {
  const lock = join(dir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const tmp = join(dir, `${LOCK_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(tmp, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
  } catch (e) {
    throw new OutputError(`cannot write in the output folder (${errnoText(e)})`, { file: dir });
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, lock);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
          throw new OutputError(`cannot lock the output folder (${errnoText(e)})`, { file: lock });
      }
      const held = readLock(lock);
      if (attempt === 0 && held && isStale(held)) {
        rmSync(lock, { force: true });
        continue;
      }
      const who = held ? `pid ${held.pid} on ${held.host}, since ${held.started}` : 'unknown process';
      throw new OutputError(
        `another evstudy run (${who}) is writing to this folder; wait for it to finish, or delete the lock file if that run is gone`,
        { file: lock },
      );
    }
  } finally {
    rmSync(tmp, { force: true });
  }
  const held = (): boolean => {
    const l = readLock(lock);
    return l !== null && l.pid === mine.pid && l.host === mine.host && l.started === mine.started;
  };
  return {
    held,
    // Release only our own lock: a stale-lock takeover by another run must not be undone by us.
    release: () => void (held() && rmSync(lock, { force: true })),
  };
}

function readLock(file: string): LockInfo | null {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof j.pid === 'number' && typeof j.host === 'string' && typeof j.started === 'string') return { pid: j.pid, host: j.host, started: j.started };
  } catch {
    /* unreadable: treated as held, never silently broken */
  }
  return null;
}

/** A lock left by a process of this host that no longer exists. Another host's lock is never judged. */
function isStale(l: LockInfo): boolean {
  if (l.host !== hostname()) return false;
  if (l.pid === process.pid) return false;
  try {
    process.kill(l.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
