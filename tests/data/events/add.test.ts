import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addEvent, loadEvents, serializeEvent, eventSchema, validateEvents } from '../../../src/data/events/index.js';
import { ConfigError } from '../../../src/util/errors.js';
import { sampleEvent, tempRegistry } from './helpers.js';

describe('addEvent', () => {
  it('writes <id>.yaml in a stable key order, which validates and loads back equal', async () => {
    const dir = tempRegistry();
    // Keys given in a scrambled order; optional fields present.
    const input = {
      notes: 'n',
      tags: ['llm', 'a-share'],
      sources: [{ accessed: '2023-04-11', url: 'https://example.com/a', publisher: 'P', title: 'T', document: 'sources/a.txt' }],
      summary: 'S: with a colon',
      title: 'T',
      symbols: ['300418.SZ'],
      timezone: 'Asia/Shanghai',
      time: '15:30',
      timing: 'after-close',
      date: '2023-04-10',
      id: 'ordered',
      group: 'g',
    };
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', 'a.txt'), 'doc');
    const { file, event } = await addEvent(dir, input);
    expect(file).toBe(join(dir, 'ordered.yaml'));
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(`id: ordered
date: 2023-04-10
timing: after-close
time: "15:30"
timezone: Asia/Shanghai
symbols: [ 300418.SZ ]
title: T
summary: "S: with a colon"
sources:
  - title: T
    publisher: P
    url: https://example.com/a
    document: sources/a.txt
    accessed: 2023-04-11
tags: [ llm, a-share ]
group: g
notes: n
`);
    expect(validateEvents(dir).errors).toEqual([]);
    expect(loadEvents(dir)).toEqual([event]);
  });

  it('serializeEvent is stable: same event, same bytes', () => {
    const e = eventSchema.parse(sampleEvent());
    expect(serializeEvent(e)).toBe(serializeEvent(eventSchema.parse(JSON.parse(JSON.stringify(e)))));
  });

  it('refuses an invalid event with every error, writing nothing', async () => {
    const dir = tempRegistry();
    const err = await addEvent(dir, sampleEvent({ id: '../escape', date: '2023-02-30', sources: [] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).details.map((d) => d.location.field)).toEqual(['id', 'date', 'sources']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a duplicate id and never overwrites the existing file', async () => {
    const dir = tempRegistry();
    await addEvent(dir, sampleEvent());
    const before = readFileSync(join(dir, 'sample-event.yaml'), 'utf8');
    const err = await addEvent(dir, sampleEvent({ title: 'Changed' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toMatch(/duplicate id|already exists/);
    expect(readFileSync(join(dir, 'sample-event.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['sample-event.yaml']);
  });

  it('never overwrites a file with the target name, even one that is not a valid event', async () => {
    const dir = tempRegistry();
    writeFileSync(join(dir, 'sample-event.yaml'), 'hand-written: notes\n');
    await expect(addEvent(dir, sampleEvent())).rejects.toBeInstanceOf(ConfigError);
    expect(readFileSync(join(dir, 'sample-event.yaml'), 'utf8')).toBe('hand-written: notes\n');
  });

  it('refuses an id already declared by a file with another name', async () => {
    const dir = tempRegistry();
    await addEvent(dir, sampleEvent({ id: 'first' }));
    writeFileSync(join(dir, 'misnamed.yaml'), readFileSync(join(dir, 'first.yaml'), 'utf8').replace('id: first', 'id: taken'));
    await expect(addEvent(dir, sampleEvent({ id: 'taken' }))).rejects.toThrow(/duplicate id: already used by .*misnamed\.yaml/);
  });

  it('checks documents and known symbols like validate does', async () => {
    const dir = tempRegistry();
    await expect(
      addEvent(dir, sampleEvent({ sources: [{ title: 'a', publisher: 'b', document: 'sources/none.txt', accessed: '2023-01-01' }] })),
    ).rejects.toThrow(ConfigError);
    await expect(addEvent(dir, sampleEvent(), { knownSymbols: ['9988.HK'] })).rejects.toThrow(ConfigError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('creates the directory when missing', async () => {
    const dir = join(tempRegistry(), 'new', 'events');
    await addEvent(dir, sampleEvent());
    expect(readdirSync(dir)).toEqual(['sample-event.yaml']);
  });

  it('concurrent adds of one id: exactly one wins, the file is whole, no temp file is left', async () => {
    const dir = tempRegistry();
    const attempts = Array.from({ length: 12 }, (_, i) => addEvent(dir, sampleEvent({ title: `Attempt ${i}` })));
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(11);
    for (const l of lost) expect(l.reason).toBeInstanceOf(ConfigError);
    expect(readdirSync(dir)).toEqual(['sample-event.yaml']);
    const [event] = loadEvents(dir);
    const winner = (won[0] as PromiseFulfilledResult<{ event: { title: string } }>).value.event.title;
    expect(event.title).toBe(winner);
  });

  it('concurrent adds of different ids all succeed', async () => {
    const dir = tempRegistry();
    await Promise.all(Array.from({ length: 8 }, (_, i) => addEvent(dir, sampleEvent({ id: `event-${i}` }))));
    expect(readdirSync(dir).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `event-${i}.yaml`).sort());
    expect(validateEvents(dir).errors).toEqual([]);
  });
});
