/**
 * Output folders that evstudy owns only in part and replaces whole.
 *
 * A run builds its files in a staging folder beside the old ones (`.evstudy-staging-*`), then
 * commits by writing a journal (`.evstudy-commit`) that lists the renames, performs them and
 * removes the journal. A crash before the journal leaves the old report (the staging folder is
 * swept by the next run); a crash after it is rolled forward by the next run into the folder, which
 * finishes the listed renames; an error during the renames puts the previous files back.
 *
 * The folder's manifest (`.evstudy-manifest.json`) lists what evstudy wrote there, per command:
 * only files it lists are ever removed, and a non-empty folder without one is refused unless
 * forced (or it is a report of an older evstudy, whose files are then replaced by name only).
 * No symbolic link inside the folder is followed: one where a file or sub-folder would go is refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { acquireDirLock, LOCK_FILE } from './dirLock.js';
import { isSafeRelative, MANIFEST_FILE, MANIFEST_TOOL, readDirManifest, type DirManifest, type ManifestEntry } from './dirManifest.js';
import { ensureDir } from './ensureDir.js';
import { faultPoint } from '../util/faultPoint.js';
import { errnoText, OutputError, UsageError } from '../util/errors.js';
import { sha256 } from '../util/sha256.js';

export const JOURNAL_FILE = '.evstudy-commit';
const STAGING_PREFIX = '.evstudy-staging-';
const VERSION = '0.1.0';

export interface OutputDirOptions {
  /** Which command writes (`report`, `baskets-compare`, ...): each replaces only its own files. */
  producer: string;
  /** Write into a non-empty folder that is not an evstudy output folder. */
  force?: boolean;
}

export interface StagedOutput {
  /** Adds a file (path relative to the output folder, `/`-separated) to the new set. */
  stage(rel: string, data: string | Uint8Array): void;
}

export interface WrittenDir {
  dir: string;
  /** Absolute paths of the files this run wrote. */
  files: string[];
}

interface Journal {
  staging: string;
  /** Renamed from the staging folder into place, in this order; the manifest last. */
  renames: string[];
  /** Files of the previous set that the new one no longer has. */
  deletes: string[];
}

/**
 * Writes one command's files into `dir` (a path, or a session the caller opened before its
 * computation and closes itself): `build` stages them, then they replace that command's previous
 * files as a whole. Nothing in the folder changes until every file is staged.
 */
export async function writeOutputDir(
  target: string | OutputSession,
  opts: OutputDirOptions,
  build: (out: StagedOutput) => void | Promise<void>,
): Promise<WrittenDir> {
  const session = typeof target === 'string' ? openOutputDir(target, opts) : target;
  try {
    await build(session.out);
    return session.commit();
  } finally {
    if (typeof target === 'string') session.close();
  }
}

/** The same for files already in memory, for synchronous callers. */
export function writeOutputFiles(target: string, opts: OutputDirOptions, files: readonly { file: string; data: string | Uint8Array }[]): WrittenDir {
  const session = openOutputDir(target, opts);
  try {
    for (const f of files) session.out.stage(f.file, f.data);
    return session.commit();
  } finally {
    session.close();
  }
}

export interface OutputSession {
  dir: string;
  out: StagedOutput;
  commit(): WrittenDir;
  /** Releases the lock and removes the staging folder if the commit did not happen. */
  close(): void;
}

/**
 * Takes an output folder for one run: creates it if missing, locks it, completes or sweeps what an
 * interrupted run left, and checks that it may be written (evstudy's or empty, or forced; no
 * symlinked charts/). A command opens it before its computation, so a folder it may not use, or
 * one another run holds, is refused at once rather than after minutes of work.
 */
export function openOutputDir(target: string, opts: OutputDirOptions): OutputSession {
  if (target.trim() === '') throw new UsageError('the output folder is empty; give a folder name (use . for the current folder)', { field: '--out' });
  const existed = existsNoFollow(resolve(target));
  const dir = ensureDir(target);
  const lock = acquireDirLock(dir);
  const release = lock.release;
  let staging = '';
  let committed = false;
  try {
    recover(dir);
    // Old temp files are swept only in a folder known to be evstudy's: a forced run into someone
    // else's folder touches nothing of theirs.
    if (checkOwnership(dir, opts.force === true)) sweepOldTemps(dir);
    refuseLinks(dir, 'charts/-');
    faultPoint('recovered');
    staging = `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`;
    mkdirSync(join(dir, staging));
  } catch (e) {
    release();
    throw e;
  }
  const entries = new Map<string, ManifestEntry>();
  const out: StagedOutput = {
    stage(rel, data) {
      if (!isSafeRelative(rel) || rel === MANIFEST_FILE || rel.startsWith('.evstudy')) throw new OutputError('refusing to write outside the output folder (a bug: please report it)', { file: rel });
      // Staging a file again replaces it (report.md is restaged without the link of a chart that
      // failed); the staged copy is this run's own, in its own staging folder.
      if (entries.has(rel)) rmSync(join(dir, staging, rel), { force: true });
      const { size, sha256 } = writeDurable(join(dir, staging, rel), data);
      entries.set(rel, { path: rel, size, sha256, producer: opts.producer });
    },
  };
  return {
    dir,
    out,
    commit() {
      // Read again rather than kept from the check: recovery may have rewritten it.
      if (!lock.held()) throw new OutputError('another evstudy run took over the lock of this folder; nothing was changed', { file: join(dir, LOCK_FILE) });
      const written = commitStaged(dir, staging, readDirManifest(dir), entries, opts.producer);
      committed = true;
      return written;
    },
    close() {
      // A swap that failed half-way and could not be undone left its journal: the staged files
      // stay for the next run to finish it.
      if (!committed && staging && pendingStaging(dir) !== staging) rmSync(join(dir, staging), { recursive: true, force: true });
      release();
      // A run that wrote nothing leaves no folder it made.
      if (!committed && !existed) tryRmdir(dir);
    },
  };
}

function commitStaged(dir: string, staging: string, previous: DirManifest | null, entries: Map<string, ManifestEntry>, producer: string): WrittenDir {
  const stagedDir = join(dir, staging);
  const newFiles = [...entries.values()].sort((a, b) => a.path.localeCompare(b.path));
  // Another command's files stay listed unless this run replaces them by name.
  const kept = (previous?.files ?? []).filter((f) => f.producer !== producer && !entries.has(f.path));
  const deletes = (previous?.files ?? []).filter((f) => f.producer === producer && !entries.has(f.path) && unchangedSince(dir, f)).map((f) => f.path);
  const manifest: DirManifest = { tool: MANIFEST_TOOL, version: VERSION, written: new Date().toISOString(), files: [...kept, ...newFiles] };
  writeDurable(join(stagedDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const f of newFiles) refuseLinks(dir, f.path);
  faultPoint('staged');

  // Hard links to the files about to be replaced, so an error during the renames can put them back.
  const renames = [...newFiles.map((f) => f.path), MANIFEST_FILE];
  const backups = join(stagedDir, '.evstudy-backup');
  const backedUp = new Set<string>();
  for (const rel of renames) {
    if (!existsNoFollow(join(dir, rel))) continue;
    mkdirSync(dirname(join(backups, rel)), { recursive: true });
    try {
      try {
        linkSync(join(dir, rel), join(backups, rel));
      } catch {
        copyFileSync(join(dir, rel), join(backups, rel)); // a file system without hard links
      }
      backedUp.add(rel);
    } catch (e) {
      throw new OutputError(`cannot keep the previous file while replacing it (${errnoText(e)}); nothing was changed`, {
        file: join(dir, rel),
      });
    }
  }

  const journal: Journal = { staging, renames, deletes };
  writeDurable(join(stagedDir, JOURNAL_FILE), `${JSON.stringify(journal)}\n`);
  try {
    renameSync(join(stagedDir, JOURNAL_FILE), join(dir, JOURNAL_FILE)); // the commit point
  } catch (e) {
    throw new OutputError(`cannot write (${errnoText(e)}); no file was replaced`, { file: join(dir, JOURNAL_FILE) });
  }
  fsyncDir(dir);
  faultPoint('committed');

  let done = 0;
  try {
    for (const rel of renames) {
      moveIntoPlace(dir, stagedDir, rel);
      done++;
      if (done === 1) faultPoint('mid-rename');
    }
  } catch (e) {
    const restored = rollBack(dir, stagedDir, renames.slice(0, done), backedUp);
    throw new OutputError(
      `cannot write (${errnoText(e)}); ${
        done === 0 ? 'no file was replaced' : restored ? 'the previous files were restored' : 'the next run into this folder completes the replacement'
      }`,
      { file: join(dir, renames[done]) },
    );
  }
  faultPoint('renamed');
  try {
    finishCommit(dir, journal);
  } catch (e) {
    throw new OutputError(
      `the new files are in place, but removing the replaced ones failed (${errnoText(e)}); the next run into this folder finishes it`,
      { file: dir },
    );
  }
  return { dir, files: newFiles.map((f) => join(dir, f.path)) };
}

/** Deletes what the new set dropped, then the journal and the staging folder. Safe to repeat. */
function finishCommit(dir: string, journal: Journal): void {
  for (const rel of journal.deletes) {
    rmSync(join(dir, rel), { force: true });
    pruneEmptyParents(dir, rel);
  }
  faultPoint('before-cleanup');
  rmSync(join(dir, JOURNAL_FILE), { force: true });
  rmSync(join(dir, journal.staging), { recursive: true, force: true });
}

function rollBack(dir: string, stagedDir: string, renamed: string[], backedUp: Set<string>): boolean {
  try {
    for (const rel of renamed.reverse()) {
      if (backedUp.has(rel)) renameSync(join(stagedDir, '.evstudy-backup', rel), join(dir, rel));
      else rmSync(join(dir, rel), { force: true });
    }
    rmSync(join(dir, JOURNAL_FILE), { force: true });
    return true;
  } catch {
    return false; // the journal stays: the next run rolls forward instead
  }
}

/**
 * Finishes a commit a crashed run left (its journal is there), then removes staging folders and
 * temporary files of runs that died before committing. Called with the lock held.
 */
function recover(dir: string): void {
  const journalFile = join(dir, JOURNAL_FILE);
  let journal: Journal | null = null;
  try {
    journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new OutputError('an interrupted run left a journal that cannot be read; remove it and rerun', { file: journalFile });
  }
  if (journal) {
    const ok =
      typeof journal.staging === 'string' &&
      journal.staging.startsWith(STAGING_PREFIX) &&
      isSafeRelative(journal.staging) &&
      Array.isArray(journal.renames) &&
      Array.isArray(journal.deletes) &&
      [...journal.renames, ...journal.deletes].every((r) => typeof r === 'string' && isSafeRelative(r));
    if (!ok) throw new OutputError('an interrupted run left a journal that is not evstudy’s; remove it and rerun', { file: journalFile });
    const stagedDir = join(dir, journal.staging);
    for (const rel of journal.renames) {
      if (!existsNoFollow(join(stagedDir, rel))) continue; // moved before the crash
      refuseLinks(dir, rel);
      moveIntoPlace(dir, stagedDir, rel);
    }
    finishCommit(dir, journal);
  }
  for (const name of readdirSync(dir)) {
    if (name.startsWith(STAGING_PREFIX) || (name.startsWith(`${LOCK_FILE}.`) && name !== LOCK_FILE)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** The name of a temp or backup file of the previous writer: `.report.json.<pid>.<hex>.tmp` (or `….bak.tmp`). */
const OLD_TEMP = /^\..+\.\d+\.[0-9a-f]{8}(?:\.bak)?\.tmp$/;

/** Temp and backup files of the previous writer, which no run removed. */
function sweepOldTemps(dir: string): void {
  for (const d of [dir, join(dir, 'charts')]) {
    if (!lstatSync(d, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const name of readdirSync(d)) if (OLD_TEMP.test(name)) rmSync(join(d, name), { force: true });
  }
}

const LEGACY_NAMES = new Set(['report.json', 'report.md', 'charts', 'baskets.json', 'baskets.md', 'basket-events.json', 'basket-events.md']);

/**
 * May this run write here? Yes into an empty folder, one with an evstudy manifest, or a report
 * folder of an older evstudy (only its known names, and a JSON file that says evstudy wrote it);
 * otherwise only with --force. True when the folder is evstudy's (not merely forced).
 */
function checkOwnership(dir: string, force: boolean): boolean {
  if (readDirManifest(dir) || existsNoFollow(join(dir, JOURNAL_FILE))) return true;
  const names = readdirSync(dir).filter((n) => !n.startsWith('.evstudy') && !OLD_TEMP.test(n));
  if (names.length === 0) return true;
  if (names.every((n) => LEGACY_NAMES.has(n)) && names.some((n) => n.endsWith('.json') && writtenByEvstudy(join(dir, n)))) return true;
  if (force) return false;
  throw new OutputError(
    `the output folder is not empty and is not an evstudy output folder (it holds ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', ...' : ''}); choose an empty or new folder, or pass --force to write evstudy's files into it (no other file is touched)`,
    { file: dir },
  );
}

function writtenByEvstudy(file: string): boolean {
  try {
    if (!lstatSync(file).isFile()) return false;
    const j = JSON.parse(readFileSync(file, 'utf8')) as { generator?: unknown; schemaVersion?: unknown; baskets?: unknown; events?: unknown };
    return (typeof j.generator === 'string' && j.generator.startsWith('evstudy')) || (typeof j.schemaVersion === 'string' && (j.baskets !== undefined || j.events !== undefined));
  } catch {
    return false;
  }
}

/** A file listed by the manifest is removed only if it still is what evstudy wrote (a user may have replaced it). */
function unchangedSince(dir: string, f: ManifestEntry): boolean {
  try {
    // Never through a link: a charts/ made a link since would point the delete elsewhere.
    refuseLinks(dir, f.path);
    const p = join(dir, f.path);
    const st = lstatSync(p);
    return st.isFile() && st.size === f.size && sha256(readFileSync(p)) === f.sha256;
  } catch {
    return false;
  }
}

/** Every sub-folder on the way to `rel` must be a real folder (or missing), never a symbolic link. */
function refuseLinks(dir: string, rel: string): void {
  const parts = rel.split('/');
  let p = dir;
  for (const part of parts.slice(0, -1)) {
    p = join(p, part);
    const st = lstatSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isSymbolicLink()) throw new OutputError('is a symbolic link; evstudy never writes through one: remove it or choose another --out', { file: p });
    if (!st.isDirectory()) throw new OutputError('is in the way of a sub-folder evstudy writes; remove it or choose another --out', { file: p });
  }
  const last = lstatSync(join(dir, rel), { throwIfNoEntry: false });
  if (last?.isDirectory()) throw new OutputError('is a folder where evstudy writes a file; remove it or choose another --out', { file: join(dir, rel) });
}

function moveIntoPlace(dir: string, stagedDir: string, rel: string): void {
  const to = join(dir, rel);
  mkdirSync(dirname(to), { recursive: true });
  renameSync(join(stagedDir, rel), to);
}

function pruneEmptyParents(dir: string, rel: string): void {
  let d = dirname(join(dir, rel));
  while (d.length > dir.length) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty (or not ours to judge): stop
    }
    d = dirname(d);
  }
}

/**
 * Writes, fsyncs and hashes a new file. A string is encoded a slice at a time: a 20,000-event
 * report.json is ~170 MB, and one Buffer of it beside the string was ~10% of the run's peak RSS.
 */
function writeDurable(file: string, data: string | Uint8Array): { size: number; sha256: string } {
  mkdirSync(dirname(file), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  try {
    const fd = openSync(file, 'wx');
    try {
      if (typeof data === 'string') {
        // Slices end on a UTF-16 code unit; one that would split a surrogate pair is cut a unit earlier.
        for (let at = 0; at < data.length; ) {
          let end = Math.min(data.length, at + WRITE_SLICE);
          const last = data.charCodeAt(end - 1);
          if (end < data.length && last >= 0xd800 && last <= 0xdbff) end--;
          const chunk = Buffer.from(data.slice(at, end), 'utf8');
          writeAll(fd, chunk);
          hash.update(chunk);
          size += chunk.length;
          at = end;
        }
      } else {
        writeAll(fd, data);
        hash.update(data);
        size = data.length;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new OutputError(`cannot write (${errnoText(e)}); nothing was changed`, { file });
  }
  return { size, sha256: hash.digest('hex') };
}

const WRITE_SLICE = 4 << 20;

/** writeSync may write less than asked (a full pipe, a signal); the rest is written too. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** The staging folder named by a journal in `dir`, if there is one. */
function pendingStaging(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(dir, JOURNAL_FILE), 'utf8')) as Partial<Journal>).staging;
  } catch {
    return undefined;
  }
}

/** Makes the renames in `dir` durable (the journal above all); not every platform can, which only weakens that. */
function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* EISDIR / EPERM on some systems */
  }
}

function tryRmdir(d: string): void {
  try {
    rmdirSync(d);
  } catch {
    /* not empty: someone else's now */
  }
}

function existsNoFollow(p: string): boolean {
  try {
    return lstatSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false; // ENOTDIR: a file on the way
  }
}

/** What a failed file operation reports: its errno code, else its message. */

