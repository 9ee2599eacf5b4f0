/**
 * One event's price path around day 0: the close as an index compounded from the daily returns,
 * beside the path the model expected, so the abnormal part is visible as the gap between them.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EventResultJson, ReportJson } from '../schema.js';
import { compound } from './cumulate.js';
import { renderSvg } from './render.js';
import { AUTOSIZE, HEIGHT, ONE_ROW, WIDTH, baseConfig, dayAxis } from './theme.js';
import { day0Shifted } from './daysText.js';
import { latinName } from './latinName.js';

export const INDEX_BASE = 100;

export interface PricePoint {
  day: number;
  date: string | null;
  /** Close index (INDEX_BASE at the base close); null where a return is missing and after. */
  actual: number | null;
  expected: number | null;
  limitHit: -1 | 0 | 1;
}

export interface PricePath {
  /** The day whose close is the index base: the day before the first day with a return. */
  baseDay: number | null;
  points: PricePoint[];
}

export interface PricePathOptions {
  /** How `days[].return` was computed: log returns compound as exp(r). Default simple. */
  returnType?: ReportJson['settings']['returnType'];
}

export function pricePathSeries(event: EventResultJson, options: PricePathOptions = {}): PricePath {
  const growth = options.returnType === 'log' ? (r: number) => Math.exp(r) : (r: number) => 1 + r;
  const days = [...event.days].sort((p, q) => p.day - q.day);
  // Normally the first window day; later when the window starts before the data (window-gap),
  // so such an event still gets a path from where its prices begin.
  let first = days.findIndex((d) => d.return !== null);
  if (first < 0) first = days.findIndex((d) => d.expected !== null);
  if (first < 0) return { baseDay: null, points: [] };
  const tail = days.slice(first);
  const actual = compound(tail.map((d) => d.return), INDEX_BASE, growth);
  const expected = compound(tail.map((d) => d.expected), INDEX_BASE, growth);
  const baseDay = tail[0].day - 1;
  const points: PricePoint[] = [
    { day: baseDay, date: null, actual: INDEX_BASE, expected: INDEX_BASE, limitHit: 0 },
    ...tail.map((d, k): PricePoint => ({
      day: d.day,
      date: d.date,
      actual: actual[k],
      expected: expected[k],
      limitHit: d.limitHit === 1 ? 1 : d.limitHit === -1 ? -1 : 0,
    })),
  ];
  return { baseDay, points };
}

/** The chart's title and its file's caption in report.md (which keeps the full name). */
export function pricePathTitle(event: EventResultJson): string {
  return `${event.id} ${event.symbol} ${event.name ?? ''} day 0 = ${event.day0 ?? 'n/a'}`.replace(/\s+/g, ' ');
}

/** The title drawn in the SVG: the name's Latin words only (see latinName). */
function drawnTitle(event: EventResultJson): string {
  return pricePathTitle({ ...event, name: event.name === undefined || event.name === null ? event.name : latinName(event.name) });
}

function subtitle(event: EventResultJson, path: PricePath): string[] {
  const model = event.model?.kind ? ` (${event.model.kind})` : '';
  const lines = [
    path.baseDay === null
      ? 'No returns in the event window.'
      : `Solid: close, index ${INDEX_BASE} = close of day ${path.baseDay}. Dashed: expected path${model}.`,
  ];
  const stop = path.points.find((p) => p.actual === null);
  if (stop) lines.push(`No return on day ${stop.day}: the index cannot be carried past it.`);
  if (path.points.some((p) => p.limitHit !== 0)) lines.push('Triangles: price-limit days, where the observed return is censored.');
  if (day0Shifted(event)) lines.push(`Day 0 shifted: ${event.shift}`);
  if (event.outcome !== 'ok' && event.outcome !== 'shifted') lines.push(`Outcome: ${event.outcome}${event.reason ? ` (${event.reason})` : ''}`);
  return lines;
}

const LINE_COLOUR = '#0072B2';
const LIMIT_STYLE = {
  'limit-up': { shape: 'triangle-up', colour: '#D55E00' },
  'limit-down': { shape: 'triangle-down', colour: '#009E73' },
} as const;

/**
 * Tick labels "day" over "MM-DD": readers match the chart to news dates, the title gives the year.
 * A ternary chain rather than a lookup table keeps the expression within vega's expression subset.
 */
function dateLabelExpr(points: PricePoint[]): string {
  const dated = points.filter((p) => p.date !== null);
  let expr = 'datum.label';
  for (const p of dated) expr = `datum.value === ${p.day} ? [datum.label, '${p.date!.slice(5)}'] : ${expr}`;
  return expr;
}
const EXPECTED_COLOUR = '#666666';

export function pricePathSpec(event: EventResultJson, options: PricePathOptions = {}): TopLevelSpec {
  const path = pricePathSeries(event, options);
  const rows = path.points.map((p) => ({ day: p.day, date: p.date, actual: p.actual, expected: p.expected }));
  const limits = path.points
    .filter((p) => p.limitHit !== 0 && p.actual !== null)
    .map((p) => ({ day: p.day, actual: p.actual, kind: p.limitHit > 0 ? ('limit-up' as const) : ('limit-down' as const) }));
  const hasValues = rows.some((r) => r.actual !== null || r.expected !== null);
  const xDomain = path.points.length ? [path.points[0].day, path.points[path.points.length - 1].day] : [-1, 1];
  const x = {
    field: 'day',
    type: 'quantitative',
    scale: { domain: xDomain, nice: false },
    axis: { ...dayAxis('Event day (trading days from day 0) and date'), labelExpr: dateLabelExpr(path.points) },
  } as const;
  // Index levels sit around 100: zero would flatten the path. Empty charts get a fixed domain
  // instead of an empty one (NaN coordinates).
  const yScale = hasValues ? { zero: false, nice: true } : { domain: [INDEX_BASE - 1, INDEX_BASE + 1] };
  // No fixed format: vega picks the decimals from the tick step, so close ticks never read alike.
  const yAxis = { title: `Close index (${INDEX_BASE} = base close)` };
  const layers: unknown[] = [
    { data: ONE_ROW, mark: { type: 'rule', color: '#999999', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
    {
      data: { values: rows },
      mark: { type: 'line', color: EXPECTED_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { x, y: { field: 'expected', type: 'quantitative', scale: yScale, axis: yAxis } },
    },
    {
      data: { values: rows },
      mark: { type: 'line', color: LINE_COLOUR, strokeWidth: 2.2, point: { size: 24, color: LINE_COLOUR } },
      encoding: { x, y: { field: 'actual', type: 'quantitative', scale: yScale, axis: yAxis } },
    },
  ];
  if (limits.length) {
    // Only the kinds that occur, so the legend never lists a limit-down the stock never hit.
    const kinds = (['limit-up', 'limit-down'] as const).filter((k) => limits.some((l) => l.kind === k));
    const legend = { title: null, orient: 'top-left' };
    layers.push({
      data: { values: limits },
      mark: { type: 'point', filled: true, size: 130, opacity: 1 },
      encoding: {
        x,
        y: { field: 'actual', type: 'quantitative', scale: yScale, axis: yAxis },
        shape: { field: 'kind', type: 'nominal', scale: { domain: kinds, range: kinds.map((k) => LIMIT_STYLE[k].shape) }, legend },
        color: { field: 'kind', type: 'nominal', scale: { domain: kinds, range: kinds.map((k) => LIMIT_STYLE[k].colour) }, legend },
      },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: drawnTitle(event), subtitle: subtitle(event, path) },
    width: WIDTH,
    height: HEIGHT,
    autosize: AUTOSIZE,
    config: baseConfig(),
    layer: layers,
  } as TopLevelSpec;
}

/** Price path of one event around day 0 as an SVG string. */
export function pricePathChart(event: EventResultJson, options: PricePathOptions = {}): Promise<string> {
  return renderSvg(pricePathSpec(event, options));
}
