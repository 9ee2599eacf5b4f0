/**
 * The closes a comparison actually starts and ends on, for headings: the requested dates are often
 * not trading days (`--from 2023-01-01` starts at the 2022-12-30 close), and a heading that names
 * the requested date describes a close that does not exist.
 */
import { DataError } from '../util/errors.js';
import type { CompareJson } from './json.js';

/**
 * "2022-12-30 close to 2023-06-30 close" when every basket used the same closes, adding what was
 * asked for when it differs; "closes per basket" when baskets differ (each basket's detail names its
 * own).
 *
 * @example
 * closesHeading({ period: { from: '2023-01-01', to: '2023-06-30' }, baskets: [{ period: { baseDate: '2022-12-30', endDate: '2023-06-30' } }] });
 * // '2022-12-30 close to 2023-06-30 close (asked: from 2023-01-01, the last close on or before it)'
 */
export function closesHeading(cmp: { period: { from: string; to: string }; baskets: readonly { period: { baseDate: string | null; endDate: string | null } }[] }): string {
  const bases = new Set(cmp.baskets.map((b) => b.period.baseDate));
  const ends = new Set(cmp.baskets.map((b) => b.period.endDate));
  const asked = `${cmp.period.from} to ${cmp.period.to}`;
  if (bases.size !== 1 || ends.size !== 1) return `${asked}, closes per basket below`;
  const [base] = bases;
  const [end] = ends;
  if (base === null || end === null) return `${asked}: no closes`;
  const moved = [base !== cmp.period.from ? `from ${cmp.period.from}` : '', end !== cmp.period.to ? `to ${cmp.period.to}` : ''].filter(Boolean);
  return `${base} close to ${end} close${moved.length > 0 ? ` (asked: ${moved.join(', ')}, the last close on or before ${moved.length > 1 ? 'each' : 'it'})` : ''}`;
}

/**
 * A basket without a single return in the period would print a row of dashes and exit 0: refused
 * instead (a data error, exit 3) naming the baskets and why, from their members' reasons.
 */
export function requireBasketDays(cmp: CompareJson): void {
  const empty = cmp.baskets.filter((b) => b.period.days === 0);
  if (empty.length === 0) return;
  const why = (b: CompareJson['baskets'][number]) => {
    const reasons = [...new Set(b.missingMembers.map((m) => `${m.symbol}: ${m.reason}`))];
    return `${b.id} (${reasons.slice(0, 2).join('; ') || 'no member has two closes in the period'}${reasons.length > 2 ? `; and ${reasons.length - 2} more reasons` : ''})`;
  };
  throw new DataError(
    `no basket data from ${cmp.period.from} to ${cmp.period.to}: ${empty.length === cmp.baskets.length ? 'no basket has' : `${empty.length} of ${cmp.baskets.length} baskets have`} a return in the period: ${empty.map(why).join(', ')}`,
    { field: '--from', value: cmp.period.from },
  );
}
