/**
 * The subject names of a clause: the 、-separated list just before a keyword ("三六零、昆仑万维、云从科技"),
 * or the known names mentioned earlier in the sentence. List items that are no known name are
 * returned as such (the caller reports them unresolved, never guesses).
 *
 * @example
 * subjectsBefore('截至4月24日收盘,三六零、昆仑万维、云从科技', idx) // ['三六零', '昆仑万维', '云从科技']
 */
import type { NameIndex } from './names.js';

export function subjectsBefore(prefix: string, names: NameIndex): string[] {
  const seg = prefix.split(/[,，:：]/).pop() ?? '';
  if (seg.includes('、')) {
    const items = seg.split('、').map((t) => t.trim()).filter((t) => t.length > 0);
    return items.map((t) => {
      if (names.lookup(t)) return t;
      const hit = names.find(t);
      // "招银国际认为芯片": the last item runs into the verb; a known name inside it is the subject.
      return hit.length === 1 ? hit[0].name : t.replace(/(股价|股票|公司|板块|概念股?)$/, '');
    });
  }
  return names.find(prefix).map((h) => h.name).slice(-1);
}
