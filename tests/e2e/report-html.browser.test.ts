/**
 * report.html in a real browser (issue 13 §3): Debian's chromium driven by puppeteer-core (no
 * browser download), one launch for every check. The built CLI writes the default study; the page
 * opens from disk with no console error and no request but itself, shows every event's title,
 * sorts a numeric column (aria-sort follows), filters the event tables, shows a chart point's
 * detail on hover, hides the filter box in print and fits a phone's width. Screenshots (desktop and
 * phone) are saved in the test's output folder, and copied to test-output/ when
 * EVSTUDY_KEEP_TEST_OUTPUT is set (the temporary folder itself is always removed).
 *
 * Without chromium the test is skipped with a loud message, unless CI or EVSTUDY_REQUIRE_BROWSER is
 * set: then it fails, so CI never skips it silently (.ci/run installs chromium and sets the latter).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/report/schema.js';
import { REPO, runBuilt, tempDir } from '../helpers/cli.js';

// The page callbacks below run in the browser. The project's tsconfig has no DOM types (Node code
// must not reach for them), so this file declares the few globals it uses, for itself only.
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare function getComputedStyle(e: unknown): { display: string; overflowX: string };
type HTMLTableElement = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type HTMLElement = { hidden: boolean };

const CHROMIUM = process.env.EVSTUDY_CHROMIUM || '/usr/bin/chromium';
const REQUIRED = Boolean(process.env.CI || process.env.EVSTUDY_REQUIRE_BROWSER);
const FOUND = existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!FOUND && !REQUIRED) {
  process.stderr.write(
    `\n!!! SKIPPED tests/e2e/report-html.browser.test.ts: chromium not found at ${CHROMIUM}: run .ci/install-chromium (or set EVSTUDY_CHROMIUM). CI and EVSTUDY_REQUIRE_BROWSER=1 make this a failure. !!!\n\n`,
  );
}

describe('report.html in headless Chromium', () => {
  it.skipIf(!FOUND && !REQUIRED)(
    'the default report opens from disk with every event title, no errors or requests; sorts, filters, hovers, prints, fits a phone',
    { timeout: 150_000 },
    async () => {
      if (!FOUND) throw new Error(`chromium not found: run .ci/install-chromium (looked for ${CHROMIUM}; EVSTUDY_CHROMIUM names another binary)`);
      const tmp = tempDir('evstudy-html-');
      const out = join(tmp, 'report');
      const run = await runBuilt(['run', 'studies/china-ai-2023.yaml', '--out', out], { timeoutMs: 120_000 });
      expect(run.code, run.stderr).toBe(0);
      expect(run.out).toContain('report.html');
      const manifest = JSON.parse(readFileSync(join(out, '.evstudy-manifest.json'), 'utf8')) as { files: { path: string; producer: string }[] };
      expect(manifest.files.find((f) => f.path === 'report.html')?.producer).toBe('report');
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReportJson;
      const titles = [...new Set(report.events.map((e) => e.title).filter((t): t is string => !!t))];
      expect(titles.length).toBeGreaterThan(10);

      const { default: puppeteer } = await import('puppeteer-core');
      // Chromium's own temporary files go in the test's folder, removed with it.
      const chromiumTmp = join(tmp, 'chromium-tmp');
      mkdirSync(chromiumTmp);
      const browser = await puppeteer.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [...ARGS, `--user-data-dir=${join(tmp, 'chromium-profile')}`],
        env: { ...process.env, TMPDIR: chromiumTmp },
      });
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warn') errors.push(`console ${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => errors.push(`page error: ${String(e)}`));
        page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
        page.on('request', (r) => requests.push(r.url()));
        const url = pathToFileURL(join(out, 'report.html')).href;
        await page.setViewport({ width: 1280, height: 1000 });
        await page.goto(url, { waitUntil: 'load' });

        expect(requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);
        expect(await page.evaluate(() => document.characterSet)).toBe('UTF-8');
        const text = await page.evaluate(() => document.body.innerText);
        for (const t of titles) expect(text, t).toContain(t);

        // Sort the moves table by its numeric "AR day 0" column.
        const col = (): Promise<{ v: (number | null)[]; sort: string | null }> =>
          page.evaluate(() => {
            const table = document.querySelectorAll('table.filterable')[1] as HTMLTableElement;
            const k = [...table.tHead!.rows[0].cells].findIndex((c) => c.textContent === 'AR day 0');
            const v = [...table.tBodies[0].rows].map((r) => {
              const d = r.cells[k].getAttribute('data-v');
              return d === null ? null : Number(d);
            });
            return { v, sort: table.tHead!.rows[0].cells[k].getAttribute('aria-sort') };
          });
        const clickHeader = () =>
          page.evaluate(() => {
            const table = document.querySelectorAll('table.filterable')[1] as HTMLTableElement;
            const th = [...table.tHead!.rows[0].cells].find((c) => c.textContent === 'AR day 0')!;
            th.querySelector('button')!.click();
          });
        const before = await col();
        expect(before.sort).toBe('none');
        const numbers = before.v.filter((x): x is number => x !== null);
        const asc = [...numbers].sort((a, b) => a - b);
        expect(numbers).not.toEqual(asc);
        await clickHeader();
        const up = await col();
        expect(up.sort).toBe('ascending');
        expect(up.v).toEqual([...asc, ...before.v.filter((x) => x === null)]);
        await clickHeader();
        const down = await col();
        expect(down.sort).toBe('descending');
        expect(down.v.filter((x) => x !== null)).toEqual([...asc].reverse());

        // Filter: only rows mentioning the text stay visible, in every event table.
        await page.type('#filter', 'kunlun');
        const filtered = await page.evaluate(() =>
          [...document.querySelectorAll('table.filterable tbody tr')].map((r) => ({ shown: !r.hidden && r.offsetParent !== null, text: r.textContent!.toLowerCase() })),
        );
        expect(filtered.filter((r) => r.shown).length).toBeGreaterThan(0);
        for (const r of filtered) expect(r.shown).toBe(r.text.includes('kunlun'));
        expect(await page.$eval('#filter-count', (e) => e.textContent)).toMatch(/^\d+ of \d+ rows match$/);
        await page.click('#filter', { count: 3 });
        await page.keyboard.press('Backspace');
        expect(await page.evaluate(() => [...document.querySelectorAll('table.filterable tbody tr')].every((r) => !r.hidden))).toBe(true);

        // Hover a point of the CAAR chart: its detail shows.
        const point = await page.$('figure.chart [aria-roledescription="point"]');
        expect(point).not.toBeNull();
        await point!.hover();
        const tip = await page.$eval('#chart-tip', (e) => ({ hidden: (e as HTMLElement).hidden, text: e.textContent, display: getComputedStyle(e).display }));
        expect(tip.hidden).toBe(false);
        expect(tip.display).not.toBe('none');
        expect(tip.text).toMatch(/day: /);

        await page.evaluate(() => window.scrollTo(0, 0));
        const shot = join(out, 'report.png');
        await page.screenshot({ path: shot });

        // Print (A4 landscape is ~1040 CSS px wide): no filter box, no table clipped by a scroll box
        // or wider than the page, the widest (23 columns of tests) included.
        await page.setViewport({ width: 1040, height: 1000 });
        await page.emulateMediaType('print');
        expect(await page.$eval('#filter-box', (e) => getComputedStyle(e).display)).toBe('none');
        expect(await page.$eval('.table-wrap', (e) => getComputedStyle(e).overflowX)).toBe('visible');
        const printed = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        expect(printed.scroll).toBeLessThanOrEqual(printed.inner);
        await page.emulateMediaType('screen');

        // A phone: the page itself never scrolls sideways (wide tables scroll inside their box).
        await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
        await page.goto(url, { waitUntil: 'load' });
        const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        expect(fit.scroll).toBeLessThanOrEqual(fit.inner);
        const phone = join(out, 'report-phone.png');
        await page.screenshot({ path: phone });

        expect(errors).toEqual([]);
        const keep = process.env.EVSTUDY_KEEP_TEST_OUTPUT ? join(REPO, 'test-output') : null;
        if (keep) {
          mkdirSync(keep, { recursive: true });
          for (const f of [shot, phone]) copyFileSync(f, join(keep, f.split('/').pop()!));
        }
        process.stdout.write(`report.html screenshots: ${shot}, ${phone}${keep ? ` (kept in ${keep})` : ' (set EVSTUDY_KEEP_TEST_OUTPUT=1 to keep them in test-output/)'}\n`);
      } finally {
        await browser.close();
      }
    },
  );
});
