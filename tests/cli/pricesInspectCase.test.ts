/**
 * `prices inspect 300418.sz` finds 300418.SZ as `events add` does (it refused lower case), and an
 * unknown symbol names the nearest ones in the manifest. Shipped prices (prices/manifest.yaml).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pricesInspect } from '../../src/cli/commands/prices.js';
import { nearestNames } from '../../src/data/events/nearest.js';
import { REPO } from '../helpers/cli.js';

describe('prices inspect: symbol case', () => {
  it('lower case finds the manifest symbol; a typo is exit 3 with the nearest symbols', () => {
    let text = '';
    pricesInspect('300418.sz', { dir: join(REPO, 'prices'), rows: '1' }, (s) => void (text += s));
    expect(text).toMatch(/^symbol\s+300418\.SZ$/m);
    let err: unknown;
    try {
      pricesInspect('300418.SS', { dir: join(REPO, 'prices'), rows: '1' }, () => {});
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ exitCode: 3, message: expect.stringMatching(/unknown symbol "300418\.SS".*nearest: 300418\.SZ/) });
  });

  it('nearestNames: case-insensitive edit distance, nearest first', () => {
    expect(nearestNames('300418.sh', ['0700.HK', '300418.SZ', 'BIDU'])).toEqual(['300418.SZ']);
    expect(nearestNames('BABA', ['BIDU', '9988.HK', 'BABA.N', 'BAB'])).toEqual(['BAB', 'BABA.N']);
    expect(nearestNames('ZZZZZZ', ['BIDU'])).toEqual([]);
  });
});
