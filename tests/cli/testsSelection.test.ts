/**
 * Issue 15 §2, as the user runs it: `evstudy run --tests basic` writes a report that validates
 * against the shipped schema/report.schema.json (ajv) and holds only the selected tests; a bad
 * name is a usage error (exit 2) for the flag and a config error (exit 4) at file:line:field for
 * the study's `tests:`, both listing the valid names. One study run; the error runs stop at once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { REPO, runBuilt, tempDir } from '../helpers/cli.js';

const STUDY = join(REPO, 'studies', 'china-ai-2023.yaml');
const VALID = /valid: all, basic \(csectT, bmp\), or a comma list of csectT, .*grank.*calendarTime/;

type Tests = Record<string, unknown>;
interface Agg { rbar?: unknown; rbarPairs?: unknown; days: { tests: Tests }[]; windows: { tests: Tests; rbar?: unknown; calendarTime?: unknown }[] }

describe('--tests / tests: (issue 15 §2)', () => {
  it('--tests basic: only csectT and BMP, no r-bar or calendar time, the report valid against the shipped schema', async () => {
    const dir = tempDir();
    const bad = tempDir();
    const yamlList = join(bad, 'list.yaml');
    const yamlText = join(bad, 'text.yaml');
    const base = readFileSync(STUDY, 'utf8').replace(/\n*$/, '\n');
    const baseLines = base.split('\n').length - 1;
    writeFileSync(yamlList, `${base}tests:\n  - csectT\n  - nope\n`);
    writeFileSync(yamlText, `${base}tests: basic,bmp,x\n`);
    const [run, flag, adhoc, list, text] = await Promise.all([
      runBuilt(['run', '--tests', 'basic', '--no-charts', '--out', join(dir, 'out')]),
      runBuilt(['run', '--tests', 'csectT,ttest', '--out', join(bad, 'o1')]),
      runBuilt(['study', '--tests', 'grank,nope', '--returns', 'x.csv', '--events', 'y.csv', '--out', join(bad, 'o2')]),
      runBuilt(['run', yamlList, '--out', join(bad, 'o3')]),
      runBuilt(['run', yamlText, '--out', join(bad, 'o4')]),
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as {
      settings: { tests?: string[] };
      aggregate: Agg;
      groups: { aggregate: Agg }[];
      listings?: { separate: Agg | null };
    };
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const check = ajv.compile(JSON.parse(readFileSync(join(REPO, 'schema', 'report.schema.json'), 'utf8')) as object);
    expect(check(report) ? [] : check.errors?.slice(0, 5)).toEqual([]);
    expect(report.settings.tests).toEqual(['csectT', 'bmp']);
    const aggs = [report.aggregate, ...report.groups.map((g) => g.aggregate), ...(report.listings?.separate ? [report.listings.separate] : [])];
    expect(aggs.length).toBeGreaterThan(2);
    for (const a of aggs) {
      expect(a.rbar).toBeUndefined();
      expect(a.rbarPairs).toBeUndefined();
      for (const row of [...a.days, ...a.windows]) expect(Object.keys(row.tests)).toEqual(['csectT', 'bmp']);
      for (const w of a.windows) expect([w.rbar, w.calendarTime]).toEqual([undefined, undefined]);
    }
    const md = readFileSync(join(dir, 'out', 'report.md'), 'utf8');
    expect(md).toMatch(/\*\*Tests selected\*\* \(`tests:` \/ `--tests`\): only `csectT`, `bmp` were computed/);
    expect(md).toMatch(/Holm's adjustment and the findings cover the selected tests only/);
    expect(md).not.toMatch(/Kolari-Pynnönen BMP|Mean cross-correlation|calendar-time t|\| Patell/);
    expect(md).toMatch(/\(primary window\) across \d+ events: [^\n]*; cross-sectional t [^\n]*, BMP [^\n]*\. /);

    expect([flag.code, adhoc.code]).toEqual([2, 2]);
    expect(flag.stderr).toMatch(/^evstudy: --tests "csectT,ttest": unknown test 'ttest'; /);
    expect(flag.stderr).toMatch(VALID);
    expect(adhoc.stderr).toMatch(/--tests "grank,nope": unknown test 'nope'/);
    expect([list.code, text.code]).toEqual([4, 4]);
    expect(list.stderr).toContain(`${yamlList}:${baseLines + 3}: tests[1] "nope": unknown test 'nope'; `);
    expect(list.stderr).toMatch(VALID);
    expect(text.stderr).toContain(`${yamlText}:${baseLines + 1}: tests "basic,bmp,x": unknown test 'x'; `);
  });
});
