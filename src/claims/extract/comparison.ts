/**
 * Comparison words that qualify a published figure, mapped onto the vocabulary src/study/claims.ts
 * checks: 约/about = about; 近/nearly/almost = nearly (just below); 超/逾/超过/more than/over =
 * at-least; 至/up to = at-most; 达/plain = about (the figure as stated).
 * 一度 ("at one point") marks an intraday extreme, not a comparison: it picks the measure, not this.
 *
 * @example
 * comparisonOf('近') // 'nearly'
 * comparisonOf('more than') // 'at-least'
 */
export type Comparison = 'about' | 'at-least' | 'at-most' | 'nearly';

export const CN_QUALIFIER = '(约|近|超过|超|逾|达到|达|至|高达)?';

export function comparisonOf(word: string | undefined): Comparison {
  const w = (word ?? '').trim().toLowerCase();
  if (w === '近' || w === 'nearly' || w === 'almost' || w === 'close to') return 'nearly';
  if (w === '超' || w === '超过' || w === '逾' || w === 'more than' || w === 'over' || w === 'above') return 'at-least';
  if (w === '至' || w === 'up to' || w === 'as much as') return 'at-most';
  return 'about';
}

/** Tolerance implied by a figure's stated precision: half a unit of its last digit (15.58% -> 0.00005), at least 0.0005; a round figure (16%) gets 0.01. */
export function toleranceOf(numberText: string): number {
  const dot = numberText.indexOf('.');
  if (dot < 0) return 0.01;
  return Math.max(0.0005, 0.5 * 10 ** -(numberText.length - dot - 1) / 100);
}
