/**
 * Fills use the listing's traded prices where the manifest has an unadjusted series for the date
 * (issue 11 §4, Prices). CloudWalk 688327.SH is shipped forward-adjusted at traded / 1.40 through
 * 2023-04 (a later 10-for-4 bonus issue); its unadjusted file has the traded rows:
 *   prices/cn/unadjusted/688327.csv line 25: 2023-03-01, low 27.65, close 29.89, open 27.82, high 30.59
 *   prices/cn/unadjusted/688327.csv line 24: 2023-03-02, low 29.01, close 30.5,  open 29.45, high 32.2
 *   prices/cn/akshare/688327.csv   line 187: 2023-03-01 open 19.87 close 21.35 (adjusted), volume 241,243 lots
 * A pre-open event on 2023-03-01, bought at the day 0 open and sold one session later at the close,
 * must fill at 27.82 and 30.50, not at the adjusted 19.87 / 21.79.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudy } from '../../../src/study/config.js';
import { runStudyBacktest } from '../../../src/backtest/run.js';
import { REPO, tempDir } from '../../helpers/cli.js';

describe('backtest prices: traded where an unadjusted series has the date', () => {
  it('688327.SH on 2023-03-01: fills at the traded open and close, lot sizing on traded prices', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'events'));
    writeFileSync(
      join(dir, 'events', 'cloudwalk-test.yaml'),
      [
        'id: cloudwalk-test',
        'date: 2023-03-01',
        'timing: pre-open',
        'symbols: [ 688327.SH ]',
        'title: A test announcement',
        'summary: Made up for this test.',
        'sources:',
        '  - title: none',
        '    publisher: none',
        '    url: https://example.org/none',
        '    accessed: 2026-12-07',
        'tags: [ test ]',
        '',
      ].join('\n'),
    );
    const study = parseStudy(
      `id: t\ntitle: t\neventsDir: ${join(dir, 'events')}\npricesDir: ${join(REPO, 'prices')}\nbacktest:\n  entry: { day: 0, at: open }\n  exit: { hold: 1, at: close }\n  size: { amount: 100000 }\n`,
      'prices.yaml',
      REPO,
    );
    const { json } = runStudyBacktest(study);
    const [t] = json.trades;
    expect(t).toMatchObject({ symbol: '688327.SH', entryDate: '2023-03-01', entryPrice: 27.82, exitDate: '2023-03-02', exitPrice: 30.5, priceSource: 'unadjusted', status: 'filled' });
    // STAR: at least 200 shares, then steps of 1: floor(100,000 / 27.82) = 3,594.
    expect(t.shares).toBe(3594);
    const [f] = json.frictionless.trades;
    expect(f.return).toBeCloseTo(30.5 / 27.82 - 1, 12);
    const note = json.settings.prices.find((p) => p.symbol === '688327.SH')!;
    expect(note).toMatchObject({ source: 'unadjusted', file: 'prices/cn/unadjusted/688327.csv', from: '2022-05-27', to: '2023-04-03' });
    expect(note.note).toContain('x 1.4000');
  });
});
