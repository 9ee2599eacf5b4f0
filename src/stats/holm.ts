/**
 * Holm (1979) step-down adjustment of a family of p-values: sorted ascending, the k-th smallest
 * (k = 0..m-1) becomes max over j <= k of min(1, (m - j) p_(j)). Controls the family-wise error rate
 * under any dependence, which the days and windows of one study have (they share events and days).
 * Null entries (tests not computed) are not members of the family and stay null.
 */
export function holmAdjust(p: ReadonlyArray<number | null>): Array<number | null> {
  const idx: number[] = [];
  for (let k = 0; k < p.length; k++) if (p[k] !== null && Number.isFinite(p[k])) idx.push(k);
  idx.sort((a, b) => (p[a] as number) - (p[b] as number));
  const m = idx.length;
  const out: Array<number | null> = p.map(() => null);
  let run = 0;
  idx.forEach((k, j) => {
    run = Math.max(run, Math.min(1, (m - j) * (p[k] as number)));
    out[k] = run;
  });
  return out;
}
