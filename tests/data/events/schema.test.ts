import { describe, expect, it } from 'vitest';
import { eventSchema, parseEventText, formatFieldPath } from '../../../src/data/events/index.js';
import { sampleEvent } from './helpers.js';

const fields = (file: string, text: string) => parseEventText(text, file).errors.map((e) => e.location.field ?? '');
const messages = (file: string, text: string) => parseEventText(text, file).errors.map((e) => e.format());

const GOOD = `id: good
date: 2023-04-10
timing: intraday
symbols: [300418.SZ]
title: T
summary: S
sources:
  - title: T
    publisher: P
    url: https://example.com
    accessed: 2023-04-10
`;

describe('event schema', () => {
  it('accepts a complete event and defaults tags to []', () => {
    const r = parseEventText(GOOD, 'events/good.yaml');
    expect(r.errors).toEqual([]);
    expect(r.event).toMatchObject({ id: 'good', date: '2023-04-10', timing: 'intraday', symbols: ['300418.SZ'], tags: [] });
  });

  it('accepts an empty symbol list (market-wide), time + timezone, document sources, group and notes', () => {
    const r = eventSchema.safeParse(
      sampleEvent({
        symbols: [],
        time: '10:00',
        timezone: 'America/Los_Angeles',
        sources: [{ title: 'A', publisher: 'B', document: 'sources/a.txt', accessed: '2023-01-01' }],
        group: 'pair-1',
        notes: 'n',
      }),
    );
    expect(r.success).toBe(true);
  });

  it('rejects ids that are not slugs: ../, /, upper case, spaces, double hyphens', () => {
    for (const id of ['../etc', 'a/b', 'Foo', 'a b', 'a--b', '-a', 'a-', '', 'a.yaml']) {
      const r = eventSchema.safeParse(sampleEvent({ id }));
      expect(r.success, id).toBe(false);
    }
    expect(eventSchema.safeParse(sampleEvent({ id: '360-chatgpt-demo' })).success).toBe(true);
  });

  it('rejects dates that are not real or not YYYY-MM-DD, with one message each', () => {
    const bad = (date: unknown) => eventSchema.safeParse(sampleEvent({ date })).error?.issues.map((i) => i.message);
    expect(bad('2023-02-29')).toEqual(['is not a real calendar date']);
    expect(bad('2023-4-1')).toEqual(['must be a date written YYYY-MM-DD']);
    expect(bad('20230410')).toEqual(['must be a date written YYYY-MM-DD']);
    expect(bad(20230410)).toEqual(['must be a date written YYYY-MM-DD']);
    expect(bad('2024-02-29')).toBeUndefined();
  });

  it('rejects unknown keys, at the top and inside a source', () => {
    expect(fields('events/good.yaml', GOOD + 'timezon: Asia/Shanghai\n')).toEqual(['timezon']);
    expect(fields('events/good.yaml', GOOD.replace('    accessed', '    page: 3\n    accessed'))).toEqual(['sources[0].page']);
  });

  it('needs at least one source, and a url or a document in each', () => {
    expect(fields('events/good.yaml', GOOD.replace(/sources:[\s\S]*$/, 'sources: []\n'))).toEqual(['sources']);
    expect(fields('events/good.yaml', GOOD.replace(/sources:[\s\S]*$/, ''))).toEqual(['sources']);
    expect(fields('events/good.yaml', GOOD.replace('    url: https://example.com\n', ''))).toEqual(['sources[0].url']);
  });

  it('reports bad URLs, times and time zones with the field path', () => {
    expect(messages('events/good.yaml', GOOD.replace('https://example.com', 'nope'))).toEqual([
      'events/good.yaml:10: sources[0].url "nope": Invalid URL (http or https)',
    ]);
    expect(eventSchema.safeParse(sampleEvent({ sources: [{ title: 'a', publisher: 'b', url: 'javascript:alert(1)', accessed: '2023-01-01' }] })).success).toBe(false);
    const tz = eventSchema.safeParse(sampleEvent({ time: '10:00', timezone: 'Mars/Olympus' })).error?.issues;
    expect(tz?.map((i) => formatFieldPath(i.path))).toEqual(['timezone']);
    expect(eventSchema.safeParse(sampleEvent({ time: '10:00', timezone: '+08:00' })).success).toBe(false);
    expect(eventSchema.safeParse(sampleEvent({ time: '10:00', timezone: 'asia/shanghai' })).error?.issues[0].message).toBe(
      'write the time zone as "Asia/Shanghai"',
    );
    expect(eventSchema.safeParse(sampleEvent({ time: '24:00', timezone: 'Asia/Shanghai' })).success).toBe(false);
    expect(eventSchema.safeParse(sampleEvent({ time: '10:00' })).error?.issues.map((i) => i.message)).toEqual([
      'a time needs a timezone (e.g. "Asia/Shanghai")',
    ]);
    expect(eventSchema.safeParse(sampleEvent({ timezone: 'Asia/Shanghai' })).success).toBe(false);
  });

  it('rejects lower-case and duplicate symbols, and document paths leaving the directory', () => {
    expect(eventSchema.safeParse(sampleEvent({ symbols: ['300418.sz'] })).success).toBe(false);
    expect(eventSchema.safeParse(sampleEvent({ symbols: ['BABA', 'BABA'] })).success).toBe(false);
    for (const document of ['../secret.txt', '/etc/passwd', 'sources/../../x', './a.txt']) {
      const r = eventSchema.safeParse(sampleEvent({ sources: [{ title: 'a', publisher: 'b', document, accessed: '2023-01-01' }] }));
      expect(r.success, document).toBe(false);
    }
  });

  it('reports every error of a file at once, cross-field checks included', () => {
    const text = `id: Bad/../Id
date: 2023-13-01
timing: soon
time: "10:00"
symbols: [x]
title: ""
summary: S
sources:
  - {title: T, publisher: P, accessed: 2023-01-01}
extra: 1
`;
    expect(fields('events/bad.yaml', text)).toEqual([
      'id',
      'id',
      'date',
      'timing',
      'symbols[0]',
      'title',
      'sources[0].url',
      'extra',
      'timezone',
    ]);
  });

  it('YAML syntax errors carry the line', () => {
    const [e] = parseEventText('id: x\ndate: [2023-01-01\ntiming: intraday\n', 'events/x.yaml').errors;
    expect(e.location).toMatchObject({ file: 'events/x.yaml' });
    expect(e.location.line).toBeGreaterThan(1);
    expect(e.message).toMatch(/^YAML syntax error: /);
    expect(parseEventText('id: a\nid: b\n', 'events/a.yaml').errors[0].message).toContain('unique');
  });

  it('the file name must be the id', () => {
    expect(messages('events/other.yaml', GOOD)).toEqual([
      'events/other.yaml:1: id "good": the id must equal the file name: rename the file to "good.yaml" or set id: other',
    ]);
    expect(parseEventText(GOOD, 'events/good.yml').errors.map((e) => e.message)).toEqual(['event files must end in ".yaml"']);
  });

  it('an empty file or a non-mapping is one clear error', () => {
    expect(messages('events/e.yaml', '')).toEqual(['events/e.yaml: the file is empty; expected the fields of one event (id, date, timing, ...)']);
    expect(parseEventText('- a\n- b\n', 'events/e.yaml').errors).toHaveLength(1);
  });
});
