/**
 * Text hygiene and script folding, so one pattern matches simplified and traditional text alike.
 *
 * - Pages converted between scripts carry pinyin artefacts: 內(nèi), 發(fā) (a character followed by
 *   its reading in brackets). They are removed before matching; the caller keeps the original line.
 * - Full-width digits, percent signs and punctuation become ASCII, so `１５３．５２％` reads as 153.52%.
 * - Traditional characters become simplified through the small explicit map below: only the
 *   characters the claim patterns and the shipped listings' names need (a full conversion table
 *   would be a dependency for a few dozen characters). Add a pair when a pattern or name needs it.
 *
 * @example
 * foldText('截至4月24日收盤,三六零、昆侖萬維今年以來股價漲幅達153.52%') // '截至4月24日收盘,三六零、昆仑万维今年以来股价涨幅达153.52%'
 */
const TRAD_TO_SIMP: Record<string, string> = {
  盤: '盘', 漲: '涨', 來: '来', 價: '价', 達: '达', 別: '别', 計: '计', 個: '个', 與: '与', 為: '为',
  侖: '仑', 萬: '万', 維: '维', 雲: '云', 從: '从', 訊: '讯', 飛: '飞', 華: '华', 訂: '订', 報: '报',
  跌: '跌', 停: '停', 歷: '历', 終: '终', 僅: '仅', 較: '较', 實: '实', 總: '总', 額: '额', 億: '亿',
  市: '市', 值: '值', 內: '内', 國: '国', 開: '开', 軟: '软', 體: '体', 網: '网', 電: '电', 際: '际',
  創: '创', 業: '业', 數: '数', 據: '据', 顯: '显', 時: '时', 間: '间', 週: '周', 幾: '几', 將: '将',
  東: '东', 興: '兴', 長: '长', 紫: '紫', 鴻: '鸿', 禕: '祎', 湯: '汤', 聯: '联', 發: '发', 佈: '布',
  號: '号', 後: '后', 兩: '两', 這: '这', 逾: '逾', 約: '约', 異: '异', 動: '动', 廣: '广', 區: '区',
  〇: '〇', 縮: '缩', 層: '层', 書: '书', 對: '对', 滬: '沪', 證: '证', 壹: '壹', 臺: '台', 灣: '湾',
  漢: '汉', 視: '视', 覺: '觉', 藍: '蓝', 標: '标', 順: '顺', 線: '线', 風: '风', 關: '关', 經: '经',
};

export function foldChars(s: string): string {
  let out = '';
  for (const ch of s) out += TRAD_TO_SIMP[ch] ?? ch;
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
