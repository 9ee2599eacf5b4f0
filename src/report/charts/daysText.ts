/**
 * A window of event days in chart text: "days -1 to 1", or "day 0" when it is one day ("days 0 to
 * 0" reads as a typo).
 *
 * @example daysText([0, 0]) // 'day 0'
 * @example daysText([-1, 1]) // 'days -1 to 1'
 */
export function daysText([a, b]: readonly [number, number] | readonly number[]): string {
  return a === b ? `day ${a}` : `days ${a} to ${b}`;
}

/** Label of the zero line on a CAR or CAAR axis: the value at which the stock moved as the model expected. */
export const ZERO_LINE_LABEL = '0 = no abnormal return';

/**
 * Whether a chart may say "Day 0 shifted": only when day 0 is not the announcement date as written
 * (or the outcome says so); a note on an unmoved day 0 explains a timing rule, not a shift.
 */
export function day0Shifted(e: { shift?: string | null; day0: string | null; date: string; outcome: string }): boolean {
  return !!e.shift && (e.outcome === 'shifted' || (e.day0 !== null && e.day0 !== e.date));
}
