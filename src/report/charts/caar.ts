/**
 * CAAR over the event window with a 95% band, one series per group plus all events.
 *
 * The report carries AAR and n per day but no per-event CAR path, so the band is rebuilt from the
 * events' daily ARs: at each day, the cross-sectional standard error of the events' cumulative AR.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AggregateJson, EventResultJson, ReportJson } from '../schema.js';
import { cumulativeSum, dayRange, sampleSd } from './cumulate.js';
import { renderSvg } from './render.js';
import { AUTOSIZE, ONE_ROW, HEIGHT, OVERALL, PCT, WIDTH, baseConfig, dayAxis, groupColourScale } from './theme.js';
import { daysText, ZERO_LINE_LABEL } from './daysText.js';

/** Two-sided 95% normal quantile, rounded as analysts quote it. */
export const Z95 = 1.96;

/** Outcomes whose events enter the aggregate, hence the band. */
const INCLUDED = new Set<string>(['ok', 'shifted']);

export interface CaarPoint {
  day: number;
  /** AAR cumulated from the first window day; null once a day's AAR is missing. */
  caar: number | null;
  /** Events with a cumulative AR at this day (the n of the standard error). */
  n: number;
  se: number | null;
  lo: number | null;
  hi: number | null;
}

export interface CaarSeries {
  name: string;
  /** Included events (outcome ok/shifted) behind the series. */
  nEvents: number;
  /** False when fewer than two events: no cross-sectional spread, so no band. */
  band: boolean;
  points: CaarPoint[];
}

export function isIncluded(ev: EventResultJson): boolean {
  return INCLUDED.has(ev.outcome);
}

/** An event's AR cumulated over `days` (null from its first missing AR on). */
export function eventCumulativeAr(ev: EventResultJson, days: readonly number[]): (number | null)[] {
  const arByDay = new Map(ev.days.map((d) => [d.day, d.ar] as const));
  return cumulativeSum(days.map((d) => arByDay.get(d) ?? null));
}

function series(name: string, aggregate: AggregateJson, events: EventResultJson[], days: number[]): CaarSeries {
  const aarByDay = new Map(aggregate.days.map((d) => [d.day, d.aar] as const));
  const caar = cumulativeSum(days.map((d) => aarByDay.get(d) ?? null));
  const cars = events.map((ev) => eventCumulativeAr(ev, days));
  const band = events.length >= 2;
  const points = days.map((day, k): CaarPoint => {
    const xs = cars.map((c) => c[k]).filter((x): x is number => x !== null);
    const sd = band ? sampleSd(xs) : null;
    const se = sd === null ? null : sd / Math.sqrt(xs.length);
    const c = caar[k];
    const ok = c !== null && se !== null;
    return { day, caar: c, n: xs.length, se, lo: ok ? c - Z95 * se : null, hi: ok ? c + Z95 * se : null };
  });
  return { name, nEvents: events.length, band, points };
}

/**
 * Groups drawn at most: one line and legend entry per group made the chart grow with a study
 * grouped by event; the largest groups are drawn (in report order), and all events always.
 */
export const CAAR_GROUPS = 8;

/** One series per entry of `report.groups` (in order; the largest CAAR_GROUPS), then all events. */
export function caarSeries(report: ReportJson): CaarSeries[] {
  const [a, b] = report.settings.window;
  const days = dayRange(a, b);
  const included = report.events.filter(isIncluded);
  const members = new Map<string, EventResultJson[]>();
  for (const ev of included) {
    if (ev.group === null) continue;
    const list = members.get(ev.group) ?? [];
    list.push(ev);
    members.set(ev.group, list);
  }
  const size = (g: string) => members.get(g)?.length ?? 0;
  const shown = new Set(
    report.groups
      .map((g, k) => ({ g: g.group, k }))
      .sort((x, y) => size(y.g) - size(x.g) || x.k - y.k)
      .slice(0, CAAR_GROUPS)
      .map((x) => x.g),
  );
  const out = report.groups.filter((g) => shown.has(g.group)).map((g) => series(g.group, g.aggregate, members.get(g.group) ?? [], days));
  out.push(series(OVERALL, report.aggregate, included, days));
  return out;
}

function subtitle(all: CaarSeries[]): string[] {
  const lines = [`Shaded: 95% band, CAAR \u00b1 ${Z95} \u00d7 cross-sectional standard error of the events' cumulative AR.`];
  const noBand = all.filter((s) => !s.band).map((s) => `${s.name} (${s.nEvents} event${s.nEvents === 1 ? '' : 's'})`);
  if (noBand.length) lines.push(`No band, fewer than 2 events: ${noBand.join(', ')}.`);
  const gaps = all.filter((s) => s.band && s.points.some((p) => p.caar !== null && p.se === null)).map((s) => s.name);
  if (gaps.length) lines.push(`Band interrupted where fewer than 2 events have an AR on every day so far: ${gaps.join(', ')}.`);
  return lines;
}

export function caarTitle(report: ReportJson): string {
  const [a, b] = report.settings.window;
  // A title wider than the chart would make `fit` shrink the plot; the study title is in the report.
  return `CAAR over event ${daysText([a, b])}${report.study?.id ? ` (${report.study.id})` : ''}`;
}

export function caarSpec(report: ReportJson): TopLevelSpec {
  const all = caarSeries(report);
  const [a, b] = report.settings.window;
  const colour = groupColourScale(report, all.map((s) => s.name), true);
  const lineRows = all.flatMap((s) => s.points.map((p) => ({ series: s.name, day: p.day, caar: p.caar, n: p.n })));
  const bandRows = all.flatMap((s) =>
    s.points.filter((p) => p.lo !== null && p.hi !== null).map((p) => ({ series: s.name, day: p.day, lo: p.lo, hi: p.hi })),
  );
  const hasValues = lineRows.some((r) => r.caar !== null);
  const x = { field: 'day', type: 'quantitative', scale: { domain: [a, b], nice: false }, axis: dayAxis('Event day (trading days from day 0)') } as const;
  // With nothing to draw, an empty domain would put NaN coordinates into the SVG.
  const yScale = hasValues ? { zero: true } : { domain: [-0.01, 0.01] };
  const yAxis = { title: 'CAAR', format: PCT };
  // One legend shared by bands and lines; its symbols are drawn as solid strokes, since swatches
  // taken from the pale bands would be hard to tell apart.
  const legend = { title: null, orient: 'bottom', direction: 'horizontal', symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1, symbolSize: 300 };
  const color = { field: 'series', type: 'nominal', scale: colour, legend } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: caarTitle(report),
      subtitle: [
        ...subtitle(all),
        ...(report.groups.length > CAAR_GROUPS ? [`${report.groups.length - CAAR_GROUPS} smaller groups not drawn; every group's CAAR is in report.md.`] : []),
      ],
    },
    width: WIDTH,
    height: HEIGHT,
    autosize: AUTOSIZE,
    config: baseConfig(),
    layer: [
      {
        data: { values: bandRows },
        mark: { type: 'area', opacity: 0.14 },
        encoding: { x, y: { field: 'lo', type: 'quantitative', scale: yScale, axis: yAxis, stack: null }, y2: { field: 'hi' }, color },
      },
      { data: ONE_ROW, mark: { type: 'rule', color: '#888888' }, encoding: { y: { datum: 0, type: 'quantitative' } } },
      {
        data: ONE_ROW,
        mark: { type: 'text', text: ZERO_LINE_LABEL, color: '#666666', fontSize: 10, align: 'left', baseline: 'bottom', dx: 3, dy: -2 },
        encoding: { x: { value: 0 }, y: { datum: 0, type: 'quantitative', scale: yScale } },
      },
      { data: ONE_ROW, mark: { type: 'rule', color: '#888888', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      {
        data: { values: lineRows },
        mark: { type: 'line', strokeWidth: 2, point: { size: 28 } },
        encoding: { x, y: { field: 'caar', type: 'quantitative', scale: yScale, axis: yAxis }, color },
      },
    ],
  } as TopLevelSpec;
}

/** CAAR chart of a report as an SVG string (same report -> same bytes). */
export function caarChart(report: ReportJson): Promise<string> {
  return renderSvg(caarSpec(report));
}
