/** `evstudy baskets ...` end to end: files written atomically into a temp folder, exit codes. */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CompareJson } from '../../src/baskets/json.js';
import type { BasketEventStudyJson } from '../../src/baskets/events.js';
import { tempDir } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIX = join(import.meta.dirname, '..', 'fixtures', 'baskets');

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

const tmp = () => tempDir('evstudy-baskets-cli-');

describe('evstudy baskets compare', () => {
  it('on the shipped data: baskets.md, baskets.json and charts/cumulative.svg', async () => {
    const dir = tmp();
    const code = await main(['baskets', 'compare', '--from', '2022-12-30', '--to', '2023-04-24', '--baskets-dir', join(ROOT, 'baskets'), '--prices', join(ROOT, 'prices'), '--out', dir]);
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.evstudy-manifest.json', 'baskets.json', 'baskets.md', 'charts']);
    const json = JSON.parse(readFileSync(join(dir, 'baskets.json'), 'utf8')) as CompareJson;
    expect(json.baskets.map((b) => b.id)).toEqual(['ai-apps', 'chips', 'optical-modules', 'pcb', 'servers', 'telecom']);
    for (const b of json.baskets) {
      for (const k of ['name', 'members', 'weighting', 'totalReturn', 'volatility', 'maxDrawdown', 'beta', 'excessReturn'] as const) expect(b[k], `${b.id}.${k}`).not.toBeNull();
      expect(b.contributionSum!).toBeCloseTo(b.totalReturn!, 12);
      expect(b.period).toMatchObject({ baseDate: '2022-12-30', endDate: '2023-04-24' });
    }
    // Kunlun Tech's member return is the article's +287.23% (2022-12-30 close 14.41, 2023-04-24 close 55.8).
    const kunlun = json.baskets.find((b) => b.id === 'ai-apps')!.memberDetails.find((m) => m.symbol === '300418.SZ')!;
    expect(kunlun.return!).toBeCloseTo(55.8 / 14.41 - 1, 14);
    expect(json.baskets.find((b) => b.id === 'ai-apps')!.missingMembers).toEqual([
      expect.objectContaining({ symbol: '688343.SH', status: 'excluded' }),
    ]);
    const svg = readFileSync(join(dir, 'charts', 'cumulative.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Optical modules (equal, buy-and-hold)');
    const md = readFileSync(join(dir, 'baskets.md'), 'utf8');
    expect(md).toContain('![Sector baskets: cumulative return from the 2022-12-30 close to 2023-04-24](charts/cumulative.svg)');
    expect(md).toContain('| Chips (`chips`) | 13 / 13 |');
    expect(out.join('')).toMatch(/wrote .*baskets\.md/);
  });

  it('--weighting float-cap and --json on the fixture prices; no temporary files left', async () => {
    const dir = tmp();
    // The fixture basket without its member that is not in the manifest (600004.SH): the CLI
    // refuses unknown members (tests/config/cli.test.ts); no-data members are tested in members.test.ts.
    const basket = join(tmp(), 'fixture.yaml');
    writeFileSync(basket, readFileSync(join(FIX, 'baskets', 'fixture.yaml'), 'utf8').replace(/^.*600004\.SH.*\n/m, ''));
    const code = await main([
      'baskets', 'compare', '--from', '2022-12-30', '--to', '2023-01-10', '--prices', join(FIX, 'prices'),
      '--baskets', basket, '--weighting', 'float-cap', '--json', '--out', dir,
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out.join('')) as CompareJson;
    expect(json.baskets[0].weighting).toBe('float-cap');
    expect(json.baskets[0].totalReturn!).toBeCloseTo(0.4 / 3 + 0.4 / 3, 14);
    expect(existsSync(join(dir, 'charts', 'cumulative.svg'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('usage and configuration errors exit 2 and 4 with one line', async () => {
    expect(await main(['baskets', 'compare', '--weighting', 'custom', '--out', tmp()])).toBe(2);
    expect(err.join('')).toMatch(/--weighting "custom": use equal or float-cap/);
    expect(await main(['baskets', 'compare', '--from', '2023-02-30', '--out', tmp()])).toBe(2);
    expect(await main(['baskets', 'compare', '--from', '2023-04-24', '--to', '2023-01-01', '--out', tmp()])).toBe(2);
    expect(await main(['baskets', 'compare', '--baskets', 'no-such-basket', '--baskets-dir', join(FIX, 'baskets'), '--out', tmp()])).toBe(4);
    expect(err.join('')).toMatch(/--baskets "no-such-basket": no such basket file or shipped basket id/);
  });
});

describe('evstudy baskets events', () => {
  it('one basket, one announcement: the basket CAR beside the members\' mean', async () => {
    const dir = tmp();
    const code = await main([
      'baskets', 'events', '--events', 'openai-chatgpt', '--baskets', 'telecom', '--baskets-dir', join(ROOT, 'baskets'),
      '--prices', join(ROOT, 'prices'), '--events-dir', join(ROOT, 'events'), '--out', dir,
    ]);
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.evstudy-manifest.json', 'basket-events.json', 'basket-events.md']);
    const json = JSON.parse(readFileSync(join(dir, 'basket-events.json'), 'utf8')) as BasketEventStudyJson;
    const r = json.results[0];
    // 10:00 Los Angeles on 2022-11-30 is 02:00 on 2022-12-01 in Shanghai: before the open.
    expect(r.day0).toBe('2022-12-01');
    expect(r.outcome).toBe('ok');
    expect(r.windows.map((w) => w.window)).toEqual([[0, 0], [0, 1], [0, 2], [-1, 1], [0, 5]]);
    for (const w of r.windows) {
      expect(w.t).not.toBeNull();
      expect(w.membersN).toBe(3);
      // Equal weights, members with the same estimation days: OLS is linear in y, so the basket's
      // CAR is exactly the mean of the members' CARs (only the tests differ).
      expect(w.car!).toBeCloseTo(w.membersMeanCar!, 12);
      const mean = r.members.reduce((s, m) => s + m.cars[r.windows.indexOf(w)]!, 0) / 3;
      expect(w.membersMeanCar!).toBeCloseTo(mean, 14);
    }
    expect(readFileSync(join(dir, 'basket-events.md'), 'utf8')).toContain('## openai-chatgpt: OpenAI releases ChatGPT');
  });
});
