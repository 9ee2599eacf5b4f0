import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodePriceBytes } from '../../../src/data/prices/decode.js';
import { parsePrices } from '../../../src/data/prices/parse.js';
import { expectError, fixture, fixtureText } from './helpers.js';

describe('decoding bytes to text', () => {
  const utf8 = fixtureText('akshare-300418.csv');

  it('plain UTF-8', () => {
    expect(decodePriceBytes(fixture('akshare-300418.csv'))).toEqual({ text: utf8, encoding: 'utf-8' });
  });

  it('UTF-8 with a BOM: the mark is removed', () => {
    const d = decodePriceBytes(fixture('akshare-300418-bom.csv'));
    expect(d.encoding).toBe('utf-8-bom');
    expect(d.text).toBe(utf8);
  });

  it('GB18030 when the bytes are not valid UTF-8', () => {
    const d = decodePriceBytes(fixture('akshare-300418-gb18030.csv'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(utf8);
  });

  it('GBK bytes decode as GB18030 (a superset)', () => {
    const gbk = iconv.encode('日期,收盘\n', 'gbk');
    expect(decodePriceBytes(gbk).text).toBe('日期,收盘\n');
  });

  it('UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('date,close\n', 'utf16le')]);
    expect(decodePriceBytes(le)).toEqual({ text: 'date,close\n', encoding: 'utf-16le' });
  });

  it('bytes that are neither UTF-8 nor GB18030 are a DataError with the line', () => {
    const bad = Buffer.concat([Buffer.from('date,close\n2023-01-03,1\n'), Buffer.from([0x81, 0x20, 0x0a])]);
    expectError(() => decodePriceBytes(bad, 'bad.csv'), { file: 'bad.csv', line: 3, value: '81 20 0a' }, /neither UTF-8 nor GB18030/);
  });

  it('a binary file (NUL bytes) is a DataError', () => {
    expectError(() => decodePriceBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'x.zip'), { file: 'x.zip' }, /binary/);
  });

  it('the three encodings of one file parse to the same series', () => {
    const a = parsePrices(fixture('akshare-300418.csv')).series;
    const b = parsePrices(fixture('akshare-300418-bom.csv')).series;
    const c = parsePrices(fixture('akshare-300418-gb18030.csv')).series;
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('a text input with a BOM character is read too', () => {
    expect(parsePrices(`\uFEFF${fixtureText('akshare-300418.csv')}`).encoding).toBe('utf-8-bom');
  });
});
