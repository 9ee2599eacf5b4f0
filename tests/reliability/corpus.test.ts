/**
 * The bad-input corpus (tests/fixtures/bad/, listed in its README): every case through the command
 * line, in-process (and through the built CLI in corpus.cli.test.ts, from the same tables in
 * cases.ts). A user error must be one clear message naming file, line and field, with the
 * documented exit code (2 usage, 3 data, 4 config) and no stack trace; a per-event problem must
 * become that event's outcome while the study completes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePrices } from '../../src/data/prices/index.js';
import { decodePriceBytes } from '../../src/data/prices/decode.js';
import { validateEvents } from '../../src/data/events/index.js';
import { DataError } from '../../src/util/errors.js';
import type { ReportJson } from '../../src/report/schema.js';
import { BAD, bad, expectClean, expectUserError, listFiles, runCli, studyArgs, tempDir } from './helpers.js';
import { ADHOC_ERRORS, EVENT_YAML_ERRORS, PRICE_ERRORS, PRICES, STUDY_FILE_ERRORS, priceStudy } from './cases.js';

const readReport = (dir: string): ReportJson => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ReportJson;
const outcomes = (r: ReportJson): Record<string, string> => Object.fromEntries(r.events.map((e) => [e.id, e.outcome]));

// ------------------------------------------------------------------------------ ad-hoc errors

describe('ad-hoc study: each bad table is one clear error', () => {
  for (const c of ADHOC_ERRORS) {
    it(c.name, async () => {
      const out = join(tempDir(), 'out');
      const run = await runCli(studyArgs(c.flags, out));
      expectUserError(run, c.code, { file: c.file ? bad(c.file) : undefined, line: c.line, field: c.field }, c.message);
      // Nothing is written when the inputs are refused.
      expect(listFiles(out)).toEqual([]);
    });
  }
});

// ------------------------------------------------------------------ ad-hoc inputs handled well

describe('ad-hoc study: inputs that look odd but are read correctly', () => {
  const baseline = async (): Promise<ReportJson> => {
    const out = join(tempDir(), 'out');
    expect((await runCli(studyArgs({}, out))).code).toBe(0);
    return readReport(out);
  };

  it('BOM, semicolons with decimal commas, and a BOM before the events header give the same study', async () => {
    const ref = await baseline();
    const variants: Record<string, string>[] = [
      { '--returns': bad('tables/returns-bom.csv') },
      { '--returns': bad('tables/returns-semicolon-decimal-comma.csv') },
      { '--events': bad('tables/events-bom.csv') },
    ];
    for (const flags of variants) {
      const out = join(tempDir(), 'out');
      const run = await runCli(studyArgs(flags, out));
      expect(run.code, run.err).toBe(0);
      const r = readReport(out);
      expect(r.events.map((e) => [e.id, e.outcome, e.windows[0].car])).toEqual(ref.events.map((e) => [e.id, e.outcome, e.windows[0].car]));
      expect(r.aggregate).toEqual(ref.aggregate);
    }
  });

  it('GB18030 text (no label) is decoded as GB18030: the Chinese group names come through', async () => {
    const bytes = readFileSync(bad('tables/events-gb18030.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodePriceBytes(bytes, 'x').encoding).toBe('gb18030');
    const out = join(tempDir(), 'out');
    const run = await runCli(studyArgs({ '--events': bad('tables/events-gb18030.csv') }, out));
    expect(run.code, run.err).toBe(0);
    const r = readReport(out);
    expect(r.events.map((e) => e.group)).toEqual(['人工智能', '大模型', '人工智能']);
    expect(r.groups.map((g) => g.group).sort()).toEqual(['人工智能', '大模型'].sort());
  });

  it('NaN in a prices table is a missing close: that day drops out of the listing\'s trading days', async () => {
    const out = join(tempDir(), 'out');
    const run = await runCli(studyArgs({ ...PRICES, '--prices': bad('tables/prices-nan.csv') }, out));
    expect(run.code, run.err).toBe(0);
    const r = readReport(out);
    expect(outcomes(r)).toEqual({ 'good-a': 'ok', 'good-b': 'ok', 'good-c': 'ok' });
    // 2022-04-21 (line 80) is no trading day of AAA: its window of 120 trading days starts one
    // row earlier than in the base prices (2022-01-28 instead of 2022-01-31).
    expect(r.events.find((e) => e.id === 'good-a')?.model).toMatchObject({ nObs: 120, estimationFrom: '2022-01-28' });
    expect(r.events.find((e) => e.id === 'good-b')?.model).toMatchObject({ nObs: 120, estimationFrom: '2022-02-14' });
    expectClean(readFileSync(join(out, 'report.json'), 'utf8'), 'report.json');
  });

  it('empty and NA return cells are missing values, never zero returns', async () => {
    const out = join(tempDir(), 'out');
    const run = await runCli(studyArgs({ '--returns': bad('tables/returns-empty-cells.csv') }, out));
    expect(run.code, run.err).toBe(0);
    const a = readReport(out).events.find((e) => e.id === 'good-a')!;
    // Either reading is fine (a missing return on a trading day, or no trading day for AAA, when
    // day 0 moves to the next day and says so); a zero or a made-up return is not.
    expect(['ok', 'shifted']).toContain(a.outcome);
    if (a.outcome === 'shifted') expect(a.reason).toMatch(/2022-08-01 is not a trading day of AAA/);
    for (const d of a.days) if (d.date === '2022-08-01') expect(d).toMatchObject({ return: null, ar: null });
    expect(a.model!.nObs).toBeLessThanOrEqual(120);
    expect(a.model!.nObs).toBeGreaterThanOrEqual(119);
    for (const f of ['report.json', 'report.md']) expectClean(readFileSync(join(out, f), 'utf8'), f);
  });

  it('a 1e308 return is a number, but the estimation it wrecks is refused, never NaN or Infinity', async () => {
    const out = join(tempDir(), 'out');
    const run = await runCli(studyArgs({ '--returns': bad('tables/returns-huge-1e308.csv') }, out));
    expect(run.code, run.err).toBe(0);
    const r = readReport(out);
    expect(outcomes(r)).toEqual({ 'good-a': 'insufficient-estimation', 'good-b': 'ok', 'good-c': 'ok' });
    expect(r.events[0].reason).toBeTruthy();
    expect(r.aggregate.n).toBe(2);
    for (const f of ['report.json', 'report.md']) expectClean(readFileSync(join(out, f), 'utf8'), f);
  });

  // BUG (src/core/models, not ours to edit): the reason given for a 1e308 return in the estimation
  // window is "zero residual variance ... (the model fits exactly or the returns are constant)";
  // the residual variance is infinite, not zero. Expected: a reason naming non-finite values.
  it('the reason for a wrecked estimation window does not claim zero variance', async () => {
    const out = join(tempDir(), 'out');
    await runCli(studyArgs({ '--returns': bad('tables/returns-huge-1e308.csv') }, out));
    expect(readReport(out).events[0].reason).not.toMatch(/zero residual variance/);
  });
});

// ------------------------------------------------------------------------ per-event outcomes

describe('ad-hoc study: per-event problems become outcomes, the study completes', () => {
  const cases: { name: string; flags: Record<string, string>; id: string; outcome: string; reason: RegExp }[] = [
    { name: 'unknown symbol', flags: { '--events': bad('tables/events-unknown-symbol.csv') }, id: 'ghost', outcome: 'no-price-data', reason: /no data for ZZZ/ },
    { name: 'date after the data', flags: { '--events': bad('tables/events-outside-data.csv') }, id: 'future', outcome: 'outside-data', reason: /after the last row/ },
    { name: 'date before the data', flags: { '--events': bad('tables/events-outside-data.csv') }, id: 'past', outcome: 'outside-data', reason: /before the first row/ },
    { name: 'estimation window too short', flags: { '--events': bad('tables/events-short-estimation.csv') }, id: 'too-early', outcome: 'insufficient-estimation', reason: /valid returns in \[-130,-11\], need 60/ },
    { name: 'constant returns (zero variance)', flags: { '--events': bad('tables/events-constant-returns.csv') }, id: 'flat', outcome: 'insufficient-estimation', reason: /zero residual variance/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const out = join(tempDir(), 'out');
      const run = await runCli(studyArgs(c.flags, out));
      expect(run.code, run.err).toBe(0);
      const r = readReport(out);
      const ev = r.events.find((e) => e.id === c.id)!;
      expect(ev.outcome).toBe(c.outcome);
      expect(ev.reason).toMatch(c.reason);
      expect(ev.model === null || ev.model === undefined || ev.windows.length === 0).toBe(true);
      // The good events still make the aggregate.
      expect(r.aggregate.n).toBe(3);
      for (const id of ['good-a', 'good-b', 'good-c']) expect(outcomes(r)[id]).toBe('ok');
      for (const f of ['report.json', 'report.md']) expectClean(readFileSync(join(out, f), 'utf8'), f);
      expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain(c.id);
    });
  }

  it('two events of one firm with overlapping windows are both flagged confounded', async () => {
    const out = join(tempDir(), 'out');
    const run = await runCli(studyArgs({ '--events': bad('tables/events-overlap.csv') }, out));
    expect(run.code, run.err).toBe(0);
    const r = readReport(out);
    const flags = (id: string) => r.events.find((e) => e.id === id)!.flags ?? [];
    expect(flags('over-1')).toContain('confounded: event window overlaps over-2');
    expect(flags('over-2')).toContain('confounded: event window overlaps over-1');
    // Different day 0: both measured, both in the aggregate; the other listings are untouched.
    expect(r.aggregate.n).toBe(5);
    expect(flags('good-a')).toEqual([]);
  });

  it('the market series missing on day 0: that AR is null and the CARs over it are left out', async () => {
    const out = join(tempDir(), 'out');
    const run = await runCli(studyArgs({ '--market': bad('tables/market-missing-event-day.csv') }, out));
    expect(run.code, run.err).toBe(0);
    const r = readReport(out);
    const a = r.events.find((e) => e.id === 'good-a')!;
    expect(a.days.find((d) => d.day === 0)).toMatchObject({ date: '2022-08-01', expected: null, ar: null });
    expect(a.days.find((d) => d.day === 0)?.return).toBeTypeOf('number');
    for (const w of a.windows) expect(w.missingDays).toBe(w.window[0] <= 0 && w.window[1] >= 0 ? 1 : 0);
    expect(a.windows.find((w) => w.window[0] === 0 && w.window[1] === 1)?.car).toBeNull();
    // Day 0's cross-section has the two other events only.
    expect(r.aggregate.days.find((d) => d.day === 0)?.n).toBe(2);
    for (const f of ['report.json', 'report.md']) expectClean(readFileSync(join(out, f), 'utf8'), f);
  });

  // BUG (src/study/engine.ts, not ours to edit): an event whose window has a missing return (here
  // the market on day 0) keeps outcome "ok" with reason null and no flag; only `missingDays` in
  // report.json tells, and report.md shows bare dashes. src/core/abnormal.ts documents that the
  // caller should give such a window a `window-gap` outcome (or at least a stated reason).
  it('the missing day-0 AR is stated in the event\'s reason or flags', async () => {
    const out = join(tempDir(), 'out');
    await runCli(studyArgs({ '--market': bad('tables/market-missing-event-day.csv') }, out));
    const a = readReport(out).events.find((e) => e.id === 'good-a')!;
    expect([a.reason ?? '', ...(a.flags ?? [])].join(' ')).toMatch(/missing/);
  });
});

// ------------------------------------------------------------------------ vendor price files

describe('vendor price files: each bad file is one clear error, in the library and the CLI', () => {
  for (const c of PRICE_ERRORS) {
    it(c.file, async () => {
      const path = bad(`prices/${c.file}`);
      // Library: parsePrices throws a DataError locating the problem.
      let thrown: unknown;
      try {
        parsePrices(readFileSync(path), { file: path });
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(DataError);
      const err = thrown as DataError;
      expect(err.location.file).toBe(path);
      expect(err.location.line).toBe(c.line);
      expect(err.message).toMatch(c.message);

      // CLI: a study reading the file stops with that error, exit code 3.
      const study = priceStudy(c.file, tempDir);
      const out = join(tempDir(), 'out');
      const run = await runCli(['run', study, '--out', out, '--no-charts']);
      expectUserError(run, 3, { file: join(study, '..', 'prices', 'AAA.csv'), line: c.line, field: c.field }, c.message);
      expect(listFiles(out)).toEqual([]);
    });
  }

  for (const [file, layout, encoding] of [
    ['bom.csv', 'canonical', 'utf-8-bom'],
    ['gb18030-akshare.csv', 'akshare', 'gb18030'],
    ['huge-1e308.csv', 'canonical', 'utf-8'],
  ] as const) {
    it(`${file} is read (${layout}, ${encoding}) and the study ends cleanly`, async () => {
      const p = parsePrices(readFileSync(bad(`prices/${file}`)), { file });
      expect([p.layout, p.encoding]).toEqual([layout, encoding]);
      const out = join(tempDir(), 'out');
      const run = await runCli(['run', priceStudy(file, tempDir), '--out', out, '--no-charts']);
      if (file === 'huge-1e308.csv') {
        // Its returns overflow, so its one event cannot be fitted: with no event in the aggregate
        // there is no result to report (exit 3, the outcome counted, nothing written).
        expectUserError(run, 3, {}, /no event reached the aggregate \(1 event: insufficient-estimation 1\)/);
        expect(listFiles(out)).toEqual([]);
        return;
      }
      expect(run.code, run.err).toBe(0);
      for (const f of ['report.json', 'report.md']) expectClean(readFileSync(join(out, f), 'utf8'), f);
    });
  }
});

// --------------------------------------------------------------------------- event YAML files

describe('event YAML registries: every error names file, line and field', () => {
  for (const c of EVENT_YAML_ERRORS) {
    it(`events validate: ${c.dir}`, async () => {
      const dir = bad(`events-yaml/${c.dir}`);
      const run = await runCli(['events', 'validate', '--dir', dir]);
      // The summary names the folder; each error is an indented detail line of the same message.
      expectUserError(run, 4, { file: dir, field: '' }, /errors? in \d+ of \d+ event files?/);
      const detail = `  ${join(dir, c.file)}:${c.line}: ${c.field}`;
      const line = run.err.split('\n').find((l) => l.startsWith(detail) && c.message.test(l));
      expect(line, `no line "${detail}..." matching ${c.message} in:\n${run.err}`).toBeDefined();
    });
  }

  it('an unknown symbol is an error when the known symbols are given', () => {
    const dir = bad('events-yaml/unknown-symbol');
    expect(validateEvents(dir).errors).toEqual([]);
    const { errors } = validateEvents(dir, { knownSymbols: ['AAA', 'BBB'] });
    expect(errors.map((e) => e.format())).toEqual([`${join(dir, 'alpha.yaml')}:4: symbols[1] "ZZZ": unknown symbol (not in the price manifest)`]);
  });

  it('at study time an unknown symbol is a no-price-data outcome, a date past the data outside-data', async () => {
    const out = join(tempDir(), 'out');
    const run = await runCli(['run', bad('study/registry/study.yaml'), '--out', out, '--no-charts']);
    expect(run.code, run.err).toBe(0);
    const r = readReport(out);
    expect(outcomes(r)).toEqual({ 'too-early': 'insufficient-estimation', ghost: 'no-price-data', 'good-a': 'ok', 'good-b': 'ok', future: 'outside-data' });
    expect(r.events.find((e) => e.id === 'ghost')?.reason).toMatch(/no price data for ZZZ: not in .*manifest\.yaml/);
    expect(r.events.find((e) => e.id === 'future')?.reason).toMatch(/2030-01-02 is after the last row/);
    expect(r.aggregate.n).toBe(2);
  });
});

describe('registry study under nonTradingDay: error', () => {
  it('an event on a Saturday stops the study with a data error naming the date', async () => {
    const run = await runCli(['run', bad('study/weekend/study.yaml'), '--out', join(tempDir(), 'out')]);
    expectUserError(run, 3, { field: 'date "2022-08-06"' }, /is a Saturday \(policy error\)/);
  });

  // BUG (src/study/runStudy.ts / engine.ts, not ours to edit): the error names the date but not the
  // event file (`events/saturday.yaml`) or its line; the ad-hoc path adds them (src/study/adhoc.ts
  // runLocated), the registry path should too.
  it('the error names the event file', async () => {
    const run = await runCli(['run', bad('study/weekend/study.yaml'), '--out', join(tempDir(), 'out')]);
    expect(run.err).toContain('saturday.yaml');
  });
});

// ------------------------------------------------------------------------------- study files

describe('study files: unknown keys and wrong types are config errors naming field and line', () => {
  for (const c of STUDY_FILE_ERRORS) {
    it(c.file, async () => {
      const file = bad(`study/${c.file}`);
      const run = await runCli(['run', file, '--out', join(tempDir(), 'out')]);
      const first = expectUserError(run, 4, { file, line: c.line, field: c.field }, c.message);
      // One problem, one line.
      expect(run.err).toBe(`evstudy: ${first}\n`);
    });
  }
});

describe('study files: several problems at once', () => {
  it('a count on the message line, then every problem with its line and field', async () => {
    const file = bad('study/two-problems.yaml');
    const run = await runCli(['run', file, '--out', join(tempDir(), 'out')]);
    expectUserError(run, 4, { file }, /2 problem\(s\) in study file/);
    expect(run.err.split('\n').slice(1, 3)).toEqual([
      expect.stringMatching(new RegExp(`^  ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: estimaton: unknown key`)),
      expect.stringMatching(/:4: window "wide": Invalid input: expected tuple/),
    ]);
  });
});

// ------------------------------------------------------------------------------ corpus index

describe('the corpus README', () => {
  it('lists every file of the corpus, and the corpus has at least 30 cases', () => {
    const readme = readFileSync(join(BAD, 'README.md'), 'utf8');
    const files = listFiles(BAD).filter((f) => f !== 'README.md' && f !== 'generate.mjs');
    const missing = files.filter((f) => {
      // A folder case is listed by its folder (`events-yaml/duplicate-id/`), a file by its path.
      const parts = f.split('/');
      const folder = parts.length > 2 ? `${parts.slice(0, 2).join('/')}/` : null;
      return !readme.includes(`\`${f}\``) && !(folder && readme.includes(`\`${folder}\``));
    });
    expect(missing).toEqual([]);
    const cases = readme.split('\n').filter((l) => /^\| `[^`]+` \|/.test(l));
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(readdirSync(BAD)).toContain('generate.mjs');
  });
});
