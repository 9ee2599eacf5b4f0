/**
 * report.html's template, in process (issue 13 §3): user text is escaped, every event and section
 * is there, tables carry what the page's sort and filter need, nothing would be fetched, charts are
 * inlined with ids of their own, and the page grows linearly with the study. The real browser run
 * (sorting, filtering, hover, print, phone) is tests/e2e/report-html.browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml, HTML_ALL_EVENTS } from '../../src/report/html/page.js';
import { inlineHtml } from '../../src/report/html/inline.js';
import { cellNumber } from '../../src/report/html/cellNumber.js';
import { inlineSvg } from '../../src/report/html/svg.js';
import type { ReportJson } from '../../src/report/schema.js';
import { fixtureReport } from './charts/fixture.js';

const EVIL = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

function titled(): ReportJson {
  const r = fixtureReport();
  r.events[0].title = EVIL;
  r.events[0].summary = 'Summary with **stars** and `code` and a [link](javascript:alert(1))';
  r.events[0].sources = [{ title: 'Wire story', url: 'javascript:alert(2)' }, { title: 'Exchange filing', url: 'https://example.com/filing?a=1&b=2' }];
  r.events[1].title = 'Baidu confirms Ernie Bot (文心一言)';
  r.events[2].title = 'Third | piped title';
  r.events[3].title = 'Fourth';
  return r;
}

/** The fixture's first event repeated n times, each with its own id, title and CAR (days shared: cheap to build). */
function many(n: number): ReportJson {
  const r = fixtureReport();
  const proto = r.events[0];
  r.events = Array.from({ length: n }, (_, k) => ({
    ...proto,
    id: `ev${k}`,
    title: `Announcement number ${k}`,
    windows: proto.windows.map((w) => ({ ...w, car: (k - n / 2) / 1000 })),
  }));
  return r;
}

const rows = (html: string, cls: string) => {
  const t = html.split(`<table class="${cls}">`).slice(1).map((x) => x.split('</table>')[0]);
  return t.map((x) => (x.split('<tbody>')[1].match(/<tr>/g) ?? []).length);
};

describe('report.html template', () => {
  const r = titled();
  const html = renderHtml(r);

  it('shows user text as text: a <script> title is escaped, a javascript: link is not a link', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    // The page's own script is its only one.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('Wire story');
    expect(html).toContain('<a href="https://example.com/filing?a=1&amp;b=2">Exchange filing</a>');
    expect(html).toContain('<title>Fixture study</title>');
  });

  it('is UTF-8 with a phone viewport, and has every event title and every section', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    for (const t of ['Baidu confirms Ernie Bot (文心一言)', 'Third | piped title', 'Fourth']) expect(html).toContain(`>${t}<`);
    const h2 = [...html.matchAll(/<h2 id="[^"]+">([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual(expect.arrayContaining(['Events', 'How to read this report', 'Findings', 'Per-event results', 'Aggregate results (all events)', 'Data notes', 'Methods']));
    // The contents link every section.
    for (const m of html.matchAll(/<h2 id="([^"]+)">/g)) expect(html).toContain(`<a href="#${m[1]}">`);
    // The stars are explained before the first figure.
    expect(html.indexOf('<code>*</code> p &lt; 0.10')).toBeGreaterThan(0);
    expect(html.indexOf('<code>*</code> p &lt; 0.10')).toBeLessThan(html.indexOf('<h2 id="s-findings">'));
  });

  it('tables: sortable headers with aria-sort, numeric columns with sort keys, the event tables filterable', () => {
    // Events, moves, significance, model parameters: a row per event (or announcement) each.
    expect(rows(html, 'sortable filterable')).toEqual([4, 4, 4, 3]);
    expect(html).toContain('id="filter"');
    expect(html.indexOf('id="filter"')).toBeLessThan(html.indexOf('<table class="sortable filterable">'));
    const moves = html.split('<table class="sortable filterable">')[2];
    const head = moves.split('</thead>')[0];
    expect(head.match(/aria-sort="none"/g)!.length).toBe(head.match(/<th /g)!.length);
    expect(head).toContain('<th scope="col" class="n" data-type="num" aria-sort="none"><button type="button">AR day 0</button></th>');
    expect(head).toContain('<th scope="col" aria-sort="none"><button type="button">day 0</button></th>');
    // E1: AR day 0 +3.00%, positive; E/3 HK: -2.00%, negative; E4 has none (no sort key, sorts last).
    expect(moves).toContain('<td class="n pos" data-v="3">+3.00%</td>');
    expect(moves).toContain('<td class="n neg" data-v="-2">-2.00%</td>');
    expect(moves).toMatch(/<td class="n">—<\/td>/);
    // A share of positive CARs is signed like a move but is not one: no colour.
    const caar = renderHtml({ ...r, aggregate: { ...r.aggregate, windows: [{ window: [-1, 1], n: 3, caar: 0.01, sharePositive: 0.67, tests: {} }] } } as ReportJson);
    expect(caar).toMatch(/<td class="n pos" data-v="1">\+1\.00%<\/td><td class="n" data-v="67">\+67%<\/td>/);
    // Event ids link to their row in the Events table.
    expect(moves).toContain('<a href="#event-e1">E1</a>');
    expect(html).toContain('<a id="event-e1"></a>');
  });

  it('asks the network for nothing: no src, no stylesheet or font links, a CSP that forbids fetches', () => {
    expect(html).not.toMatch(/<[a-z][^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b|@import|url\(\s*['"]?https?:/i);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    // The only absolute URLs are links a reader may follow (not fetched on load).
    for (const m of html.matchAll(/https?:\/\/[^"'<\s]+/g)) {
      const before = html.slice(Math.max(0, m.index! - 9), m.index);
      expect(before).toBe('<a href="');
    }
  });

  it('charts: inlined with ids unique per chart; with charts off, none and a note', () => {
    const svg = '<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><path aria-label="day: 0; CAAR: 1%" role="graphics-symbol" aria-roledescription="point" d="M0,0"/></g></svg>';
    const withCharts = renderHtml(r, {
      charts: [
        { file: 'charts/caar.svg', title: 'CAAR over event days', svg },
        { file: 'charts/car-bars-m1_1.svg', title: 'CAR by event', svg },
      ],
    });
    expect(withCharts.match(/<svg /g)).toHaveLength(2);
    expect(withCharts).not.toContain('<?xml');
    expect(withCharts).toContain('id="c1-clip1"');
    expect(withCharts).toContain('url(#c2-clip1)');
    expect(withCharts).toContain('<figcaption class="sr">CAAR over event days</figcaption>');
    expect(withCharts).not.toContain('id="no-charts"');
    const off = renderHtml(r, { chartsOff: true });
    expect(off).not.toContain('<svg');
    expect(off).toContain('id="no-charts"');
    expect(off).toMatch(/No charts: this report was written with charts turned off \(<code>--no-charts<\/code>/);
    expect(inlineSvg('<svg><a href="#m1"/><g fill="url(&quot;#g1&quot;)"/></svg>', 'c9')).toBe('<svg><a href="#c9-m1"/><g fill="url(&quot;#c9-g1&quot;)"/></svg>');
  });

  it('inline Markdown: stars after a figure stay stars, emphasis and code render, escapes unescape', () => {
    expect(inlineHtml('t 2.12 (p 0.050)**, BMP 2.24 (p 0.039)**.')).toBe('t 2.12 (p 0.050)**, BMP 2.24 (p 0.039)**.');
    expect(inlineHtml('**21 pairs**, *with data* `ok` +1.00%***')).toBe('<strong>21 pairs</strong>, <em>with data</em> <code>ok</code> +1.00%***');
    expect(inlineHtml('a\\*b\\[c\\] \\<x\\>')).toBe('a*b[c] &lt;x&gt;');
    expect(inlineHtml('[l](https://a.b/?q=1&r=2)')).toBe('<a href="https://a.b/?q=1&amp;r=2">l</a>');
  });

  it('cell numbers: figures with stars, p-values and notes parse; ids, dates and symbols are text', () => {
    expect(cellNumber('+20.29%***')).toBe(20.29);
    expect(cellNumber('-8.31%')).toBe(-8.31);
    expect(cellNumber('2.12 (p 0.050, Holm 1.000)**')).toBe(2.12);
    expect(cellNumber('<0.001')!).toBeLessThan(0.001);
    expect(cellNumber('1.20 ⚠')).toBe(1.2);
    expect(cellNumber('—')).toBeUndefined();
    expect(cellNumber('n/a (too few events)')).toBeUndefined();
    for (const t of ['360-chatgpt-demo', '2023-02-07', '[-1,+1]', '0020.HK', 'E1¹']) expect(cellNumber(t)).toBeNull();
  });

  it('grows linearly: every event listed up to HTML_ALL_EVENTS; 20,000 events still make a page', () => {
    const time = (n: number) => {
      const rep = many(n);
      const t0 = performance.now();
      const h = renderHtml(rep, { eventsCsv: true });
      return { ms: performance.now() - t0, size: h.length, h };
    };
    time(100); // warm-up: the first call compiles the regular expressions and the renderer
    const a = time(300);
    const b = time(1200);
    const ratio = b.size / a.size;
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(4.2);
    // Quadratic building would be ~16x; 4x the rows must cost well under that, even on a loaded machine.
    expect(b.ms / a.ms).toBeLessThan(10);
    for (const k of [0, 777, 1199]) expect(b.h).toContain(`>Announcement number ${k}<`);
    expect(HTML_ALL_EVENTS).toBeGreaterThanOrEqual(1200);
    const big = time(20_000);
    expect(big.h).toContain('</html>');
    expect(big.h).toContain('20000 events: too many for one table here.');
    expect(big.h).toContain('events.csv');
    expect(big.size).toBeLessThan(2_000_000);
  });
});
