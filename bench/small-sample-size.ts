/**
 * Size of the tests at small N by simulation (issue 12 §3): how often each test rejects a true null
 * at 5% with N = 5, 17 and 50 independent events, for day 0 and the CAR window [0, 10], with normal
 * or skewed (centred exponential) daily residuals. Also the two choices made in src/stats: GRANK
 * with and without KP eq. 6's re-standardization, and the generalized sign with the L-day p-hat
 * and exact p (default) against estudy2's pooled daily p-hat and normal p.
 *
 *   npx tsx bench/small-sample-size.ts                 # 2000 samples per cell (a few minutes)
 *   npx tsx bench/small-sample-size.ts --samples 500
 *
 * Panels: constant-mean model on L = 120 estimation days, AR = R - mean(R_est), sigma^2 = SSR/(L-1),
 * C = 1 + 1/L, Var(CAR over m days) = sigma^2 (m + m^2 / L): exact for that model. Each event has its
 * own calendar days (no overlap), so r-bar is 0 and KP = the unadjusted tests. A rejection count
 * k of S samples has Monte Carlo standard error sqrt(0.05 * 0.95 / S) (0.5 pp at S = 2000).
 */
import {
  bmpDay,
  bmpWindow,
  bw1980Day,
  csectTDay,
  csectTWindow,
  generalizedSignDay,
  generalizedSignWindow,
  grankDay,
  grankWindow,
  mulberry32,
  patellDay,
  rankDay,
  signDay,
  signWindow,
  wilcoxonDay,
  wilcoxonWindow,
  type EventPanel,
  type TestResult,
} from '../src/stats/index.js';
import { meanModelPanel } from '../tests/stats/helpers.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const SAMPLES = arg('samples', 2000);
const L = 120;
const WIN: [number, number] = [-5, 10];

type Draw = (u: () => number) => number;
const normal: Draw = (u) => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
/** Exponential(1) - 1: mean 0, variance 1, skewness 2 (a few large up days, many small down days). */
const skewed: Draw = (u) => -Math.log(1 - u()) - 1;

/** Event i's L estimation returns then its window returns, drawn in that order (the panel fit: meanModelPanel). */
function makePanel(n: number, draw: Draw, u: () => number): EventPanel {
  const W = WIN[1] - WIN[0] + 1;
  const est: number[][] = [];
  const ev: number[][] = [];
  for (let i = 0; i < n; i++) {
    est.push(Array.from({ length: L }, () => 0.02 * draw(u)));
    ev.push(Array.from({ length: W }, () => 0.02 * draw(u)));
  }
  return meanModelPanel({ est, ev, estStart: WIN[0] - L, winStart: WIN[0], firstDay: Array.from({ length: n }, (_, i) => 10_000 * i) });
}

type Case = [string, (p: EventPanel) => TestResult];
const E2 = { convention: 'estudy2' as const };
const CASES: Case[] = [
  ['t day 0', (p) => csectTDay(p, 0)],
  ['BW1980 day 0', (p) => bw1980Day(p, 0)],
  ['Patell day 0', (p) => patellDay(p, 0)],
  ['BMP day 0', (p) => bmpDay(p, 0)],
  ['sign day 0', (p) => signDay(p, 0)],
  ['Wilcoxon day 0', (p) => wilcoxonDay(p, 0)],
  ['rank day 0', (p) => rankDay(p, 0)],
  ['GRANK day 0', (p) => grankDay(p, 0)],
  ['GRANK day 0, KP eq. 6', (p) => grankDay(p, 0, { grankRestandardize: true })],
  ['gen. sign day 0', (p) => generalizedSignDay(p, 0)],
  ['gen. sign day 0, estudy2', (p) => generalizedSignDay(p, 0, E2)],
  ['t [0,10]', (p) => csectTWindow(p, 0, 10)],
  ['BMP [0,10]', (p) => bmpWindow(p, 0, 10)],
  ['sign [0,10]', (p) => signWindow(p, 0, 10)],
  ['Wilcoxon [0,10]', (p) => wilcoxonWindow(p, 0, 10)],
  ['GRANK [0,10]', (p) => grankWindow(p, 0, 10)],
  ['GRANK [0,10], KP eq. 6', (p) => grankWindow(p, 0, 10, { grankRestandardize: true })],
  ['gen. sign [0,10]', (p) => generalizedSignWindow(p, 0, 10)],
  ['gen. sign [0,10], estudy2 daily p-hat', (p) => generalizedSignWindow(p, 0, 10, E2)],
];

const NS = [5, 17, 50];
const DISTS: Array<[string, Draw]> = [
  ['normal', normal],
  ['skewed', skewed],
];

const t0 = performance.now();
const rate = new Map<string, number>();
for (const [dname, draw] of DISTS) {
  for (const n of NS) {
    const u = mulberry32(1000 * n + (dname === 'normal' ? 1 : 2));
    const rej = new Array(CASES.length).fill(0);
    const done = new Array(CASES.length).fill(0);
    for (let s = 0; s < SAMPLES; s++) {
      const p = makePanel(n, draw, u);
      CASES.forEach(([, f], k) => {
        const r = f(p);
        if (r.p === null) return;
        done[k]++;
        if (r.p <= 0.05) rej[k]++;
      });
    }
    CASES.forEach(([name], k) => rate.set(`${name}|${dname}|${n}`, done[k] ? rej[k] / done[k] : NaN));
  }
}
const cols = DISTS.flatMap(([d]) => NS.map((n) => `${d} N=${n}`));
const lines = [
  `Rejection rate at 5% under the null, ${SAMPLES} samples per cell (Monte Carlo s.e. ${(100 * Math.sqrt(0.0475 / SAMPLES)).toFixed(1)} pp), ${((performance.now() - t0) / 1000).toFixed(0)} s:`,
  '',
  `| test | ${cols.join(' | ')} |`,
  `|---|${cols.map(() => '---:').join('|')}|`,
  ...CASES.map(([name]) => `| ${name} | ${DISTS.flatMap(([d]) => NS.map((n) => `${(100 * rate.get(`${name}|${d}|${n}`)!).toFixed(1)}%`)).join(' | ')} |`),
];
console.log(lines.join('\n'));
