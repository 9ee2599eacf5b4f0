/**
 * report.md's "Events" table: what each announcement was (title, when, summary, sources), one row
 * per announcement, before any result. Each row carries an HTML anchor so the per-event result rows
 * can link back to it (`[id](#event-...)`): a reader of a CAR can see what the news was in one click.
 */
import type { EventResultJson, ReportJson } from './schema.js';
import { table } from './format.js';
import { mdText } from './mdText.js';

/** The announcement a result row belongs to: its registry id, else its own id (ad-hoc rows). */
export function announcementOf(e: EventResultJson): string {
  return e.eventId ?? e.id;
}

/** Whether any event says what happened; without it the Events table would only repeat ids. */
export function hasEventInfo(r: ReportJson): boolean {
  return r.events.some((e) => e.title || e.summary || (e.sources && e.sources.length));
}

/**
 * Anchor name per announcement: `event-` plus the id lower-cased with runs of anything but a-z0-9
 * turned into `-`; a clash (ids differing only in punctuation) gets `-2`, `-3`.
 *
 * @example anchors(r).get('baidu-ernie-launch') // 'event-baidu-ernie-launch'
 */
export function anchors(r: ReportJson): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const e of r.events) {
    const a = announcementOf(e);
    if (out.has(a)) continue;
    const slug = a.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    const base = slug ? `event-${slug}` : 'event';
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}-${k}`;
    used.add(name);
    out.set(a, name);
  }
  return out;
}

/** When the news came: date, then clock time and zone when known, then the session timing. */
export function whenText(e: EventResultJson): string {
  const clock = e.time && e.timezone ? ` ${e.time} ${e.timezone}` : e.time ? ` ${e.time}` : '';
  return `${e.date}${clock}${e.timing ? ` (${e.timing})` : ''}`;
}

/** A URL safe inside Markdown's `(...)`: spaces and parentheses percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function sourceText(s: NonNullable<EventResultJson['sources']>[number]): string {
  const label = [s.title, s.publisher].filter((x) => x).map((x) => mdText(x)).join(', ') || (s.url ? mdText(s.url) : '');
  const doc = s.document ? ` (document: \`${s.document.replace(/`/g, '')}\`)` : '';
  return s.url ? `[${label}](${linkTarget(s.url)})${doc}` : `${label}${doc}`;
}

/**
 * The Events section. `only`: the announcements to list (a large study lists those in its headline
 * tables and says so); undefined lists all.
 */
export function eventsSection(r: ReportJson, anchorOf: Map<string, string>, only?: Set<string>): string[] {
  const byAnnouncement = new Map<string, EventResultJson[]>();
  for (const e of r.events) {
    const a = announcementOf(e);
    if (only && !only.has(a)) continue;
    const list = byAnnouncement.get(a);
    if (list) list.push(e);
    else byAnnouncement.set(a, [e]);
  }
  const total = new Set(r.events.map(announcementOf)).size;
  const rows = [...byAnnouncement].map(([a, es]) => {
    const e = es[0];
    return [
      `<a id="${anchorOf.get(a)}"></a>${mdText(a)}`,
      mdText(whenText(e)),
      es.map((x) => mdText(x.symbol)).join(', '),
      mdText(e.title) || '—',
      mdText(e.summary) || '—',
      (e.sources ?? []).map(sourceText).join('; ') || '—',
    ];
  });
  const intro =
    only && byAnnouncement.size < total
      ? `${total} announcements: too many to list here. The table lists the ${byAnnouncement.size} whose listings appear in the largest and smallest CAR tables below; report.json (\`events[].title\`, \`summary\`, \`sources\`) has every one.`
      : `What each announcement was and when it reached the market (time and time zone when known; the session timing decides day 0). The per-event results link back here.`;
  return [
    '## Events',
    '',
    intro,
    '',
    table(['event', 'when', 'listings', 'title', 'summary', 'sources'], rows, ['l', 'l', 'l', 'l', 'l', 'l']),
  ];
}
