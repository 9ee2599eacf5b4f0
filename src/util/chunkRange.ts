/**
 * Part k (0-based) of `parts` near-equal consecutive ranges of [0, total): [from, to). The split
 * depends only on `total` and `parts`, never on how many threads take the parts.
 *
 * @example
 *   chunkRange(10, 3, 0) // [0, 3]; then [3, 6], [6, 10]
 */
export function chunkRange(total: number, parts: number, k: number): [number, number] {
  return [Math.floor((total * k) / parts), Math.floor((total * (k + 1)) / parts)];
}
