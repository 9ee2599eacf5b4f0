import { describe, expect, it } from 'vitest';
import {
  alignEventForListing,
  EXCHANGE_SESSIONS,
  exchangeOfSymbol,
  instantToZoned,
  localTiming,
  sessionFor,
  zonedToInstant,
} from '../../src/calendar/index.js';
import { formatDay } from '../../src/util/dayNumber.js';
import { DataError } from '../../src/util/errors.js';
import { day, tradingDays } from './fixtures.js';

const { SSE, SZSE, HKEX, NYSE, NASDAQ } = EXCHANGE_SESSIONS;
const gpt4 = { date: '2023-03-14', timing: 'intraday' as const, time: '10:00', timezone: 'America/Los_Angeles' };
const chatgpt = { date: '2022-11-30', timing: 'intraday' as const, time: '10:00', timezone: 'America/Los_Angeles' };
const ernieLaunch = { date: '2023-03-16', timing: 'intraday' as const, time: '14:00', timezone: 'Asia/Shanghai' };

const local = (e: Parameters<typeof localTiming>[0], s: (typeof EXCHANGE_SESSIONS)[keyof typeof EXCHANGE_SESSIONS]) => {
  const r = localTiming(e, s);
  return { date: formatDay(r.day), timing: r.timing };
};

describe('exchange sessions', () => {
  it('maps symbol suffixes to exchanges (none = US)', () => {
    expect(exchangeOfSymbol('601360.SH')).toBe('SSE');
    expect(exchangeOfSymbol('300418.SZ')).toBe('SZSE');
    expect(exchangeOfSymbol('430047.BJ')).toBe('BSE');
    expect(exchangeOfSymbol('9988.HK')).toBe('HKEX');
    expect(exchangeOfSymbol('BIDU')).toBe('NYSE');
    expect(exchangeOfSymbol('VOD.L')).toBeUndefined();
  });

  it('has each exchange\'s zone and regular session', () => {
    expect(SSE).toMatchObject({ timeZone: 'Asia/Shanghai', open: 570, close: 900 });
    expect(SZSE).toMatchObject({ timeZone: 'Asia/Shanghai', open: 570, close: 900 });
    expect(HKEX).toMatchObject({ timeZone: 'Asia/Hong_Kong', open: 570, close: 960 });
    expect(NYSE).toMatchObject({ timeZone: 'America/New_York', open: 570, close: 960 });
    expect(NASDAQ.timeZone).toBe('America/New_York');
  });

  it('takes the manifest exchange over the suffix, and refuses to guess', () => {
    expect(sessionFor('HSI', 'HKEX').timeZone).toBe('Asia/Hong_Kong');
    expect(sessionFor('BIDU', 'nasdaq').exchange).toBe('NASDAQ');
    expect(() => sessionFor('VOD.L')).toThrow(DataError);
    expect(() => sessionFor('X', 'LSE')).toThrow(/unknown exchange "LSE"/);
  });
});

describe('localTiming: one instant, each exchange on its own clock', () => {
  it('GPT-4, 2023-03-14 10:00 Los Angeles: 01:00 on 2023-03-15 in Shanghai -> pre-open for A-shares', () => {
    expect(local(gpt4, SSE)).toEqual({ date: '2023-03-15', timing: 'pre-open' });
    expect(localTiming(gpt4, SZSE).note).toBe(
      '2023-03-14 10:00 America/Los_Angeles = 2023-03-15 01:00 Asia/Shanghai, before the 09:30 open of SZSE',
    );
  });

  it('GPT-4: 13:00 in New York -> intraday on 2023-03-14 for US listings', () => {
    expect(local(gpt4, NYSE)).toEqual({ date: '2023-03-14', timing: 'intraday' });
    expect(localTiming(gpt4, NYSE).note).toContain('2023-03-14 13:00 America/New_York');
  });

  it('ChatGPT, 2022-11-30 10:00 Los Angeles (standard time): 02:00 on 2022-12-01 in Shanghai', () => {
    expect(local(chatgpt, SSE)).toEqual({ date: '2022-12-01', timing: 'pre-open' });
    expect(localTiming(chatgpt, SSE).note).toContain('2022-12-01 02:00 Asia/Shanghai');
  });

  it('Ernie Bot launch, 2023-03-16 14:00 Shanghai: intraday in Hong Kong, before the open in New York (02:00 EDT)', () => {
    expect(local(ernieLaunch, HKEX)).toEqual({ date: '2023-03-16', timing: 'intraday' });
    expect(local(ernieLaunch, NASDAQ)).toEqual({ date: '2023-03-16', timing: 'pre-open' });
    expect(localTiming(ernieLaunch, NASDAQ).note).toContain('2023-03-16 02:00 America/New_York');
  });

  it('daylight saving: London 14:00 is 09:00 in New York before the US switch and 10:00 between the two switches', () => {
    // The US moved to EDT on 2023-03-12, the UK to BST only on 2023-03-26.
    expect(local({ date: '2023-03-06', timing: 'unknown', time: '14:00', timezone: 'Europe/London' }, NYSE)).toEqual({ date: '2023-03-06', timing: 'pre-open' });
    expect(local({ date: '2023-03-20', timing: 'unknown', time: '14:00', timezone: 'Europe/London' }, NYSE)).toEqual({ date: '2023-03-20', timing: 'intraday' });
    expect(local({ date: '2023-03-27', timing: 'unknown', time: '14:00', timezone: 'Europe/London' }, NYSE)).toEqual({ date: '2023-03-27', timing: 'pre-open' });
  });

  it('the close itself and later are after-close; the open itself is intraday', () => {
    const at = (time: string) => local({ date: '2023-04-10', timing: 'unknown', time, timezone: 'Asia/Shanghai' }, SZSE).timing;
    expect(at('09:29')).toBe('pre-open');
    expect(at('09:30')).toBe('intraday');
    expect(at('12:00')).toBe('intraday'); // midday break: priced the same afternoon
    expect(at('14:59')).toBe('intraday');
    expect(at('15:00')).toBe('after-close');
    expect(at('23:59')).toBe('after-close');
  });

  it('without time and timezone, the event\'s date and timing are the listing\'s own', () => {
    const r = localTiming({ date: '2023-04-10', timing: 'after-close' }, SZSE);
    expect(r).toEqual({ day: day('2023-04-10'), timing: 'after-close', converted: false });
  });
});

describe('wall-clock <-> instant', () => {
  it('round-trips ordinary times', () => {
    const r = zonedToInstant(day('2023-03-14'), 600, 'America/Los_Angeles');
    expect(new Date(r.instant).toISOString()).toBe('2023-03-14T17:00:00.000Z');
    expect(r.adjustment).toBeUndefined();
    expect(instantToZoned(r.instant, 'Asia/Shanghai')).toMatchObject({ day: day('2023-03-15'), minutes: 60 });
  });

  it('a skipped time (spring forward) moves forward by the gap', () => {
    // 2023-03-12 02:30 does not exist in New York: clocks went from 02:00 EST to 03:00 EDT.
    const r = zonedToInstant(day('2023-03-12'), 150, 'America/New_York');
    expect(r.adjustment).toBe('gap');
    expect(new Date(r.instant).toISOString()).toBe('2023-03-12T07:30:00.000Z'); // 03:30 EDT
  });

  it('a repeated time (fall back) takes the earlier instant', () => {
    // 2023-11-05 01:30 happens twice in New York (EDT, then EST).
    const r = zonedToInstant(day('2023-11-05'), 90, 'America/New_York');
    expect(r.adjustment).toBe('fold');
    expect(new Date(r.instant).toISOString()).toBe('2023-11-05T05:30:00.000Z');
  });
});

describe('alignEventForListing', () => {
  it('combines local timing and day 0, with both reasons', () => {
    const r = alignEventForListing(gpt4, '300418.SZ', tradingDays('300418.SZ'));
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(formatDay(r.day0)).toBe('2023-03-15');
    expect(r.local?.timing).toBe('pre-open');
    expect(r.reason).toContain('before the 09:30 open of SZSE');
  });

  it('an after-close listing-local event lands on the next trading day', () => {
    const r = alignEventForListing({ date: '2023-04-10', timing: 'after-close' }, '300418.SZ', tradingDays('300418.SZ'));
    expect(r.kind === 'ok' && formatDay(r.day0)).toBe('2023-04-11');
  });

  it('a listing without price data is no-price-data, not dropped', () => {
    expect(alignEventForListing({ date: '2023-04-10', timing: 'intraday' }, '0020.HK', undefined)).toEqual({
      kind: 'no-price-data',
      symbol: '0020.HK',
      reason: 'no price data for 0020.HK (not in the price manifest)',
    });
  });
});
