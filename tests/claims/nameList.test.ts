/**
 * Issue 14 §2: the whole A-share name list (prices/names/). A name or code the manifest lacks but the
 * list has resolves to its symbol with a cannot-check "no price data" claim; a manifest match wins; a
 * name two codes carry, and a name nobody carries, stay unresolved. In-process on the shipped list,
 * plus one built-CLI run to show the command reads it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractClaims } from '../../src/claims/extract/index.js';
import { parseMarketNames, symbolOfCode } from '../../src/claims/extract/marketNames.js';
import { loadNameList } from '../../src/claims/loadNameList.js';
import { parseManifest } from '../../src/data/prices/manifest.js';
import { REPO, runBuilt, tempDir } from '../helpers/cli.js';

const PRICES = join(REPO, 'prices');
const SOURCE = 'tszlam/trading@7434e50510dea09709784865b8a0148e30c3650e:data/stock_list.csv';
const all = parseManifest(readFileSync(join(PRICES, 'manifest.yaml'), 'utf8'));
// 卓胜微 is a shipped listing; without it the list is the only place that knows the name.
const listings = all.filter((l) => l.symbol !== '300782.SZ');
const list = loadNameList(PRICES)!;

describe('A-share name list: the shipped file and its provenance', () => {
  it('is the byte-identical AKShare export the descriptor and PROVENANCE.md name', () => {
    const meta = parse(readFileSync(join(PRICES, 'names/a-share-names.yaml'), 'utf8')) as { source: string; changes: string; rows: number };
    const sha = createHash('sha256').update(readFileSync(join(PRICES, 'names/a-share-names.csv'))).digest('hex');
    expect(meta.source).toBe(SOURCE);
    expect(meta.changes).toContain(sha);
    const prov = readFileSync(join(PRICES, 'PROVENANCE.md'), 'utf8');
    expect(prov).toContain('## A-share name list');
    expect(prov).toContain(sha);
    expect(prov).toContain('7434e50510dea09709784865b8a0148e30c3650e');
    expect([list.rows, list.source]).toEqual([5363, `${SOURCE}, names as of 2024-05-23`]);
  });

  it('folds padding and script; a name two codes carry is ambiguous; codes map to exchanges', () => {
    expect(list.lookup('卓勝微')).toEqual({ kind: 'found', code: '300782', symbol: '300782.SZ', name: '卓胜微' });
    expect(list.lookup('万科A')?.kind === 'found' && list.lookup('万科A')).toMatchObject({ symbol: '000002.SZ' }); // listed as 万  科Ａ
    expect(list.lookup('三维股份')).toEqual({ kind: 'ambiguous', codes: ['603033', '831834'], name: '三维股份' });
    expect(list.lookup('某某科技')).toBeUndefined();
    expect(['600519', '300782', '000002', '831834', '920001', '123456'.replace('1', '7')].map(symbolOfCode)).toEqual(['600519.SH', '300782.SZ', '000002.SZ', '831834.BJ', '920001.BJ', undefined]);
    expect(list.find('机器人概念股大涨,机器人收涨')).toEqual([{ name: '机器人', at: 9 }]); // the sector is not 300024 机器人
  });

  it('a broken row is an error naming file, line and field', () => {
    expect(() => parseMarketNames(',code,name\n0,300782,卓胜微\n1,30078,X\n', 'n.csv', 's')).toThrow(/code/);
    try {
      parseMarketNames(',code,name\n0,300782,卓胜微\n1,30078,X\n', 'n.csv', 's');
    } catch (e) {
      expect((e as { format(): string }).format()).toBe('n.csv:3: code "30078": expected a six-digit A-share code');
    }
  });
});

describe('claims extract with the name list', () => {
  let calls = 0;
  const marketNames = () => (calls++, list);
  const run = (text: string) => extractClaims(text, { source: 'a.txt', date: '2023-05-10', listings, marketNames });

  it('卓胜微 / 卓勝微 resolve from the list to 300782.SZ, cannot-check for want of prices', () => {
    for (const text of ['卓胜微今日收涨5.2%', '卓勝微今日收漲5.2%']) {
      const r = run(text);
      expect(r.claims).toEqual([]);
      expect(r.uncheckable.map((u) => [u.symbol, u.claimed, u.verdict, u.reason])).toEqual([[
        '300782.SZ', 0.052, 'cannot-check', `no price data for 300782.SZ (name list: ${SOURCE}, names as of 2024-05-23)`,
      ]]);
    }
    // A code in brackets the manifest lacks: the list names it too.
    expect(run('贵州茅台(600519)今日收跌1.5%').uncheckable.map((u) => [u.name, u.symbol])).toEqual([['贵州茅台', '600519.SH']]);
  });

  it('a manifest match wins and the list is not even read; unknown and ambiguous names stay unresolved', () => {
    calls = 0;
    const withManifest = extractClaims('卓胜微今日收涨5.2%', { source: 'a.txt', date: '2023-05-10', listings: all, marketNames });
    expect([calls, withManifest.claims.map((c) => [c.symbol, c.resolution.includes('name list')])]).toEqual([0, [['300782.SZ', false]]]);
    const r = run('截至5月5日收盘,三六零、某某科技、三维股份今年以来分别上涨10%、20%、30%');
    expect(r.claims.map((c) => c.symbol)).toEqual(['601360.SH']);
    expect(r.unresolved.map((u) => [u.name, u.reason])).toEqual([
      ['某某科技', `matches no name, alias or code in the price manifest nor in the A-share name list (${SOURCE}, names as of 2024-05-23)`],
      ['三维股份', `2 listings carry this name in the A-share name list (603033, 831834; ${SOURCE}, names as of 2024-05-23): not guessed`],
    ]);
    expect(calls).toBe(1); // read once per article, however many names miss
  });
});

describe('evstudy claims extract reads prices/names (built CLI)', () => {
  it('a listed firm outside the manifest is cannot-check with the list as source', async () => {
    const dir = tempDir();
    const article = join(dir, 'a.txt');
    writeFileSync(article, '贵州茅台今日收跌1.5%。截至5月5日收盘,某某科技、三维股份今年以来分别上涨3%、4%。\n');
    const r = await runBuilt(['claims', 'extract', article, '--date', '2023-05-10', '--json'], { cwd: REPO });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.out) as { uncheckable: { symbol: string; reason: string }[]; unresolved: { name: string }[] };
    expect(doc.uncheckable.map((u) => [u.symbol, u.reason])).toEqual([['600519.SH', `no price data for 600519.SH (name list: ${SOURCE}, names as of 2024-05-23)`]]);
    expect(doc.unresolved.map((u) => u.name)).toEqual(['某某科技', '三维股份']);
  });
});
