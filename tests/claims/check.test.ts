/**
 * Issue 14 §5, in-process (pure code on the shipped price files, cheap): extracted claims go
 * through the study's own checker. A claim on a listing without price data, or on an event the
 * registry does not hold, is cannot-check with the reason; a wrong figure is not-confirmed (the
 * checker's word for "contradicted"); claims.md quotes article text without letting it break the table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims, type ExtractOptions, type ListingInfo } from '../../src/claims/extract/index.js';
import { checkExtraction, type CheckContext } from '../../src/claims/check.js';
import { claimsMarkdown } from '../../src/claims/markdown.js';
import { CLAIMS_SCHEMA_VERSION, claimsCheckSchema } from '../../src/claims/schema.js';
import { parseManifest } from '../../src/data/prices/manifest.js';
import { openPriceStore } from '../../src/data/prices/index.js';
import { REPO } from '../helpers/cli.js';

const manifest = parseManifest(readFileSync(join(REPO, 'prices/manifest.yaml'), 'utf8'));
// A listing the manifest names but has no price file for: its claims cannot be checked.
const listings: ListingInfo[] = [...manifest, { symbol: '688999.SH', name: '虚构科技' }];
const store = openPriceStore(join(REPO, 'prices'), { cacheDir: null });
const registry = [{ id: 'kunlun-tiangong', date: '2023-04-10', timing: 'after-close' as const }];
const events: ExtractOptions['events'] = [{ ...registry[0], symbols: ['300418.SZ'], documents: ['sources/000_51f0402af4bf769d.txt'] }];

const ctx = (over: Partial<CheckContext> = {}): CheckContext => ({
  events: registry,
  exchangeOf: (s) => (store.has(s) ? store.entry(s).exchange : undefined),
  series: (s) => (store.has(s) ? { ok: true, series: store.get(s).series, describe: store.entry(s).file } : { ok: false, reason: `no price data for ${s}` }),
  ...over,
});
// Independent of the loader and the checker: a column of the shipped AKShare file (日期,开盘,收盘,最高,...) on one date.
const kunlunCsv = readFileSync(join(REPO, 'prices/cn/akshare/300418.csv'), 'utf8').split('\n');
const kunlun = (date: string, column: '收盘' | '最高'): number => {
  const col = kunlunCsv[0].split(',').indexOf(column);
  return Number(kunlunCsv.find((l) => l.startsWith(`${date},`))!.split(',')[col]);
};
// The source names the shipped article: that is how the extractor knows which event 次日 follows.
const check = (text: string, c = ctx()) => checkExtraction(extractClaims(text, { source: 'events/sources/000_51f0402af4bf769d.txt', date: '2023-05-10', listings, events }), c);

describe('claims check: verdicts from the study checker', () => {
  it('a claim on a listing without price data is cannot-check, with the reason', () => {
    const [c] = check('截至4月24日收盘,虚构科技今年以来股价涨幅达50%。');
    expect([c.symbol, c.measure, c.claimed, c.ours, c.verdict, c.basis]).toEqual(['688999.SH', 'period', 0.5, null, 'cannot-check', '—']);
    expect(c.why).toBe('no price data for 688999.SH');
  });

  it('a figure the closes contradict is not-confirmed, with the closes used; the true one is confirmed', () => {
    const [wrong, right] = check('截至4月24日收盘,昆仑万维今年以来股价涨幅达100%。截至4月24日收盘,昆仑万维今年以来股价涨幅达287.23%。');
    expect([wrong.verdict, Number(wrong.ours!.toFixed(4))]).toEqual(['not-confirmed', 2.8723]);
    // The year's return from the file's closes: last close of 2022 to the close of 24 April.
    expect(wrong.ours!).toBeCloseTo(kunlun('2023-04-24', '收盘') / kunlun('2022-12-30', '收盘') - 1, 10);
    expect(wrong.why).toMatch(/differs from the claimed \+100\.00% by 187\.23 pp/);
    expect(wrong.basis).toMatch(/^close 2022-12-30 14\.41 → close 2023-04-24 55\.8/);
    expect(right.verdict).toBe('confirmed');
  });

  it('an event claim takes day 0 as the study aligns it (after-close: the next session), said in the basis; an event without data is cannot-check', () => {
    const text = '昆仑万维宣布联合奇点智源共同研发国产大语言模型"天工"3.5后,次日股价最高涨近16%。';
    const [c] = check(text);
    expect([c.event, c.window, c.verdict, Number(c.ours!.toFixed(4))]).toEqual(['kunlun-tiangong', [0, 0], 'confirmed', 0.1587]);
    // Day 0 is 11 April (announced after the close on the 10th): its high over the 10th's close.
    expect(c.ours!).toBeCloseTo(kunlun('2023-04-11', '最高') / kunlun('2023-04-10', '收盘') - 1, 10);
    expect(c.basis).toMatch(/close 2023-04-10 41\.79 → high 2023-04-11 48\.42 .*day 0 2023-04-11 \(after-close/);
    const [gone] = check(text, ctx({ events: [] }));
    expect([gone.verdict, gone.why]).toEqual(['cannot-check', 'event kunlun-tiangong has no day 0 for 300418.SZ (no-price-data: event kunlun-tiangong is not in the registry)']);
  });

  it('kinds the data cannot give (a market cap) stay in the list as cannot-check, in line order; claims.md escapes article text', () => {
    const rows = check('卓胜微的市值已经缩水至657亿元。\n截至4月24日收盘,昆仑万维今年以来股价涨幅达287.23%。');
    expect(rows.map((r) => [r.line, r.symbol, r.measure, r.verdict])).toEqual([[1, '300782.SZ', 'marketCap', 'cannot-check'], [2, '300418.SZ', 'period', 'confirmed']]);
    expect(rows[0].why).toMatch(/shares outstanding/);
    const json = claimsCheckSchema.parse({
      schemaVersion: CLAIMS_SCHEMA_VERSION, generator: 'test', source: 'a|b.txt', date: '2023-05-10', dateSource: '--date', pricesDir: 'prices', eventsDir: 'events',
      counts: { confirmed: 1, approximately: 0, 'not-confirmed': 0, 'cannot-check': 1 }, claims: rows,
      unresolved: [{ line: 2, name: '芯片', text: 'x\n## injected', reason: 'matches no name' }], warnings: ['w'],
    });
    const md = claimsMarkdown(json);
    expect(md).toContain('| 1 | 卓胜微的市值已经缩水至657亿元 | 300782.SZ | marketCap | at-most 65700000000 | — | cannot-check |');
    expect(md).toContain('## Unresolved names and dates');
    expect(md).not.toMatch(/^## injected/m);
  });
});
