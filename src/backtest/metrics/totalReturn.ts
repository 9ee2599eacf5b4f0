/**
 * Total return of an equity curve over its whole span: V_last / V_first - 1; null for fewer than
 * one value. Example: [100, 120, 150] -> 0.5.
 */
export function totalReturn(value: ArrayLike<number>): number | null {
  if (value.length < 1 || !(value[0] > 0)) return null;
  return value[value.length - 1] / value[0] - 1;
}
