/**
 * Each market separately before pooling firm-level units (issue 12 §2). With `groupBy: market` and
 * cross-listings set aside (`listings: primary`), a market's group counts every listing trading
 * there (BABA and BIDU in the US group), while the pooled aggregate counts one observation per
 * firm-announcement (their Hong Kong listings); report.json names each unit, report.md shows the
 * markets first, then the pool.
 */
import { describe, expect, it } from 'vitest';
import { parseStudy } from '../../src/study/config.js';
import { runStudy } from '../../src/study/runStudy.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { REPO } from '../helpers/cli.js';

describe('markets, then pooled', () => {
  it('per-market groups hold every listing of the market, the pool one per firm; md leads with the markets', () => {
    const r = runStudy(parseStudy('id: s1\ntitle: T\nselect: { ids: [alibaba-tongyi, baidu-ernie-launch, zhihu-zhihaitu] }\nbootstrapSamples: 9\n', 's.yaml', REPO));
    expect(r.settings.listings).toBe('primary');
    const car01 = (id: string) => r.events.find((e) => e.id === id)!.windows.find((w) => w.window[0] === 0 && w.window[1] === 1)!.car!;
    const group = (g: string) => r.groups.find((x) => x.group === g)!;
    const w01 = (a: (typeof r)['aggregate']) => a.windows.find((w) => w.window[0] === 0 && w.window[1] === 1)!;
    expect(r.groups.map((g) => [g.group, g.unit, w01(g.aggregate).n])).toEqual([
      ['Hong Kong', 'listing', 2],
      ['US', 'listing', 3],
    ]);
    // The US group is BABA, BIDU and ZH, though BABA and BIDU are set aside in the pool.
    expect(w01(group('US').aggregate).caar!).toBeCloseTo((car01('alibaba-tongyi@BABA') + car01('baidu-ernie-launch@BIDU') + car01('zhihu-zhihaitu@ZH')) / 3, 12);
    expect(r.events.find((e) => e.id === 'alibaba-tongyi@BABA')!.notInAggregate).toBe('secondary-listing of alibaba-tongyi@9988.HK');
    expect(w01(r.aggregate).n).toBe(3);
    expect(w01(r.aggregate).caar!).toBeCloseTo((car01('alibaba-tongyi@9988.HK') + car01('baidu-ernie-launch@9888.HK') + car01('zhihu-zhihaitu@ZH')) / 3, 12);

    const md = renderMarkdown(r);
    const at = (s: string) => md.indexOf(s);
    expect(at('## Each market, then pooled (CAAR [0,+1])')).toBeGreaterThan(0);
    expect(at('## Each market, then pooled')).toBeLessThan(at('## Aggregate results (all events)'));
    expect(md).toMatch(/\| US \| listing \| 3 \| [+-][\d.]+% \|/);
    expect(md).toMatch(/\| \*\*pooled\*\* \| firm-announcement \| 3 \| [+-][\d.]+% \|/);
    expect(md).toContain('Every listing trading in this market is one observation, secondary listings of cross-listed firms included.');
  });

  it('listings: separate keeps every listing everywhere and needs no such table', () => {
    const r = runStudy(parseStudy('id: s1\ntitle: T\nselect: { ids: [alibaba-tongyi] }\nlistings: separate\nbootstrapSamples: 9\n', 's.yaml', REPO));
    expect(r.groups.map((g) => [g.group, g.unit])).toEqual([
      ['Hong Kong', 'listing'],
      ['US', 'listing'],
    ]);
    expect(renderMarkdown(r)).not.toContain('## Each market, then pooled');
  });
});
