import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/data/prices/manifest.js';
import { ConfigError } from '../../../src/util/errors.js';
import { expectError } from './helpers.js';

const FILE = 'prices/manifest.yaml';

const GOOD = `# two entries
- symbol: "000300.SH"
  name: CSI 300
  file: cn/index/000300.SH.csv
  exchange: INDEX
  kind: index
  currency: CNY
  adjustment: none
  source: LiuZesensengsheng/gupiao@8a6f5b2afb316837ef056266a24fffb5532cea0a:data/000300.SH.csv
  trimmed: 2022-01-01..2023-12-31
- symbol: "300418.SZ"
  name: 昆仑万维
  file: cn/akshare/300418.csv
  layout: akshare
  exchange: SZSE
  board: chinext
  kind: stock
  currency: CNY
  adjustment: forward
  benchmark: "000300.SH"
  source: tszlam/trading@7434e50510dea09709784865b8a0148e30c3650e:data/300418.csv
  notes: forward-adjusted (qfq)
- symbol: BABA
  name: Alibaba Group ADR
  file: us/BABA.csv
  exchange: NYSE
  currency: USD
  adjustment: split-adjusted
  closeColumn: Close
  source: dieperdev/yfinance-stock-data@296de98:data/BABA.csv
`;

/** GOOD with `from` replaced by `to` (must occur exactly once). */
function edit(from: string, to: string): string {
  expect(GOOD.split(from)).toHaveLength(2);
  return GOOD.replace(from, to);
}

const bad = (text: string) => () => parseManifest(text, FILE);

describe('price manifest', () => {
  it('parses a good manifest', () => {
    const entries = parseManifest(GOOD, FILE);
    expect(entries.map((e) => e.symbol)).toEqual(['000300.SH', '300418.SZ', 'BABA']);
    expect(entries[1]).toEqual({
      symbol: '300418.SZ',
      name: '昆仑万维',
      file: 'cn/akshare/300418.csv',
      layout: 'akshare',
      exchange: 'SZSE',
      board: 'chinext',
      kind: 'stock',
      currency: 'CNY',
      adjustment: 'forward',
      benchmark: '000300.SH',
      source: 'tszlam/trading@7434e50510dea09709784865b8a0148e30c3650e:data/300418.csv',
      notes: 'forward-adjusted (qfq)',
    });
    expect(entries[0].trimmed).toBe('2022-01-01..2023-12-31');
    expect(entries[2].closeColumn).toBe('Close');
  });

  it('an unknown adjustment names the field path and line', () => {
    expectError(bad(edit('adjustment: forward', 'adjustment: qfq')), { file: FILE, line: 19, field: '[1].adjustment', value: 'qfq' }, /expected one of/, ConfigError);
  });

  it('an unknown key (a typo) is reported at the key', () => {
    expectError(bad(edit('  notes: forward', '  note: forward')), { file: FILE, line: 22, field: '[1].note' }, /Unrecognized key/, ConfigError);
  });

  it('a missing required field', () => {
    expectError(bad(edit('  currency: USD\n', '')), { file: FILE, field: '[2].currency' }, undefined, ConfigError);
  });

  it('an unknown layout, exchange and a bad currency are all reported at once', () => {
    let text = edit('layout: akshare', 'layout: eastmoney');
    text = text.replace('exchange: NYSE', 'exchange: LSE').replace('currency: CNY\n  adjustment: none', 'currency: yuan\n  adjustment: none');
    const err = expectError(bad(text), { field: '[0].currency', value: 'yuan' }, /three-letter currency/, ConfigError);
    expect(err.details.map((d) => d.location.field)).toEqual(['[1].layout', '[2].exchange']);
  });

  it('a file path that leaves the folder', () => {
    expectError(bad(edit('file: us/BABA.csv', 'file: ../shared/BABA.csv')), { field: '[2].file', value: '../shared/BABA.csv' }, /relative to the manifest folder/, ConfigError);
  });

  it('a bad trimmed range', () => {
    expectError(bad(edit('trimmed: 2022-01-01..2023-12-31', 'trimmed: 2023-12-31..2022-01-01')), { field: '[0].trimmed' }, /YYYY-MM-DD\.\.YYYY-MM-DD/, ConfigError);
  });

  it('duplicate symbols are an error', () => {
    expectError(bad(edit('symbol: BABA', 'symbol: "300418.SZ"')), { file: FILE, line: 23, field: '[2].symbol', value: '300418.SZ' }, /duplicate symbol \(also entry \[1\]\)/, ConfigError);
  });

  it('a benchmark must be a symbol of the manifest', () => {
    expectError(bad(edit('benchmark: "000300.SH"', 'benchmark: "399006.SZ"')), { field: '[1].benchmark', value: '399006.SZ' }, /not a symbol of this manifest/, ConfigError);
  });

  it('firm (the issuer shared by cross-listings) is kept, and must be a slug', () => {
    expect(parseManifest(edit('closeColumn: Close', 'closeColumn: Close\n  firm: alibaba'), FILE)[2].firm).toBe('alibaba');
    expectError(bad(edit('closeColumn: Close', 'closeColumn: Close\n  firm: Alibaba Group')), { file: FILE, line: 30, field: '[2].firm', value: 'Alibaba Group' }, /a slug naming the issuer/, ConfigError);
  });

  it('a symbol that is not one', () => {
    expectError(bad(edit('symbol: BABA', 'symbol: "BA BA"')), { field: '[2].symbol', value: 'BA BA' }, /a symbol like/, ConfigError);
  });

  it('not a list, empty, and broken YAML', () => {
    expectError(bad('symbol: BABA\n'), { file: FILE, field: '(top level)' }, /expected array/, ConfigError);
    expectError(bad('# nothing\n'), { file: FILE }, /empty/, ConfigError);
    expectError(bad('- symbol: [BABA\n'), { file: FILE }, /not valid YAML/, ConfigError);
  });
});
