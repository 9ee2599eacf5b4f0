/**
 * `events add` with care. The interactive prompt only runs on a terminal (a TTY check in the
 * command), so it is tested here at its readline layer, in process: promptForMissing with scripted
 * answers, each bad answer asked again (a bad timing was accepted and every answer lost at the
 * end). The cross-checks (crossCheckEvent) are shared by `events add` and `events validate`, run
 * here through the built CLI: a timing its own clock time contradicts is refused (the time used to
 * win silently), and a symbol not in the manifest, a future date or one outside the price data is
 * a warning. Prices: the shipped prices/ (0700.HK from 2022-01-03 to 2023-12-29).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promptForMissing, answerProblem } from '../../src/cli/commands/events.js';
import { crossCheckEvent } from '../../src/data/events/crossCheck.js';
import { runBuilt, tempDir } from '../helpers/cli.js';

const SOURCE = ['--title', 'T', '--summary', 'S', '--source-title', 'ST', '--source-publisher', 'P', '--source-url', 'https://example.com/a', '--accessed', '2023-04-12'];

describe('events add: each answer checked as it is typed', () => {
  it('asks again after a bad id, date, timing (also one its --time contradicts), keeping every good answer', async () => {
    const answers = ['Bad Id', 'kunlun-test', '2023-02-30', '2023-04-11', 'soon', 'intraday', 'after-close', 'Title', 'Summary', 'Src', 'Pub', 'https://example.com/x', '', '2023-04-12', ''];
    const asked: string[] = [];
    const said: string[] = [];
    const flags = await promptForMissing({ dir: 'events', time: '21:00', timezone: 'Asia/Shanghai', symbols: '300418.SZ' }, async (q) => (asked.push(q), answers.shift()!), (l) => said.push(l));
    expect(flags).toMatchObject({ id: 'kunlun-test', date: '2023-04-11', timing: 'after-close', sourceUrl: 'https://example.com/x', accessed: '2023-04-12', tags: '' });
    expect(said).toHaveLength(5);
    expect(said[0]).toMatch(/must be a slug.*try again/);
    expect(said[1]).toMatch(/real date written YYYY-MM-DD/);
    expect(said[2]).toMatch(/expected one of pre-open, intraday, after-close, unknown/);
    expect(said[3]).toMatch(/timing intraday contradicts time 21:00 Asia\/Shanghai .*after the 15:00 close of SZSE.*give timing after-close/);
    expect(said[4]).toMatch(/required/);
    expect(asked.filter((q) => q.startsWith('Timing'))).toHaveLength(3);
    expect(answers).toEqual([]);
    expect(answerProblem('timing', 'unknown', { dir: 'e', time: '21:00', timezone: 'Asia/Shanghai', date: '2023-04-11' })).toBeUndefined();
  });

  it('crossCheckEvent: contradiction an error; unknown symbol (nearest), future date, outside price data warnings', () => {
    const ctx = { today: '2023-06-01', knownSymbols: ['300418.SZ', '0700.HK'], priceRange: () => ({ first: '2022-01-03', last: '2023-05-31' }) };
    const ok = crossCheckEvent({ date: '2023-04-11', timing: 'after-close', time: '21:00', timezone: 'Asia/Shanghai', symbols: ['300418.SZ'] }, ctx);
    expect(ok).toEqual({ errors: [], warnings: [] });
    // A Beijing time against a US listing's session: 21:00 Beijing is 09:00 New York, before the open.
    expect(crossCheckEvent({ date: '2023-04-11', timing: 'intraday', time: '21:00', timezone: 'Asia/Shanghai', symbols: ['BIDU'] }, {}).errors[0].message).toMatch(/i\.e\. pre-open/);
    const bad = crossCheckEvent({ date: '2023-07-03', timing: 'intraday', symbols: ['300418.SH', '0700.HK'] }, ctx);
    expect(bad.errors).toEqual([]);
    expect(bad.warnings.map((w) => w.message)).toEqual([
      '2023-07-03 is in the future (today is 2023-06-01)',
      '300418.SH is not in the price manifest (nearest: 300418.SZ): a study cannot use it until its prices are added',
      '2023-07-03 is outside the price data of 0700.HK (2022-01-03 to 2023-05-31)',
    ]);
  });

  it('built CLI: add refuses a contradicted timing (exit 2, nothing written), warns and writes otherwise; validate runs the same checks (exit 4)', async () => {
    const dir = tempDir();
    const reg = join(dir, 'reg');
    mkdirSync(reg);
    writeFileSync(
      join(reg, 'late-news.yaml'),
      'id: late-news\ndate: 2023-04-11\ntiming: intraday\ntime: "21:00"\ntimezone: Asia/Shanghai\nsymbols: [ 300418.SZ ]\ntitle: T\nsummary: S\nsources:\n  - title: ST\n    publisher: P\n    url: https://example.com/a\n    accessed: 2023-04-12\n',
    );
    const [clash, warned, validate] = await Promise.all([
      runBuilt(['events', 'add', '--dir', join(dir, 'a'), '--id', 'x-news', '--date', '2023-04-11', '--timing', 'intraday', '--time', '21:00', '--timezone', 'Asia/Shanghai', '--symbols', '300418.sz', ...SOURCE]),
      runBuilt(['events', 'add', '--dir', join(dir, 'b'), '--id', 'y-news', '--date', '2099-01-05', '--timing', 'after-close', '--symbols', '300418.sh,0700.hk', ...SOURCE]),
      runBuilt(['events', 'validate', '--dir', reg]),
    ]);
    expect(clash.code, clash.stderr).toBe(2);
    expect(clash.stderr).toMatch(/--timing "intraday": timing intraday contradicts time 21:00 Asia\/Shanghai/);
    expect(existsSync(join(dir, 'a', 'x-news.yaml'))).toBe(false);
    expect(warned.code, warned.stderr).toBe(0);
    expect(warned.stderr).toMatch(/warning: date: 2099-01-05 is in the future/);
    expect(warned.stderr).toMatch(/warning: symbols: 300418\.SH is not in the price manifest \(nearest: 300418\.SZ/);
    expect(warned.stderr).toMatch(/warning: date: 2099-01-05 is outside the price data of 0700\.HK \(2022-01-03 to 2023-12-29\)/);
    expect(readFileSync(join(dir, 'b', 'y-news.yaml'), 'utf8')).toMatch(/symbols: \[ 300418\.SH, 0700\.HK \]/);
    expect(validate.code, validate.stderr).toBe(4);
    expect(validate.stderr).toMatch(/late-news\.yaml.*timing.*contradicts time 21:00/);
  });
});
