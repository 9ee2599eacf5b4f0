import { describe, expect, it, beforeAll } from 'vitest';
import { eventsFrame, daysFrame, aggregateFrame, pricesFromFrame } from '../../src/interop/danfo.js';
import { runStudyFile } from '../../src/study/runStudy.js';
import type { ReportJson } from '../../src/report/schema.js';
import { DataError } from '../../src/util/errors.js';
import { formatDay } from '../../src/util/dayNumber.js';

let report: ReportJson;
let dfd: typeof import('danfojs-node');

beforeAll(async () => {
  report = runStudyFile('studies/china-ai-2023.yaml');
  dfd = await import('danfojs-node');
}, 120_000);

describe('report tables as danfo DataFrames', () => {
  it('eventsFrame has one row per event and the per-window CAR columns', async () => {
    const df = await eventsFrame(report);
    expect(df.shape[0]).toBe(report.events.length);
    expect(df.columns).toEqual(expect.arrayContaining(['id', 'symbol', 'outcome', 'car_0_1', 'carT_m1_1', 'rawReturn_0_0']));
    const ids = df.column('id').values as string[];
    const i = ids.indexOf('kunlun-tiangong');
    const ev = report.events.find((e) => e.id === 'kunlun-tiangong')!;
    const w = ev.windows.find((x) => x.window[0] === 0 && x.window[1] === 1)!;
    expect((df.column('car_0_1').values as number[])[i]).toBeCloseTo(w.car!, 12);
  });

  it('daysFrame is long: events x window days, keyed by event id', async () => {
    const df = await daysFrame(report);
    const expected = report.events.reduce((s, e) => s + e.days.length, 0);
    expect(df.shape[0]).toBe(expected);
    expect(df.columns).toEqual(['id', 'symbol', 'day', 'date', 'return', 'expected', 'ar', 'sar']);
  });

  it('aggregateFrame has a row per day and per window with every test', async () => {
    const df = await aggregateFrame(report);
    expect(df.shape[0]).toBe(report.aggregate.days.length + report.aggregate.windows.length);
    expect(df.columns).toEqual(expect.arrayContaining(['kind', 'n', 'mean', 'bmp_stat', 'bmp_p', 'grank_stat']));
    const g = report.groups[0].group;
    const gdf = await aggregateFrame(report, g);
    expect(gdf.shape[0]).toBe(df.shape[0]);
    await expect(aggregateFrame(report, 'no-such-group')).rejects.toThrow(/no group/);
  });
});

describe('a danfo DataFrame of prices as input', () => {
  it('becomes a validated columnar series', async () => {
    const df = new dfd.DataFrame({
      date: ['2023-04-10', '2023-04-11', '2023-04-12'],
      open: [49.4, 44.4, 44.37],
      high: [49.94, 48.42, 53.23],
      low: [40.4, 43.95, 44.37],
      close: [41.79, 45.76, 51.28],
      volume: [1720861, 1701378, 1661597],
    });
    const p = await pricesFromFrame(df, { name: '300418 frame' });
    expect(Array.from(p.series.days, formatDay)).toEqual(['2023-04-10', '2023-04-11', '2023-04-12']);
    expect(Array.from(p.series.close)).toEqual([41.79, 45.76, 51.28]);
    expect(p.series.high![1]).toBe(48.42);
  });

  it('gets the same checks as a file: a non-positive close is an error naming the row', async () => {
    const df = new dfd.DataFrame({ date: ['2023-04-10', '2023-04-11'], close: [41.79, -1] });
    const err = await pricesFromFrame(df, { name: 'bad frame' }).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.location.file).toBe('bad frame');
    expect(err.location.line).toBe(3);
    expect(err.location.field?.toLowerCase()).toBe('close');
  });

  it('names a missing close column', async () => {
    const df = new dfd.DataFrame({ date: ['2023-04-10'], price: [1] });
    await expect(pricesFromFrame(df)).rejects.toThrow(/missing required column close/);
  });
});
