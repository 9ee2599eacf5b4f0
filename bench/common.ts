/**
 * Pieces the bench scripts share: the peer workload's study command, reading `/usr/bin/time -v`
 * and drawing a seeded subset.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `evstudy study` arguments for the peer workload's spec (../shared/bench/README.md: market model,
 * estimation [-260, -11], event window [-10, +10], CAR windows [-1, 1], [0, 1], [-5, 5]) on the
 * tables in `data`, writing to `out`; `events` defaults to the workload's own events.csv.
 */
export function peerStudyArgs(data: string, out: string, opts: { events?: string; charts?: boolean } = {}): string[] {
  return [
    'study',
    '--returns', join(data, 'returns.csv'),
    '--market', join(data, 'market.csv'),
    '--events', opts.events ?? join(data, 'events.csv'),
    '--model', 'market',
    '--estimation=-260:-11',
    '--window=-10:10',
    '--car=-1:1,0:1,-5:5',
    '--out', out,
    ...(opts.charts ? [] : ['--no-charts']),
  ];
}

/** Wall, user + system CPU and peak RSS from the stderr of `/usr/bin/time -v`. */
export function parseTimeV(stderr: string): { wallS: number; cpuS: number; maxRssMB: number } {
  const field = (name: string) => {
    const m = new RegExp(`${name}: (.*)`).exec(stderr);
    if (!m) throw new Error(`no "${name}" in /usr/bin/time output`);
    return m[1].trim();
  };
  // "m:ss.ss" or "h:mm:ss"
  const parts = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number);
  const [h, mm, ss] = parts.length === 3 ? parts : [0, parts[0], parts[1]];
  return {
    wallS: h * 3600 + mm * 60 + ss,
    cpuS: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')),
    maxRssMB: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024,
  };
}

/**
 * Runs `cmd args` under `/usr/bin/time -v` (whole process: what a user waits for), and returns its
 * exit status and output with the wall, CPU and peak RSS of parseTimeV. The caller decides what a
 * non-zero status means.
 */
export function timeCommand(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): { status: number | null; stdout: string; stderr: string; wallS: number; cpuS: number; maxRssMB: number } {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', env: opts.env ?? process.env, cwd: opts.cwd, maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ...parseTimeV(r.stderr) };
}

/**
 * `want` of `items`, drawn by a seeded Fisher-Yates shuffle (an LCG, so every run and machine draws
 * the same) and returned in their original order, so a subset spreads over the whole period.
 */
export function seededSubset<T>(items: readonly T[], want: number, seed = 20240601): T[] {
  if (want >= items.length) return [...items];
  const idx = items.map((_, i) => i);
  let a = seed;
  for (let i = idx.length - 1; i > 0; i--) {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    const j = a % (i + 1);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, want).sort((x, y) => x - y).map((i) => items[i]);
}
