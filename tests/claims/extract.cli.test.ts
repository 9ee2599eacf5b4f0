/**
 * `evstudy claims extract` as the user runs it: the built CLI on the shipped article (one run,
 * plus a missing article, concurrently). The study YAML it prints must hold the default study's
 * five claims, with the period starting on the listings' last 2022 trading day as the study has it.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, runBuilt } from '../helpers/cli.js';

describe('evstudy claims extract (built CLI)', () => {
  it('prints the shipped article\'s claims as study YAML; a missing article is exit 3', async () => {
    const [ok, missing] = await Promise.all([
      runBuilt(['claims', 'extract', 'events/sources/000_51f0402af4bf769d.txt', '--date', '2023-04-25'], { cwd: REPO }),
      runBuilt(['claims', 'extract', 'no-such-article.txt'], { cwd: REPO }),
    ]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const doc = parse(ok.out) as { claims: { id: string; line: number; symbol: string; from?: string; event?: string; window?: number[]; claimed: number }[]; uncheckable: { symbol: string }[] };
    expect(doc.claims.map((c) => [c.line, c.symbol, c.from ?? c.event, c.window ?? null, c.claimed])).toEqual([
      [15, '300418.SZ', 'kunlun-tiangong', [0, 0], 0.16],
      [15, '300418.SZ', 'kunlun-tiangong', [0, 1], 0.22],
      [16, '601360.SH', '2022-12-30', null, 1.5352],
      [16, '300418.SZ', '2022-12-30', null, 2.8723],
      [16, '688327.SH', '2022-12-30', null, 1.5558],
    ]);
    expect(doc.uncheckable.map((u) => u.symbol)).toEqual(['300782.SZ']);
    expect(ok.out).toContain('window: [ 0, 1 ]');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/no-such-article\.txt: article not found/);
  });
});
