/**
 * `evstudy events suggest --write` as the user runs it: the built CLI, once, on a temporary
 * events folder holding an article and two events. The new candidate is written and passes the
 * registry's validation; the one already there (same listing and date) and the one whose id a
 * hand-made file holds are skipped with a note, and no file is changed.
 */
import { mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvents } from '../../src/data/events/index.js';
import { REPO, runBuilt, tempDir } from '../helpers/cli.js';

const event = (id: string, date: string, symbol: string) =>
  [
    `id: ${id}`,
    `date: ${date}`,
    'timing: after-close',
    `symbols: [ ${symbol} ]`,
    'title: Hand-made',
    'summary: Hand-made.',
    'sources:',
    '  - title: the article',
    '    publisher: test',
    '    document: sources/a.txt',
    '    accessed: 2026-12-07',
    '',
  ].join('\n');

describe('evstudy events suggest --write (built CLI)', () => {
  it('writes the new candidate only, never overwriting', async () => {
    const dir = join(tempDir(), 'events');
    mkdirSync(join(dir, 'sources'), { recursive: true });
    writeFileSync(
      join(dir, 'sources/a.txt'),
      ['4月10日晚間,昆侖萬維發(fā)佈“天工”3.5。', '5月6日盤中,科大訊飛(002230)發(fā)佈星火認知大模型。', '4月11日,阿里巴巴宣布推出通义千问。', ''].join('\n'),
    );
    const kunlun = event('kunlun-tiangong', '2023-04-10', '300418.SZ');
    // A hand-made file already holding the id the iFlytek candidate would get (another listing and date).
    const taken = event('002230-sz-2023-05-06', '2023-01-03', '601360.SH');
    writeFileSync(join(dir, 'kunlun-tiangong.yaml'), kunlun);
    writeFileSync(join(dir, '002230-sz-2023-05-06.yaml'), taken);

    const r = await runBuilt(['events', 'suggest', join(dir, 'sources/a.txt'), '--date', '2023-05-08', '--events', dir, '--write'], { cwd: REPO });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# 3 candidate announcements in .*a\.txt \(article date 2023-05-08: --date\); 2 new\n---\n# line 1: 4月10日晚間,昆侖萬維發佈“天工”3\.5\n/);
    expect(r.out).toContain('# date: 2023-04-10 (4月10日, year from the article date 2023-05-08); timing: 晚间 = after-close\n');
    const notes = r.out.split('\n').filter((l) => /^(wrote|skipped) /.test(l));
    expect(notes).toEqual([
      'skipped 300418-sz-2023-04-10: already in the registry: kunlun-tiangong (2023-04-10, after-close, 300418.SZ)',
      `skipped 002230-sz-2023-05-06: duplicate id: already used by ${join(dir, '002230-sz-2023-05-06.yaml')} (${join(dir, '002230-sz-2023-05-06.yaml')})`,
      `wrote ${join(dir, '9988-hk-2023-04-11.yaml')}`,
    ]);
    // Nothing overwritten; the written file is a valid registry entry.
    expect(readFileSync(join(dir, 'kunlun-tiangong.yaml'), 'utf8')).toBe(kunlun);
    expect(readFileSync(join(dir, '002230-sz-2023-05-06.yaml'), 'utf8')).toBe(taken);
    expect(readdirSync(dir).sort()).toEqual(['002230-sz-2023-05-06.yaml', '9988-hk-2023-04-11.yaml', 'kunlun-tiangong.yaml', 'sources']);
    const written = loadEvents(dir).find((e) => e.id === '9988-hk-2023-04-11')!;
    expect(written).toMatchObject({ date: '2023-04-11', timing: 'unknown', symbols: ['9988.HK'], title: '4月11日,阿里巴巴宣布推出通义千问', tags: ['suggested', 'launch'] });
    expect(written.sources[0]).toMatchObject({ title: 'a.txt line 3', document: 'sources/a.txt' });
  });
});
