/**
 * The Latin words of a security name, for text drawn inside a chart.
 *
 * An SVG chart is drawn by the viewer's fonts: where none covers Han, kana or Hangul (many Linux
 * desktops, CI screenshots, e-mail previews), "昆仑万维" becomes a row of empty boxes. Charts
 * therefore carry only the whitespace-separated words of the name that hold no CJK character; the
 * event id and the symbol beside it identify the security, and report.md keeps the full name.
 *
 * @example
 * latinName('Baidu 百度集团-SW'); // 'Baidu'
 * latinName('CSI 300 沪深300');   // 'CSI 300'
 * latinName('昆仑万维');           // ''
 */
export function latinName(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => word !== '' && !CJK.test(word))
    .join(' ');
}

/** Han, kana, Hangul and the CJK symbol and full-width forms blocks. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
