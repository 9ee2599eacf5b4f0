/**
 * Which events get price charts is the user's choice (issue 10 §1): a study's `charts.events` or
 * `--chart-events`. A named id the study does not have is an error naming it (a typo would
 * otherwise quietly draw nothing): exit 4 at its line in a study file, exit 2 for the flag.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runBuilt, tempDir } from '../helpers/cli.js';

function studyFile(dir: string, chartEvents: string[]): string {
  const file = join(dir, `s-${chartEvents.length}.yaml`);
  writeFileSync(
    file,
    [
      'id: chart-events',
      'title: Chart events',
      `eventsDir: ${JSON.stringify(join(REPO, 'events'))}`,
      `pricesDir: ${JSON.stringify(join(REPO, 'prices'))}`,
      'select: { ids: [iflytek-spark, 360-zhinao] }',
      'bootstrapSamples: 9',
      'charts:',
      `  events: [${chartEvents.join(', ')}]`,
      '',
    ].join('\n'),
  );
  return file;
}

describe('charts.events and --chart-events', () => {
  it('draw the named events only; an unknown id is an error naming it, nothing written', async () => {
    const dir = tempDir();
    const [named, unknown, flag] = await Promise.all([
      runBuilt(['run', studyFile(dir, ['360-zhinao']), '--out', join(dir, 'named')]),
      runBuilt(['run', studyFile(dir, ['360-zhinao', 'iflytek-sprak']), '--out', join(dir, 'unknown')]),
      runBuilt(['study', '--events', join(dir, 'none.csv'), '--out', join(dir, 'flag'), '--chart-events', 'a,,b']),
    ]);
    expect(named.code, named.stderr).toBe(0);
    expect(named.out).toMatch(/events\.csv and \d+ charts in charts\/\n$/);
    const prices = readdirSync(join(dir, 'named', 'charts')).filter((f) => f.startsWith('price-'));
    expect(prices).toEqual(['price-360-zhinao.svg']);
    expect(readFileSync(join(dir, 'named', 'report.md'), 'utf8')).toContain('Price charts are drawn for the 1 event(s) named for them');

    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('s-2.yaml:8: charts.events[1] "iflytek-sprak": unknown event id');
    expect(existsSync(join(dir, 'unknown'))).toBe(false);

    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--chart-events');
  });
});
