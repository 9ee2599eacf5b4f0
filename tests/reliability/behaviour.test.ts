/**
 * Behaviour under bad input and faults, through the command line in-process:
 *  - per-event problems become per-event outcomes while the rest of the study completes;
 *  - no NaN, Infinity or undefined in report.json / report.md;
 *  - a failed run leaves the previous report byte-identical and no temp files;
 *  - `events add` never overwrites or corrupts an existing file, and builds no path from a bad id;
 *  - nothing is written outside the chosen output folder.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addEvent, loadEvents } from '../../src/data/events/index.js';
import { ConfigError } from '../../src/util/errors.js';
import type { ReportJson } from '../../src/report/schema.js';
import { BAD, REPO, bad, expectClean, expectUserError, listFiles, runCli, snapshot, studyArgs, tempDir } from './helpers.js';

const readReport = (dir: string): ReportJson => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ReportJson;

/** The bytes of every file under `dir`, by relative path. */
function contents(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

describe('a study with problem events completes; each event gets its outcome', () => {
  it('good events are aggregated, every other event has an outcome and a reason, the report is clean', async () => {
    const out = join(tempDir(), 'out');
    // Problem events, a 1e308 return in AAA's history and the market missing on 2022-08-01, at once.
    const run = await runCli(
      studyArgs({ '--events': bad('tables/events-mixed.csv'), '--returns': bad('tables/returns-huge-1e308.csv'), '--market': bad('tables/market-missing-event-day.csv') }, out),
    );
    expect(run.code, run.err).toBe(0);
    const r = readReport(out);
    const by = new Map(r.events.map((e) => [e.id, e]));
    expect(Object.fromEntries(r.events.map((e) => [e.id, e.outcome]))).toEqual({
      'good-a': 'insufficient-estimation', // its estimation window holds the 1e308 return
      'good-b': 'ok',
      'good-c': 'ok',
      ghost: 'no-price-data',
      future: 'outside-data',
      'too-early': 'insufficient-estimation',
      flat: 'insufficient-estimation',
      late: 'insufficient-estimation', // the 1e308 return again: AAA's window [-130,-11] of 2022-11-01 holds it
      'over-1': 'ok',
      'over-2': 'ok',
    });
    for (const e of r.events) if (e.outcome !== 'ok') expect(e.reason, e.id).toBeTruthy();
    expect(by.get('over-1')?.flags).toContain('confounded: event window overlaps over-2');
    expect(r.aggregate.n).toBe(4);
    // The summary line counts them all.
    expect(run.out).toMatch(/^10 events \(.*\); 4 in the aggregate\./);
    for (const f of ['report.json', 'report.md']) expectClean(readFileSync(join(out, f), 'utf8'), f);
  });

  it('with the base returns the late event runs past the data: window-gap, shown but not aggregated', async () => {
    const out = join(tempDir(), 'out');
    const run = await runCli(studyArgs({ '--events': bad('tables/events-mixed.csv') }, out));
    expect(run.code, run.err).toBe(0);
    const r = readReport(out);
    const late = r.events.find((e) => e.id === 'late')!;
    expect(late.outcome).toBe('window-gap');
    expect(late.reason).toMatch(/runs 7 trading day\(s\) past the data/);
    expect(late.days.length).toBe(21);
    expect(late.days.filter((d) => d.date === null).length).toBe(7);
    expect(r.aggregate.n).toBe(5);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    for (const f of ['report.json', 'report.md']) expectClean(readFileSync(join(out, f), 'utf8'), f);
    for (const id of ['ghost', 'future', 'too-early', 'flat', 'late']) expect(md).toContain(id);
  });
});

describe('a failed run leaves the previous report intact', () => {
  async function firstReport(): Promise<{ out: string; before: Map<string, string> }> {
    const out = join(tempDir(), 'out');
    const run = await runCli(studyArgs({}, out));
    expect(run.code, run.err).toBe(0);
    return { out, before: contents(out) };
  }

  it('bad input: the run stops before writing; old files byte-identical', async () => {
    const { out, before } = await firstReport();
    const run = await runCli(studyArgs({ '--returns': bad('tables/returns-inf.csv') }, out));
    expectUserError(run, 3, { file: bad('tables/returns-inf.csv'), line: 40, field: 'BBB' });
    expect(contents(out)).toEqual(before);
  });

  it('charts/ is a file: exit 5 before anything is written, old files byte-identical, no temp files', async () => {
    const { out, before } = await firstReport();
    writeFileSync(join(out, 'charts'), 'not a folder\n');
    const withCharts = contents(out);
    const args = studyArgs({ '--charts': null }, out);
    const run = await runCli(args);
    expectUserError(run, 5, { file: join(out, 'charts') }, /is in the way of a sub-folder evstudy writes/);
    expect(contents(out)).toEqual(withCharts);
    expect([...before.keys()].every((k) => withCharts.get(k) === before.get(k))).toBe(true);
    expect(listFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an output folder that is a file: exit 5, the file untouched', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFileSync(out, 'precious\n');
    const run = await runCli(studyArgs({}, out));
    expectUserError(run, 5, { file: out }, /not a directory/);
    expect(readFileSync(out, 'utf8')).toBe('precious\n');
    expect(listFiles(dir)).toEqual(['out']);
  });
});

describe('events add never corrupts or overwrites existing files', () => {
  const FLAGS = ['--date', '2022-08-01', '--timing', 'intraday', '--symbols', 'AAA', '--title', 'T', '--summary', 'S', '--source-title', 'ST', '--source-publisher', 'SP', '--source-url', 'https://example.com/x', '--accessed', '2022-08-02'];

  function registry(): { root: string; dir: string } {
    const root = tempDir();
    const dir = join(root, 'events');
    cpSync(bad('study/registry/events'), dir, { recursive: true });
    return { root, dir };
  }

  it('an existing id: exit 4, every file byte-identical, no temp file left', async () => {
    const { root, dir } = registry();
    const before = contents(root);
    const run = await runCli(['events', 'add', '--dir', dir, '--id', 'good-a', ...FLAGS]);
    expectUserError(run, 4, { file: join(dir, 'good-a.yaml'), field: 'id "good-a"' }, /duplicate id|never overwritten/);
    expect(contents(root)).toEqual(before);
  });

  it('an id declared by a file of another name: refused, nothing changes', async () => {
    const { root, dir } = registry();
    writeFileSync(join(dir, 'hand-made.yaml'), readFileSync(join(dir, 'good-b.yaml'), 'utf8').replace('id: good-b', 'id: taken'));
    const before = contents(root);
    const run = await runCli(['events', 'add', '--dir', dir, '--id', 'taken', ...FLAGS]);
    expectUserError(run, 4, { field: 'id "taken"' }, /already used by .*hand-made\.yaml/);
    expect(contents(root)).toEqual(before);
  });

  for (const id of ['../escape', 'a/b', '/tmp/abs', '..']) {
    it(`id ${JSON.stringify(id)}: a config error naming the id, no file written anywhere`, async () => {
      const { root, dir } = registry();
      const before = contents(root);
      const run = await runCli(['events', 'add', '--dir', dir, '--id', id, ...FLAGS]);
      expectUserError(run, 4, { field: '' }, /invalid event/);
      expect(run.err).toContain(`id ${JSON.stringify(id)}: must be a slug`);
      expect(contents(root)).toEqual(before);
    });
  }

  it('two concurrent adds of one id: exactly one wins, the file is complete and valid', async () => {
    const { root, dir } = registry();
    const ev = (title: string) => ({
      id: 'race',
      date: '2022-08-01',
      timing: 'intraday',
      symbols: ['AAA'],
      title,
      summary: 'Concurrent add.',
      sources: [{ title: 'S', publisher: 'P', url: 'https://example.com/r', accessed: '2022-08-02' }],
    });
    const results = await Promise.allSettled([addEvent(dir, ev('first')), addEvent(dir, ev('second')), addEvent(dir, ev('third'))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConfigError);
    const race = loadEvents(dir).find((e) => e.id === 'race')!;
    expect(['first', 'second', 'third']).toContain(race.title);
    expect(listFiles(root).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('nothing is written outside the chosen output folder', () => {
  it('an ad-hoc study with path-like event ids, charts on, writes only under --out', async () => {
    const root = tempDir();
    const inputs = join(root, 'in');
    mkdirSync(inputs);
    for (const f of ['base/returns.csv', 'base/market.csv', 'tables/events-path-ids.csv']) cpSync(bad(f), join(inputs, f.split('/')[1]));
    const out = join(root, 'deep', 'out');
    const skip = (rel: string) => rel === 'node_modules' || rel === '.git';
    const repoBefore = snapshot(REPO, skip);
    const started = Date.now();

    const run = await runCli(
      studyArgs({ '--returns': join(inputs, 'returns.csv'), '--market': join(inputs, 'market.csv'), '--events': join(inputs, 'events-path-ids.csv'), '--charts': null }, out),
    );
    expect(run.code, run.err).toBe(0);

    const files = listFiles(root);
    expect(files.filter((f) => !f.startsWith('in/') && !f.startsWith('deep/out/'))).toEqual([]);
    const charts = files.filter((f) => f.startsWith('deep/out/charts/'));
    expect(charts.length).toBeGreaterThan(3);
    for (const c of charts) expect(c).toMatch(/^deep\/out\/charts\/[a-z0-9._-]+\.svg$/);
    expect(files).toContain('deep/out/report.json');
    expect(readReport(out).events.map((e) => e.id)).toEqual(['../../escape', '/tmp/abs-path', 'a/b']);
    rmSync(join(root, 'deep'), { recursive: true });

    // The working directory (the repository, shared with other processes): no file this run wrote,
    // i.e. none new or changed since the start that mentions this run's unique temp folder.
    const repoAfter = snapshot(REPO, skip);
    const touched = [...repoAfter].filter(([f, m]) => repoBefore.get(f) !== m && m >= started - 1000).map(([f]) => f);
    const ours = touched.filter((f) => {
      try {
        return f.endsWith('.tmp') || readFileSync(join(REPO, f), 'utf8').includes(root);
      } catch {
        return false;
      }
    });
    expect(ours).toEqual([]);
    // Nothing appeared next to the inputs of the corpus either.
    expect(listFiles(BAD).filter((f) => /report\.(json|md)$|\.svg$|\.tmp$/.test(f))).toEqual([]);
  });
});
