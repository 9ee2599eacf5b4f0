import * as OpenCC from 'opencc-js/t2cn';

/**
 * Text hygiene and script folding, so one pattern matches simplified and traditional text alike.
 *
 * - Pages converted between scripts carry pinyin artefacts: 內(nèi), 發(fā) (a character followed by
 *   its reading in brackets). They are removed before matching; the caller keeps the original line.
 * - Full-width digits, percent signs and punctuation become ASCII, so `１５３．５２％` reads as 153.52%.
 * - Traditional characters become simplified through OpenCC's tables (opencc-js, Hong Kong and
 *   standard traditional to mainland simplified): a pattern or a listing's name written in either
 *   script matches. Positions in the folded text must stay those of the original line (claims quote
 *   and locate it), so a conversion that changes the length (a rare phrase rule) is redone one
 *   character at a time.
 *
 * @example
 * foldText('截至4月24日收盤,三六零、昆侖萬維今年以來股價漲幅達153.52%') // '截至4月24日收盘,三六零、昆仑万维今年以来股价涨幅达153.52%'
 */
let toSimplified: ((s: string) => string) | undefined;

/** Traditional to simplified, same length (see above); the converter is built on first use. */
export function foldChars(s: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 'hk', to: 'cn' }));
  const whole = convert(s);
  if (whole.length === s.length) return whole;
  let out = '';
  for (const ch of s) {
    const c = convert(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

/** Full-width ASCII (U+FF01..U+FF5E) to ASCII; the ideographic comma and full stop are kept (patterns use them). */
export function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** A CJK character followed by its pinyin in brackets, e.g. 內(nèi), 據(jù): the bracketed reading goes. */
const PINYIN_ARTEFACT = /([\u4e00-\u9fff])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7})\)/g;

export function removePinyinArtefacts(s: string): string {
  return s.replace(PINYIN_ARTEFACT, '$1');
}

/** The matching form of a line: width, artefacts, script. Line numbers are unchanged (one line in, one out). */
export function foldText(s: string): string {
  return foldChars(removePinyinArtefacts(halfWidth(s)));
}
