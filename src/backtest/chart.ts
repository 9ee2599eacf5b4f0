/**
 * charts/equity.svg: each market's portfolio against its benchmark (cumulative return from the
 * starting capital; benchmark dashed), and each market's drawdown below it, drawn from the
 * `equity[]` rows of backtest.json (so the chart shows exactly the JSON's numbers) with the
 * dependency-free renderer the baskets use (no vega: a backtest answers in well under a second).
 */
import { renderLineChart, type LineSeries } from '../baskets/svgChart.js';
import { HEIGHT, WIDTH } from '../report/charts/theme.js';
import { parseIsoDay } from '../util/dayNumber.js';
import type { BacktestJson } from './schema.js';

export const EQUITY_CHART = 'equity.svg';
const COLOURS: Record<string, string> = { cn: '#D55E00', hk: '#0072B2', us: '#009E73' };
const LABEL: Record<string, string> = { cn: 'A-shares', hk: 'Hong Kong', us: 'US' };

export function equityChart(bt: BacktestJson): string {
  const top: LineSeries[] = [];
  const bottom: LineSeries[] = [];
  for (const s of bt.summary) {
    const rows = bt.equity.filter((e) => e.market === s.market);
    if (!rows.length) continue;
    const days = rows.map((r) => parseIsoDay(r.date));
    const v0 = rows[0].value;
    const colour = COLOURS[s.market] ?? '#7F7F7F';
    top.push({ label: `${LABEL[s.market] ?? s.market} portfolio (${s.currency})`, colour, days, values: rows.map((r) => r.value / v0 - 1) });
    const b0 = rows.find((r) => r.benchmark !== null)?.benchmark ?? null;
    if (b0 !== null) top.push({ label: `${s.benchmark} (benchmark)`, colour, dashed: true, days, values: rows.map((r) => (r.benchmark === null ? null : r.benchmark / b0 - 1)) });
    let peak = -Infinity;
    bottom.push({
      label: `${LABEL[s.market] ?? s.market} drawdown`,
      colour,
      days,
      values: rows.map((r) => {
        peak = Math.max(peak, r.value);
        return r.value / peak - 1;
      }),
    });
  }
  const h = Math.round(HEIGHT * 0.8);
  const upper = renderLineChart({
    title: `Backtest: ${bt.study.title}`.slice(0, 110),
    subtitle: ['Portfolio value / starting capital - 1 per market, in its own currency; benchmark dashed (same starting value).'],
    yTitle: 'Cumulative return',
    series: top,
    height: h,
  });
  const lower = renderLineChart({ title: 'Drawdown', subtitle: ['Value / running peak - 1.'], yTitle: 'Drawdown', series: bottom, height: h });
  // Two panels stacked in one file: nested <svg> elements placed by their y attribute.
  const inner = (svg: string, y: number): string => svg.replace('<svg ', `<svg x="0" y="${y}" `);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${2 * h}" viewBox="0 0 ${WIDTH} ${2 * h}">${inner(upper, 0)}${inner(lower, h)}</svg>\n`;
}
