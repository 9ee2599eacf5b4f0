/**
 * Per-event CAR for one CAR window: one horizontal bar per event, largest CAR on top, coloured by
 * group, with a 95% whisker where the report carries the CAR's variance.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportJson } from '../schema.js';
import { Z95 } from './caar.js';
import { AUTOSIZE, ONE_ROW, PCT, WIDTH, baseConfig, groupColourScale, groupLabel } from './theme.js';
import { renderSvg } from './render.js';
import { daysText, ZERO_LINE_LABEL } from './daysText.js';

export interface CarBar {
  /** Axis label: the event id, made unique if ids repeat (bars would otherwise overlap). */
  label: string;
  id: string;
  symbol: string;
  group: string;
  car: number;
  lo: number | null;
  hi: number | null;
}

const sameWindow = (w: readonly number[], a: number, b: number): boolean => w[0] === a && w[1] === b;

/** Bars sorted by CAR, largest first; ties by id so the order never depends on input order. */
export function carBarsData(report: ReportJson, window: [number, number]): CarBar[] {
  const [a, b] = window;
  const bars: Omit<CarBar, 'label'>[] = [];
  for (const ev of report.events) {
    const w = ev.windows.find((x) => sameWindow(x.window, a, b));
    if (!w || w.car === null || !Number.isFinite(w.car)) continue;
    const v = w.carVar;
    const half = typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Z95 * Math.sqrt(v) : null;
    bars.push({
      id: ev.id,
      symbol: ev.symbol,
      group: groupLabel(ev.group),
      car: w.car,
      lo: half === null ? null : w.car - half,
      hi: half === null ? null : w.car + half,
    });
  }
  bars.sort((p, q) => q.car - p.car || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
  const seen = new Map<string, number>();
  return bars.map((bar) => {
    const k = (seen.get(bar.id) ?? 0) + 1;
    seen.set(bar.id, k);
    return { ...bar, label: k === 1 ? bar.id : `${bar.id} (${k})` };
  });
}

const BAR_STEP = 22;

/**
 * Bars drawn at each end: a chart of every event grew a row per event (13,350 px at 600 events)
 * and vega overflowed its stack sorting 1,000 labels. The histogram shows all of them.
 */
export const CAR_BAR_K = 20;

/** The K largest and K smallest CARs (all of them when there are at most 2K), largest first. */
export function carBarsShown(bars: CarBar[], k = CAR_BAR_K): CarBar[] {
  return bars.length <= 2 * k ? bars : [...bars.slice(0, k), ...bars.slice(bars.length - k)];
}

/** Widest bar label in px: beyond it an id is cut with an ellipsis (the full id is in report.md). */
export const LABEL_MAX = 420;

export function carBarsTitle([a, b]: [number, number]): string {
  return `CAR by event, ${daysText([a, b])}`;
}

export function carBarsSpec(report: ReportJson, window: [number, number]): TopLevelSpec {
  const [a, b] = window;
  const all = carBarsData(report, window);
  const bars = carBarsShown(all);
  const labels = bars.map((x) => x.label);
  // Room for the longest id (about 9 px a character at the axis font, so "baidu-ernie-confirmed@9888.HK"
  // is not cut to "baidu-ernie-confirmed@98..."), capped so a freak id cannot squeeze the bars away.
  const labelLimit = Math.min(LABEL_MAX, Math.max(220, 9 * Math.max(0, ...labels.map((l) => l.length))));
  const y = { field: 'label', type: 'nominal', sort: labels, axis: { title: null, labelLimit } } as const;
  const xAxis = { title: `CAR, ${daysText([a, b])}`, format: PCT };
  const withWhiskers = bars.filter((x) => x.lo !== null);
  // Without bars the x scale would have an empty domain (NaN coordinates): fix one around zero.
  const xScale = bars.length ? { zero: true, nice: true } : { domain: [-0.01, 0.01] };
  const subtitle = [
    `${all.length} of ${report.events.length} event${report.events.length === 1 ? '' : 's'} have a CAR for this window` +
      (bars.length < all.length ? `; shown: the ${CAR_BAR_K} largest and the ${CAR_BAR_K} smallest (all in the CAR histogram)` : '') +
      (withWhiskers.length ? `; whiskers: 95% interval, CAR \u00b1 ${Z95} \u00d7 \u221a(CAR variance).` : '.'),
  ];
  const layers: unknown[] = [
    {
      data: { values: bars },
      mark: { type: 'bar', height: { band: 0.7 } },
      encoding: {
        y,
        x: { field: 'car', type: 'quantitative', scale: xScale, axis: xAxis },
        color: { field: 'group', type: 'nominal', scale: groupColourScale(report, bars.map((x) => x.group)), legend: { title: 'Group', orient: 'bottom', direction: 'horizontal' } },
      },
    },
  ];
  if (withWhiskers.length) {
    layers.push({
      data: { values: withWhiskers },
      mark: { type: 'rule', color: '#333333' },
      encoding: { y, x: { field: 'lo', type: 'quantitative', axis: xAxis }, x2: { field: 'hi' } },
    });
  }
  layers.push({ data: ONE_ROW, mark: { type: 'rule', color: '#444444' }, encoding: { x: { datum: 0, type: 'quantitative' } } });
  // The zero line says what it is: a bar's length is its distance from "as the model expected".
  layers.push({
    data: ONE_ROW,
    // At the foot of the line: bars are sorted largest first, so the lowest rows are the negative ones, left of zero.
    mark: { type: 'text', text: ZERO_LINE_LABEL, color: '#444444', fontSize: 10, align: 'left', baseline: 'bottom', dx: 3, dy: -3 },
    encoding: { x: { datum: 0, type: 'quantitative' }, y: { value: 'height' } },
  });
  if (!bars.length) {
    layers.push({
      data: ONE_ROW,
      mark: { type: 'text', text: 'No event has a CAR for this window.', color: '#555555', fontSize: 13 },
      encoding: { x: { datum: 0, type: 'quantitative' } },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: carBarsTitle(window), subtitle },
    width: WIDTH,
    // Fixed per report: a row per bar plus room for title, axis and legend.
    height: Math.max(220, bars.length * BAR_STEP + 150),
    autosize: AUTOSIZE,
    config: baseConfig(),
    layer: layers,
  } as TopLevelSpec;
}

/** Per-event CAR bars for one CAR window as an SVG string. */
export function carBarsChart(report: ReportJson, window: [number, number]): Promise<string> {
  return renderSvg(carBarsSpec(report, window));
}
