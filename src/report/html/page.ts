/**
 * report.html: the report as one self-contained page (issue 13 §3). Its body is report.md's text
 * (renderMarkdown of the same report.json, every event listed up to HTML_ALL_EVENTS) turned into HTML, so the page and
 * the note never disagree on a figure or a section; the charts are the SVGs drawn for the folder,
 * inlined. Style and script are inline and a Content-Security-Policy forbids every fetch: the page
 * opens from disk and asks the network for nothing.
 */
import type { ReportJson } from '../schema.js';
import { MODEL_LABELS, renderMarkdown } from '../markdown.js';
import { win } from '../format.js';
import { blocksHtml } from './blocks.js';
import { escapeHtml } from './escape.js';
import { inlineSvg } from './svg.js';
import { SCRIPT, STYLE } from './assets.js';

export interface HtmlChart {
  /** Path as report.md links it, e.g. `charts/caar.svg`. */
  file: string;
  title: string;
  svg: string;
}

export interface HtmlOptions {
  /** Charts drawn for this report (files that failed are simply absent). */
  charts?: readonly HtmlChart[];
  /** The report was written without charts (`--no-charts`, `charts: false`): the page says so. */
  chartsOff?: boolean;
  /** Extra Markdown sections (baskets, backtest), as report.md has them. */
  sections?: readonly string[];
  /** Which events have price charts and why. */
  priceNote?: string;
  /** events.csv is written beside the page. */
  eventsCsv?: boolean;
}

/**
 * Up to this many events the page lists every one (Events and per-event tables, for the filter box);
 * above it, the headline tables of report.md and a pointer to events.csv. 5,000 events make a ~5 MB
 * page that a browser sorts in well under a second; 20,000 made 18 MB and seconds of GC in the run.
 */
export const HTML_ALL_EVENTS = 5_000;

/** No fetch of any kind (scripts, styles, images, fonts, frames, connections) beyond the page itself. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** First and last announcement date of the study (ISO dates compare as strings). */
function period(r: ReportJson): string {
  let lo = '';
  let hi = '';
  for (const e of r.events) {
    if (!e.date) continue;
    if (lo === '' || e.date < lo) lo = e.date;
    if (hi === '' || e.date > hi) hi = e.date;
  }
  return lo === '' ? '—' : lo === hi ? lo : `${lo} to ${hi}`;
}

/**
 * The page for a report. Pure: report (and its drawn charts) in, HTML text out.
 *
 * @example
 * writeFileSync('report.html', renderHtml(report, { charts: [{ file: 'charts/caar.svg', title: 'CAAR', svg }] }));
 */
export function renderHtml(r: ReportJson, opts: HtmlOptions = {}): string {
  const charts = opts.charts ?? [];
  const byFile = new Map(charts.map((c, k) => [c.file, { c, k }]));
  const md = renderMarkdown(
    r,
    charts.map((c) => ({ file: c.file, title: c.title })),
    [...(opts.sections ?? [])],
    { priceNote: opts.priceNote, eventsCsv: opts.eventsCsv, allEvents: r.events.length <= HTML_ALL_EVENTS },
  );
  const body = blocksHtml(md, {
    skipTitle: true,
    chart: (path) => {
      const hit = byFile.get(path);
      return hit ? inlineSvg(hit.c.svg, `c${hit.k + 1}`) : undefined;
    },
  });
  const s = r.settings;
  const title = r.study?.title ?? 'Event study';
  const inAgg = r.aggregate.n ?? r.events.filter((e) => e.inAggregate !== false && (e.outcome === 'ok' || e.outcome === 'shifted')).length;
  const meta: [string, string][] = [
    ['Period', period(r)],
    ['Events', `${r.events.length} event-listing pairs, ${inAgg} in the aggregate`],
    ['Model', MODEL_LABELS[s.model] ?? s.model],
    ['Event window', win(s.window)],
    ['Estimation', `${win(s.estimation)} trading days`],
    ['Returns', s.returnType],
    ['Stars', '* p < 0.10, ** p < 0.05, *** p < 0.01 (two-sided)'],
  ];
  const notice = opts.chartsOff
    ? '<p class="notice" id="no-charts">No charts: this report was written with charts turned off (<code>--no-charts</code> or <code>charts: false</code>); every figure is in the tables.</p>'
    : '';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<meta name="generator" content="${escapeHtml(r.generator ?? 'evstudy')}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header class="page">',
    `<h1>${escapeHtml(title)}</h1>`,
    `<dl class="meta">${meta.map(([k, v]) => `<div><dt>${k}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>`,
    `<nav class="toc" aria-label="Contents"><ol>${body.toc.map((t) => `<li><a href="#${t.id}">${escapeHtml(t.text)}</a></li>`).join('')}</ol></nav>`,
    '</header>',
    '<main>',
    notice,
    body.html,
    '</main>',
    `<footer class="page">Written by ${escapeHtml(r.generator ?? 'evstudy')} from report.json (report schema ${escapeHtml(r.schemaVersion)}); report.md in this folder has the same sections as text${opts.eventsCsv ? ', events.csv every per-event figure' : ''}.</footer>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
