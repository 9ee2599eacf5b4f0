import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterEvents, listEvents, loadEvents, validateEvents } from '../../../src/data/events/index.js';
import { ConfigError } from '../../../src/util/errors.js';
import { tempRegistry } from './helpers.js';

describe('loadEvents', () => {
  it('loads every file, sorted by date then id', () => {
    const dir = tempRegistry('valid');
    writeFileSync(
      join(dir, 'aaa-same-day.yaml'),
      'id: aaa-same-day\ndate: 2023-04-10\ntiming: intraday\nsymbols: []\ntitle: T\nsummary: S\nsources:\n  - {title: T, publisher: P, url: "https://example.com", accessed: 2023-04-10}\n',
    );
    expect(loadEvents(dir).map((e) => `${e.date} ${e.id}`)).toEqual([
      '2023-03-14 market-wide',
      '2023-04-10 aaa-same-day',
      '2023-04-10 tiangong-like',
      '2023-04-18 with-document',
    ]);
  });

  it('ignores hidden and temp files and other extensions', () => {
    const dir = tempRegistry('valid');
    writeFileSync(join(dir, '.x.yaml.123.tmp'), 'garbage: [');
    writeFileSync(join(dir, '.hidden.yaml'), 'garbage: [');
    writeFileSync(join(dir, 'README.md'), '# notes');
    expect(loadEvents(dir)).toHaveLength(3);
  });

  it('throws one ConfigError carrying every error when any file is invalid', () => {
    const dir = tempRegistry('invalid');
    let caught: unknown;
    try {
      loadEvents(dir);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const err = caught as ConfigError;
    expect(err.exitCode).toBe(4);
    expect(err.message).toBe('19 errors in 9 of 10 event files');
    expect(err.details).toHaveLength(19);
  });

  it('a missing directory is a ConfigError naming it', () => {
    expect(() => loadEvents('/nonexistent/evstudy-events')).toThrow(/events directory not found/);
  });
});

describe('validateEvents: every error of every file at once', () => {
  it('reports each kind of mistake with file, line and field', () => {
    const dir = tempRegistry('invalid');
    const { errors, events, files } = validateEvents(dir);
    expect(files).toHaveLength(10);
    // dup-one.yaml owns its id and is otherwise valid.
    expect(events.map((e) => e.id)).toEqual(['dup-one']);
    const lines = errors.map((e) => e.format().replace(dir + '/', ''));
    expect(lines).toEqual([
      'bad-date.yaml:2: date "2023-02-30": is not a real calendar date',
      'bad-date.yaml:4: symbols[0] "300418.sz": must be an upper-case listing symbol such as "300418.SZ", "9988.HK" or "BIDU"',
      'bad-date.yaml:10: sources[0].url "not a url": Invalid URL (http or https)',
      'bad-date.yaml:11: sources[0].accessed "23-04-10": must be a date written YYYY-MM-DD',
      'bad-yaml.yaml:4: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'dup-one-copy.yaml:1: id "dup-one": the id must equal the file name: rename the file to "dup-one.yaml" or set id: dup-one-copy',
      `dup-one-copy.yaml:1: id "dup-one": duplicate id: also used by ${dir}/dup-one.yaml`,
      'missing-document.yaml:4: symbols[1] "300418.SZ": is listed twice',
      `missing-document.yaml:10: sources[0].document "sources/missing.txt": document not found: ${dir}/sources/missing.txt`,
      'missing-location.yaml:4: time "25:00": must be a time written HH:MM (24-hour, 00:00-23:59)',
      'missing-location.yaml:9: sources[0].url: a source needs a url or a document (or both)',
      'missing-location.yaml: timezone: a time needs a timezone (e.g. "Asia/Shanghai")',
      'no-sources.yaml:3: timing "soon": must be one of pre-open, intraday, after-close, unknown',
      'no-sources.yaml:7: sources: needs at least one source',
      'traversal.yaml:1: id "../etc/passwd": must be a slug: lower-case letters and digits joined by single hyphens (e.g. "kunlun-tiangong")',
      'traversal.yaml:1: id "../etc/passwd": the id must equal the file name ("traversal")',
      'unknown-key.yaml:4: timezon: unknown key (allowed: id, date, timing, time, timezone, symbols, title, summary, sources, tags, group, notes)',
      'unknown-key.yaml:13: sources[0].page: unknown key (allowed: title, publisher, url, document, accessed)',
      'wrong-name.yaml:1: id "other-name": the id must equal the file name: rename the file to "other-name.yaml" or set id: wrong-name',
    ]);
  });

  it('the example form: file: field: message', () => {
    const dir = tempRegistry();
    writeFileSync(
      join(dir, 'foo.yaml'),
      'id: foo\ndate: 2023-04-10\ntiming: intraday\nsymbols: []\ntitle: T\nsummary: S\nsources:\n  - {title: T, publisher: P, url: "x", accessed: 2023-04-10}\n',
    );
    const [e] = validateEvents(dir).errors;
    expect(e.location).toEqual({ file: join(dir, 'foo.yaml'), line: 8, field: 'sources[0].url', value: 'x' });
    expect(e.message).toBe('Invalid URL (http or https)');
  });

  it('checks symbols against a known set when one is given', () => {
    const dir = tempRegistry('valid');
    expect(validateEvents(dir).errors).toEqual([]);
    const { errors } = validateEvents(dir, { knownSymbols: ['300418.SZ', '9988.HK'] });
    expect(errors.map((e) => [e.location.file?.replace(dir + '/', ''), e.location.field, e.location.value])).toEqual([
      ['with-document.yaml', 'symbols[1]', 'BABA'],
    ]);
    expect(errors[0].message).toBe('unknown symbol (not in the price manifest)');
  });

  it('a .yml file is reported, not silently skipped', () => {
    const dir = tempRegistry('valid');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(
      join(dir, 'old-style.yml'),
      'id: old-style\ndate: 2023-04-10\ntiming: intraday\nsymbols: []\ntitle: T\nsummary: S\nsources:\n  - {title: T, publisher: P, url: "https://example.com", accessed: 2023-04-10}\n',
    );
    expect(validateEvents(dir).errors.map((e) => e.message)).toEqual(['event files must end in ".yaml"']);
  });
});

describe('listEvents / filterEvents', () => {
  it('filters by tag, symbol (case-insensitive) and inclusive date range', () => {
    const dir = tempRegistry('valid');
    const ids = (f: Parameters<typeof listEvents>[1]) => listEvents(dir, f).map((e) => e.id);
    expect(ids({})).toEqual(['market-wide', 'tiangong-like', 'with-document']);
    expect(ids({ tag: 'llm' })).toEqual(['market-wide', 'tiangong-like']);
    expect(ids({ tag: 'nope' })).toEqual([]);
    expect(ids({ symbol: '9988.hk' })).toEqual(['with-document']);
    expect(ids({ from: '2023-04-10' })).toEqual(['tiangong-like', 'with-document']);
    expect(ids({ to: '2023-04-10' })).toEqual(['market-wide', 'tiangong-like']);
    expect(ids({ from: '2023-04-11', to: '2023-04-18', tag: 'hk' })).toEqual(['with-document']);
  });

  it('filterEvents is pure and keeps order', () => {
    const events = loadEvents(tempRegistry('valid'));
    const copy = structuredClone(events);
    filterEvents(events, { tag: 'llm' });
    expect(events).toEqual(copy);
  });
});
