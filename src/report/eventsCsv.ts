/**
 * events.csv: one row per event with every CAR window, the model and the flags: the per-event
 * table an analyst opens in a spreadsheet, and the only complete one once report.md keeps to
 * headlines (large studies).
 *
 * RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line break is quoted
 * with inner quotes doubled. Text cells that a spreadsheet would run as a formula (starting with
 * = + - @, tab or CR) get a leading apostrophe; numbers are written as numbers, full precision.
 */
import type { ReportJson, EventResultJson } from './schema.js';
// `-1` -> `m1`, as in chart file names: a header cell must not start with a minus either.
import { windowSlug } from './charts/files.js';
import { windowOf } from './format.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell: defused against formula injection, then quoted if RFC 4180 needs it. */
export function csvText(s: string | null | undefined): string {
  if (s === null || s === undefined || s === '') return '';
  const safe = FORMULA_START.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number cell: empty when missing; never NaN or Infinity. */
export function csvNumber(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '' : String(x);
}


// market_adj_car: sum of R - R_m over the window (alpha 0, beta 1), beside the model CAR;
// alpha_drift: the fitted alpha x window length, what the model CAR loses to alpha alone.
const WINDOW_FIELDS = ['car', 'car_t', 'car_p', 'bhar', 'raw', 'max_high', 'min_low', 'missing_days', 'market_adj_car', 'alpha_drift'] as const;

function windowCells(e: EventResultJson, [a, b]: readonly number[]): string[] {
  const w = windowOf(e.windows, [a, b]);
  if (!w) return WINDOW_FIELDS.map(() => '');
  return [w.car, w.carT, w.carP, w.bhar, w.rawReturn, w.maxHighReturn, w.minLowReturn, w.missingDays, w.marketAdjustedCar, w.alphaDrift].map(csvNumber);
}

export function eventsCsv(report: ReportJson): string {
  const windows = report.settings.carWindows.some(([a, b]) => a === 0 && b === 0) ? report.settings.carWindows : [...report.settings.carWindows, [0, 0]];
  const header = [
    'id',
    'symbol',
    'name',
    'group',
    'date',
    'day0',
    'outcome',
    'in_aggregate',
    'reason',
    'flags',
    'ar_day0',
    ...windows.flatMap((w) => WINDOW_FIELDS.map((f) => `${f}_${windowSlug(w)}`)),
    'model',
    'alpha',
    'beta',
    'sigma',
    'n_estimation',
    // Days of other events' windows left out of the estimation sample (empty: none, or kept).
    'estimation_excluded_days',
    // Limit-hit days in the estimation window, and returns spanning several sessions (estimation /
    // event window): counts a spreadsheet can sum, beside the free-text flags.
    'estimation_limit_days',
    'gap_returns_estimation',
    'gap_returns_event_window',
    'estimation_from',
    'estimation_to',
    'benchmark',
    // Why that benchmark (study override, manifest, exchange default) and how much it explains.
    'benchmark_source',
    'r_squared',
  ];
  const lines = [header.join(',')];
  for (const e of report.events) {
    const d0 = e.days.find((d) => d.day === 0);
    const m = e.model;
    // The engine says so (duplicates and secondary listings are ok but not counted); older reports
    // mark a duplicate (same listing and day 0) by its reason only.
    const inAggregate =
      e.inAggregate ?? ((e.outcome === 'ok' || e.outcome === 'shifted') && e.windows.length > 0 && !(e.reason ?? '').startsWith('same listing and day 0'));
    lines.push(
      [
        csvText(e.id),
        csvText(e.symbol),
        csvText(e.name),
        csvText(e.group),
        e.date,
        e.day0 ?? '',
        e.outcome,
        inAggregate ? 'yes' : 'no',
        csvText(e.reason),
        csvText((e.flags ?? []).join('; ')),
        csvNumber(d0?.ar),
        ...windows.flatMap((w) => windowCells(e, w)),
        csvText(m?.kind),
        csvNumber(m?.alpha),
        csvNumber(m?.beta),
        csvNumber(m?.sigma),
        csvNumber(m?.nObs),
        csvNumber(e.estimationExcluded?.days),
        csvNumber(e.estimationLimitDays ? e.estimationLimitDays.up + e.estimationLimitDays.down : undefined),
        csvNumber(e.gapReturns?.estimation),
        csvNumber(e.gapReturns?.eventWindow),
        m?.estimationFrom ?? '',
        m?.estimationTo ?? '',
        csvText(m?.benchmark),
        csvText(m?.benchmarkSource),
        csvNumber(m?.rSquared),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
