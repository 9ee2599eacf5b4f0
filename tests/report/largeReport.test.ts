/**
 * Report size does not grow with the number of events (issue 10 §1): charts are planned from the
 * ends of the CAR distribution and a histogram, report.md keeps to headline tables, events.csv has
 * every row; user text cannot change report.md's structure; events.csv is spreadsheet-safe.
 */
import { describe, expect, it } from 'vitest';
import { caarSeries, carBarsSpec, carHistBins, carValues, planCharts, priceChartEvents } from '../../src/report/charts/index.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { eventsCsv, csvText } from '../../src/report/eventsCsv.js';
import { mdText } from '../../src/report/mdText.js';
import type { ReportJson } from '../../src/report/schema.js';
import { fixtureReport } from './charts/fixture.js';

/** The fixture's first event repeated n times with CARs spread over [-n/2, n/2) %. */
function manyEvents(n: number): ReportJson {
  const r = fixtureReport();
  const proto = r.events[0];
  r.events = Array.from({ length: n }, (_, k) => {
    const car = (k - n / 2) / 100;
    return {
      ...structuredClone(proto),
      id: `ev${k}`,
      group: k % 2 ? 'A' : 'B',
      windows: proto.windows.map((w) => ({ ...w, car, carVar: 0.0001 })),
    };
  });
  return r;
}

describe('charts at any size', () => {
  const r = manyEvents(500);

  it('CAR bars show the 20 largest and 20 smallest; the histogram counts every CAR', () => {
    const spec = carBarsSpec(r, [-1, 1]) as unknown as { height: number; layer: { data: { values: { id: string }[] } }[] };
    const ids = spec.layer[0].data.values.map((b) => b.id);
    expect(ids).toHaveLength(40);
    expect(ids.slice(0, 2)).toEqual(['ev499', 'ev498']);
    expect(ids.slice(-2)).toEqual(['ev1', 'ev0']);
    expect(spec.height).toBeLessThan(1100);
    const bins = carHistBins(carValues(r, [-1, 1]));
    expect(bins.length).toBe(30);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(500);
  });

  it('many groups: the CAAR chart draws the 8 largest and all events; report.md a row per group and 20 full tables', () => {
    const g = manyEvents(300);
    g.events.forEach((e, k) => (e.group = `g${k % 30}${k < 100 ? '' : 'x'}`));
    const names = [...new Set(g.events.map((e) => e.group!))];
    g.groups = names.map((group) => ({ group, aggregate: g.aggregate }));
    const series = caarSeries(g);
    expect(series).toHaveLength(9);
    expect(series.at(-1)!.nEvents).toBe(300);
    // The groups with 7 events (k >= 100) beat those with 3 or 4.
    expect(series.slice(0, 8).every((s) => s.name.endsWith('x'))).toBe(true);
    // report.md: one summary row per group, full tables for the 20 largest only.
    const md = renderMarkdown(g);
    expect(md).toContain('## Groups (60)');
    expect(md.match(/^## Group: /gm)).toHaveLength(20);
    expect(md).toContain('| g0x | ');
  });

  it('price charts: the 20 largest |CAR| unless events are named; report.md says which', () => {
    const plan = planCharts(r);
    expect(plan.jobs.length).toBe(1 + 2 * 2 + 20);
    const prices = plan.jobs.filter((j) => j.file.startsWith('price-')).map((j) => j.file);
    expect(prices).toContain('price-ev0.svg');
    expect(prices).toContain('price-ev499.svg');
    expect(prices).not.toContain('price-ev250.svg');
    expect(plan.priceNote).toMatch(/20 events with the largest \|CAR/);
    const named = priceChartEvents(r, ['ev250', 'ev7']);
    expect(named.events.map((e) => e.id)).toEqual(['ev7', 'ev250']);
    expect(named.note).toMatch(/the 2 event\(s\) named for them/);
    const md = renderMarkdown(r, plan.jobs.map((j) => ({ file: `charts/${j.file}`, title: j.title })), [], { priceNote: plan.priceNote, eventsCsv: true });
    expect(md).toContain(plan.priceNote);
  });

  it('large-study report.md: headline tables, a pointer to events.csv, bounded size', () => {
    const small = renderMarkdown(manyEvents(500), [], [], { eventsCsv: true });
    const big = renderMarkdown(manyEvents(2000), [], [], { eventsCsv: true });
    expect(small).toContain('### The 20 largest CARs [-1,+1]');
    expect(small).toContain('### The 20 smallest CARs [-1,+1]');
    expect(small).toContain('`events.csv`');
    expect(small).toContain('## Aggregate results (all events)');
    expect(small).toContain('## Group: A');
    // Four times the events, (nearly) the same report.md.
    expect(big.length).toBeLessThan(small.length * 1.1);
    // A small study keeps its full table.
    expect(renderMarkdown(fixtureReport())).toContain('## Per-event results');
  });

  it('events.csv: a row per event, every CAR window, RFC 4180 quoting', () => {
    const csv = eventsCsv(r);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(502);
    expect(lines[0]).toMatch(/^id,symbol,name,group,date,day0,outcome,in_aggregate,reason,flags,ar_day0,car_m1_1,car_t_m1_1,/);
    expect(lines[1].split(',')[11]).toBe('-2.5');
  });
});

describe('user text in reports', () => {
  it('a group or id cannot add a heading, split a table row or open a link', () => {
    const r = fixtureReport();
    const evil = 'g|x\n## injected';
    r.events[0].group = evil;
    r.events[0].id = 'id\r\n# [x](http://e) <b>';
    r.groups[0].group = evil;
    // What happened is user text too: a title or summary cannot split the Events table either.
    r.events[0].title = evil;
    r.events[0].summary = 'a | b\n## injected [x](http://e) <b>';
    r.events[0].sources = [{ title: '[x](http://e)', url: 'https://e.org/a b(c)' }];
    const md = renderMarkdown(r, [{ file: 'charts/price-id.svg', title: `${r.events[0].id} 600001` }]);
    expect(md).not.toMatch(/^#+ injected/m);
    expect(md).toContain('![id \\# \\[x\\](http://e) \\<b\\> 600001](charts/price-id.svg)');
    expect(md).not.toMatch(/^# \\?\[x/m);
    expect(md).not.toContain('[x](http');
    expect(md).not.toContain('<b>');
    expect(md).toContain('## Group: g|x \\#\\# injected');
    // The per-event table keeps its column count: the pipe is escaped in the cell.
    const lines = md.split('\n');
    const cells = (l: string) => l.split(/(?<!\\)\|/).length;
    for (const head of ['| event | symbol | name', '| event | symbol | t ', '| event | when | listings']) {
      const at = lines.findIndex((l) => l.startsWith(head));
      expect(at).toBeGreaterThan(0);
      expect(cells(lines[at + 2])).toBe(cells(lines[at]));
    }
    expect(md).toContain('(https://e.org/a%20b%28c%29)');
    expect(mdText('a*b_c')).toBe('a\\*b_c');
  });

  it('events.csv cells: quotes doubled, formulas defused, numbers left alone', () => {
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('line\nbreak')).toBe('"line\nbreak"');
    expect(csvText('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    for (const c of ['+1', '-1', '@SUM(A1)', '\tx']) expect(csvText(c)).toBe(`'${c}`);
    const r = fixtureReport();
    r.events[0].id = '=1+1';
    const row = eventsCsv(r).split('\r\n')[1];
    expect(row.startsWith("'=1+1,600001,")).toBe(true);
    // A negative CAR is a number, not text to defuse.
    expect(eventsCsv(r).split('\r\n')[3]).toContain(',-0.01,');
  });
});
