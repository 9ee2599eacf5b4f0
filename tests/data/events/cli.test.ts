import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { eventFromFlags, missingRequired, promptForMissing, type AddFlags } from '../../../src/cli/commands/events.js';
import { loadEvents } from '../../../src/data/events/index.js';
import { tempRegistry } from './helpers.js';

let out = '';
let err = '';
let isTTY: PropertyDescriptor | undefined;

beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  // The non-interactive path, whatever the test runner's stdin is.
  isTTY = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
  Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
});

afterEach(() => {
  vi.restoreAllMocks();
  if (isTTY) Object.defineProperty(process.stdin, 'isTTY', isTTY);
  else delete (process.stdin as { isTTY?: boolean }).isTTY;
});

const ADD = [
  '--id', 'kunlun-test',
  '--date', '2023-04-10',
  '--timing', 'after-close',
  '--symbols', '300418.sz, 9988.HK',
  '--title', 'Kunlun test',
  '--summary', 'A test event.',
  '--source-title', 'Article',
  '--source-publisher', 'Press',
  '--source-url', 'https://example.com/a',
  '--accessed', '2023-04-11',
  '--tags', 'llm,a-share',
];

describe('evstudy events add', () => {
  it('writes the file from flags', async () => {
    const dir = tempRegistry();
    expect(await main(['events', 'add', '--dir', dir, ...ADD])).toBe(0);
    expect(out).toBe(`wrote ${join(dir, 'kunlun-test.yaml')}\n`);
    const [e] = loadEvents(dir);
    expect(e).toMatchObject({ id: 'kunlun-test', symbols: ['300418.SZ', '9988.HK'], tags: ['llm', 'a-share'], timing: 'after-close' });
  });

  it('refuses a duplicate id with the config exit code and leaves the file alone', async () => {
    const dir = tempRegistry();
    await main(['events', 'add', '--dir', dir, ...ADD]);
    const before = readFileSync(join(dir, 'kunlun-test.yaml'), 'utf8');
    expect(await main(['events', 'add', '--dir', dir, ...ADD, '--notes', 'changed'])).toBe(4);
    expect(err).toMatch(/already exists; it is never overwritten|duplicate id/);
    expect(readFileSync(join(dir, 'kunlun-test.yaml'), 'utf8')).toBe(before);
  });

  it('without a terminal, missing required flags are one usage error listing them', async () => {
    const dir = tempRegistry();
    expect(await main(['events', 'add', '--dir', dir, '--id', 'x', '--date', '2023-04-10'])).toBe(2);
    expect(err).toBe(
      'evstudy: events add: missing required options: --timing, --title, --summary, --source-title, --source-publisher, --source-url|--source-document, --accessed\n',
    );
  });

  it('invalid values are reported by field, every one', async () => {
    const dir = tempRegistry();
    const bad = ADD.map((a) => (a === '2023-04-10' ? '2023-04-31' : a === 'https://example.com/a' ? 'not-a-url' : a));
    expect(await main(['events', 'add', '--dir', dir, ...bad])).toBe(4);
    expect(err).toContain('date "2023-04-31": is not a real calendar date');
    expect(err).toContain('sources[0].url "not-a-url": Invalid URL');
  });
});

describe('events add prompting (terminal path, with a scripted ask)', () => {
  it('asks only for what is missing, then symbols and tags', async () => {
    const asked: string[] = [];
    const answers = ['intraday', 'Title', 'Summary', 'Src', 'Pub', 'sources/doc.txt', '2023-04-11', '9988.HK,BABA', ''];
    const flags: AddFlags = { dir: 'events', id: 'x', date: '2023-04-10' };
    const filled = await promptForMissing(flags, async (q) => {
      asked.push(q);
      return answers.shift() ?? '';
    });
    expect(asked).toHaveLength(9);
    expect(asked[0]).toMatch(/^Timing/);
    expect(missingRequired(filled)).toEqual([]);
    expect(eventFromFlags(filled)).toEqual({
      id: 'x',
      date: '2023-04-10',
      timing: 'intraday',
      symbols: ['9988.HK', 'BABA'],
      title: 'Title',
      summary: 'Summary',
      sources: [{ title: 'Src', publisher: 'Pub', document: 'sources/doc.txt', accessed: '2023-04-11' }],
      tags: [],
    });
  });

  it('a URL answer for the source location becomes url', async () => {
    // Each answer must be acceptable now (a bad one is asked again): a real date and timing.
    const filled = await promptForMissing({ dir: 'e', symbols: '', tags: '' } as AddFlags, async (q) =>
      q.startsWith('Source URL') ? 'https://example.com' : /^(Date|Source accessed)/.test(q) ? '2023-04-10' : q.startsWith('Timing') ? 'intraday' : 'x',
    );
    expect(filled.sourceUrl).toBe('https://example.com');
    expect(filled.sourceDocument).toBeUndefined();
  });
});

describe('evstudy events list', () => {
  it('prints a table sorted by date, with filters', async () => {
    const dir = tempRegistry('valid');
    expect(await main(['events', 'list', '--dir', dir])).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^2023-03-14 +intraday 10:00 America\/Los_Angeles +market-wide +\(market-wide\) +A market-wide release$/);
    expect(lines[3]).toBe('3 events');
    out = '';
    expect(await main(['events', 'list', '--dir', dir, '--symbol', '9988.HK'])).toBe(0);
    expect(out).toContain('with-document');
    expect(out).not.toContain('tiangong-like');
  });

  it('--json prints the selected events', async () => {
    const dir = tempRegistry('valid');
    expect(await main(['events', 'list', '--dir', dir, '--tag', 'llm', '--from', '2023-04-01', '--json'])).toBe(0);
    const parsed = JSON.parse(out) as { id: string }[];
    expect(parsed.map((e) => e.id)).toEqual(['tiangong-like']);
  });

  it('no match, and a bad --from', async () => {
    const dir = tempRegistry('valid');
    expect(await main(['events', 'list', '--dir', dir, '--tag', 'none'])).toBe(0);
    expect(out).toBe('no events match\n');
    expect(await main(['events', 'list', '--dir', dir, '--from', '2023-13-01'])).toBe(2);
    expect(err).toContain('--from "2023-13-01": expected a date written YYYY-MM-DD');
  });
});

describe('evstudy events validate', () => {
  it('prints N events OK', async () => {
    expect(await main(['events', 'validate', '--dir', tempRegistry('valid')])).toBe(0);
    expect(out).toBe('3 events OK\n');
  });

  it('prints every error and exits 4', async () => {
    const dir = tempRegistry('invalid');
    expect(await main(['events', 'validate', '--dir', dir])).toBe(4);
    const lines = err.trimEnd().split('\n');
    expect(lines[0]).toBe(`evstudy: ${dir}: 19 errors in 9 of 10 event files`);
    expect(lines).toHaveLength(20);
    expect(lines).toContain(`  ${dir}/traversal.yaml:1: id "../etc/passwd": the id must equal the file name ("traversal")`);
    expect(out).toBe('');
  });

  it('a missing directory', async () => {
    expect(await main(['events', 'validate', '--dir', '/nonexistent/evstudy'])).toBe(4);
    expect(err).toBe('evstudy: /nonexistent/evstudy: events directory not found\n');
  });
});
