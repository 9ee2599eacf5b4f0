/**
 * Markdown tables of simulated rejection rates: one row per test, one column per (scenario,
 * abnormal return) pair, for one section (day 0, CAR [0,0], CAR [0,1]...).
 */
import { TEST_NAMES, type TestName } from '../stats/types.js';
import { rate, type SimResult } from './run.js';

export const TEST_LABELS: Record<TestName, string> = {
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
};

export interface TableColumn {
  /** Column header, e.g. `random, +1%`. */
  label: string;
  result: SimResult;
  abnormal: number;
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
    `${label}: ${c.samples} samples, mean N = ${r.meanN.toFixed(1)} events in the aggregate, ${r.distinctDates} distinct event dates`,
    `mean KP r-bar ${r.meanRbar === null ? 'n/a' : r.meanRbar.toFixed(3)}`,
  ];
  if (r.nullSar) parts.push(`null SAR mean ${r.nullSar.mean.toFixed(3)}, mean square ${r.nullSar.meanSquare.toFixed(3)} (nominal ${r.nullSar.nominal.toFixed(3)})`);
  parts.push(`${r.seconds.toFixed(0)} s`);
  return parts.join('; ');
}
