import { describe, expect, it } from 'vitest';
import { pricePathSpec, pricePathTitle } from '../../../src/report/charts/index.js';
import { latinName } from '../../../src/report/charts/latinName.js';
import { fixtureReport } from './fixture.js';

const HAN = /\p{Script=Han}/u;

describe('CJK names in charts (drawn where the viewer may have no CJK font)', () => {
  it('keep only the Latin words of a name', () => {
    expect(latinName('Baidu 百度集团-SW')).toBe('Baidu');
    expect(latinName('CSI 300 沪深300')).toBe('CSI 300');
    expect(latinName('Hang Seng TECH Index 恒生科技指数')).toBe('Hang Seng TECH Index');
    expect(latinName('昆仑万维')).toBe('');
    expect(latinName('Kunlun Tech')).toBe('Kunlun Tech');
  });

  it('a price chart draws no Han character; its caption in report.md keeps the full name', () => {
    const ev = { ...fixtureReport().events[0], id: 'kunlun-tiangong', symbol: '300418.SZ', name: '昆仑万维' };
    const drawn = JSON.stringify((pricePathSpec(ev) as { title: unknown }).title);
    expect(drawn).not.toMatch(HAN);
    expect(drawn).toContain('kunlun-tiangong 300418.SZ day 0 =');
    expect(pricePathTitle(ev)).toContain('昆仑万维');
    const hk = { ...ev, symbol: '9888.HK', name: 'Baidu 百度集团-SW' };
    expect(JSON.stringify((pricePathSpec(hk) as { title: unknown }).title)).toContain('9888.HK Baidu day 0 =');
  });
});
