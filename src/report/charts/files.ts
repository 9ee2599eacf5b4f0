/** File names of the chart SVGs: stable, lower-case, safe on every file system and in Markdown links. */

/** `-1` -> `m1`: a leading minus reads as an option on command lines and is easy to mistype. */
export function windowSlug([a, b]: readonly [number, number] | readonly number[]): string {
  const part = (x: number) => (x < 0 ? `m${-x}` : `${x}`);
  return `${part(a)}_${part(b)}`;
}

/** Event id reduced to [a-z0-9._-]; other characters become '-'. */
export function sanitizeId(id: string): string {
  const s = id.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
  return s || 'event';
}

/** Unique names: later duplicates get `-2`, `-3`, ... before the extension. */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let k = 2; used.has(candidate); k++) candidate = `${stem}-${k}${ext}`;
    used.add(candidate);
    return candidate;
  });
}
