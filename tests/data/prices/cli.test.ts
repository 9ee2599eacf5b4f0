import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { displayWidth, formatTable } from '../../../src/cli/commands/prices.js';
import { fixtureText, REPO } from './helpers.js';
import { tempDir } from '../../helpers/cli.js';

const PRICES = join(REPO, 'prices');

/** Runs the CLI, capturing what it writes. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

/** A price folder of two fixture files (the real folder is read once, by the list test). */
function smallFolder(): string {
  const dir = tempDir('evstudy-prices-');
  writeFileSync(join(dir, 'wsj.csv'), fixtureText('wsj-HSI.csv'));
  writeFileSync(join(dir, 'ak.csv'), fixtureText('akshare-300418.csv'));
  writeFileSync(
    join(dir, 'manifest.yaml'),
    [
      '- {symbol: HSI, name: Hang Seng Index, file: wsj.csv, layout: wsj, exchange: INDEX, kind: index, currency: HKD, adjustment: none,',
      '   source: "clamx4/stockdata@a2ed1e902146230cbb7ce0f43ef910c44e54faa3:index/HSI.csv"}',
      '- {symbol: 300418.SZ, name: 昆仑万维, file: ak.csv, exchange: SZSE, board: chinext, currency: CNY, adjustment: forward, benchmark: HSI, source: test}',
      '',
    ].join('\n'),
  );
  return dir;
}

describe('evstudy prices', () => {
  it('list: one aligned line per symbol with range, rows and source', async () => {
    const { code, out } = await run('prices', 'list', '--dir', PRICES);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^symbol\s+name\s+exchange\s+board\s+adjustment\s+range\s+rows\s+source$/);
    const kunlun = lines.find((l) => l.startsWith('300418.SZ '));
    expect(kunlun).toMatch(/昆仑万维\s+SZSE\s+chinext\s+forward\s+2022-01-04\.\.2023-12-29\s+484\s+tszlam\/trading@7434e50$/);
    // KWEB (prices/us/KWEB.csv) is the 105th, a China-internet benchmark for US listings (issue 12 §2).
    expect(lines.at(-1)).toMatch(/^105 symbols in /);
    // Columns line up, Chinese names counted two cells wide.
    const at = (l: string) => displayWidth(l.slice(0, l.indexOf('SZSE')));
    expect(at(kunlun!)).toBe(at(lines.find((l) => l.startsWith('000021.SZ '))!));
  });

  it('list --json', async () => {
    const { code, out } = await run('prices', 'list', '--dir', smallFolder(), '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    expect(rows).toEqual([
      expect.objectContaining({ symbol: 'HSI', layout: 'wsj', first: '2022-12-16', last: '2023-01-12', rows: 17, errors: 0, warnings: 0, source: 'clamx4/stockdata@a2ed1e902146230cbb7ce0f43ef910c44e54faa3:index/HSI.csv' }),
      expect.objectContaining({ symbol: '300418.SZ', first: '2023-03-24', last: '2023-04-26', rows: 23, benchmark: 'HSI' }),
    ]);
  });

  it('inspect: range, gaps, zero-volume days, adjustment, source, notes, first and last rows', async () => {
    const { code, out } = await run('prices', 'inspect', '300418.SZ-unadj', '--dir', PRICES, '--rows', '2');
    expect(code).toBe(0);
    expect(out).toMatch(/^range\s+2022-01-04\.\.2023-04-04, 303 rows$/m);
    expect(out).toMatch(/^adjustment\s+none$/m);
    expect(out).toMatch(/^dropped rows\s+2 identical duplicates, 0 skipped$/m);
    expect(out).toMatch(/^source\s+SamLeon360\/stock_data@0de1cd19ad223a4112d348c23c5231052769e970:300418\.csv$/m);
    expect(out).toMatch(/^notes\s+Traded \(unadjusted\) prices/m);
    expect(out).toMatch(/first rows\ndate\s+open\s+high\s+low\s+close\s+volume\n2022-01-04 /);
    expect(out).toMatch(/last rows\n.*\n.*\n2023-04-04 /);
  });

  it('inspect lists gaps and zero-volume days', async () => {
    const a = await run('prices', 'inspect', '000300.SH', '--dir', PRICES, '--rows', '0');
    expect(a.out).toMatch(/^gaps > 10 days\s+2023-09-28\.\.2023-10-09 \(11 days\)$/m);
    const b = await run('prices', 'inspect', '9888.HK', '--dir', PRICES, '--rows', '0');
    expect(b.out).toMatch(/^zero volume\s+2022-01-31, 2022-03-14$/m);
  });

  it('inspect --json', async () => {
    const { out } = await run('prices', 'inspect', 'HSI', '--dir', PRICES, '--json', '--rows', '1');
    const j = JSON.parse(out);
    expect(j.layout).toBe('wsj');
    expect(j.summary).toMatchObject({ first: '2022-01-03', last: '2023-12-29', rows: 490, gaps: [] });
    expect(j.head).toEqual([{ date: '2022-01-03', open: 23510.54, high: 23605.03, low: 23193.19, close: 23274.75 }]);
    expect(j.tail[0].date).toBe('2023-12-29');
  });

  it('inspect --rows larger than the series shows every row once, in text and JSON', async () => {
    const j = JSON.parse((await run('prices', 'inspect', 'HSI', '--dir', PRICES, '--json', '--rows', '10000')).out);
    expect(j.head).toHaveLength(490);
    expect(j.tail).toHaveLength(0);
    const { code, out } = await run('prices', 'inspect', 'HSI', '--dir', PRICES, '--rows', '10000');
    expect(code).toBe(0);
    expect(out).toContain('first rows');
    expect(out).not.toContain('last rows');
  });

  it('inspect of an unknown symbol exits 3 with one line', async () => {
    const { code, err } = await run('prices', 'inspect', '0020.HK', '--dir', PRICES);
    expect(code).toBe(3);
    // The manifest is named once (as the file of the error), with the nearest symbols it has.
    expect(err).toBe(`evstudy: ${join(PRICES, 'manifest.yaml')}: unknown symbol "0020.HK"; nearest: 0700.HK\n`);
  });

  it('validate: a clean folder exits 0', async () => {
    const { code, out } = await run('prices', 'validate', '--dir', smallFolder());
    expect(code).toBe(0);
    expect(out).toMatch(/^ok {4}HSI {8}\S+wsj\.csv  2022-12-16\.\.2023-01-12 {4}17 rows$/m);
    expect(out).toMatch(/^2 files: 2 ok, 0 with errors; 0 errors, 0 warnings$/m);
    expect(out).not.toMatch(/^note /m);
  });

  it('validate: every problem of every file, exit code 3', async () => {
    const dir = tempDir('evstudy-validate-');
    const ak = fixtureText('akshare-300418.csv');
    writeFileSync(join(dir, 'good.csv'), ak);
    writeFileSync(join(dir, 'bad.csv'), ak.replace('2023-03-27,40.0,42.45', '2023-03-27,40.0,abc').replace('2023-03-29,', '2023-3-29x,'));
    writeFileSync(join(dir, 'stray.csv'), ak);
    const entry = (symbol: string, file: string) =>
      `- {symbol: "${symbol}", name: x, file: ${file}, exchange: SZSE, currency: CNY, adjustment: forward, source: test}\n`;
    writeFileSync(join(dir, 'manifest.yaml'), entry('A.SZ', 'good.csv') + entry('B.SZ', 'bad.csv') + entry('C.SZ', 'missing.csv'));
    const { code, out, err } = await run('prices', 'validate', '--dir', dir, '--verbose');
    expect(code).toBe(3);
    expect(out).toMatch(/^ok {4}A\.SZ /m);
    expect(out).toMatch(/^FAIL {2}B\.SZ .* 2 error\(s\)$/m);
    expect(out).toContain(`error: ${join(dir, 'bad.csv')}:3: 收盘 "abc": price is not a number`);
    expect(out).toContain(`error: ${join(dir, 'bad.csv')}:5: 日期 "2023-3-29x": unparseable date`);
    expect(out).toMatch(/^FAIL {2}C\.SZ .* 1 error\(s\)\n\s+error: .*price file not found/m);
    expect(out).toMatch(/^note {2}.*stray\.csv is not in /m);
    expect(out).toMatch(/^3 files: 1 ok, 2 with errors; 3 errors, \d+ warnings$/m);
    expect(err).toMatch(/^evstudy: .*manifest\.yaml: 3 error\(s\) in 2 of 3 price files\n$/);
  });

  it('a broken manifest exits 4 and names the field', async () => {
    const dir = tempDir('evstudy-validate-');
    writeFileSync(join(dir, 'manifest.yaml'), '- {symbol: A.SZ, name: x, file: a.csv, exchange: SZSE, currency: CNY, adjustment: qfq, source: test}\n');
    const { code, err } = await run('prices', 'validate', '--dir', dir);
    expect(code).toBe(4);
    expect(err).toMatch(/manifest\.yaml:1: \[0\]\.adjustment "qfq": Invalid option/);
  });
});

describe('table formatting', () => {
  it('counts CJK characters as two cells', () => {
    expect(displayWidth('昆仑万维')).toBe(8);
    expect(displayWidth('ZH')).toBe(2);
    expect(formatTable([['a', 'b'], ['昆仑', 'c']])).toBe('a     b\n昆仑  c\n');
    expect(formatTable([['n', 'x'], ['1', 'y'], ['100', 'z']], [0])).toBe('  n  x\n  1  y\n100  z\n');
  });
});
