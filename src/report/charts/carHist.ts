/**
 * Histogram of every event's CAR for one window: the whole cross-section at a fixed size, however
 * many events (the bar chart shows only its ends).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportJson } from '../schema.js';
import { AUTOSIZE, HEIGHT, ONE_ROW, PCT, WIDTH, baseConfig } from './theme.js';
import { renderSvg } from './render.js';
import { daysText, ZERO_LINE_LABEL } from './daysText.js';

export interface CarBin {
  lo: number;
  hi: number;
  count: number;
}

/** Bins are computed here, not by vega: the spec then carries ~30 rows, not one per event. */
export const HIST_BINS = 30;

export function carValues(report: ReportJson, [a, b]: [number, number]): Float64Array {
  const out: number[] = [];
  for (const ev of report.events) {
    const w = ev.windows.find((x) => x.window[0] === a && x.window[1] === b);
    if (w && w.car !== null && Number.isFinite(w.car)) out.push(w.car);
  }
  return Float64Array.from(out);
}

/** Equal-width bins from min to max; the top edge belongs to the last bin. */
export function carHistBins(values: Float64Array, bins = HIST_BINS): CarBin[] {
  if (!values.length) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // One value (or all equal): a single bin a little wider than nothing, so the bar has a width.
  if (max === min) return [{ lo: min - 0.0005, hi: max + 0.0005, count: values.length }];
  const width = (max - min) / bins;
  const counts = new Float64Array(bins);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - min) / width))]++;
  return Array.from(counts, (count, k) => ({ lo: min + k * width, hi: k === bins - 1 ? max : min + (k + 1) * width, count }));
}

export function carHistTitle([a, b]: [number, number]): string {
  return `Distribution of CAR, ${daysText([a, b])}`;
}

export function carHistSpec(report: ReportJson, window: [number, number]): TopLevelSpec {
  const values = carValues(report, window);
  const bins = carHistBins(values);
  const sorted = Float64Array.from(values).sort();
  const median = sorted.length ? (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2 : NaN;
  const mean = sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : NaN;
  const p = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : '—');
  const subtitle = values.length
    ? `${values.length} of ${report.events.length} events have a CAR for this window; mean ${p(mean)}, median ${p(median)}.`
    : 'No event has a CAR for this window.';
  const layers: unknown[] = [
    {
      data: { values: bins },
      mark: { type: 'bar', color: '#0072B2', stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: { field: 'lo', type: 'quantitative', axis: { title: `CAR, ${daysText(window)}`, format: PCT }, scale: bins.length ? { zero: false } : { domain: [-0.01, 0.01] } },
        x2: { field: 'hi' },
        y: { field: 'count', type: 'quantitative', scale: { domain: [0, Math.max(1, ...bins.map((x) => x.count))], nice: true, padding: 0 }, axis: { title: 'Events', tickMinStep: 1, format: 'd' } },
      },
    },
    { data: ONE_ROW, mark: { type: 'rule', color: '#444444', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
    {
      data: ONE_ROW,
      mark: { type: 'text', text: ZERO_LINE_LABEL, color: '#444444', fontSize: 10, align: 'left', baseline: 'top', dx: 3, dy: 2 },
      encoding: { x: { datum: 0, type: 'quantitative' }, y: { value: 0 } },
    },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: carHistTitle(window), subtitle },
    width: WIDTH,
    height: HEIGHT,
    autosize: AUTOSIZE,
    config: baseConfig(),
    layer: layers,
  } as TopLevelSpec;
}

export function carHistChart(report: ReportJson, window: [number, number]): Promise<string> {
  return renderSvg(carHistSpec(report, window));
}
