/**
 * Issue 14 §1 (low14): "一度跌超 x%" (intraday low against the previous close) and "报 x 元" (a price
 * level: the close, or a price traded that day) are checked, not left cannot-check. In-process on
 * the shipped price files, with a context built as `claims check` builds it (adjustment note for
 * adjusted listings, the unadjusted sibling for traded prices). Expected figures are computed here
 * from the CSV rows cited, not taken from the code under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/claims/extract/index.js';
import { checkExtraction, type CheckContext } from '../../src/claims/check.js';
import { claimsCheckSchema, CLAIMS_SCHEMA_VERSION } from '../../src/claims/schema.js';
import { checkClaim } from '../../src/study/claims.js';
import { claimSchema } from '../../src/study/config.js';
import { parseManifest } from '../../src/data/prices/manifest.js';
import { openPriceStore } from '../../src/data/prices/index.js';
import { REPO } from '../helpers/cli.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { fixtureReport } from '../report/charts/fixture.js';

const listings = parseManifest(readFileSync(join(REPO, 'prices/manifest.yaml'), 'utf8'));
const store = openPriceStore(join(REPO, 'prices'), { cacheDir: null });
const series: CheckContext['series'] = (s) => {
  if (!store.has(s)) return { ok: false, reason: `no price data for ${s}` };
  const e = store.entry(s);
  const sib = `${s}-unadj`;
  return {
    ok: true,
    series: store.get(s).series,
    describe: `${store.entry(s).file}, ${e.adjustment}`,
    adjustmentNote: e.adjustment === 'forward' || e.adjustment === 'backward' ? `${s} is ${e.adjustment}-adjusted` : undefined,
    ...(store.has(sib) ? { traded: { series: store.get(sib).series, describe: `${store.entry(sib).file}, unadjusted` } } : {}),
  };
};
const ctx: CheckContext = { events: [], exchangeOf: (s) => (store.has(s) ? store.entry(s).exchange : undefined), series };
const check = (text: string, date = '2023-12-29') => checkExtraction(extractClaims(text, { source: 'excerpt.txt', date, listings }), ctx);

describe('intraday low (一度跌超 x%)', () => {
  // prices/cn/akshare/002230.csv (科大讯飞, forward-adjusted; returns are unaffected):
  //   2023-05-23 close 58.99; 2023-05-24 low 53.4, close 56.47.
  const low = 53.4 / 58.99 - 1; // -9.48%
  const close = 56.47 / 58.99 - 1; // -4.27%

  it('simplified and traditional: low against the previous close confirms "跌超9%", the close move confirms 收跌4.26%', () => {
    for (const text of ['5月24日,科大讯飞一度跌超9%,收跌4.26%。', '5月24日,科大訊飛一度跌超9%,收跌4.26%。']) {
      const [l, c] = check(text);
      expect([l.symbol, l.measure, l.claimed, l.comparison, l.verdict]).toEqual(['002230.SZ', 'minLowReturn', -0.09, 'at-most', 'confirmed']);
      expect(l.ours).toBeCloseTo(low, 12);
      expect(l.basis).toMatch(/^close 2023-05-23 58\.99 → low 2023-05-24 53\.4 \(cn\/akshare\/002230\.csv, forward\)/);
      expect([c.measure, c.verdict]).toEqual(['period', 'confirmed']);
      expect(c.ours).toBeCloseTo(close, 12);
    }
  });

  it('English: "fell more than 9%" is the same intraday-low claim', () => {
    const [l] = check('iFlytek fell more than 9% today.', '2023-05-24');
    expect([l.symbol, l.measure, l.claimed, l.comparison, l.verdict]).toEqual(['002230.SZ', 'minLowReturn', -0.09, 'at-most', 'confirmed']);
    expect(l.ours).toBeCloseTo(low, 12);
  });

  it('a low the row does not reach is not-confirmed; a day without a session is cannot-check, never the day before', () => {
    const [l] = check('5月24日,科大讯飞一度跌超10%。');
    expect([l.verdict, l.claimed]).toEqual(['not-confirmed', -0.1]);
    expect(l.why).toMatch(/-9\.48% exceeds the claimed -10\.00% by 0\.52 pp/);
    const [gap] = check('5月27日,科大讯飞一度跌超9%。'); // a Saturday
    expect(gap.verdict).toBe('cannot-check');
  });
});

describe('price level (报 x 元)', () => {
  it('跌停 at 46.7 on an adjusted listing without traded prices: the move is checked, the price is cannot-check with the reason', () => {
    // prices/cn/akshare/002230.csv: 2023-10-23 close 51.87; 2023-10-24 close 46.7 (-9.97%); no 002230.SZ-unadj in the manifest.
    const rows = check('10月24日,科大讯飞股价触及跌停,跌幅9.97%,报46.7元/股。');
    const move = rows.find((r) => r.measure === 'period')!;
    expect(move.verdict).toBe('confirmed');
    expect(move.ours).toBeCloseTo(46.7 / 51.87 - 1, 12);
    const price = rows.find((r) => r.measure === 'price')!;
    expect([price.claimed, price.at, price.ours, price.verdict]).toEqual([46.7, 'intraday', null, 'cannot-check']);
    expect(price.why).toMatch(/adjusted prices, not the traded ones, and the manifest has no unadjusted series/);
  });

  it('on an adjusted listing with an unadjusted sibling the traded row decides: close, intraday range, and a date past the sibling', () => {
    // prices/cn/unadjusted/300418.csv (昆仑万维 traded): 2023-04-03 low 45.45, close 50.65, high 50.88; the file ends 2023-04-04.
    const rows = check('4月3日,昆仑万维收报50.65元。\n4月3日,昆侖萬維盤中報46元。\n4月3日,昆仑万维报52元。\n4月11日,昆仑万维报45.76元。');
    expect(rows.map((r) => [r.line, r.measure, r.at, r.claimed, r.ours, r.verdict])).toEqual([
      [1, 'price', 'close', 50.65, 50.65, 'confirmed'],
      [2, 'price', 'intraday', 46, 46, 'confirmed'],
      [3, 'price', 'intraday', 52, 50.88, 'not-confirmed'],
      [4, 'price', 'intraday', 45.76, null, 'cannot-check'],
    ]);
    expect(rows[0].basis).toBe('close 2023-04-03 50.65 (cn/unadjusted/300418.csv, unadjusted)');
    expect(rows[2].why).toBe('52.00 is outside the day\'s traded range by 1.12 (traded prices from the unadjusted series; the study\'s series is adjusted)');
    expect(rows[3].why).toMatch(/unadjusted series \(cn\/unadjusted\/300418\.csv, unadjusted\) has no row for that date/);
    // claims.json's contract declares `at`.
    const counts = { confirmed: 2, approximately: 0, 'not-confirmed': 1, 'cannot-check': 1 };
    expect(claimsCheckSchema.safeParse({ schemaVersion: CLAIMS_SCHEMA_VERSION, generator: 't', source: 'x', date: null, dateSource: 'x', pricesDir: 'p', eventsDir: 'e', counts, claims: rows, unresolved: [], warnings: [] }).success).toBe(true);
  });

  it('a study claims: entry with measure price on an unadjusted series reads the close directly', () => {
    const claim = claimSchema.parse({ id: 'p', text: 't', source: 's', symbol: '300418.SZ-unadj', measure: 'price', at: 'close', to: '2023-03-31', claimed: 46.78, tolerance: 0.005 });
    const r = checkClaim(claim, { events: [], series });
    expect([r.ours, r.verdict, r.basis]).toEqual([46.78, 'confirmed', 'close 2023-03-31 46.78 (cn/unadjusted/300418.csv, none)']);
    // No day to read, or `at` on a return: a config error at load, not a verdict.
    const bad = (extra: object) => claimSchema.safeParse({ id: 'p', text: 't', source: 's', symbol: 'X', claimed: 1, ...extra }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(bad({ measure: 'price' })).toEqual([['to', 'a price claim needs an event (and window) or the day in to']]);
    expect(bad({ measure: 'rawReturn', event: 'e', at: 'close' })).toEqual([['at', 'at applies to measure price only']]);
  });

  it("a study's claims table shows a price claim as a price, not as a percentage", () => {
    const claim = claimSchema.parse({ id: 'kunlun-close', text: '报50.65元', source: 's', symbol: '300418.SZ', measure: 'price', at: 'close', to: '2023-04-03', claimed: 50.65, tolerance: 0.005 });
    const r = fixtureReport();
    r.claims = [checkClaim(claim, { events: [], series })];
    const row = renderMarkdown(r).split('\n').find((l) => l.startsWith('| kunlun-close'));
    expect(row).toContain('| about 50.65 | 50.65 | **confirmed** |');
    expect(row).not.toContain('%');
  });
});
