import { describe, expect, it } from 'vitest';
import { CsvCursor, detectDelimiter } from '../../../src/data/tables/csv.js';
import { dataError } from './helpers.js';

function all(text: string): { cells: string[]; line: number }[] {
  const c = new CsvCursor(text, 'x.csv');
  const out: { cells: string[]; line: number }[] = [];
  while (c.next()) out.push({ cells: c.cells.slice(), line: c.line });
  return out;
}

describe('CsvCursor', () => {
  it('splits plain lines, trims cells and numbers physical lines', () => {
    expect(all('a, b ,c\n1,2,3\n')).toEqual([
      { cells: ['a', 'b', 'c'], line: 1 },
      { cells: ['1', '2', '3'], line: 2 },
    ]);
  });

  it('handles CRLF, a BOM, blank lines and a missing final newline', () => {
    expect(all('\uFEFFa,b\r\n\r\n,\r\n1,2')).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: [], line: 2 },
      { cells: [], line: 3 },
      { cells: ['1', '2'], line: 4 },
    ]);
  });

  it('reads quoted cells: delimiters, doubled quotes and line breaks inside quotes', () => {
    const rows = all('"date","a,b"\n"2020-01-02","say ""hi"""\n"x\ny",2\nlast,1\n');
    expect(rows).toEqual([
      { cells: ['date', 'a,b'], line: 1 },
      { cells: ['2020-01-02', 'say "hi"'], line: 2 },
      { cells: ['x\ny', '2'], line: 3 },
      { cells: ['last', '1'], line: 5 },
    ]);
  });

  it('rejects an unterminated quote and text after a closing quote, naming the line', () => {
    dataError(() => all('a,b\n1,"oops\n'), { file: 'x.csv', line: 2 }, /unterminated/);
    dataError(() => all('a,b\n1,"x"y\n'), { file: 'x.csv', line: 2 }, /after a closing quote/);
  });

  it('detects semicolon and tab delimiters from the first line', () => {
    expect(detectDelimiter('date;a;b\n1,5;2')).toBe(';');
    expect(detectDelimiter('\n\ndate\ta\n')).toBe('\t');
    expect(detectDelimiter('date,a\n')).toBe(',');
  });

  it('can save and restore its position', () => {
    const c = new CsvCursor('h\n1\n2\n', 'x.csv');
    c.next();
    const s = c.save();
    c.next();
    c.next();
    c.restore(s);
    expect(c.next() && c.cells).toEqual(['1']);
    expect(c.line).toBe(2);
  });
});
