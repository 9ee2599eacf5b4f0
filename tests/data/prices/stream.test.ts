/**
 * Price files read in chunks (issue 10 §4): whatever the chunk size (cutting lines, CRLFs and
 * multi-byte characters anywhere), the chunked reader gives what the whole-text reader gives; a
 * refusal stops reading at the chunk it is found in; the reader never holds more than one chunk of
 * the file; the cache hash is the one of the file's bytes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { lineText, readCsvRecords } from '../../../src/data/prices/csv.js';
import { splitRecords, type SplitState } from '../../../src/data/prices/stream/records.js';
import { checkPricesCached } from '../../../src/data/prices/cache.js';
import { decodePriceBytes } from '../../../src/data/prices/decode.js';
import { checkPrices, checkPriceSource, type PriceCheck } from '../../../src/data/prices/parse.js';
import { bytesSource, fileSource } from '../../../src/data/prices/stream/chunks.js';
import { tempDir } from '../../helpers/cli.js';
import { FIXTURES } from './helpers.js';

/** Everything a user sees of a check, comparable with toEqual. */
function seen(c: PriceCheck) {
  return {
    errors: c.errors.map((e) => ({ message: e.message, location: e.location, details: e.details.map((d) => d.message) })),
    warnings: c.warnings,
    series: c.prices?.series,
    layout: c.prices?.layout,
    encoding: c.prices?.encoding,
    closeColumn: c.prices?.closeColumn,
  };
}

/** The whole-text reader (decode all, then records): the reference. */
function whole(bytes: Buffer, file: string): ReturnType<typeof seen> {
  let decoded: ReturnType<typeof decodePriceBytes>;
  try {
    decoded = decodePriceBytes(bytes, file);
  } catch (err) {
    return seen({ prices: null, errors: [err as never], warnings: [] });
  }
  const r = seen(checkPrices(decoded.text, { file }));
  if (r.encoding) r.encoding = decoded.encoding;
  return r;
}

const minute = (i: number) => `2023-04-24 ${String(9 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00,10,11,9,10.5,10.5,${i}\n`;
const HEAD = 'Date,Open,High,Low,Close,Adj Close,Volume\n';

describe('chunked price reader', () => {
  it('records cut from pieces, split anywhere, are those of the array reader (and the header line as written)', () => {
    const cell = fc.stringMatching(/^[a-z0-9 .]{0,4}$/);
    const sep = fc.constantFrom('\n', '\r\n', '\r', '\n\n');
    const text = fc.array(fc.tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), sep), { maxLength: 8 }).map((rows) => rows.map(([c, s]) => c.join(',') + s).join(''));
    const input = text.chain((t) => fc.tuple(fc.constant(t), fc.uniqueArray(fc.nat(t.length), { maxLength: 6 })));
    fc.assert(
      fc.property(input, ([t, cuts]) => {
        const at = [0, ...cuts.sort((a, b) => a - b), t.length];
        const pieces = at.slice(1).map((end, i) => t.slice(at[i], end));
        const state: SplitState = {};
        const want = readCsvRecords(t, 'f');
        expect([...splitRecords(pieces, { gb18030: false, quoted: false }, state)]).toEqual(want);
        expect(state.headerText).toBe(want.length > 0 ? lineText(t, want[0].line) : undefined);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the whole-text result for every fixture and chunk size (CRLF, CR, BOM, GB18030, UTF-16, quotes, blank lines)', () => {
    const inputs: [string, Buffer][] = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => [f, readFileSync(join(FIXTURES, f))]);
    const ak = readFileSync(join(FIXTURES, 'akshare-300418.csv'), 'utf8');
    const yf = readFileSync(join(FIXTURES, 'yfinance-BABA.csv'), 'utf8');
    inputs.push(
      ['crlf', Buffer.from(ak.replace(/\n/g, '\r\n'))],
      ['cr', Buffer.from(ak.replace(/\n/g, '\r'))],
      ['blank lines, no final newline', Buffer.from('\n\n' + yf.replace(/\n/g, '\n  \n').trimEnd())],
      ['quote on a late line', Buffer.from(yf.replace(/\n([^\n]*)\n$/, '\n"$1"\n'))],
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(yf, 'utf16le')])],
      ['gbk late', iconv.encode(yf + '2023-05-01,1,1,1,1,1,1 备注\n', 'gbk')],
      ['intraday', Buffer.from(HEAD + minute(0) + minute(1) + minute(2))],
      ['bad bytes late', Buffer.concat([Buffer.from(yf), Buffer.from([0x81, 0x20, 0x0a])])],
      ['nul late', Buffer.from(yf + '\u0000\n')],
      ['empty', Buffer.alloc(0)],
      ['bom only', Buffer.from([0xef, 0xbb, 0xbf])],
    );
    for (const [name, bytes] of inputs) {
      const want = whole(bytes, name);
      for (const chunkBytes of [1, 3, 64, 1 << 20]) {
        const got = checkPriceSource(bytesSource(bytes), { file: name }, { chunkBytes });
        expect(seen(got), `${name}, chunks of ${chunkBytes}`).toEqual(want);
      }
    }
  });

  it('refuses a minute-bar file at line 3 after reading one chunk, and never holds more than a chunk', () => {
    const dir = tempDir('evstudy-stream-test-');
    const file = join(dir, 'minute.csv');
    const rows: string[] = [HEAD];
    for (let i = 0; i < 40_000; i++) rows.push(minute(i % 600));
    writeFileSync(file, rows.join('')); // ~2.6 MB
    const r = checkPriceSource(fileSource(file), { file }, { chunkBytes: 1 << 16 });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toMatch(/^intraday data: line 2/);
    expect(r.errors[0].location.line).toBe(3);
    expect(r.read).toMatchObject({ chunks: 1, bytes: 1 << 16, maxChunk: 1 << 16, ended: false, sha256: null });
  });

  it('a long valid file: read to the end a chunk at a time, hashed in the same pass, cached under that hash', () => {
    const dir = tempDir('evstudy-stream-test-');
    const file = join(dir, 'daily.csv');
    const rows: string[] = [HEAD];
    const day0 = Date.UTC(1801, 0, 1);
    for (let i = 0; i < 2_000; i++) rows.push(`${new Date(day0 + i * 86_400_000).toISOString().slice(0, 10)},10.0,11.0,9.0,10.5,10.5,${1000 + i}\n`);
    const text = rows.join(''); // ~100 kB: many 16 KiB chunks, so the cache also hashes in a pass of its own
    writeFileSync(file, text);
    const sha = createHash('sha256').update(text).digest('hex');
    const r = checkPriceSource(fileSource(file), { file }, { chunkBytes: 1 << 14, hash: true });
    expect(r.read).toMatchObject({ bytes: text.length, maxChunk: 1 << 14, ended: true, sha256: sha });
    expect(r.read.chunks).toBe(Math.ceil(text.length / (1 << 14)));
    expect(r.prices?.series.days).toHaveLength(2_000);

    const cache = join(dir, 'cache');
    const first = checkPricesCached(file, { file }, cache, 1 << 14);
    expect(first.source).toBe('parsed');
    expect(readdirSync(join(cache, 'columns')).filter((f) => f.startsWith(`${sha}-`))).toHaveLength(1);
    const again = checkPricesCached(file, { file }, cache, 1 << 14);
    expect(again.source).toBe('cache');
    expect(again.prices?.series).toEqual(r.prices?.series);
  });
});
