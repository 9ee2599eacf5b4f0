/**
 * Issue 14 §1-§2: claims extracted from news text, in-process (pure code, cheap). The shipped
 * article must yield the default study's five hand-written claims, line by line; each pattern is
 * tried on a short excerpt in simplified and traditional script; unknown names are reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractClaims, foldText, type ExtractOptions } from '../../src/claims/extract/index.js';
import { parseManifest } from '../../src/data/prices/manifest.js';
import { claimSchema } from '../../src/study/config.js';
import { REPO } from '../helpers/cli.js';

const ARTICLE = 'events/sources/000_51f0402af4bf769d.txt';
const listings = parseManifest(readFileSync(join(REPO, 'prices/manifest.yaml'), 'utf8'));
const events: ExtractOptions['events'] = [
  { id: 'kunlun-tiangong', date: '2023-04-10', timing: 'after-close', symbols: ['300418.SZ'], documents: ['sources/000_51f0402af4bf769d.txt'] },
];
const run = (text: string, date: string | null = '2023-05-10', source = 'excerpt.txt') => extractClaims(text, { source, date: date ?? undefined, listings, events });
const pick = (r: ReturnType<typeof run>) => r.claims.map(({ symbol, measure, from, to, event, window, claimed, comparison }) => ({ symbol, measure, from, to, event, window, claimed, comparison }));

describe('claims extract: the shipped article', () => {
  const r = extractClaims(readFileSync(join(REPO, ARTICLE), 'utf8'), { source: ARTICLE, date: '2023-04-25', listings, events });

  it('finds the five hand-written claims of studies/china-ai-2023.yaml, with their lines', () => {
    expect(r.claims.map((c) => [c.line, c.symbol, c.measure, c.from, c.to, c.event, c.window, c.claimed, c.comparison])).toEqual([
      [15, '300418.SZ', 'maxHighReturn', undefined, undefined, 'kunlun-tiangong', [0, 0], 0.16, 'nearly'],
      [15, '300418.SZ', 'rawReturn', undefined, undefined, 'kunlun-tiangong', [0, 1], 0.22, 'at-least'],
      [16, '601360.SH', 'period', '2022-12-31', '2023-04-24', undefined, undefined, 1.5352, 'about'],
      [16, '300418.SZ', 'period', '2022-12-31', '2023-04-24', undefined, undefined, 2.8723, 'about'],
      [16, '688327.SH', 'period', '2022-12-31', '2023-04-24', undefined, undefined, 1.5558, 'about'],
    ]);
    expect(r.claims[2].text).toContain('截至4月24日收盤,三六零、昆侖萬維、云從科技今年以來股價漲幅達153.52%、287.23%、155.58%');
    expect(r.claims[0].resolution).toContain('event kunlun-tiangong (2023-04-10, after-close)');
    // Paste-ready: each one is a valid study claim as it stands.
    for (const c of r.claims) expect(claimSchema.safeParse(c).success).toBe(true);
  });

  it('lists the others: the market cap (cannot-check) and the sector figures (unresolved names)', () => {
    expect(r.uncheckable.map((u) => [u.line, u.symbol, u.measure, u.claimed, u.comparison, u.verdict])).toEqual([[34, '300782.SZ', 'marketCap', 65.7e9, 'at-most', 'cannot-check']]);
    expect(r.uncheckable[0].reason).toMatch(/shares outstanding/);
    expect(r.unresolved.map((u) => [u.line, u.name])).toEqual([[16, '芯片'], [16, '光模块'], [16, 'PCB'], [16, '服务器']]); // names in the folded (simplified) script; `text` quotes the line as written
    expect(r.dateSource).toBe('--date');
  });

  it('with prices at hand the period starts on the listing\'s last trading day of the year (as the study has it)', () => {
    const days = Int32Array.from([19355, 19356, 19361]); // 2022-12-29, 2022-12-30, 2023-01-04
    const t = extractClaims(readFileSync(join(REPO, ARTICLE), 'utf8'), { source: ARTICLE, date: '2023-04-25', listings, events, tradingDays: () => days });
    expect(t.claims.filter((c) => c.measure === 'period').map((c) => c.from)).toEqual(['2022-12-30', '2022-12-30', '2022-12-30']);
    // The same five claims as the default study's hand-written `claims:` (tolerance aside where the comparison ignores it).
    const key = (c: { symbol: string; measure: string; from?: string; to?: string; event?: string; window?: number[]; claimed: number; comparison?: string; tolerance?: number }) =>
      JSON.stringify([c.symbol, c.measure, c.from, c.to, c.event, c.window, c.claimed, c.comparison, c.comparison === 'at-least' ? null : c.tolerance]);
    const study = parse(readFileSync(join(REPO, 'studies/china-ai-2023.yaml'), 'utf8')) as { claims: Parameters<typeof key>[0][] };
    expect(t.claims.map(key).sort()).toEqual(study.claims.map(key).sort());
  });
});

describe('claims extract: patterns, simplified and traditional', () => {
  it('period return lists, aligned name to figure (分别), in both scripts', () => {
    for (const text of ['截至5月5日收盘,科大讯飞、三六零年初至今分别上涨120.5%、约98%。', '截至5月5日收盤,科大訊飛、三六零年初至今分別上漲120.5%、約98%。']) {
      expect(pick(run(text))).toEqual([
        { symbol: '002230.SZ', measure: 'period', from: '2022-12-31', to: '2023-05-05', event: undefined, window: undefined, claimed: 1.205, comparison: 'about' },
        { symbol: '601360.SH', measure: 'period', from: '2022-12-31', to: '2023-05-05', event: undefined, window: undefined, claimed: 0.98, comparison: 'about' },
      ]);
    }
  });

  it('one-day moves: 收跌 on a dated day, 今日 / 昨日 against the article date; 一度跌超 (intraday low, a fall of at least 9% = at most -9%) and 报 x 元 (a price traded that day) are checkable claims', () => {
    const r = run('5月8日,科大讯飞一度跌超9%,收跌4.26%,报46.7元/股。');
    const day = { symbol: '002230.SZ', from: '2023-05-07', to: '2023-05-08', event: undefined, window: undefined };
    expect(pick(r)).toEqual([
      { ...day, measure: 'minLowReturn', claimed: -0.09, comparison: 'at-most' },
      { ...day, measure: 'period', claimed: -0.0426, comparison: 'about' },
      { ...day, measure: 'price', claimed: 46.7, comparison: 'about' },
    ]);
    expect(r.claims.map((c) => c.at)).toEqual([undefined, undefined, 'intraday']);
    expect(r.uncheckable).toEqual([]);
    for (const c of r.claims) expect(claimSchema.safeParse(c).success).toBe(true);
    // 收报 pins the price to the close; traditional script alike.
    expect(run('5月8日,科大訊飛一度跌超9%,收報46.7元。').claims.map((c) => [c.measure, c.claimed, c.comparison, c.at])).toEqual([['minLowReturn', -0.09, 'at-most', undefined], ['price', 46.7, 'about', 'close']]);
    const t = run('科大訊飛今日收漲5.2%。昆侖萬維昨日收跌3%。', '2023-05-08'); // a Monday: 昨日 is the Friday before
    expect(t.claims.map((c) => [c.symbol, c.from, c.to, c.claimed])).toEqual([['002230.SZ', '2023-05-07', '2023-05-08', 0.052], ['300418.SZ', '2023-05-04', '2023-05-05', -0.03]]);
    expect(t.claims[1].resolution).toContain('昨日');
    // 上周五 / 本周一 / last Friday count Monday-started weeks back from the article date (Wednesday 2023-04-26).
    const w = run('三六零上周五收涨2%。科大讯飞本周一收跌1.5%。Kunlun Tech closed up 3% last Friday.', '2023-04-26');
    expect(w.claims.map((c) => [c.symbol, c.to])).toEqual([['601360.SH', '2023-04-21'], ['002230.SZ', '2023-04-24'], ['300418.SZ', '2023-04-21']]);
    // With the listing's trading days at hand, 昨日 is its previous session (2023-05-01..05 were the Labour Day holiday).
    const days = Int32Array.from([19475, 19485]); // 2023-04-28, 2023-05-08
    const h = extractClaims('三六零昨日收涨1%', { source: 'x.txt', date: '2023-05-08', listings, events, tradingDays: () => days });
    expect(h.claims.map((c) => [c.from, c.to])).toEqual([['2023-04-27', '2023-04-28']]);
    // A dated move on a closed day is not checked against the day before, silently.
    const closed = extractClaims('5月1日,三六零收涨1%', { source: 'x.txt', date: '2023-05-08', listings, events, tradingDays: () => days });
    expect([closed.claims.length, closed.uncheckable[0].reason]).toEqual([0, '2023-05-01 (5月1日, year from the article date 2023-05-08) was not a trading day of 601360.SH']);
  });

  it('涨停 / 跌停 = the board limit, unless the move is stated beside it', () => {
    const r = run('4月11日,昆仑万维涨停。4月12日,云從科技跌停。5月9日,科大讯飞(002230)触及跌停,跌幅9.97%。');
    expect(r.claims.map((c) => [c.symbol, c.to, c.claimed, c.tolerance])).toEqual([['300418.SZ', '2023-04-11', 0.2, 0.005], ['688327.SH', '2023-04-12', -0.2, 0.005], ['002230.SZ', '2023-05-09', -0.0997, 0.0005]]);
    expect(r.claims[0].resolution).toContain('chinext');
  });

  it('次日 / 两个交易日累计 take the event that cites the article, in traditional script too', () => {
    const r = extractClaims('昆侖萬維發布天工後,次日股價最高漲近16%,兩個交易日累計最大漲幅超22%', { source: ARTICLE, date: '2023-04-25', listings, events });
    expect(pick(r).map((c) => [c.measure, c.window, c.claimed, c.comparison])).toEqual([['maxHighReturn', [0, 0], 0.16, 'nearly'], ['rawReturn', [0, 1], 0.22, 'at-least']]);
    // Another article cites no event for the listing: reported, not attached to a guessed event.
    expect(run('昆仑万维次日股价最高涨近16%').uncheckable[0].reason).toMatch(/no event in the registry/);
  });

  it('English basics, pinyin artefacts and full-width figures', () => {
    const e = run('Kunlun Tech shares are up more than 280% since the start of the year. Qihoo 360 closed down 4.26% today.', '2023-04-24');
    expect(pick(e).map((c) => [c.symbol, c.from, c.to, c.claimed, c.comparison])).toEqual([['300418.SZ', '2022-12-31', '2023-04-24', 2.8, 'at-least'], ['601360.SH', '2023-04-23', '2023-04-24', -0.0426, 'about']]);
    expect(foldText('國內(nèi)據(jù)１５３．５２％')).toBe('国内据153.52%');
    expect(pick(run('截至４月２４日收盤,三六零今年以來股價漲幅達１５３．５２％')).map((c) => c.claimed)).toEqual([1.5352]);
  });
});

describe('claims extract: names and dates that do not resolve', () => {
  it('reports unknown names and codes, never guesses', () => {
    const r = run('截至5月5日收盘,三六零、某某科技今年以来分别上涨10%、20%。华为软件(999999)收涨3%。');
    expect(r.claims.map((c) => c.symbol)).toEqual(['601360.SH']);
    expect(r.unresolved.map((u) => [u.name, u.reason.slice(0, 20)])).toEqual([
      ['华为软件(999999)', 'code 999999 is not i'],
      ['某某科技', 'matches no name, ali'],
      ['(no name)', 'a rawReturn figure w'],
    ]);
  });

  it('a date without a year and no article date is unresolved; a dateline dates the article; --date wins over it', () => {
    expect(run('截至4月24日收盘,三六零今年以来涨幅达153.52%', null).unresolved[0].reason).toMatch(/--date/);
    const d = run('2023-04-25 19:24:43 来源:某报\n截至4月24日收盘,三六零今年以来涨幅达153.52%', null);
    expect([d.date, d.dateSource, d.claims[0].to]).toEqual(['2023-04-25', 'dateline on line 1', '2023-04-24']);
    expect(run('2023-04-25 19:24:43\n三六零今日收涨1%', '2023-04-26').warnings[0]).toMatch(/--date 2023-04-26 wins/);
  });

  it('the YAML form pastes into a study as is', () => {
    const r = run('截至5月5日收盘,三六零今年以来涨幅达10%');
    expect(parse(JSON.stringify(r.claims))[0].id).toBe('601360-sh-period-l1');
  });
});
