/**
 * Markdown tables of simulated rejection rates: one row per test, one column per (scenario,
 * abnormal return) pair, for one section (day 0, CAR [0,0], CAR [0,1]...).
 */
import { TEST_NAMES } from '../stats/types.js';
import { rate, TALLY_NAMES, type SimResult, type TallyName } from './run.js';

export const TEST_LABELS: Record<TallyName, string> = {
  csectT: 'Cross-sectional t',
  bw1980: 'Brown-Warner t, independence (estudy2 "BW 1980")',
  bw1985: 'Brown-Warner t, crude dependence adj. (estudy2 "BW 1985")',
  patell: 'Patell 1976',
  bmp: 'BMP 1991',
  kpBmp: 'Kolari-Pynnönen adj. BMP',
  kpPatell: 'Kolari-Pynnönen adj. Patell',
  sign: 'Sign',
  generalizedSign: 'Generalized sign (Cowan 1992)',
  rank: 'Rank (Corrado 1989)',
  modifiedRank: 'Modified rank (Campbell-Wasley 1993)',
  grank: 'GRANK (Kolari-Pynnönen 2011)',
  wilcoxon: 'Wilcoxon signed rank',
  skewAdjT: 'Skewness-adjusted t (Hall 1992)',
  bootstrap: 'Bootstrap t',
  calendarTime: 'Calendar-time portfolio t (Jaffe 1974)',
};

export interface TableColumn {
  /** Column header, e.g. `random, +1%`. */
  label: string;
  result: SimResult;
  abnormal: number;
  /** The column is not a null even at abnormal 0 (no size marks). */
  nullShift?: boolean;
}

export function pct(x: number, digits = 1): string {
  return Number.isFinite(x) ? (100 * x).toFixed(digits) : 'n/a';
}

/** Rejection rates (%) of every test for one section, one column per scenario and abnormal return. */
export function rejectionTable(columns: readonly TableColumn[], section: string): string {
  const head = `| Test | ${columns.map((c) => c.label).join(' | ')} |`;
  const rule = `|---|${columns.map(() => '---:').join('|')}|`;
  const rows = TEST_NAMES.map((name) => {
    const cells = columns.map((c) => {
      const cell = c.result.cells.find((x) => x.abnormal === c.abnormal && x.section === section);
      if (!cell) throw new RangeError(`no ${section} at abnormal return ${c.abnormal} in this result`);
      return pct(rate(cell.tests[name]));
    });
    return `| ${TEST_LABELS[name]} | ${cells.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n');
}

/** One line describing a run: scenario, samples, events, r-bar, SAR moments, time. */
export function describeRun(label: string, r: SimResult): string {
  const c = r.config;
  const parts = [
    `${label}: ${c.samples} samples, ${r.meanDrawn.toFixed(1)} events drawn and mean N = ${r.meanN.toFixed(1)} in the aggregate, ${r.distinctDates} distinct event dates`,
    `mean KP r-bar ${r.meanRbar === null ? 'n/a' : r.meanRbar.toFixed(3)}`,
  ];
  if (r.censoring)
    parts.push(
      'censoring: ' +
        r.censoring.map((x) => `at +${+(100 * x.abnormal).toFixed(1)}% the limit cut day 0 of ${pct(x.share)}% of events, moving on average ${(100 * x.meanMoved).toFixed(2)} points per event to later days`).join(', '),
    );
  if (r.nullSar) parts.push(`null SAR mean ${r.nullSar.mean.toFixed(3)}, mean square ${r.nullSar.meanSquare.toFixed(3)} (nominal ${r.nullSar.nominal.toFixed(3)})`);
  parts.push(`${r.seconds.toFixed(0)} s`);
  return parts.join('; ');
}

/**
 * Monte Carlo standard error of a rejection rate p estimated from R samples: sqrt(p (1 - p) / R).
 * Example: p = 0.05, R = 500: 0.0097 (about 1 point).
 */
export function mcError(p: number, samples: number): number {
  return Math.sqrt((p * (1 - p)) / samples);
}

/**
 * Rejection rates (%) of every test (and the calendar-time t on windows) for one section, each
 * cell `two-sided (lower / upper)`: rejections at the two-sided level, then those with a negative
 * and a positive statistic (each tail's nominal rate is half the level). A cell whose two-sided
 * rate lies more than 2.5 Monte Carlo standard errors of the nominal rate above it is marked `!`
 * (oversized), more than 2.5 below `-` (undersized), only under the null (abnormal 0).
 * `n/a`: the test was never computed (the reason is the tally's firstReason). `(W+)`: estudy2's
 * Wilcoxon reports W+ (never negative) as its statistic, so its rejections cannot be split by sign.
 */
export function tailTable(columns: readonly TableColumn[], section: string, alpha = 0.05): string {
  const head = `| Test | ${columns.map((c) => c.label).join(' | ')} |`;
  const rule = `|---|${columns.map(() => '---:').join('|')}|`;
  const names = TALLY_NAMES.filter((n) => n !== 'calendarTime' || columns.some((c) => cellOf(c, section).tests.calendarTime.computed > 0));
  const rows = names.map((name) => {
    const cells = columns.map((c) => {
      const t = cellOf(c, section).tests[name];
      if (t.computed === 0) return 'n/a';
      const r = t.rejections / t.computed;
      const se = mcError(alpha, t.computed);
      const mark = c.abnormal === 0 && !c.nullShift ? (r > alpha + 2.5 * se ? ' !' : r < alpha - 2.5 * se ? ' -' : '') : '';
      // estudy2's Wilcoxon statistic is W+ itself (always >= 0, src/stats/wilcoxon.ts): no sign, no tails.
      if (name === 'wilcoxon' && c.result.config.testConvention === 'estudy2') return `${pct(r)}${mark} (W+)`;
      return `${pct(r)}${mark} (${pct(t.lower / t.computed)}/${pct(t.upper / t.computed)})`;
    });
    return `| ${TEST_LABELS[name]} | ${cells.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n');
}

function cellOf(c: TableColumn, section: string) {
  const cell = c.result.cells.find((x) => x.abnormal === c.abnormal && x.section === section);
  if (!cell) throw new RangeError(`no ${section} at abnormal return ${c.abnormal} in this result`);
  return cell;
}
