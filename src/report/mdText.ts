/**
 * User text (event ids, symbols, names, group names, and messages quoting them) placed into
 * report.md. An events file is not trusted Markdown: a group named `g|x\n## injected` must not add
 * a heading, split a table row or open a link. Line breaks become spaces and Markdown's inline
 * punctuation is backslash-escaped; `|` is left to `table()`, which escapes it for table cells (a
 * pipe is harmless in headings and list items).
 */
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;
const PUNCT = /[\\`*[\]<>#]/g;

export function mdText(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  return s.replace(CONTROL, ' ').replace(PUNCT, (c) => `\\${c}`);
}

/** Generated prose that may quote user text: one line, Markdown of its own (backticks) kept. */
export function mdLine(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  return s.replace(CONTROL, ' ');
}
