/**
 * The report's charts as SVG strings, each with the file name and title report.md embeds it under.
 * Writing the files is the caller's job: this module stays pure (report in, strings out).
 */
import type { ReportJson } from '../schema.js';
import { caarChart, caarSeries, caarSpec, caarTitle, eventCumulativeAr, Z95 } from './caar.js';
import { carBarsChart, carBarsData, carBarsShown, carBarsSpec, carBarsTitle, CAR_BAR_K } from './carBars.js';
import { carHistBins, carHistChart, carHistSpec, carHistTitle, carValues } from './carHist.js';
import { sanitizeId, uniqueNames, windowSlug } from './files.js';
import { pricePathChart, pricePathSeries, pricePathSpec, pricePathTitle } from './pricePath.js';
import { primaryWindow } from '../../study/aggregate.js';

export type { CaarPoint, CaarSeries } from './caar.js';
export type { CarBar } from './carBars.js';
export type { PricePath, PricePoint, PricePathOptions } from './pricePath.js';
export {
  caarChart,
  caarSeries,
  caarSpec,
  caarTitle,
  eventCumulativeAr,
  Z95,
  carBarsChart,
  carBarsData,
  carBarsSpec,
  carBarsTitle,
  carBarsShown,
  CAR_BAR_K,
  carHistBins,
  carHistChart,
  carHistSpec,
  carHistTitle,
  carValues,
  pricePathChart,
  pricePathSeries,
  pricePathSpec,
  pricePathTitle,
  sanitizeId,
  windowSlug,
};

export interface ChartFile {
  /** Bare file name (no directory), e.g. `car-bars-m1_1.svg`. */
  file: string;
  title: string;
  svg: string;
}

/** How many CAR windows get a bar chart: the first ones listed in the study are the headline ones. */
export const CAR_BAR_WINDOWS = 2;

/** Price charts drawn when the study names none: every event up to this many, else the largest |CAR|. */
export const PRICE_CHARTS = 20;
export { MAX_CHART_EVENTS } from './limits.js';

export interface ChartOptions {
  /** Event ids to draw price charts for, instead of the default choice. */
  events?: readonly string[];
  /** Told about each chart that could not be drawn; the other charts and the report still are. */
  warn?: (message: string) => void;
}

export interface ChartJob {
  file: string;
  title: string;
  draw: () => Promise<string>;
}

export interface ChartPlan {
  jobs: ChartJob[];
  /** Which events have price charts and why, for report.md. */
  priceNote: string;
}

/** Events with price charts: the named ones, else all when few, else the largest |CAR|. */
export function priceChartEvents(report: ReportJson, named?: readonly string[]): { events: ReportJson['events']; note: string } {
  const drawable = report.events.filter((e) => e.days.length > 0);
  if (named && named.length) {
    const want = new Set(named);
    const events = drawable.filter((e) => want.has(e.id));
    const missing = named.length - events.length;
    return {
      events,
      note:
        `Price charts are drawn for the ${events.length} event(s) named for them (\`charts.events\` or \`--chart-events\`)` +
        (missing > 0 ? `; ${missing} named event(s) have no days to draw.` : '.'),
    };
  }
  if (drawable.length <= PRICE_CHARTS) return { events: drawable, note: `Price charts are drawn for every event with data (${drawable.length}).` };
  const focus = primaryWindow(report.settings.carWindows);
  const car = (e: ReportJson['events'][number]): number => {
    const w = focus ? e.windows.find((x) => x.window[0] === focus[0] && x.window[1] === focus[1]) : undefined;
    return w && w.car !== null && Number.isFinite(w.car) ? Math.abs(w.car) : -1;
  };
  const scored = drawable.map((e, k) => ({ e, k, c: car(e) }));
  scored.sort((x, y) => y.c - x.c || x.k - y.k);
  const picked = new Set(scored.slice(0, PRICE_CHARTS).map((x) => x.k));
  const events = drawable.filter((_, k) => picked.has(k));
  return {
    events,
    note: `Price charts are drawn for the ${events.length} events with the largest |CAR ${focus ? `[${focus[0]},${focus[1]}]` : ''}| of ${drawable.length}; name others with \`charts: { events: [...] }\` in the study file or \`--chart-events\`.`,
  };
}

/**
 * What would be drawn, without drawing: `caar.svg`, `car-bars-<a>_<b>.svg` and
 * `car-hist-<a>_<b>.svg` for the first two CAR windows, and `price-<id>.svg` for the chosen
 * events. The count does not grow with the study: at most 1 + 2x2 + max(20, named) files.
 */
export function planCharts(report: ReportJson, opts: ChartOptions = {}): ChartPlan {
  const jobs: ChartJob[] = [{ file: 'caar.svg', title: caarTitle(report), draw: () => caarChart(report) }];
  for (const w of report.settings.carWindows.slice(0, CAR_BAR_WINDOWS)) {
    const win: [number, number] = [w[0], w[1]];
    jobs.push({ file: `car-bars-${windowSlug(win)}.svg`, title: carBarsTitle(win), draw: () => carBarsChart(report, win) });
    jobs.push({ file: `car-hist-${windowSlug(win)}.svg`, title: carHistTitle(win), draw: () => carHistChart(report, win) });
  }
  const options = { returnType: report.settings.returnType };
  const { events, note } = priceChartEvents(report, opts.events);
  for (const ev of events) {
    jobs.push({ file: `price-${sanitizeId(ev.id)}.svg`, title: pricePathTitle(ev), draw: () => pricePathChart(ev, options) });
  }
  // Two ids can sanitise to the same name (e.g. "A/1" and "a-1"); neither file may overwrite the other.
  const files = uniqueNames(jobs.map((j) => j.file));
  return { jobs: jobs.map((j, k) => ({ ...j, file: files[k] })), priceNote: note };
}

/**
 * Draws the planned charts one after another (vega renders are serialised anyway). A chart that
 * fails is reported through `warn` and left out: the others are still drawn.
 */
export async function renderCharts(report: ReportJson, opts: ChartOptions = {}): Promise<ChartFile[]> {
  const out: ChartFile[] = [];
  for (const job of planCharts(report, opts).jobs) {
    const svg = await drawChart(job, opts.warn);
    if (svg !== null) out.push({ file: job.file, title: job.title, svg });
  }
  return out;
}

/** One chart, or null (after a warning) when it cannot be drawn. */
export async function drawChart(job: ChartJob, warn?: (message: string) => void): Promise<string | null> {
  try {
    return await job.draw();
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    (warn ?? defaultWarn)(`chart ${job.file} not drawn (${msg}); the report is complete without it`);
    return null;
  }
}

function defaultWarn(message: string): void {
  process.stderr.write(`evstudy: warning: ${message}\n`);
}
