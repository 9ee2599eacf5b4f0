/**
 * Shared machinery of the rank-type tests (Corrado 1989 rank, Campbell-Wasley 1993 modified rank,
 * Corrado-Zivney 1992 sign): each works on a per-column sum over events of a centred score
 * (rank deviation, scaled rank, sign), over the combined estimation + event window, computed once
 * per panel in StatsContext.ranks().
 *
 * With term_t = colSum_t / N_t ('mean' scaling) or colSum_t / sqrt(N_t) ('sqrt' scaling):
 *   S^2 = (1 / T) sum_{t in est + event window, N_t > 0} term_t^2
 *   Day tau:     stat = term_tau / S
 *   Window:      stat = sum_{t in [a, b]} term_t / (sqrt(L2) S)   (Cowan 1992; Campbell-Wasley 1993)
 * T is the number of days with at least one score (default). estudy2 (all three tests) differs in
 * two ways, both invisible without missing data: it divides by the mean number of non-missing ARs
 * per event (`mean(delta_full)`) instead of T, and it forms each day's sum as
 * mean * n (n = all events) instead of the sum over the N_t events with data.
 */
import { type CrossSection, type StatsContext } from './context.js';
import { describe } from './sectionTest.js';
import { pNormal2 } from './pvalue.js';
import type { TestResult } from './types.js';
import { fail, ok } from './util.js';

export function columnScoreTest(
  ctx: StatsContext,
  cs: CrossSection,
  colSum: Float64Array,
  scaling: 'mean' | 'sqrt',
  label: string,
  estudy2: boolean,
): TestResult {
  const rk = ctx.ranks();
  const { colN, C, Tdays } = rk;
  if (Tdays < 3) return fail(`only ${Tdays} days with ${label}; at least 3 are needed`);
  // estudy2 forms each column "sum" as mean * (number of ALL events), e.g.
  // `rowMeans(full_rank - avg_rank_full, na.rm = TRUE) * ncol(full_rank)`, which inflates the days
  // where only N_t < n events have data by n / N_t. Reproduced under the estudy2 convention only.
  const sumOf = (c: number) => (estudy2 ? (colSum[c] / colN[c]) * ctx.n : colSum[c]);
  const term = (c: number) => (scaling === 'mean' ? sumOf(c) / colN[c] : sumOf(c) / Math.sqrt(colN[c]));
  let ss = 0;
  for (let c = 0; c < C; c++) if (colN[c] > 0) ss += term(c) ** 2;
  const Tdiv = estudy2 ? rk.meanM : Tdays;
  const S = Math.sqrt(ss / Tdiv);
  if (!(S > 0)) return fail(`zero variance of the ${label} over the combined window`);
  let num = 0;
  let days = 0;
  let minN = Infinity;
  for (let t = cs.a; t <= cs.b; t++) {
    const c = ctx.E + ctx.col(t);
    if (colN[c] === 0) continue;
    num += term(c);
    days++;
    if (colN[c] < minN) minN = colN[c];
  }
  if (days === 0 || minN < 2) {
    return fail(`fewer than 2 events with ${label} on ${describe(cs)}`);
  }
  const stat = num / (Math.sqrt(days) * S);
  const note = days < cs.len ? `${cs.len - days} day(s) of the window without data` : undefined;
  return ok(stat, pNormal2(stat), { n: cs.kind === 'day' ? minN : cs.x.length, note });
}
