/**
 * The number a report table cell shows, for sorting and alignment: `+20.29%***` -> 20.29,
 * `2.12 (p 0.050, Holm 1.000)**` -> 2.12, `<0.001` -> just under 0.001, `0.94 ⚠` -> 0.94.
 * A missing value (`—`, `n/a (…)`, empty) is `undefined`; anything else (ids, dates like
 * 2023-02-07, windows like [-1,+1], symbols like 0020.HK) is `null`: text.
 *
 * @example cellNumber('-8.31%*') // -8.31
 * @example cellNumber('2023-02-07') // null
 */
const TRAIL = /[\s*⚠⁰¹²³⁴⁵⁶⁷⁸⁹]+$/;
const NUMBER = /^([<>])?([+\-−]?)(\d+(?:\.\d+)?(?:e[+-]?\d+)?)(%?)$/;

export function cellNumber(text: string): number | null | undefined {
  let t = text.trim();
  if (t === '' || t === '—' || t === '-' || t.startsWith('n/a')) return undefined;
  t = t.replace(TRAIL, '').replace(/\s*\([^()]*\)$/, '').replace(TRAIL, '');
  const m = NUMBER.exec(t);
  if (!m) return null;
  let v = Number(m[3]);
  if (m[2] === '-' || m[2] === '−') v = -v;
  // "<0.001" sorts below 0.001 and ">x" above x, whatever their sign.
  if (m[1] === '<') v -= Math.abs(v) * 1e-3 || 1e-12;
  if (m[1] === '>') v += Math.abs(v) * 1e-3 || 1e-12;
  return v;
}
