/**
 * Issue 13 §1-§2: the report says what each announcement was (title, when, summary, sources) and
 * reads without a manual (a key for stars, statistics and counts; moves and significance as two
 * tables; row notes as footnote markers below the table). report.md is rendered in process from the
 * chart fixture; one pair of built-CLI runs covers the ad-hoc `title` / `source` columns.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, LARGE_STUDY } from '../../src/report/markdown.js';
import { reportSchema, type ReportJson } from '../../src/report/schema.js';
import { readEventsTable } from '../../src/data/tables/index.js';
import { fixtureReport } from './charts/fixture.js';
import { runBuilt, tempDir } from '../helpers/cli.js';
import { dataError } from '../data/tables/helpers.js';

/** The fixture with E1 described as the registry describes an event (baidu-ernie-launch's shape). */
function described(): ReportJson {
  const r = fixtureReport();
  Object.assign(r.events[0], {
    eventId: 'ernie-launch',
    title: 'Baidu launches Ernie Bot at a live event',
    timing: 'intraday',
    time: '14:00',
    timezone: 'Asia/Shanghai',
    summary: 'Robin Li presents Ernie Bot (文心一言) in Beijing.',
    sources: [
      { title: 'Baidu just released its answer to ChatGPT', publisher: 'MIT Technology Review', url: 'https://www.technologyreview.com/2023/03/16/x/', accessed: '2026-11-28' },
      { title: 'Press article', publisher: 'NBD', document: 'sources/000_51f.txt', accessed: '2026-11-28' },
    ],
    flags: ['limit-up on day 0 (+10% limit): the reaction is at least this'],
  });
  return r;
}

const lines = (md: string) => md.split('\n');
const rowOf = (md: string, start: string) => lines(md).find((l) => l.startsWith(start));

describe('report.md says what happened (§1)', () => {
  const r = described();
  const md = renderMarkdown(r);

  it('report.json holds title, timing with time and zone, summary and sources (strict schema)', () => {
    const e = reportSchema.parse(JSON.parse(JSON.stringify(r))).events[0];
    expect(e).toMatchObject({ title: r.events[0].title, time: '14:00', timezone: 'Asia/Shanghai', timing: 'intraday' });
    expect(e.sources).toHaveLength(2);
    expect(() => reportSchema.parse({ ...r, events: [{ ...r.events[0], headline: 'x' }] })).toThrow(/headline/);
  });

  it('an Events table before the results, each per-event row linked to its announcement', () => {
    expect(md.indexOf('## Events')).toBeGreaterThan(0);
    expect(md.indexOf('## Events')).toBeLessThan(md.indexOf('## Findings'));
    expect(md.indexOf('## Events')).toBeLessThan(md.indexOf('## Per-event results'));
    const row = rowOf(md, '| <a id="event-ernie-launch"></a>ernie-launch |')!;
    expect(row).toContain('| 2023-02-07 14:00 Asia/Shanghai (intraday) | 600001 | Baidu launches Ernie Bot at a live event | Robin Li presents Ernie Bot (文心一言) in Beijing. |');
    expect(row).toContain('[Baidu just released its answer to ChatGPT, MIT Technology Review](https://www.technologyreview.com/2023/03/16/x/)');
    expect(row).toContain('Press article, NBD (document: `sources/000_51f.txt`)');
    // Both per-event tables link E1 to that row.
    expect(md.match(/\| \[E1\]\(#event-ernie-launch\)¹ \|/g)).toHaveLength(2);
  });

  it('a study whose events say nothing has no Events table and plain ids', () => {
    const plain = renderMarkdown(fixtureReport());
    expect(plain).not.toContain('## Events');
    expect(plain).toContain('| E1 | 600001 |');
  });

  it('a large study lists only the announcements of its headline tables, and says so', () => {
    const big = fixtureReport();
    const proto = described().events[0];
    big.events = Array.from({ length: 3 * LARGE_STUDY }, (_, k) => ({
      ...structuredClone(proto),
      id: `ev${k}`,
      eventId: `ev${k}`,
      title: `Announcement ${k}`,
      windows: proto.windows.map((w) => ({ ...w, car: (k - 60) / 100 })),
    }));
    const m = renderMarkdown(big);
    const rows = lines(m).filter((l) => l.startsWith('| <a id="event-'));
    expect(rows).toHaveLength(40);
    expect(m).toContain('120 announcements: too many to list here. The table lists the 40 whose listings appear in the largest and smallest CAR tables below');
    expect(m).toContain('| <a id="event-ev119"></a>ev119 |');
    expect(m).toContain('| <a id="event-ev0"></a>ev0 |');
    expect(m).not.toContain('id="event-ev60"');
  });
});

describe('report.md reads without a manual (§2)', () => {
  const md = renderMarkdown(described());

  it('a key: stars with their two-sided levels, W+ named with its p, the three counts defined once', () => {
    const at = md.indexOf('## How to read this report');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(md.indexOf('## Findings'));
    expect(md).toContain('- **Stars**: `*` p < 0.10, `**` p < 0.05, `***` p < 0.01. Every p-value is two-sided.');
    expect(md).toContain('**Wilcoxon is reported as z of W+**: W+ is the sum of the ranks of |CAR| over the positive CARs');
    expect(md).toMatch(/\*event-listing pairs\* are .*; \*with data\* are .*; \*in the aggregate\* \(the N of the averages and tests\)/);
    expect(md).toContain('- **4 event-listing pairs**, 3 with data, 3 in the aggregate');
    const e2 = described();
    e2.settings.testConvention = 'estudy2';
    const m2 = renderMarkdown(e2);
    expect(m2).toContain('**Wilcoxon is reported as W+**');
    expect(m2).toContain('| Wilcoxon signed rank W+ |');
    expect(md).toContain('| Wilcoxon signed rank z (of W+) |');
  });

  it('moves and significance are two tables; flags and shifts are numbered notes below, not in cells', () => {
    const ls = lines(md);
    const moves = ls.findIndex((l) => l.startsWith('| event | symbol | name | day 0 | outcome | AR day 0 | CAR [-1,+1] | CAR [-2,+2] | market-adj. CAR [-1,+1] | raw [0,0] | best high [0,0] | raw [0,+1] |'));
    const sig = ls.findIndex((l) => l.startsWith('| event | symbol | t [-1,+1] | p [-1,+1] | t [-2,+2] | p [-2,+2] |'));
    expect(moves).toBeGreaterThan(0);
    expect(sig).toBeGreaterThan(moves);
    // No t or p inside the moves cells, no flag text inside any row.
    const rows = ls.slice(moves + 2, moves + 6);
    for (const row of rows) expect(row).not.toMatch(/limit-up|after the close|no price file|\(\d/);
    expect(rows[0]).toMatch(/^\| \[E1\]\(#event-ernie-launch\)¹ \| 600001 \| 600001 Co \| 2023-02-07 \| ok \| \+3\.00% \|/);
    expect(rows[1]).toMatch(/^\| \[E2\]\(#event-e2\)² \| 600002 \| 600002 Co \| 2023-02-07 \| shifted \|/);
    expect(rows[3]).toMatch(/^\| \[E4\]\(#event-e4\)³ \| 0020\.HK \| 0020\.HK Co \| — \| no-price-data \|/);
    // The notes follow the moves table, before the significance table.
    const notes = ls.slice(moves + 6, sig).filter((l) => l.startsWith('- '));
    // A shift that is also the outcome's reason is said once.
    const once = described();
    Object.assign(once.events[1], { reason: once.events[1].shift });
    expect(renderMarkdown(once).match(/announced after the close/g)).toHaveLength(1);
    expect(notes).toEqual([
      '- ¹ E1: limit-up on day 0 (+10% limit): the reaction is at least this',
      '- ² E2: day 0 2023-02-07: announced after the close: day 0 is the next trading day',
      '- ³ E4: no-price-data: no price file',
    ]);
  });
});

describe('ad-hoc events CSV: optional title and source columns', () => {
  it('reads them by header; a source with :// must be an http(s) URL (file, line and field named)', () => {
    const t = readEventsTable('symbol,date,title,source\nAAA,2023-01-05,"Launch\n",https://e.org/a\nBBB,2023-01-06,,Company filing p. 3\nCCC,2023-01-09,,\n', { file: 'e.csv' });
    expect(t.events.map((e) => [e.title, e.source])).toEqual([
      ['Launch', { url: 'https://e.org/a' }],
      [undefined, { title: 'Company filing p. 3' }],
      [undefined, undefined],
    ]);
    dataError(
      () => readEventsTable('symbol,date,source\nAAA,2023-01-05,https://ok.org\nAAA,2023-01-06,htps//x\nAAA,2023-01-07,ftp://x.org/a\n', { file: 'e.csv' }),
      { file: 'e.csv', line: 4, field: 'source', value: 'ftp://x.org/a' },
      /must be an http or https URL/,
    );
  });

  it('the built CLI carries them into report.json and report.md; a bad URL is exit 3 naming the line', async () => {
    const dir = tempDir();
    const days: string[] = [];
    for (let t = Date.UTC(2023, 0, 2); days.length < 140; t += 86_400_000) if (new Date(t).getUTCDay() % 6 !== 0) days.push(new Date(t).toISOString().slice(0, 10));
    let seed = 11;
    const noise = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
    const mkt = days.map(() => noise() * 0.02);
    writeFileSync(join(dir, 'mkt.csv'), 'date,mkt\n' + days.map((d, i) => `${d},${mkt[i].toFixed(6)}`).join('\n') + '\n');
    writeFileSync(join(dir, 'ret.csv'), 'date,symbol,return\n' + days.map((d, i) => `${d},AAA,${(0.001 + mkt[i] + noise() * 0.01).toFixed(6)}`).join('\n') + '\n');
    writeFileSync(join(dir, 'ev.csv'), `symbol,date,title,source\nAAA,${days[120]},"Launch of X, live",https://e.org/x\n`);
    writeFileSync(join(dir, 'bad.csv'), `symbol,date,title,source\nAAA,${days[120]},Launch,https://e.org/x\nAAA,${days[125]},Again,htp://e.org\n`);
    const common = ['--returns', 'ret.csv', '--market', 'mkt.csv', '--estimation=-100:-11', '--window=-3:3', '--car=0:1', '--bootstrap', '9', '--no-charts'];
    const [ok, bad] = await Promise.all([
      runBuilt(['study', '--events', 'ev.csv', ...common, '--out', 'o1'], { cwd: dir }),
      runBuilt(['study', '--events', 'bad.csv', ...common, '--out', 'o2'], { cwd: dir }),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'o1', 'report.json'), 'utf8')) as ReportJson;
    expect(report.events[0]).toMatchObject({ title: 'Launch of X, live', sources: [{ url: 'https://e.org/x' }] });
    const md = readFileSync(join(dir, 'o1', 'report.md'), 'utf8');
    expect(md).toContain('| <a id="event-1"></a>1 |');
    expect(md).toContain('| Launch of X, live | — | [https://e.org/x](https://e.org/x) |');
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/bad\.csv/);
    expect(bad.stderr).toMatch(/line 3|:3\b/);
    expect(bad.stderr).toMatch(/source/);
    expect(bad.stderr).toMatch(/http or https URL/);
  });
});
