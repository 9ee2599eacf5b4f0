/**
 * Issue 10 §4 (flags, config, registry): the pure parsers and checks behind "no quiet wrong
 * results", in process. The same repros through the built CLI are in cli.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseInteger } from '../../src/util/parseInteger.js';
import { parseWindow } from '../../src/cli/commands/windows.js';
import { decodeUtf8 } from '../../src/util/readYamlText.js';
import { checkEnvSettings, parallelMinFromEnv, threadsFromEnv } from '../../src/study/envSettings.js';
import { parseStudy } from '../../src/study/config.js';
import { calendarExchange, parseManifest } from '../../src/data/prices/manifest.js';
import { sessionFor } from '../../src/calendar/index.js';
import { normalise, relativeWeight } from '../../src/baskets/weights.js';
import { EvstudyError } from '../../src/util/errors.js';
import { pricesInspect } from '../../src/cli/commands/prices.js';
import { runAdhoc } from '../../src/study/adhoc.js';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPriceStore } from '../../src/data/prices/store.js';
import { tempDir } from '../helpers/cli.js';

function thrown(f: () => unknown): EvstudyError {
  try {
    f();
  } catch (e) {
    if (e instanceof EvstudyError) return e;
    throw e;
  }
  throw new Error('expected an EvstudyError');
}

describe('parseInteger: decimal digits, safe range, the flag named', () => {
  it('reads plain decimal integers with an optional sign', () => {
    expect(parseInteger('42', '--seed')).toBe(42);
    expect(parseInteger('-7', '--x')).toBe(-7);
    expect(parseInteger('+7', '--x')).toBe(7);
    expect(Object.is(parseInteger('-0', '--x'), 0)).toBe(true);
    expect(parseInteger(String(Number.MAX_SAFE_INTEGER), '--seed')).toBe(Number.MAX_SAFE_INTEGER);
  });
  it.each(['0x10', '1e3', '', ' ', '1.0', '1.5', '99999999999999999999', '9007199254740992', 'Infinity', 'NaN', '0b1', '12abc', '--5'])('refuses %j', (text) => {
    const e = thrown(() => parseInteger(text, '--seed'));
    expect(e.exitCode).toBe(2);
    expect(e.location).toMatchObject({ field: '--seed', value: text });
  });
  it('applies bounds and says them', () => {
    expect(thrown(() => parseInteger('0', '--bootstrap', { min: 1, max: 100_000 })).message).toBe('expected a whole number in decimal digits >= 1 and <= 100000');
    expect(() => parseInteger('100001', '--bootstrap', { min: 1, max: 100_000 })).toThrow(/>= 1 and <= 100000/);
    expect(parseInteger('100000', '--bootstrap', { min: 1, max: 100_000 })).toBe(100_000);
  });
});

describe('prices inspect --rows', () => {
  it('is strict and checked before the manifest is opened', () => {
    const e = thrown(() => pricesInspect('AAA', { dir: '/nonexistent/evstudy-prices', rows: '5x' }, () => {}));
    expect(e.exitCode).toBe(2);
    expect(e.location).toMatchObject({ field: '--rows', value: '5x' });
  });
});

describe('window offsets are bounded by MAX_OFFSET (5000)', () => {
  it('flags', () => {
    expect(parseWindow('-5000:5000', '--window')).toEqual([-5000, 5000]);
    for (const text of ['-5000000000:-11', '-10:1000000', '-5001:0', '0:5001'])
      expect(thrown(() => parseWindow(text, '--estimation')).format()).toBe(`--estimation ${JSON.stringify(text)}: offsets must lie within -5000..5000 trading days`);
    expect(() => parseWindow('0x1:2', '--window')).toThrow(/expected A:B/);
  });
  it('study files: exit 4 naming file, line and field', () => {
    const e = thrown(() => parseStudy('id: x\ntitle: T\nwindow: [-10, 1000000]\n', 's.yaml'));
    expect(e.exitCode).toBe(4);
    expect(e.format()).toBe('s.yaml:3: window[1] "1000000": offsets must lie within -5000..5000 trading days');
    expect(() => parseStudy('id: x\ntitle: T\nestimation: [-5000000000, -11]\n', 's.yaml')).toThrow(/offsets must lie within/);
    // Also outside the event window: both problems are reported.
    expect(thrown(() => parseStudy('id: x\ntitle: T\ncarWindows: [[0, 6000]]\n', 's.yaml')).details.map((d) => d.message)).toContain(
      'offsets must lie within -5000..5000 trading days',
    );
    expect(parseStudy('id: x\ntitle: T\nestimation: [-5000, -11]\n', 's.yaml').config.estimation).toEqual([-5000, -11]);
  });
});

describe('runAdhoc (library) applies the flag bounds before reading any table', () => {
  const o = { returns: '/nonexistent/r.csv', events: '/nonexistent/e.csv', model: 'mean' as const, estimation: [-130, -11] as [number, number], window: [-10, 10] as [number, number], carWindows: [[-1, 1]] as [number, number][], minEstimation: 60, nonTrading: 'next' as const, seed: 1, bootstrapSamples: 99 };
  it.each([
    ['window', { window: [-10, 1_000_000] }],
    ['estimation', { estimation: [-5e9, -11] }],
    ['seed', { seed: 1e20 }],
    ['bootstrapSamples', { bootstrapSamples: 0 }],
  ])('%s', async (field, patch) => {
    await expect(runAdhoc({ ...o, ...(patch as object) })).rejects.toMatchObject({ kind: 'usage', location: { field } });
  });
});

describe('inverted date ranges in study files are refused', () => {
  const base = 'id: x\ntitle: T\n';
  it('periods, claims, select, basketSection', () => {
    expect(thrown(() => parseStudy(`${base}periods:\n  - id: p\n    from: 2023-05-01\n    to: 2023-01-01\n`, 's.yaml')).format()).toBe(
      's.yaml:6: periods[0].to "2023-01-01": must not be before from (2023-05-01)',
    );
    const claim = '{id: c, text: t, source: s, symbol: A, measure: period, from: "2023-05-01", to: "2023-01-01", claimed: 1}';
    expect(thrown(() => parseStudy(`${base}claims:\n  - ${claim}\n`, 's.yaml')).location).toMatchObject({ line: 4, field: 'claims[0].to' });
    expect(() => parseStudy(`${base}select: {from: 2023-05-01, to: 2023-01-01}\n`, 's.yaml')).toThrow(/must not be before from/);
    expect(() => parseStudy(`${base}basketSection: {from: 2023-05-01, to: 2023-01-01}\n`, 's.yaml')).toThrow(/must not be before from/);
    expect(parseStudy(`${base}periods:\n  - {id: p, from: 2023-01-01, to: 2023-05-01}\n`, 's.yaml').config.periods).toHaveLength(1);
  });
});

describe('environment integers', () => {
  it('are strict and name the variable', () => {
    expect(threadsFromEnv({})).toBeUndefined();
    expect(threadsFromEnv({ EVSTUDY_THREADS: '2' })).toBe(2);
    expect(parallelMinFromEnv({ EVSTUDY_PARALLEL_MIN_EVENTS: '0' })).toBe(0);
    expect(thrown(() => checkEnvSettings({ EVSTUDY_THREADS: '0x2' })).location.field).toBe('EVSTUDY_THREADS');
    expect(() => checkEnvSettings({ EVSTUDY_THREADS: '0' })).toThrow(/>= 1 and <= 256/);
    expect(thrown(() => checkEnvSettings({ EVSTUDY_PARALLEL_MIN_EVENTS: 'ten' })).location.field).toBe('EVSTUDY_PARALLEL_MIN_EVENTS');
  });
});

describe('YAML must be UTF-8', () => {
  it('strips a BOM, refuses GB18030 bytes at their line', () => {
    expect(decodeUtf8(Buffer.from('\ufeffid: a\n'), 'f.yaml')).toBe('id: a\n');
    // "标题" in GB18030 on line 3.
    const gb = Buffer.concat([Buffer.from('id: a\ndate: 2023-01-01\ntitle: '), Buffer.from([0xb1, 0xea, 0xcc, 0xe2]), Buffer.from('\n')]);
    const e = thrown(() => decodeUtf8(gb, 'events/a.yaml'));
    expect(e.exitCode).toBe(4);
    expect(e.location).toMatchObject({ file: 'events/a.yaml', line: 3 });
    expect(e.message).toMatch(/^YAML must be UTF-8/);
  });
});

describe('exchanges: every manifest exchange has a calendar', () => {
  const entry = (symbol: string, exchange: string, currency: string) =>
    `- {symbol: "${symbol}", name: N, file: f.csv, exchange: ${exchange}, currency: ${currency}, adjustment: none, source: s}\n`;
  it('AMEX and NYSEARCA follow NYSE; INDEX its suffix, else its currency', () => {
    expect(calendarExchange({ symbol: 'SPY', exchange: 'NYSEARCA', currency: 'USD' })).toBe('NYSE');
    expect(calendarExchange({ symbol: 'XYZ', exchange: 'AMEX', currency: 'USD' })).toBe('NYSE');
    expect(calendarExchange({ symbol: '399006.SZ', exchange: 'INDEX', currency: 'CNY' })).toBe('SZSE');
    expect(calendarExchange({ symbol: 'HSI', exchange: 'INDEX', currency: 'HKD' })).toBe('HKEX');
    expect(calendarExchange({ symbol: 'SPX', exchange: 'INDEX', currency: 'USD' })).toBe('NYSE');
    expect(calendarExchange({ symbol: 'DAX', exchange: 'INDEX', currency: 'EUR' })).toBeUndefined();
    expect(sessionFor('SPY', 'NYSEARCA').timeZone).toBe('America/New_York');
    expect(sessionFor('XYZ', 'AMEX').timeZone).toBe('America/New_York');
  });
  it('an INDEX with neither is refused when the manifest is read (exit 4, line and field)', () => {
    expect(parseManifest(entry('HSI', 'INDEX', 'HKD') + entry('SPY', 'NYSEARCA', 'USD'), 'm.yaml')).toHaveLength(2);
    const e = thrown(() => parseManifest(entry('HSI', 'INDEX', 'HKD') + entry('DAX', 'INDEX', 'EUR'), 'm.yaml'));
    expect(e.exitCode).toBe(4);
    expect(e.format()).toMatch(/^m\.yaml:2: \[1\]\.exchange "INDEX": cannot tell which market's trading calendar index DAX follows/);
  });
});

describe('basket weights do not overflow', () => {
  it('normalise scales by the largest first', () => {
    expect([...normalise(Float64Array.of(1e308, 1e308, NaN))]).toEqual([0.5, 0.5, NaN]);
    expect([...normalise(Float64Array.of(3, 1))]).toEqual([0.75, 0.25]);
    expect(() => normalise(Float64Array.of(0, NaN))).toThrow(/sum to zero/);
  });
  it('custom weights are taken relative to the largest', () => {
    const w = { A: 1e308, B: 5e307 };
    expect(relativeWeight(w, 'A')).toBe(1);
    expect(relativeWeight(w, 'B')).toBe(0.5);
    expect(relativeWeight(undefined, 'A')).toBeUndefined();
  });
});

describe('price files must be regular files', () => {
  it('/dev/zero behind a symlink is refused without reading it (it never ends)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'manifest.yaml'), '- {symbol: AAA, name: A, file: zero.csv, exchange: NYSE, currency: USD, adjustment: none, source: s}\n');
    symlinkSync('/dev/zero', join(dir, 'zero.csv'));
    const check = openPriceStore(dir, { cacheDir: null }).check('AAA');
    expect(check.prices).toBeNull();
    expect(check.errors.map((e) => e.format())).toEqual([`${join(dir, 'manifest.yaml')}: file "zero.csv": price file of AAA is a device, not a regular file: only regular files are read`]);
  });
});
