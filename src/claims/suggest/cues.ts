/**
 * The words `events suggest` reads, as data (folded to simplified script: fold.ts maps 盤/間/後/佈).
 *
 * - Announcement cues: a verb that makes a sentence an announcement (发布, 推出, 上线, 宣布,
 *   开启测试, 亮相; English launched / unveiled / announced). A cue alone is not enough: the
 *   sentence must also name a product or model (PRODUCTS, or a name in quotes “天工”), so
 *   "宣布拥抱大模型" (a stance, no product) proposes nothing.
 * - Timing words, read as the registry's `timing`: 盘后 / 晚间 = after-close (the news reaches the
 *   market at the next session), 午间 / 盘中 = intraday, 盘前 = pre-open; none = unknown.
 *
 * @example
 * timingOf('昆仑万维晚间公告') // { timing: 'after-close', word: '晚间' }
 */
export const CUES = /发布|推出|上线|宣布|开启测试|亮相|\b(?:launche[sd]|unveil(?:s|ed)|announce[sd])\b/i;

/**
 * Model and product names of the 2023 large-model wave (the shipped registry's launches), each a
 * group of the names one product goes by (Chinese, English): the registry writes titles in
 * English ("Tongyi Qianwen"), articles in Chinese (通义千问), and both must meet. Extend as articles need.
 */
export const PRODUCTS: readonly (readonly string[])[] = [
  ['通义千问', 'Tongyi Qianwen'],
  ['文心一言', 'Ernie Bot'],
  ['天工', 'Tiangong'],
  ['星火', 'Spark'],
  ['360智脑', '智脑', '360GPT'],
  ['日日新', 'SenseNova'],
  ['知海图', 'Zhihaitu'],
  ['盘古', 'Pangu'],
  ['言犀', 'Yanxi'],
  ['从容', 'Congrong'],
  ['ChatGPT'],
  ['GPT-4'],
];

const TIMING_WORDS: readonly [RegExp, 'after-close' | 'intraday' | 'pre-open'][] = [
  [/盘后|晚间|after the close|after market close/i, 'after-close'],
  [/盘前|before the open|pre-market/i, 'pre-open'],
  [/午间|盘中|intraday/i, 'intraday'],
];

/** The timing a sentence states (folded text), or unknown with no word. */
export function timingOf(folded: string): { timing: 'pre-open' | 'intraday' | 'after-close' | 'unknown'; word?: string } {
  for (const [re, timing] of TIMING_WORDS) {
    const m = re.exec(folded);
    if (m) return { timing, word: m[0] };
  }
  return { timing: 'unknown' };
}

