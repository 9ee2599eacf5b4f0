/**
 * Every reader of user input, on arbitrary input (text and raw bytes), either returns or throws
 * its own typed error: DataError for data files, ConfigError for YAML. Never a TypeError,
 * RangeError, a library's own error or a crash, which the CLI would report as an internal error.
 *
 * Inputs: arbitrary strings and byte arrays, and text stitched from pieces of each format (tokens
 * reach much deeper into a parser than uniform noise), including the corpus files with random
 * bytes flipped.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePriceBytes, parseManifest, parsePrices } from '../../src/data/prices/index.js';
import { readEventsTable, readFactorTable, readValueTable } from '../../src/data/tables/index.js';
import { parseEventText } from '../../src/data/events/index.js';
import { parseStudy } from '../../src/study/config.js';
import { parseBasketText } from '../../src/baskets/parse.js';
import { ConfigError, DataError, EvstudyError } from '../../src/util/errors.js';
import { bad, listFiles, BAD } from '../reliability/files.js';

type Reader = (input: string | Uint8Array) => unknown;

const text = (input: string | Uint8Array): string => (typeof input === 'string' ? input : decodePriceBytes(input, 'x.csv').text);

/** [name, reader, the error class it may throw] */
type ErrorClass = typeof DataError | typeof ConfigError;

const READERS: [string, Reader, ErrorClass][] = [
  ['parsePrices', (i) => parsePrices(i, { file: 'p.csv' }), DataError],
  ['readValueTable', (i) => readValueTable(text(i), { file: 'r.csv' }), DataError],
  ['readValueTable (prices)', (i) => readValueTable(text(i), { file: 'r.csv', positive: true }), DataError],
  ['readEventsTable', (i) => readEventsTable(text(i), { file: 'e.csv' }), DataError],
  ['readFactorTable', (i) => readFactorTable(text(i), { file: 'f.csv', percent: 'auto' }), DataError],
  [
    'parseEventText',
    (i) => {
      // Reports problems as values; it may not throw at all.
      const r = parseEventText(typeof i === 'string' ? i : Buffer.from(i).toString('utf8'), 'events/e.yaml');
      for (const e of r.errors) if (!(e instanceof ConfigError)) throw new Error(`not a ConfigError: ${String(e)}`);
      return r;
    },
    ConfigError,
  ],
  ['parseStudy', (i) => parseStudy(typeof i === 'string' ? i : Buffer.from(i).toString('utf8'), 's.yaml', '/tmp'), ConfigError],
  ['parseManifest', (i) => parseManifest(typeof i === 'string' ? i : Buffer.from(i).toString('utf8'), 'prices/manifest.yaml'), ConfigError],
];

function onlyOwnErrors(read: Reader, cls: ErrorClass, input: string | Uint8Array): void {
  try {
    read(input);
  } catch (err) {
    // decodePriceBytes (bytes in) raises DataError for any reader, even YAML ones fed bytes.
    if (err instanceof cls || (typeof input !== 'string' && err instanceof DataError)) {
      expect((err as EvstudyError).format()).not.toMatch(/\[object Object\]/);
      return;
    }
    throw err;
  }
}

const CSV_TOKENS = [
  ',', ';', '\t', '|', '\n', '\r\n', '\r', '"', '""', ' ', '\uFEFF', 'date', 'Date', '日期', '收盘', '开盘', '最高', '最低', '成交量',
  'open', 'high', 'low', 'close', 'Adj Close', 'volume', 'symbol', 'return', 'id', 'event_date', 'timing', 'group', 'Mkt-RF', 'SMB', 'HML', 'RF',
  'trade_date', 'ts_code', '2022-01-03', '2022-01-04', '2022/01/05', '03/01/2022', '20220106', '2022-02-30', '1', '0', '-1', '1.5', '0,5',
  '1e308', '1e309', '-1e309', 'NaN', 'nan', 'inf', '-Infinity', 'NA', '#N/A', '', '1,234.5', '775.79M', '12%', 'AAA', 'after-close', 'bmo',
  '__proto__', 'constructor', 'toString',
];
const YAML_TOKENS = [
  '\n', '  ', '- ', ': ', ':', 'id', 'title', 'date', 'timing', 'symbols', 'sources', 'url', 'accessed', 'select', 'tags', 'estimation',
  'window', 'carWindows', 'minEstimation', 'bootstrapSamples', 'model', 'symbol', 'file', 'exchange', 'benchmark', '[', ']', '{', '}', ',',
  '"', "'", '#', '&a ', '*a', '<<: *a', '!!binary ', '!!js/function ', '? ', '|', '>', '---', '...', '%YAML 1.1', '2022-08-01', '10:00',
  '-130', '-11', '0', '1e400', '.nan', '.inf', 'null', '~', 'true', 'market', 'intraday', 'AAA', 'https://example.com', '../x', 'a/b',
  '__proto__', 'constructor',
];
const csvish = fc.array(fc.constantFrom(...CSV_TOKENS), { maxLength: 60 }).map((p) => p.join(''));
const yamlish = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 50 }).map((p) => p.join(''));

/** Corpus files with a few bytes overwritten at random places. */
const corpusFiles = listFiles(BAD).filter((f) => /\.(csv|yaml)$/.test(f) && !f.startsWith('study/registry/prices/'));
const mutated = fc
  .record({
    file: fc.constantFrom(...corpusFiles),
    edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
    cut: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ file, edits, cut }) => {
    const b = new Uint8Array(readFileSync(bad(file)));
    for (const [at, v] of edits) if (b.length > 0) b[at % b.length] = v;
    return cut === undefined || b.length === 0 ? b : b.subarray(0, cut % b.length);
  });

describe('readers throw only their own typed error on arbitrary input', () => {
  for (const [name, read, cls] of READERS) {
    it(name, () => {
      const prop = (input: string | Uint8Array) => onlyOwnErrors(read, cls, input);
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 120 }), prop), { numRuns: 100 });
      fc.assert(fc.property(fc.uint8Array({ maxLength: 120 }), prop), { numRuns: 60 });
      fc.assert(fc.property(cls === ConfigError ? yamlish : csvish, prop), { numRuns: 250 });
      fc.assert(fc.property(mutated, prop), { numRuns: 40 });
    });
  }

  // BUG (src/baskets/parse.ts, not ours to edit): `doc.toJS()` throws a bare ReferenceError for an
  // alias without its anchor (and for an alias bomb), which the CLI reports as an internal error.
  // Fix: `yamlToJs(doc, text, file)` from src/util/yamlToJs.ts, as the other YAML readers do.
  it('parseBasketText: an alias without its anchor is reported as a ConfigError', () => {
    const r = parseBasketText('id: *nowhere\n', 'baskets/x.yaml');
    expect(r.errors[0]).toBeInstanceOf(ConfigError);
  });

  it('YAML readers: aliases without anchors and alias bombs are config errors with a line', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    for (const t of ['id: *nowhere\n', '<<: *a\n', `title: x\n${bomb}\n`]) {
      expect(() => parseStudy(t, 's.yaml')).toThrow(ConfigError);
      expect(() => parseManifest(t, 'm.yaml')).toThrow(ConfigError);
      const r = parseEventText(t, 'e.yaml');
      expect(r.errors.length).toBeGreaterThan(0);
      expect(r.errors[0].location.line).toBeGreaterThanOrEqual(1);
    }
  });
});
