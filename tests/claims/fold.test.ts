import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/claims/extract/fold.js';

describe('script folding (OpenCC tables)', () => {
  it('folds any traditional text to simplified, not only the characters a hand list carried', () => {
    // 塊, 寧, 鐘, 錶, 繼, 續 were in none of the three hand maps this replaces.
    expect(foldText('光模塊、寧德時代、鐘錶股繼續漲停')).toBe('光模块、宁德时代、钟表股继续涨停');
    expect(foldText('截至4月24日收盤,昆侖萬維今年以來股價漲幅達153.52%')).toBe('截至4月24日收盘,昆仑万维今年以来股价涨幅达153.52%');
  });

  it('removes pinyin artefacts and full-width forms; script folding alone keeps the length (positions in the line hold)', () => {
    const line = '據(jù)報道，雲從科技股價一度漲超１５％';
    const folded = foldText(line);
    expect(folded).toBe('据报道,云从科技股价一度涨超15%');
    expect(foldText('雲從科技').length).toBe('雲從科技'.length);
  });
});
