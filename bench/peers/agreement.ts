/**
 * Agreement of evstudy's per-event values with a peer's (issue 15 §1): the CARs (and ARs, where the
 * report has per-day rows) of an evstudy report.json against a peer driver's CSV
 * (bench/peers/eventstudy_peer.py, estudy2_peer.R) or against plain OLS computed here from the CSV
 * files, nothing from src/. Pure functions of text, so tests/bench/peerAgreement.test.ts can show
 * that a difference past the tolerance, a NaN or a reordered event fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The study every program runs: estimation and event windows in trading days, CAR windows. */
export interface Spec {
  estimation: [number, number];
  window: [number, number];
  cars: Array<[number, number]>;
}

export interface EventValues {
  symbol: string;
  date: string;
  cars: number[];
  /** ARs of days window[0]..window[1], when known. */
  ars?: number[];
}

type ReportEvent = {
  symbol: string;
  date: string;
  outcome: string;
  windows: { window: [number, number]; car: number | null }[];
  days?: unknown;
};

/** Per event of a report.json's text: its CAR of each spec window (must be there) and its ARs. */
export function reportValues(text: string, spec: Spec, name = 'report.json'): EventValues[] {
  const report = JSON.parse(text) as { events: ReportEvent[] };
  return report.events.map((e, k) => {
    const cars = spec.cars.map(([a, b]) => {
      const got = e.windows.find((x) => x.window[0] === a && x.window[1] === b)?.car;
      if (typeof got !== 'number') throw new Error(`${name}: event ${k + 1} (${e.symbol} ${e.date}, ${e.outcome}) has no CAR for [${a}, ${b}]`);
      return got;
    });
    return { symbol: e.symbol, date: e.date, cars, ars: reportArs(e.days, spec) };
  });
}

/**
 * The per-day ARs, from rows of {day, ar} or from columns {day: [], ar: []} (a columnar report is
 * one of issue 15 §3's ideas); undefined when neither, or when a day of the window is missing.
 */
export function reportArs(days: unknown, spec: Spec): number[] | undefined {
  const [w0, w1] = spec.window;
  let pairs: Array<[unknown, unknown]> | undefined;
  if (Array.isArray(days)) pairs = days.map((d: { day?: unknown; ar?: unknown }) => [d?.day, d?.ar]);
  else if (days && typeof days === 'object' && Array.isArray((days as { day?: unknown }).day)) {
    const c = days as { day: unknown[]; ar?: unknown[] };
    pairs = c.day.map((d, i) => [d, c.ar?.[i]]);
  }
  if (!pairs) return undefined;
  const ars = new Array<number>(w1 - w0 + 1).fill(NaN);
  for (const [d, ar] of pairs) if (typeof d === 'number' && d >= w0 && d <= w1 && typeof ar === 'number') ars[d - w0] = ar;
  return ars.some(Number.isNaN) ? undefined : ars;
}

/** A peer driver's CSV text: symbol, event_date, ar<d> for each day of the window, car<a>:<b>. */
export function peerValues(text: string, spec: Spec, name = 'peer CSV'): EventValues[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = lines[0]?.split(',') ?? [];
  const arCols = Array.from({ length: spec.window[1] - spec.window[0] + 1 }, (_, i) => head.indexOf(`ar${spec.window[0] + i}`));
  const carCols = spec.cars.map(([a, b]) => head.indexOf(`car${a}:${b}`));
  if (head[0] !== 'symbol' || head[1] !== 'event_date' || [...arCols, ...carCols].some((i) => i < 0)) {
    throw new Error(`${name}: header "${lines[0] ?? ''}" is not symbol,event_date, ar and car columns`);
  }
  return lines.slice(1).map((l, k) => {
    const c = l.split(',');
    const num = (i: number) => {
      // Number('') is 0: an empty cell must not pass as a zero AR.
      const v = c[i]?.trim() ? Number(c[i]) : NaN;
      if (!Number.isFinite(v)) throw new Error(`${name}:${k + 2}: column ${head[i]} is "${c[i] ?? ''}"`);
      return v;
    };
    return { symbol: c[0], date: c[1], ars: arCols.map(num), cars: carCols.map(num) };
  });
}

function csvRows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(',').map((c) => c.trim()));
}

/**
 * Per event of DIR/events.csv, ARs and CARs by plain OLS over DIR/returns.csv (date,symbol,return)
 * and DIR/market.csv (date,return), on the calendar of every date of returns.csv:
 * beta = Sxy / Sxx, alpha = mean(y) - beta mean(x) over the estimation days with both returns,
 * AR_t = y_t - alpha - beta x_t, CAR = left-to-right sum of the window's ARs.
 */
export function olsValues(dir: string, spec: Spec): EventValues[] {
  const market = new Map(csvRows(join(dir, 'market.csv')).map(([d, v]) => [d, Number(v)]));
  const bySymbol = new Map<string, Map<string, number>>();
  const allDates = new Set<string>();
  for (const [d, s, v] of csvRows(join(dir, 'returns.csv'))) {
    if (!bySymbol.has(s)) bySymbol.set(s, new Map());
    bySymbol.get(s)!.set(d, v === '' || v === 'NA' ? NaN : Number(v));
    allDates.add(d);
  }
  // ISO dates sort as text.
  const dates = [...allDates].sort();
  const index = new Map(dates.map((d, i) => [d, i]));
  return csvRows(join(dir, 'events.csv')).map(([symbol, date]) => {
    const r = bySymbol.get(symbol);
    const i0 = index.get(date);
    if (!r || i0 === undefined) throw new Error(`${join(dir, 'events.csv')}: ${symbol} ${date} is not in returns.csv`);
    const y = dates.map((d) => r.get(d) ?? NaN);
    const x = dates.map((d) => market.get(d) ?? NaN);
    const xs: number[] = [];
    const ys: number[] = [];
    for (let t = i0 + spec.estimation[0]; t <= i0 + spec.estimation[1]; t++) {
      if (t < 0 || Number.isNaN(x[t]) || Number.isNaN(y[t])) continue;
      xs.push(x[t]);
      ys.push(y[t]);
    }
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let sxy = 0;
    let sxx = 0;
    for (let k = 0; k < xs.length; k++) {
      sxy += (xs[k] - mx) * (ys[k] - my);
      sxx += (xs[k] - mx) ** 2;
    }
    const beta = sxy / sxx;
    const alpha = my - beta * mx;
    const ars: number[] = [];
    for (let t = i0 + spec.window[0]; t <= i0 + spec.window[1]; t++) ars.push(y[t] - (alpha + beta * x[t]));
    const cars = spec.cars.map(([a, b]) => {
      let car = 0;
      for (let d = a; d <= b; d++) car += ars[d - spec.window[0]];
      return car;
    });
    return { symbol, date, cars, ars };
  });
}

export interface Agreement {
  against: string;
  events: number;
  carMaxAbs: number;
  carMaxRel: number;
  arMaxAbs?: number;
  ok: boolean;
}

/**
 * evstudy's values against another's, event by event in events.csv order (the first
 * `mine.length` of theirs: a peer may run on the first N events). ok when every CAR and AR
 * differs by at most `tolerance` in absolute value; a NaN anywhere is a failure.
 */
export function agree(against: string, mine: EventValues[], theirs: EventValues[], tolerance: number): Agreement {
  if (theirs.length < mine.length) throw new Error(`${against}: ${theirs.length} events, evstudy's report ${mine.length}`);
  let carMaxAbs = 0;
  let carMaxRel = 0;
  let arMaxAbs: number | undefined;
  let nan = false;
  mine.forEach((m, k) => {
    const t = theirs[k];
    if (m.symbol !== t.symbol || m.date !== t.date) throw new Error(`${against}: event ${k + 1} is ${t.symbol} ${t.date}, evstudy's ${m.symbol} ${m.date}`);
    m.cars.forEach((c, w) => {
      const d = Math.abs(c - t.cars[w]);
      if (Number.isNaN(d)) nan = true;
      carMaxAbs = Math.max(carMaxAbs, d);
      carMaxRel = Math.max(carMaxRel, d / Math.max(1e-300, Math.abs(t.cars[w])));
    });
    if (m.ars && t.ars) {
      for (let i = 0; i < m.ars.length; i++) {
        const d = Math.abs(m.ars[i] - t.ars[i]);
        if (Number.isNaN(d)) nan = true;
        arMaxAbs = Math.max(arMaxAbs ?? 0, d);
      }
    }
  });
  const ok = !nan && carMaxAbs <= tolerance && (arMaxAbs === undefined || arMaxAbs <= tolerance);
  return { against, events: mine.length, carMaxAbs, carMaxRel, arMaxAbs, ok };
}
