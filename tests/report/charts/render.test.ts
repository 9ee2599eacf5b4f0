/** Rendered SVGs: well-formed enough to embed, titled, deterministic, and free of NaN. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caarChart, carBarsChart, pricePathChart, renderCharts } from '../../../src/report/charts/index.js';
import type { ReportJson } from '../../../src/report/schema.js';
import { fixtureReport, noTests } from './fixture.js';

function expectSvg(svg: string, title: string): void {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg).toContain(title);
  expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  // Fixed size, not a container-relative one.
  expect(svg).toMatch(/^<svg[^>]* width="\d+" height="\d+"/);
}

describe('charts', () => {
  it('CAAR chart: titled, one legend entry per series, no-band note for the one-event group', async () => {
    const svg = await caarChart(fixtureReport());
    expectSvg(svg, 'CAAR over event days -2 to 2 (fixture)');
    expect(svg).toContain('0 = no abnormal return');
    expect(svg).toContain('All events');
    expect(svg).toContain('No band, fewer than 2 events: B (1 event).');
    expect(svg).toContain('CAAR');
    expect(svg).toMatch(/\d%</); // percent tick labels
  });

  it('CAR bars: titled, percent axis, every bar labelled', async () => {
    const svg = await carBarsChart(fixtureReport(), [0, 0]);
    // One day is "day 0", never "days 0 to 0" (issue 13 §2); the zero line says what it is.
    expectSvg(svg, 'CAR by event, day 0');
    expect(svg).not.toContain('days 0 to 0');
    expect(svg).toContain('0 = no abnormal return');
    expect(svg).toContain('3 of 4 events have a CAR for this window');
    // A long id is drawn whole, not cut to "baidu-ernie-confirmed@98…".
    const long = fixtureReport();
    long.events[0].id = 'baidu-ernie-confirmed@9888.HK';
    expect(await carBarsChart(long, [0, 0])).toContain('>baidu-ernie-confirmed@9888.HK<');
    for (const id of ['E1', 'E2', 'E/3 HK']) expect(svg).toContain(`>${id}<`);
    expect(svg).toMatch(/\d%</);
  });

  it('price path: title from the event, limit markers, shift note', async () => {
    const r = fixtureReport();
    expectSvg(await pricePathChart(r.events[0]), 'E1 600001 600001 Co day 0 = 2023-02-07');
    expect(await pricePathChart(r.events[0])).toContain('limit-up');
    const shifted = await pricePathChart(r.events[1]);
    expect(shifted).toContain('Day 0 shifted');
    // A timing note on an unmoved day 0 is not a shift (issue 13 §2).
    const notShifted = await pricePathChart({ ...r.events[0], shift: 'intraday: day 0 is the announcement date' });
    expect(notShifted).not.toContain('Day 0 shifted');
    expectSvg(await pricePathChart(r.events[2]), 'E/3 HK 0700.HK day 0 = 2023-02-07');
  });

  it('is deterministic: same input, same bytes, whatever was drawn in between', async () => {
    const r = fixtureReport();
    const a = await caarChart(r);
    await pricePathChart(r.events[0]);
    await carBarsChart(r, [-1, 1]);
    const [b, c] = await Promise.all([caarChart(r), caarChart(r)]);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('a report with nothing to draw still renders, without NaN', async () => {
    const empty: ReportJson = {
      ...fixtureReport(),
      events: [{ ...fixtureReport().events[3] }],
      aggregate: { days: [-2, -1, 0, 1, 2].map((day) => ({ day, n: 0, aar: null, tests: noTests() })), windows: [] },
      groups: [],
    };
    expectSvg(await caarChart(empty), 'CAAR');
    expectSvg(await carBarsChart(empty, [-1, 1]), 'No event has a CAR for this window.');
    const allNull = { ...fixtureReport().events[0] };
    allNull.days = allNull.days.map((d) => ({ ...d, return: null, expected: null, ar: null }));
    expectSvg(await pricePathChart(allNull), 'No returns in the event window.');
  });
});

describe('renderCharts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names the files and skips events without days, and vega has nothing to warn about', async () => {
    // A vega-lite warning usually means a silently dropped legend or scale: treat it as a failure.
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const charts = await renderCharts(fixtureReport());
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    expect(charts.map((c) => c.file)).toEqual([
      'caar.svg',
      'car-bars-m1_1.svg',
      'car-hist-m1_1.svg',
      'car-bars-0_0.svg',
      'car-hist-0_0.svg',
      'price-e1.svg',
      'price-e2.svg',
      'price-e-3-hk.svg',
    ]);
    for (const c of charts) expectSvg(c.svg, c.title.split(' ')[0]);
  });

  it('ids that sanitise alike do not overwrite each other', async () => {
    const r = fixtureReport();
    r.events[1].id = 'e1';
    const files = (await renderCharts(r)).map((c) => c.file).filter((f) => f.startsWith('price-'));
    expect(files).toEqual(['price-e1.svg', 'price-e1-2.svg', 'price-e-3-hk.svg']);
  });
});
