/**
 * A small, dependency-free SVG line chart over calendar dates (x) and fractions shown as percent
 * (y). The basket commands draw their one chart with it instead of vega: loading vega and
 * vega-lite costs about half a second per process, more than the whole basket computation, and
 * `evstudy baskets compare` is meant to answer in under a second (issue 7). The look follows the
 * report charts (src/report/charts/theme.ts: size, font, colours).
 *
 * Pure: same input, same bytes (coordinates rounded to 0.01 px, no ids, no time-zone dependence:
 * dates are day numbers).
 */
import { FONT, HEIGHT, WIDTH } from '../report/charts/theme.js';
import { dayNumber, formatDay } from '../util/dayNumber.js';

export interface LineSeries {
  label: string;
  colour: string;
  dashed?: boolean;
  /** Day numbers (util/dayNumber) and values; NaN values break the line. */
  days: Int32Array | number[];
  values: Float64Array | (number | null)[];
}

export interface LineChart {
  title: string;
  subtitle?: string[];
  yTitle: string;
  series: LineSeries[];
  width?: number;
  height?: number;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f2 = (x: number): string => (Math.round(x * 100) / 100).toString();

/** Evenly spaced "nice" ticks (1, 2, 2.5, 5 x 10^k) covering [lo, hi], about `target` of them. */
export function niceTicks(lo: number, hi: number, target = 6): number[] {
  if (!(hi > lo)) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 0.01;
    return niceTicks(lo - pad, hi + pad, target);
  }
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  // Integer multiples of the step, cleaned of binary noise (3 x 0.1 = 0.30000000000000004).
  const k0 = Math.floor(lo / step + 1e-9);
  const k1 = Math.ceil(hi / step - 1e-9);
  const out: number[] = [];
  for (let k = k0; k <= k1; k++) out.push(Number((k * step).toPrecision(12)) + 0);
  return out;
}

/** Tick days for a date axis: month starts (every 1, 2, 3, 6 or 12 months) or Mondays for short spans. */
export function dateTicks(lo: number, hi: number, max = 8): number[] {
  const span = hi - lo;
  if (span <= 56) {
    // Mondays (weekday 1): 1970-01-05 was a Monday, day number 4.
    for (const every of [7, 14, 28]) {
      const first = lo + ((((4 - lo) % every) + every) % every);
      const out: number[] = [];
      for (let d = first; d <= hi; d += every) out.push(d);
      if (out.length <= max) return out;
    }
  }
  const start = formatDay(lo);
  const y0 = +start.slice(0, 4);
  const m0 = +start.slice(5, 7);
  for (const every of [1, 2, 3, 6, 12]) {
    const out: number[] = [];
    let yy = y0;
    let mm = m0;
    // First month start on or after lo that is a multiple of `every` months from January.
    for (;;) {
      const d = dayNumber(yy, mm, 1);
      if (d >= lo && (mm - 1) % every === 0) break;
      mm++;
      if (mm > 12) [mm, yy] = [1, yy + 1];
    }
    for (;;) {
      const d = dayNumber(yy, mm, 1);
      if (d > hi) break;
      out.push(d);
      mm += every;
      while (mm > 12) [mm, yy] = [mm - 12, yy + 1];
    }
    if (out.length <= max) return out;
  }
  return [lo, hi];
}

export function renderLineChart(chart: LineChart): string {
  const W = chart.width ?? WIDTH;
  const H = chart.height ?? HEIGHT;
  const subtitle = chart.subtitle ?? [];
  const legendCols = 2;
  const legendRows = Math.ceil(chart.series.length / legendCols);
  const top = 28 + subtitle.length * 15 + 12;
  const left = 64;
  const right = 16;
  const bottom = 44 + legendRows * 18;
  const pw = W - left - right;
  const ph = H - top - bottom;

  let dLo = Infinity;
  let dHi = -Infinity;
  let vLo = 0;
  let vHi = 0;
  for (const s of chart.series) {
    for (let i = 0; i < s.days.length; i++) {
      const v = s.values[i];
      if (v === null || !Number.isFinite(v)) continue;
      dLo = Math.min(dLo, s.days[i]);
      dHi = Math.max(dHi, s.days[i]);
      vLo = Math.min(vLo, v);
      vHi = Math.max(vHi, v);
    }
  }
  if (!Number.isFinite(dLo)) [dLo, dHi] = [0, 1];
  if (dHi === dLo) dHi = dLo + 1;
  const yt = niceTicks(vLo, vHi);
  const y0 = yt[0];
  const y1 = yt[yt.length - 1];
  const X = (d: number): number => left + ((d - dLo) / (dHi - dLo)) * pw;
  const Y = (v: number): number => top + (1 - (v - y0) / (y1 - y0)) * ph;
  const step = yt.length > 1 ? yt[1] - yt[0] : 0.01;
  const digits = Math.max(0, -Math.floor(Math.log10(step * 100) + 1e-9));
  const pctLabel = (v: number): string => `${(v * 100).toFixed(digits)}%`;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${esc(FONT)}">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${left}" y="20" font-size="15" font-weight="bold" fill="#000000">${esc(chart.title)}</text>`,
  );
  subtitle.forEach((line, i) => out.push(`<text x="${left}" y="${36 + i * 15}" font-size="11" fill="#555555">${esc(line)}</text>`));
  // Grid and y axis.
  for (const t of yt) {
    const y = f2(Y(t));
    out.push(`<line x1="${left}" x2="${f2(left + pw)}" y1="${y}" y2="${y}" stroke="${Math.abs(t) < step * 1e-9 ? '#888888' : '#e6e6e6'}"/>`);
    out.push(`<text x="${left - 6}" y="${y}" font-size="11" text-anchor="end" dominant-baseline="middle" fill="#000000">${pctLabel(t)}</text>`);
  }
  out.push(
    `<text transform="translate(16,${f2(top + ph / 2)}) rotate(-90)" font-size="12" text-anchor="middle" fill="#000000">${esc(chart.yTitle)}</text>`,
  );
  // x axis.
  out.push(`<line x1="${left}" x2="${f2(left + pw)}" y1="${f2(top + ph)}" y2="${f2(top + ph)}" stroke="#888888"/>`);
  for (const d of dateTicks(dLo, dHi)) {
    const x = f2(X(d));
    out.push(`<line x1="${x}" x2="${x}" y1="${f2(top + ph)}" y2="${f2(top + ph + 5)}" stroke="#888888"/>`);
    out.push(`<text x="${x}" y="${f2(top + ph + 18)}" font-size="11" text-anchor="middle" fill="#000000">${formatDay(d)}</text>`);
  }
  // Lines: one path per run of finite values.
  for (const s of chart.series) {
    let d = '';
    let pen = false;
    for (let i = 0; i < s.days.length; i++) {
      const v = s.values[i];
      if (v === null || !Number.isFinite(v)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${f2(X(s.days[i]))},${f2(Y(v))}`;
      pen = true;
    }
    if (d) out.push(`<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6,4"' : ''}><title>${esc(s.label)}</title></path>`);
  }
  // Legend below the plot.
  const colW = pw / legendCols;
  chart.series.forEach((s, i) => {
    const x = left + (i % legendCols) * colW;
    const y = top + ph + 38 + Math.floor(i / legendCols) * 18;
    out.push(`<line x1="${f2(x)}" x2="${f2(x + 22)}" y1="${y}" y2="${y}" stroke="${s.colour}" stroke-width="3"${s.dashed ? ' stroke-dasharray="6,4"' : ''}/>`);
    out.push(`<text x="${f2(x + 28)}" y="${y}" font-size="11" dominant-baseline="middle" fill="#000000">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
