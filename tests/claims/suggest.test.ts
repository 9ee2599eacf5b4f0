/**
 * Issue 14 §6: `events suggest`, in-process on the pure code (cheap). The shipped article's
 * dated announcements must be proposed and flagged as already in the registry; each timing word
 * is tried in simplified and traditional script (with pinyin artefacts); nothing is guessed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestEvents, type RegistryEntry } from '../../src/claims/suggest/index.js';
import { loadEvents, validateEventObject } from '../../src/data/events/index.js';
import { parseManifest } from '../../src/data/prices/manifest.js';
import { REPO } from '../helpers/cli.js';

const ARTICLE = 'events/sources/000_51f0402af4bf769d.txt';
const listings = parseManifest(readFileSync(join(REPO, 'prices/manifest.yaml'), 'utf8'));
const run = (text: string, date: string | null = '2023-05-10', registry: RegistryEntry[] = []) =>
  suggestEvents(text, { source: 'events/sources/x.txt', document: 'sources/x.txt', date: date ?? undefined, accessed: '2026-12-07', listings, registry });
const pick = (r: ReturnType<typeof run>) => r.suggestions.map((s) => [s.line, s.product, s.symbols, s.date, s.timing, s.existing, s.writable]);

describe('events suggest: the shipped article', () => {
  const registry = loadEvents(join(REPO, 'events'));
  const r = suggestEvents(readFileSync(join(REPO, ARTICLE), 'utf8'), { source: ARTICLE, document: 'sources/000_51f0402af4bf769d.txt', date: '2023-04-25', accessed: '2026-12-07', listings, registry });

  it('proposes the announcements it names, each found in the registry, none to write', () => {
    expect(pick(r)).toEqual([
      [2, '文心一言', ['9888.HK'], null, 'unknown', ['baidu-ernie-confirmed', 'baidu-ernie-launch'], false],
      [2, '通义千问', ['9988.HK'], null, 'unknown', ['alibaba-tongyi', 'banma-tongyi', 'dingtalk-tongyi'], false],
      // 商汤 is not a manifest name and three listings are named: the product gets no symbol.
      [2, 'SenseNova', [], null, 'unknown', ['sensetime-sensenova'], false],
      [2, '盘古', [], null, 'unknown', [], false],
      [2, '知海图', [], null, 'unknown', ['zhihu-zhihaitu'], false],
      [2, '360GPT', [], null, 'unknown', ['360-zhinao'], false],
      [2, '天工', ['300418.SZ'], null, 'unknown', ['kunlun-tiangong'], false],
      [2, '言犀', [], null, 'unknown', [], false],
      // 4月18日 opens the line; 钉钉 and 阿里 are not listings, so no symbol; the date finds the registry's two events.
      [11, '通义千问', [], '2023-04-18', 'unknown', ['banma-tongyi', 'dingtalk-tongyi'], false],
      [11, '通义千问', [], '2023-04-18', 'unknown', ['banma-tongyi'], false],
      [15, '天工', ['300418.SZ'], null, 'unknown', ['kunlun-tiangong'], false],
    ]);
  });

  it('says why: Tiangong 3.5 on line 15 is kunlun-tiangong (2023-04-10, after-close); the article gives no date', () => {
    const k = r.suggestions.find((s) => s.line === 15)!;
    expect(k.why).toBe('already in the registry: kunlun-tiangong (2023-04-10, after-close, 300418.SZ)');
    expect(k.symbolResolution).toBe('昆仑万维 (the only listing named in the sentence) = 300418.SZ');
    expect(k.dateResolution).toBe('none in the sentence or earlier on its line');
    // Quoted with the script kept and the artefacts 發(fā) gone.
    expect(k.text).toMatch(/^昆侖萬維宣布聯合奇點智源共同研發國產大語言模型“天工”3\.5后,次日股價/);
    const banma = r.suggestions.filter((s) => s.line === 11)[1];
    expect(banma.dateResolution).toBe('4月18日, year from the article date 2023-04-25 (stated earlier on line 11)');
    expect(r.suggestions.every((s) => (s.event.sources as { document: string }[])[0].document === 'sources/000_51f0402af4bf769d.txt')).toBe(true);
  });
});

describe('events suggest: excerpts', () => {
  it.each([
    ['4月10日晚间,昆仑万维发布“天工”3.5', '4月10日晚間,昆侖萬維發(fā)佈“天工”3.5', 'after-close'],
    ['4月10日盘后,昆仑万维宣布开启测试“天工”', '4月10日盤後,昆侖萬維宣布開啟測試“天工”', 'after-close'],
    ['4月10日午间,昆仑万维推出天工大模型', '4月10日午間,昆侖萬維推出天工大模型', 'intraday'],
    ['4月10日盘中,昆仑万维上线天工', '4月10日盤中,昆侖萬維上線天工', 'intraday'],
    ['4月10日盘前,昆仑万维天工亮相', '4月10日盤前,昆侖萬維天工亮相', 'pre-open'],
  ])('%s / %s: %s', (simp, trad, timing) => {
    for (const text of [simp, trad]) {
      const r = run(text);
      expect(pick(r)).toEqual([[1, '天工', ['300418.SZ'], '2023-04-10', timing, [], true]]);
      // What --write would add passes the registry's own validation.
      expect(validateEventObject(r.suggestions[0].event, 'x.yaml').errors).toEqual([]);
    }
  });

  it('reads codes, English and the registry (same listing and date = already there)', () => {
    expect(pick(run('5月6日,科大讯飞(002230)正式发布星火认知大模型'))).toEqual([[1, '星火', ['002230.SZ'], '2023-05-06', 'unknown', [], true]]);
    expect(pick(run('Baidu unveiled Ernie Bot on March 16 before the open'))).toEqual([[1, 'Ernie Bot', ['9888.HK'], '2023-03-16', 'pre-open', [], true]]);
    const reg: RegistryEntry[] = [{ id: 'iflytek-spark', date: '2023-05-06', timing: 'intraday', symbols: ['002230.SZ'], title: 'iFlytek launches Spark', summary: '…' }];
    const r = run('5月6日,科大讯飞发布星火认知大模型', null);
    expect(r.date).toBeNull();
    expect(r.suggestions[0].writable).toBe(false);
    // Without an article date the year is unknown: not guessed.
    expect(r.suggestions[0].why).toBe('no date: 5月6日 has no year and the article has no date: pass --date YYYY-MM-DD');
    // Undated, the registry's event for the same listing naming the product (Spark = 星火) is still found.
    expect(run('5月6日,科大讯飞发布星火认知大模型', null, reg).suggestions[0].existing).toEqual(['iflytek-spark']);
    expect(run('5月6日,科大讯飞发布星火认知大模型', '2024-05-10', reg).suggestions[0].writable).toBe(true); // a year later: another event
    expect(run('5月6日,科大讯飞发布星火认知大模型', '2023-05-10', reg).suggestions[0].why).toBe('already in the registry: iflytek-spark (2023-05-06, intraday, 002230.SZ)');
  });

  it('guesses nothing: no product, several listings apart, an unknown code', () => {
    expect(run('周鸿祎高调宣布拥抱大模型后,三六零股价大涨').suggestions).toEqual([]);
    const two = run('4月10日,三六零与昆仑万维宣布推出“天工”联名版');
    expect(two.suggestions[0].symbols).toEqual([]);
    expect(two.suggestions[0].why).toBe('no listing: 2 listings named (601360.SH, 300418.SZ) and none next to the product: not guessed');
    expect(run('4月10日,某公司(123456)发布“天工”').warnings).toEqual(['line 1: code 123456 is not in the price manifest; not used']);
    expect(run('2月30日,昆仑万维发布天工').suggestions[0].why).toBe('no date: 2月30日 is not a calendar date');
  });
});
