/**
 * The per-event results as two tables (issue 13 §2): the moves (AR day 0, CARs, market-adjusted
 * CAR, raw and best-high returns) and their significance (t and p per CAR window). Everything that
 * explains a row (why day 0 moved, why an event has no result, its flags) is a numbered note below
 * the moves table, marked ¹ ² ³ in the row: a cell holds one figure, not a paragraph.
 */
import type { EventResultJson, ReportJson } from './schema.js';
import { num, pct, pval, stars, table, win, windowOf } from './format.js';
import { mdText } from './mdText.js';
import { primaryWindow } from '../study/aggregate.js';
import { announcementOf } from './eventsSection.js';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * A footnote marker as superscript digits.
 *
 * @example superscript(12) // '¹²'
 */
export function superscript(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)])
    .join('');
}

/** The window whose market-adjusted CAR (alpha 0, beta 1) stands beside the model CARs: the primary one. */
export function headWindow(r: ReportJson): [number, number] {
  return (r.aggregate.primaryWindow ?? primaryWindow(r.settings.carWindows))!;
}

/** CAR windows shown per event: [0,0] is the AR day 0 column already. */
function carWindows(r: ReportJson): [number, number][] {
  return r.settings.carWindows.filter(([a, b]) => !(a === 0 && b === 0)) as [number, number][];
}

/** What a reader must know about one row, or '' (the alignment note only when day 0 is not the date as written). */
export function eventNote(e: EventResultJson): string {
  const parts: string[] = [];
  if (e.reason && e.outcome !== 'ok') parts.push(`${e.outcome}: ${mdText(e.reason)}`);
  // A shifted event's reason usually is its shift note: say it once.
  if (e.shift && e.shift !== e.reason && (e.day0 !== e.date || e.outcome === 'shifted')) parts.push(`day 0 ${e.day0 ?? ''}: ${mdText(e.shift)}`);
  if (e.flags && e.flags.length) parts.push(mdText(e.flags.join('; ')));
  return parts.join('. ');
}

/**
 * The two tables and the notes for `events`. `anchorOf` maps an announcement to its row in the
 * Events table; without it (no event says what happened) ids are plain text.
 */
export function perEventTables(r: ReportJson, events: EventResultJson[], anchorOf?: Map<string, string>): string[] {
  const wins = carWindows(r);
  const head = headWindow(r);
  const notes: string[] = [];
  const marks = new Map<EventResultJson, string>();
  for (const e of events) {
    const note = eventNote(e);
    if (!note) continue;
    notes.push(`- ${superscript(notes.length + 1)} ${mdText(e.id)}: ${note}`);
    marks.set(e, superscript(notes.length));
  }
  const idCell = (e: EventResultJson) => {
    const a = anchorOf?.get(announcementOf(e));
    return `${a ? `[${mdText(e.id)}](#${a})` : mdText(e.id)}${marks.get(e) ?? ''}`;
  };
  const moves = events.map((e) => {
    const w00 = windowOf(e.windows, [0, 0]);
    const w01 = windowOf(e.windows, [0, 1]);
    const d0 = e.days.find((d) => d.day === 0);
    return [
      idCell(e),
      mdText(e.symbol),
      mdText(e.name),
      e.day0 ?? '—',
      e.outcome,
      pct(d0?.ar ?? null),
      ...wins.map((w) => {
        const x = windowOf(e.windows, w);
        return x && x.car !== null ? `${pct(x.car)}${stars(x.carP)}` : '—';
      }),
      pct(windowOf(e.windows, head)?.marketAdjustedCar ?? null),
      pct(w00?.rawReturn ?? null),
      pct(w00?.maxHighReturn ?? null),
      pct(w01?.rawReturn ?? null),
    ];
  });
  const sig = events.map((e) => [
    idCell(e),
    mdText(e.symbol),
    ...wins.flatMap((w) => {
      const x = windowOf(e.windows, w);
      return x && x.car !== null ? [`${num(x.carT)}${stars(x.carP)}`, pval(x.carP)] : ['—', '—'];
    }),
  ]);
  const right = (n: number) => Array<'r'>(n).fill('r');
  return [
    '**Moves**',
    '',
    table(
      ['event', 'symbol', 'name', 'day 0', 'outcome', 'AR day 0', ...wins.map((w) => `CAR ${win(w)}`), `market-adj. CAR ${win(head)}`, 'raw [0,0]', 'best high [0,0]', 'raw [0,+1]'],
      moves,
      ['l', 'l', 'l', 'l', 'l', ...right(wins.length + 5)],
    ),
    '',
    ...(notes.length ? [...notes, ''] : []),
    '**Significance of each CAR** (t and two-sided p; stars as in the key)',
    '',
    table(['event', 'symbol', ...wins.flatMap((w) => [`t ${win(w)}`, `p ${win(w)}`])], sig, ['l', 'l', ...right(2 * wins.length)]),
  ];
}
