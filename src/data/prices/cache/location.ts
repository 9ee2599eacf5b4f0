/**
 * Where the column cache lives and how big it may grow, from the environment.
 *
 * The cache is per user, never per working folder: a `.evstudy-cache/` that came with a copied or
 * cloned folder would otherwise be trusted over the CSV files beside it. Order:
 *   EVSTUDY_CACHE_DIR  (relative to the working folder)
 *   $XDG_CACHE_HOME/evstudy  (when absolute, as the XDG spec requires)
 *   ~/.cache/evstudy
 * EVSTUDY_NO_CACHE=1 turns the cache off; EVSTUDY_CACHE_MAX_BYTES caps its size (default 1 GiB).
 * The old `.evstudy-cache/` in the working folder is never read.
 */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from '../../../util/errors.js';

export const DEFAULT_MAX_BYTES = 1024 ** 3;
/** The folder earlier versions kept in the working folder; only named by `cache info` so users can delete it. */
export const LEGACY_DIR = '.evstudy-cache';

export interface CacheLocation {
  dir: string;
  /** Which rule chose `dir`. */
  from: 'EVSTUDY_CACHE_DIR' | 'XDG_CACHE_HOME' | 'home';
  /** False when EVSTUDY_NO_CACHE turns the cache off. */
  enabled: boolean;
  maxBytes: number;
}

export function cacheLocation(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): CacheLocation {
  const off = env.EVSTUDY_NO_CACHE;
  const enabled = !(off !== undefined && off !== '' && off !== '0' && off.toLowerCase() !== 'false');
  const maxBytes = parseMaxBytes(env.EVSTUDY_CACHE_MAX_BYTES);
  if (env.EVSTUDY_CACHE_DIR) return { dir: resolve(cwd, env.EVSTUDY_CACHE_DIR), from: 'EVSTUDY_CACHE_DIR', enabled, maxBytes };
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return { dir: join(xdg, 'evstudy'), from: 'XDG_CACHE_HOME', enabled, maxBytes };
  return { dir: join(env.HOME || homedir(), '.cache', 'evstudy'), from: 'home', enabled, maxBytes };
}

/** The cache folder in use, or null when the cache is off. Throws ConfigError for a bad EVSTUDY_CACHE_MAX_BYTES. */
export function cacheDirFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | null {
  const loc = cacheLocation(env, cwd);
  return loc.enabled ? loc.dir : null;
}

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** Bytes, or with a binary suffix: `500M`, `2G` (KiB, MiB, GiB, TiB; a trailing `B`/`iB` is allowed). */
export function parseMaxBytes(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_MAX_BYTES;
  const m = /^\s*(\d+)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text);
  const n = m ? Number(m[1]) * UNITS[m[2].toLowerCase()] : NaN;
  if (!Number.isSafeInteger(n)) {
    throw new ConfigError('must be a whole number of bytes, optionally with K, M, G or T (binary units), e.g. 500M', {
      field: 'EVSTUDY_CACHE_MAX_BYTES',
      value: text,
    });
  }
  return n;
}
