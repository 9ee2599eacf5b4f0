/**
 * Issue 15 §2: report.md of a test selection names only the tests that ran: the Methods line says
 * which (and that Holm and the findings cover only them), the findings and tables carry no column
 * or "—" for a test that was not computed, and a selection without any headline test (GRANK alone)
 * still states its result in the findings instead of an empty sentence.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { ReportJson } from '../../src/report/schema.js';
import { fixtureReport } from './charts/fixture.js';

function selected(tests: Record<string, { stat: number; p: number }>, names: NonNullable<ReportJson['settings']['tests']>): ReportJson {
  const r = fixtureReport();
  r.settings.tests = names;
  const set = (row: { tests: unknown }) => void (row.tests = structuredClone(tests));
  for (const a of [r.aggregate, ...r.groups.map((g) => g.aggregate)]) {
    // The fixture has no CAAR rows: one for the primary window [-1, +1], which the findings lead with.
    a.windows = [{ window: [-1, 1], n: 3, caar: 0.012, sharePositive: 0.67, tests: {} as never }];
    a.primaryWindow = [-1, 1];
    a.days.forEach(set);
    a.windows.forEach(set);
  }
  return r;
}

describe('report.md under a test selection', () => {
  it('basic: csectT and BMP only, said in Methods, no other test anywhere', () => {
    const md = renderMarkdown(selected({ csectT: { stat: 2.5, p: 0.03 }, bmp: { stat: 2.1, p: 0.05 } }, ['csectT', 'bmp']));
    expect(md).toContain('**Tests selected** (`tests:` / `--tests`): only `csectT`, `bmp` were computed');
    expect(md).toMatch(/Holm's adjustment and the findings cover the selected tests only/);
    expect(md).toMatch(/\*\*CAAR \[-1,\+1\]\*\*[^\n]*; cross-sectional t 2\.50 \(p 0\.030\)\*\*, BMP 2\.10 \(p 0\.050\)\*?\. /);
    expect(md).not.toMatch(/Kolari-Pynnönen BMP|generalized sign —|\| Patell|—, BMP/);
  });

  it('GRANK alone: the findings and tables show GRANK, not an empty list', () => {
    const md = renderMarkdown(selected({ grank: { stat: 1.5, p: 0.13 } }, ['grank']));
    expect(md).toContain('only `grank` was computed');
    expect(md).toMatch(/\*\*CAAR \[-1,\+1\]\*\*[^\n]*; Kolari-Pynnönen 2011 GRANK 1\.50 \(p 0\.130\)\. /);
    expect(md).toMatch(/\| window \| N \| CAAR \| % positive \| Kolari-Pynnönen 2011 GRANK \| var\. ratio \|/);
    expect(md).not.toMatch(/; \. |cross-sectional t —|\(BMP —\)/);
  });
});
