/**
 * Issue 10 §2: a run owns only what it wrote in its output folder, and replaces it whole. Through
 * the built CLI, on the small registry study of the bad-input corpus (--no-charts: charts are not
 * what is tested here). Independent runs go concurrently; one "old" report is made once and copied.
 *
 * The kill test uses the EVSTUDY_FAULT hook (src/util/faultPoint.ts): the CLI kills itself with
 * SIGKILL at the named step of the swap, as a power cut or `kill -9` would.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runBuilt } from '../helpers/cli.js';

const REG = join(REPO, 'tests/fixtures/bad/study/registry');
const MANIFEST = '.evstudy-manifest.json';

let root = '';
/** Study files: every event of the registry (`old`), two of them (`new`), and broken selections. */
const S = { old: '', new: '', badId: '', nothing: '', ghost: '' };
/** A finished report of `S.old`, copied wherever a test needs a previous report. */
let OLD = '';

function studyFile(name: string, select: string): string {
  const file = join(root, `${name}.yaml`);
  writeFileSync(file, `id: ${name}\ntitle: ${name}\neventsDir: ${join(REG, 'events')}\npricesDir: ${join(REG, 'prices')}\nbootstrapSamples: 9\n${select}`);
  return file;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'evstudy-outdir-'));
  S.old = studyFile('old', '');
  S.new = studyFile('new', 'select:\n  ids: [good-a, good-b]\n');
  S.badId = studyFile('bad-id', 'select:\n  ids: [good-a, nope]\n');
  S.nothing = studyFile('nothing', 'select:\n  tags: [no-such-tag]\n');
  S.ghost = studyFile('ghost', 'select:\n  ids: [ghost]\n');
  OLD = join(root, 'old-report');
  const run = await runBuilt(['run', S.old, '--out', OLD, '--no-charts']);
  expect(run.code, run.stderr).toBe(0);
  // The summary names what was written: no charts/ with --no-charts.
  expect(run.out).toMatch(/wrote .*report\.md, report\.html, report\.json, events\.csv\n$/);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh copy of the old report. */
let copies = 0;
function oldCopy(): string {
  const d = join(root, `copy-${++copies}`);
  cpSync(OLD, d, { recursive: true });
  return d;
}

/** Every file under `dir` (recursive) with its bytes, leaving out evstudy's own working files. */
function visible(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const rel = relative(dir, join(e.parentPath, e.name));
    if (/^\.evstudy(-staging|-commit|\.lock)/.test(rel)) continue;
    out.set(rel, readFileSync(join(dir, rel)).toString('base64'));
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** evstudy's working files left in `dir` (staging folders, journal, lock, temp files). */
const leftovers = (dir: string) => readdirSync(dir).filter((n) => (n.startsWith('.evstudy') && n !== MANIFEST) || n.endsWith('.tmp'));

/** The folder holds exactly the files its manifest lists, each with the listed bytes; returns report.json. */
function expectComplete(dir: string): { inputs: { events: string[] } } {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { files: { path: string; size: number; sha256: string }[] };
  for (const f of manifest.files) expect(createHash('sha256').update(readFileSync(join(dir, f.path))).digest('hex'), f.path).toBe(f.sha256);
  expect([...visible(dir).keys()].filter((f) => f !== MANIFEST)).toEqual(manifest.files.map((f) => f.path).sort());
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
}

describe('output folders', () => {
  it('a kill at any step of the swap leaves the old report, or the new one once the next run has finished the swap; a run that selects nothing or aggregates nothing changes nothing', async () => {
    const before = visible(OLD);
    const points = ['staged', 'committed', 'mid-rename'];
    const dirs = points.map(() => oldCopy());
    // Temp files of the previous writer, which no run used to remove.
    writeFileSync(join(dirs[0], '.report.json.12345.deadbeef.tmp'), 'x');
    const killed = await Promise.all(points.map((p, i) => runBuilt(['run', S.new, '--out', dirs[i], '--no-charts'], { env: { EVSTUDY_FAULT: p } })));
    killed.forEach((k, i) => expect(k.signal, `${points[i]}: ${k.stderr}`).toBe('SIGKILL'));
    // Killed before the commit point: the folder is the old report as it was (the old temp file
    // already swept when the run took the folder).
    expect(visible(dirs[0])).toEqual(before);
    // Killed after it: the journal is there for the next run.
    for (const d of dirs.slice(1)) expect(existsSync(join(d, '.evstudy-commit'))).toBe(true);

    // The next run into each folder first finishes or sweeps what the killed one left, then stops
    // at its own error: a select id the registry lacks or a selection of nothing (exit 4, at their
    // line), or no event in the aggregate (exit 3, outcomes counted). None of them writes.
    const [badId, nothing, ghost] = await Promise.all([S.badId, S.nothing, S.ghost].map((s, i) => runBuilt(['run', s, '--out', dirs[i], '--no-charts'])));
    expect(badId.code, badId.stderr).toBe(4);
    expect(badId.stderr).toContain(`${S.badId}:7: select.ids[1] "nope": no event with this id`);
    expect(nothing.code, nothing.stderr).toBe(4);
    expect(nothing.stderr).toContain(`${S.nothing}:7: select: the selection matches no event`);
    expect(ghost.code, ghost.stderr).toBe(3);
    expect(ghost.stderr).toMatch(/no event reached the aggregate \(1 event: no-price-data 1\)/);
    points.forEach((p, i) => {
      expect(leftovers(dirs[i]), p).toEqual([]);
      if (p === 'staged') expect(visible(dirs[i])).toEqual(before);
      else expect(expectComplete(dirs[i]).inputs.events, p).toEqual(['good-a', 'good-b']);
    });
  });

  it("a folder that is not evstudy's is refused (exit 5) unless --force, and --force touches only evstudy's files", async () => {
    const p = join(root, 'P');
    mkdirSync(join(p, 'charts'), { recursive: true });
    writeFileSync(join(p, 'charts', 'logo.svg'), '<svg/>\n');
    writeFileSync(join(p, 'report.md'), '# mine\n');
    const refused = await runBuilt(['run', S.old, '--out', p, '--no-charts']);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(/P: the output folder is not empty and is not an evstudy output folder .*--force/);
    expect(visible(p)).toEqual(new Map([['charts/logo.svg', Buffer.from('<svg/>\n').toString('base64')], ['report.md', Buffer.from('# mine\n').toString('base64')]]));

    const forced = await runBuilt(['run', S.old, '--out', p, '--no-charts', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(p, 'charts', 'logo.svg'), 'utf8')).toBe('<svg/>\n');
    expect(readFileSync(join(p, 'report.md'), 'utf8')).not.toBe('# mine\n');
    const manifest = JSON.parse(readFileSync(join(p, MANIFEST), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toEqual(['events.csv', 'report.html', 'report.json', 'report.md']);
  });

  it('only files the previous manifest lists (and unchanged since) are removed; a dead run’s lock is taken over; a live one’s refuses', async () => {
    const d = oldCopy();
    const manifest = JSON.parse(readFileSync(join(d, MANIFEST), 'utf8')) as { files: { path: string; size: number; sha256: string; producer: string }[] };
    const add = (path: string, text: string, listed: string | null) => {
      mkdirSync(join(d, 'charts'), { recursive: true });
      writeFileSync(join(d, path), text);
      if (listed !== null)
        manifest.files.push({ path, size: Buffer.byteLength(listed), sha256: createHash('sha256').update(listed).digest('hex'), producer: 'report' });
    };
    add('charts/stale.svg', '<svg>old</svg>', '<svg>old</svg>'); // ours and unchanged: removed
    add('charts/edited.svg', '<svg>edited by the user</svg>', '<svg>old</svg>'); // ours but changed since: kept
    add('charts/mine.svg', '<svg>mine</svg>', null); // never ours: kept
    writeFileSync(join(d, MANIFEST), JSON.stringify(manifest));

    const busy = oldCopy();
    const lock = (pid: number) => JSON.stringify({ pid, host: hostname(), started: '2026-01-01T00:00:00.000Z' });
    writeFileSync(join(busy, '.evstudy.lock'), lock(process.pid));
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(d, '.evstudy.lock'), lock(dead));

    const [run, refused] = await Promise.all([runBuilt(['run', S.new, '--out', d, '--no-charts']), runBuilt(['run', S.new, '--out', busy, '--no-charts'])]);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(d, 'charts', 'stale.svg'))).toBe(false);
    expect(readFileSync(join(d, 'charts', 'edited.svg'), 'utf8')).toBe('<svg>edited by the user</svg>');
    expect(readFileSync(join(d, 'charts', 'mine.svg'), 'utf8')).toBe('<svg>mine</svg>');
    expect(leftovers(d)).toEqual([]);

    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain(`.evstudy.lock: another evstudy run (pid ${process.pid} on ${hostname()}`);
    expect(visible(busy)).toEqual(visible(OLD));
  });

  it('a symlinked charts/ is never followed; --out "" is a usage error; /proc/nope and a file fail at once', async () => {
    const d = oldCopy();
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'a.svg'), '<svg/>');
    symlinkSync(elsewhere, join(d, 'charts'));
    const file = join(root, 'a-file');
    writeFileSync(file, 'precious\n');
    // (--out FILE itself is in behaviour.test.ts.)
    const [linked, empty, proc, below] = await Promise.all([
      runBuilt(['run', S.old, '--out', d]),
      runBuilt(['run', S.old, '--out', '', '--no-charts']),
      runBuilt(['run', S.old, '--out', '/proc/nope/x', '--no-charts'], { timeoutMs: 15_000 }),
      runBuilt(['run', S.old, '--out', join(file, 'sub'), '--no-charts']),
    ]);
    expect(linked.code).toBe(5);
    expect(linked.stderr).toContain(`${join(d, 'charts')}: is a symbolic link; evstudy never writes through one`);
    expect(readdirSync(elsewhere)).toEqual(['a.svg']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--out "": the output folder is empty/);
    expect(proc.code).toBe(5);
    expect(proc.stderr).toMatch(/\/proc\/nope: cannot create the output folder/);
    expect(below.code).toBe(5);
    expect(below.stderr).toContain(`${file}: not a directory`);
    expect(readFileSync(file, 'utf8')).toBe('precious\n');
  });
});
