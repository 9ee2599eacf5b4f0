/**
 * Which tests a study computes (issue 15 §2): all of them (default), `basic`, or a list of names.
 *
 * `basic` is the cross-sectional t and BMP, on days (AAR) and windows (CAAR): what the Python
 * `eventstudy` package computes, so a like-for-like comparison pays for nothing else. Besides the
 * battery's TEST_NAMES the list accepts `calendarTime`, the window-level calendar-time portfolio
 * test (calendarTime.ts), which is reported beside the battery rather than inside it.
 *
 * Example: parseTestSelection('csectT,bmp') -> ['csectT', 'bmp']; parseTestSelection('all') -> null.
 */
import { TEST_NAMES, type TestName } from './types.js';

/** Names a selection may hold, in report order. */
export const SELECTABLE_TESTS = [...TEST_NAMES, 'calendarTime'] as const;
export type SelectableTest = (typeof SELECTABLE_TESTS)[number];

/** Named sets; `all` resolves to null (no selection: the report keeps its unselected form). */
export const TEST_PRESETS = { basic: ['csectT', 'bmp'] as SelectableTest[] } as const;

/** Tests that need Kolari-Pynnönen's r-bar (rbar.ts, rbarWindow.ts) and the window r-bar row. */
export const RBAR_TESTS: readonly TestName[] = ['kpBmp', 'kpPatell'];
/** Tests that need every event's ranks over its combined window (rankRows.ts). */
export const RANK_TESTS: readonly TestName[] = ['rank', 'modifiedRank'];

export class TestSelectionError extends Error {}

/**
 * Parses `all`, `basic` or a comma list of SELECTABLE_TESTS (whitespace ignored, duplicates
 * merged, result in SELECTABLE_TESTS order). null = every test. Throws TestSelectionError naming
 * the unknown entry and the valid names.
 */
export function parseTestSelection(spec: string | readonly string[]): SelectableTest[] | null {
  const items = (typeof spec === 'string' ? spec.split(',') : spec).map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new TestSelectionError(`no test named; ${validList()}`);
  const chosen = new Set<SelectableTest>();
  for (const it of items) {
    if (it === 'all') return null;
    if (it === 'basic') {
      for (const t of TEST_PRESETS.basic) chosen.add(t);
      continue;
    }
    if (!(SELECTABLE_TESTS as readonly string[]).includes(it)) throw new TestSelectionError(`unknown test '${it}'; ${validList()}`);
    chosen.add(it as SelectableTest);
  }
  const out = SELECTABLE_TESTS.filter((t) => chosen.has(t));
  return out.length === SELECTABLE_TESTS.length ? null : out;
}

/** Whether one entry of a selection list is valid on its own (`all`, `basic` or a test name). */
export function isTestSelectionItem(item: string): boolean {
  const t = item.trim();
  return t === 'all' || t === 'basic' || (SELECTABLE_TESTS as readonly string[]).includes(t);
}

export function validList(): string {
  return `valid: all, basic (${TEST_PRESETS.basic.join(', ')}), or a comma list of ${SELECTABLE_TESTS.join(', ')}`;
}

/** Whether `name` is computed under `selection` (null = all). */
export function isSelected(selection: readonly string[] | null | undefined, name: SelectableTest): boolean {
  return selection == null || selection.includes(name);
}

/** `{ tests }` for settings when `spec` selects fewer than all tests, else `{}` (the report then keeps its full form). */
export function testsSetting(spec: string | readonly string[] | undefined): { tests?: SelectableTest[] } {
  const sel = spec === undefined ? null : parseTestSelection(spec);
  return sel ? { tests: sel } : {};
}
