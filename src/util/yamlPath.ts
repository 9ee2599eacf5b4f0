/**
 * Field paths into parsed YAML, shared by every YAML reader (study files, events, the price
 * manifest, baskets) so their error messages name fields the same way.
 *
 * @example
 * formatPath(['sources', 0, 'url'])  // 'sources[0].url'
 * formatPath([3, 'adjustment'])       // '[3].adjustment'
 * valueAt({ a: [{ b: 1 }] }, ['a', 0, 'b']) // 1
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(p)) out += out === '' ? p : `.${p}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

/** The value at a path of plain objects and arrays, or undefined when the path leaves them. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}
