/**
 * `evstudy cache info [--json] | clear`: where the per-user column cache is, what it holds against
 * its cap, and emptying it. Thin: the folder logic is in src/data/prices/cache/.
 */
import type { Command } from 'commander';
import { cacheInfo, clearCache, type CacheInfo } from '../../data/prices/cache/info.js';

type Write = (text: string) => void;
const stdout: Write = (text) => void process.stdout.write(text);

export function register(program: Command): void {
  const cache = program.command('cache').description('the per-user cache of parsed price files: where it is, how big, emptying it');
  cache
    .command('info')
    .description('location, entries, bytes and size cap of the cache')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => cacheInfoCommand(opts));
  cache
    .command('clear')
    .description('delete every cache entry (they are rebuilt from the CSV files when next needed)')
    .action(() => cacheClearCommand());
}

export function cacheInfoCommand(opts: { json?: boolean }, write: Write = stdout): void {
  const info = cacheInfo();
  if (opts.json) {
    write(`${JSON.stringify(info, null, 2)}\n`);
    return;
  }
  write(formatInfo(info));
}

function formatInfo(i: CacheInfo): string {
  const from = i.from === 'home' ? 'default' : `from ${i.from}`;
  const state = !i.enabled ? 'off (EVSTUDY_NO_CACHE)' : i.unusable ? `not used: ${i.unusable}` : i.exists ? 'on' : 'on (not created yet)';
  const lines = [
    `location  ${i.dir} (${from})`,
    `state     ${state}`,
    `entries   ${i.entries}`,
    `size      ${formatBytes(i.bytes)} of a ${formatBytes(i.maxBytes)} cap (EVSTUDY_CACHE_MAX_BYTES; least recently used entries go first)`,
  ];
  if (i.legacy) lines.push(`note      ${i.legacy} is an old cache folder that evstudy no longer reads; it can be deleted`);
  return `${lines.join('\n')}\n`;
}

export function cacheClearCommand(write: Write = stdout): void {
  const r = clearCache();
  write(`removed ${r.entries} entries (${formatBytes(r.bytes)}) from ${r.dir}\n`);
}

function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}
