/**
 * `baskets compare` over a period: the heading names the closes actually used (asked from a
 * non-trading 2023-01-01, the base is the 2022-12-30 close, and the heading said "2023-01-01
 * close"), and a period with no data is exit 3 with the reason, writing nothing, instead of a table
 * of dashes and exit 0. Fixture prices: tests/fixtures/baskets (README there).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { closesHeading } from '../../src/baskets/closesUsed.js';
import { tempDir } from '../helpers/cli.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'baskets');
let err: string[];
beforeEach(() => {
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('baskets compare: the period', () => {
  // As in cli.test.ts: the fixture basket without its member missing from the manifest.
  const basket = () => {
    const file = join(tempDir('evstudy-baskets-period-'), 'fixture.yaml');
    writeFileSync(file, readFileSync(join(FIX, 'baskets', 'fixture.yaml'), 'utf8').replace(/^.*600004\.SH.*\n/m, ''));
    return file;
  };
  const args = (from: string, to: string, out: string) => ['baskets', 'compare', '--from', from, '--to', to, '--prices', join(FIX, 'prices'), '--baskets', basket(), '--out', out];

  it('the heading names the closes used, and what was asked when it differs', async () => {
    const dir = tempDir('evstudy-baskets-period-');
    expect(await main(args('2023-01-01', '2023-01-06', dir)), err.join('')).toBe(0);
    const md = readFileSync(join(dir, 'baskets.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# Sector baskets, 2022-12-30 close to 2023-01-06 close (asked: from 2023-01-01, the last close on or before it)');
  });

  it('a period without data: exit 3 with the reason, nothing written', async () => {
    const dir = join(tempDir('evstudy-baskets-period-'), 'out');
    expect(await main(args('2030-01-01', '2030-02-01', dir))).toBe(3);
    expect(err.join('')).toMatch(/no basket data from 2030-01-01 to 2030-02-01: no basket has a return in the period: fixture \(600001\.SH: .*on or before the base date 2030-01-01/);
    expect(existsSync(dir)).toBe(false);
  });

  it('headings: same closes, requested ones, different closes per basket', () => {
    const b = (baseDate: string | null, endDate: string | null) => ({ period: { baseDate, endDate } });
    expect(closesHeading({ period: { from: '2023-01-03', to: '2023-03-01' }, baskets: [b('2023-01-03', '2023-03-01')] })).toBe('2023-01-03 close to 2023-03-01 close');
    expect(closesHeading({ period: { from: '2023-01-01', to: '2023-04-30' }, baskets: [b('2022-12-30', '2023-04-28')] })).toBe(
      '2022-12-30 close to 2023-04-28 close (asked: from 2023-01-01, to 2023-04-30, the last close on or before each)',
    );
    expect(closesHeading({ period: { from: '2023-01-01', to: '2023-04-30' }, baskets: [b('2022-12-30', '2023-04-28'), b('2023-01-03', '2023-04-28')] })).toBe('2023-01-01 to 2023-04-30, closes per basket below');
  });
});
