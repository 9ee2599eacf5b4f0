/**
 * `charts/cumulative.svg`: cumulative return of each basket and of its benchmark(s) over the
 * period, drawn from the `series` arrays of baskets.json (so the chart shows exactly the JSON's
 * numbers) with the dependency-free renderer of svgChart.ts.
 */
import { parseIsoDay } from '../util/dayNumber.js';
import type { BasketResultJson, CompareJson } from './json.js';
import { renderLineChart, type LineSeries } from './svgChart.js';

export const CUMULATIVE_CHART = 'cumulative.svg';

/** Colour-blind-safe (Okabe-Ito) then extra hues, as the report charts; benchmarks in greys. */
const BASKET_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C564B', '#BCBD22', '#17BECF', '#7F7F7F'];
const BENCH_COLOURS = ['#222222', '#777777', '#AAAAAA'];

function basketLabel(b: BasketResultJson): string {
  return `${b.name} (${b.weighting}, ${b.rebalancing === 'none' ? 'buy-and-hold' : 'daily'})`;
}

function benchmarkLabel(b: BasketResultJson): string {
  return `${b.benchmark.symbol}${b.benchmark.name ? ` ${b.benchmark.name}` : ''} (benchmark)`;
}

/** One line per basket, then each distinct benchmark once (from the basket with the most days). */
export function cumulativeSeries(cmp: CompareJson): LineSeries[] {
  const days = (b: BasketResultJson): number[] => b.series.dates.map(parseIsoDay);
  const out: LineSeries[] = cmp.baskets.map((b, i) => ({
    label: basketLabel(b),
    colour: BASKET_COLOURS[i % BASKET_COLOURS.length],
    days: days(b),
    values: b.series.basket,
  }));
  const longest = new Map<string, BasketResultJson>();
  for (const b of cmp.baskets) {
    const cur = longest.get(b.benchmark.symbol);
    if (!cur || b.series.dates.length > cur.series.dates.length) longest.set(b.benchmark.symbol, b);
  }
  [...longest.values()].forEach((b, i) =>
    out.push({ label: benchmarkLabel(b), colour: BENCH_COLOURS[i % BENCH_COLOURS.length], dashed: true, days: days(b), values: b.series.benchmark }),
  );
  return out;
}

export function cumulativeTitle(cmp: CompareJson): string {
  return `Sector baskets: cumulative return from the ${cmp.period.from} close to ${cmp.period.to}`;
}

export function cumulativeChart(cmp: CompareJson, title = cumulativeTitle(cmp)): string {
  return renderLineChart({
    title,
    subtitle: ['Basket index / base close - 1 on each basket day; benchmark dashed. Forward-adjusted AKShare closes.'],
    yTitle: 'Cumulative return',
    series: cumulativeSeries(cmp),
  });
}
