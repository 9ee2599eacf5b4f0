/**
 * Jensen's alpha and beta against the benchmark by OLS of the strategy's daily returns on the
 * benchmark's (zero risk-free rate): beta = cov(r, b) / var(b), alpha = mean(r) - beta mean(b),
 * annualised as alpha x N. Pairs with a missing benchmark return (NaN) are left out; null below
 * 3 pairs or with a flat benchmark. Example: r = 2b exactly -> beta 2, alpha 0.
 */
export function alphaBeta(returns: ArrayLike<number>, bench: ArrayLike<number>, perYear: number): { alpha: number; beta: number; n: number } | null {
  let n = 0;
  let sr = 0;
  let sb = 0;
  for (let i = 0; i < returns.length; i++)
    if (Number.isFinite(bench[i]) && Number.isFinite(returns[i])) {
      n++;
      sr += returns[i];
      sb += bench[i];
    }
  if (n < 3) return null;
  const mr = sr / n;
  const mb = sb / n;
  let cov = 0;
  let vb = 0;
  for (let i = 0; i < returns.length; i++)
    if (Number.isFinite(bench[i]) && Number.isFinite(returns[i])) {
      cov += (returns[i] - mr) * (bench[i] - mb);
      vb += (bench[i] - mb) ** 2;
    }
  if (!(vb > 0)) return null;
  const beta = cov / vb;
  return { alpha: (mr - beta * mb) * perYear, beta, n };
}
