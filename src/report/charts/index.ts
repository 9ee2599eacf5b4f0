/**
 * The report's charts as SVG strings, each with the file name and title report.md embeds it under.
 * Writing the files is the caller's job: this module stays pure (report in, strings out).
 */
import type { ReportJson } from '../schema.js';
import { caarChart, caarSeries, caarSpec, caarTitle, eventCumulativeAr, Z95 } from './caar.js';
import { carBarsChart, carBarsData, carBarsSpec, carBarsTitle } from './carBars.js';
import { sanitizeId, uniqueNames, windowSlug } from './files.js';
import { pricePathChart, pricePathSeries, pricePathSpec, pricePathTitle } from './pricePath.js';

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

/**
 * `caar.svg`, `car-bars-<a>_<b>.svg` for the first two CAR windows, and `price-<id>.svg` for every
 * event with days. Rendered one after another: vega renders are serialised anyway.
 */
export async function renderCharts(report: ReportJson): Promise<ChartFile[]> {
  const jobs: { file: string; title: string; draw: () => Promise<string> }[] = [
    { file: 'caar.svg', title: caarTitle(report), draw: () => caarChart(report) },
  ];
  for (const w of report.settings.carWindows.slice(0, CAR_BAR_WINDOWS)) {
    const win: [number, number] = [w[0], w[1]];
    jobs.push({ file: `car-bars-${windowSlug(win)}.svg`, title: carBarsTitle(win), draw: () => carBarsChart(report, win) });
  }
  const options = { returnType: report.settings.returnType };
  for (const ev of report.events) {
    if (!ev.days.length) continue;
    jobs.push({ file: `price-${sanitizeId(ev.id)}.svg`, title: pricePathTitle(ev), draw: () => pricePathChart(ev, options) });
  }
  // Two ids can sanitise to the same name (e.g. "A/1" and "a-1"); neither file may overwrite the other.
  const files = uniqueNames(jobs.map((j) => j.file));
  const out: ChartFile[] = [];
  for (const [k, job] of jobs.entries()) out.push({ file: files[k], title: job.title, svg: await job.draw() });
  return out;
}
