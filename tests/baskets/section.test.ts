/** The study report's basket section: ours beside the CMB International figures, with reasons. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { basketSection, type BasketSection } from '../../src/baskets/section.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('basketSection', () => {
  let s: BasketSection;
  beforeAll(async () => {
    s = await basketSection(ROOT, { from: '2022-12-30', to: '2023-04-24' });
  });
  const row = (id: string) => s.json.baskets.find((b) => b.id === id)!;

  it('one row per shipped basket; the published figures come from the basket files', () => {
    expect(s.json.baskets.map((b) => b.id)).toEqual(['ai-apps', 'chips', 'optical-modules', 'pcb', 'servers', 'telecom']);
    expect(row('chips').published?.value).toBe(0.65);
    expect(row('optical-modules').published?.value).toBe(1.46);
    expect(row('pcb').published?.value).toBe(0.45);
    expect(row('servers').published?.value).toBe(0.62);
    expect(row('telecom').published).toBeNull();
    expect(row('chips').published?.source).toMatch(/events\/sources\/000_51f0402af4bf769d\.txt, line 16/);
  });

  it('ours, the difference and the sensitivity figures are consistent', () => {
    for (const r of s.json.baskets) {
      expect(r.totalReturn).not.toBeNull();
      expect(r.alternative.weighting).toBe('float-cap');
      expect(r.alternative.totalReturn).not.toBeNull();
      if (r.published) expect(r.difference!).toBeCloseTo(r.totalReturn! - r.published.value, 15);
      // The period's own end (2023-04-24) lies in the end-date range.
      expect(r.endRange.min!).toBeLessThanOrEqual(r.totalReturn! + 1e-15);
      expect(r.endRange.max!).toBeGreaterThanOrEqual(r.totalReturn! - 1e-15);
      expect(r.explanation.length).toBeGreaterThan(40);
    }
  });

  it('markdown with the table, a sentence per basket and the chart', () => {
    expect(s.markdown).toContain('## Sector baskets: 2022-12-30 close to 2023-04-24 close, beside the published figures');
    expect(s.markdown).toMatch(/\| Chips \(`chips`\) \| 13 \/ 13 \| equal, buy-and-hold \| \+\d+\.\d% \|/);
    expect(s.markdown.match(/^- \*\*/gm)).toHaveLength(6);
    expect(s.markdown).toContain('](charts/baskets-cumulative.svg)');
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0].file).toBe('baskets-cumulative.svg');
    expect(s.charts[0].svg.startsWith('<svg')).toBe(true);
  });
});
