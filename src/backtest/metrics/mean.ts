/** Arithmetic mean; NaN for an empty array. Example: [1, 2, 6] -> 3. */
export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return x.length ? s / x.length : NaN;
}
