/** The events shipped in events/ for the default study (issue 4): every row of the study table, valid. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignEventForListing } from '../../../src/calendar/index.js';
import { validateEvents, type EventRecord } from '../../../src/data/events/index.js';
import { formatDay } from '../../../src/util/dayNumber.js';
import { tradingDays } from '../../calendar/fixtures.js';
import { REPO_EVENTS } from './helpers.js';

const TABLE: [id: string, date: string, timing: string, symbols: string[]][] = [
  ['openai-chatgpt', '2022-11-30', 'intraday', []],
  ['baidu-ernie-confirmed', '2023-02-07', 'pre-open', ['9888.HK', 'BIDU']],
  ['360-chatgpt-demo', '2023-02-07', 'intraday', ['601360.SH']],
  ['openai-gpt4', '2023-03-14', 'intraday', []],
  ['baidu-ernie-launch', '2023-03-16', 'intraday', ['9888.HK', 'BIDU']],
  ['360-zhinao', '2023-03-29', 'intraday', ['601360.SH']],
  ['sensetime-sensenova', '2023-04-10', 'intraday', ['0020.HK']],
  ['kunlun-tiangong', '2023-04-10', 'after-close', ['300418.SZ']],
  ['alibaba-tongyi', '2023-04-11', 'intraday', ['9988.HK', 'BABA']],
  ['zhihu-zhihaitu', '2023-04-13', 'intraday', ['ZH', '2390.HK']],
  ['xiaomi-leijun', '2023-04-14', 'intraday', ['1810.HK']],
  ['dingtalk-tongyi', '2023-04-18', 'intraday', ['9988.HK', 'BABA']],
  ['banma-tongyi', '2023-04-18', 'intraday', ['9988.HK', 'BABA', '600104.SH']],
  ['iflytek-spark', '2023-05-06', 'intraday', ['002230.SZ']],
  ['cloudwalk-congrong', '2023-05-18', 'intraday', ['688327.SH']],
  // The table says intraday; the HKEX filing came after the close (see the event's notes).
  ['meituan-lightyears', '2023-06-29', 'after-close', ['3690.HK']],
];

const { events, errors, files } = validateEvents(REPO_EVENTS.replace(/\/$/, ''));
const byId = new Map<string, EventRecord>(events.map((e) => [e.id, e]));

describe('shipped events', () => {
  it('all validate, one file per table row', () => {
    expect(errors.map((e) => e.format())).toEqual([]);
    expect(files).toHaveLength(16);
    expect(events.map((e) => e.id).sort()).toEqual(TABLE.map((r) => r[0]).sort());
  });

  it('match the table: date, timing, symbols', () => {
    for (const [id, date, timing, symbols] of TABLE) {
      expect(byId.get(id), id).toMatchObject({ date, timing, symbols });
    }
  });

  it('carry clock times where the table gives them', () => {
    expect(byId.get('openai-chatgpt')).toMatchObject({ time: '10:00', timezone: 'America/Los_Angeles' });
    expect(byId.get('openai-gpt4')).toMatchObject({ time: '10:00', timezone: 'America/Los_Angeles' });
    expect(byId.get('baidu-ernie-launch')).toMatchObject({ time: '14:00', timezone: 'Asia/Shanghai' });
    expect(events.filter((e) => e.time !== undefined)).toHaveLength(3);
  });

  it('cite the article as a document stored in the repository where it is the source', () => {
    expect(existsSync(join(REPO_EVENTS, 'sources/000_51f0402af4bf769d.txt'))).toBe(true);
    for (const id of ['kunlun-tiangong', 'xiaomi-leijun', 'dingtalk-tongyi', 'banma-tongyi', 'sensetime-sensenova', 'alibaba-tongyi', 'zhihu-zhihaitu', '360-chatgpt-demo']) {
      expect(byId.get(id)?.sources.some((s) => s.document === 'sources/000_51f0402af4bf769d.txt'), id).toBe(true);
    }
    for (const e of events) expect(e.sources.length, e.id).toBeGreaterThan(0);
  });

  it('flag the two 2023-04-18 announcements as confounded, in one group', () => {
    const pair = events.filter((e) => e.date === '2023-04-18');
    expect(pair.map((e) => e.id).sort()).toEqual(['banma-tongyi', 'dingtalk-tongyi']);
    for (const e of pair) expect(e.tags).toContain('confounded');
    expect(new Set(pair.map((e) => e.group)).size).toBe(1);
    expect(events.filter((e) => e.tags.includes('market-wide')).map((e) => e.id).sort()).toEqual(['openai-chatgpt', 'openai-gpt4']);
  });

  it('align as the table\'s price checks say, on real trading days', () => {
    const d0 = (id: string, symbol: string, days: Int32Array) => {
      const r = alignEventForListing(byId.get(id)!, symbol, days);
      if (r.kind !== 'ok') throw new Error(`${id}: ${r.kind}`);
      return formatDay(r.day0);
    };
    expect(d0('kunlun-tiangong', '300418.SZ', tradingDays('300418.SZ'))).toBe('2023-04-11');
    expect(d0('iflytek-spark', '002230.SZ', tradingDays('002230.SZ'))).toBe('2023-05-08');
    // A market-wide event seen from a Shenzhen listing's calendar.
    expect(d0('openai-gpt4', '300418.SZ', tradingDays('300418.SZ'))).toBe('2023-03-15');
    expect(d0('alibaba-tongyi', '9988.HK', tradingDays('9988.HK'))).toBe('2023-04-11');
  });
});
