/**
 * The names closest to a mistyped one, for "did you mean" hints: case-insensitive Levenshtein
 * distance (insert, delete, substitute, each 1), kept when at most max(2, a third of the typed
 * length) away, nearest first, ties in the given order; at most `limit`.
 *
 * @example
 * nearestNames('300418.SH', ['300418.SZ', '0700.HK', 'BIDU']); // ['300418.SZ']
 */
export function nearestNames(typed: string, names: readonly string[], limit = 3): string[] {
  const t = typed.toUpperCase();
  const cap = Math.max(2, Math.floor(t.length / 3));
  return names
    .map((name, i) => ({ name, i, d: editDistance(t, name.toUpperCase()) }))
    .filter((x) => x.d <= cap)
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.name);
}

/** Levenshtein distance on one rolling row of a typed array. */
function editDistance(a: string, b: string): number {
  const row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(up + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}
