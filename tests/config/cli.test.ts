/**
 * Issue 10 §4 (flags, config, registry) through the built CLI, as a user meets them: each repro
 * used to run to the end (or hang, or crash with a stack trace) and now stops with one clear line
 * and the README's exit code. Independent runs go concurrently; every fixture is a few lines.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { REPO, runBuilt, tempDir } from '../helpers/cli.js';
import { runCli } from '../reliability/helpers.js';

const BASKET_PRICES = join(REPO, 'tests', 'fixtures', 'baskets', 'prices');
const GOOD_EVENT = join(REPO, 'tests', 'fixtures', 'bad', 'study', 'registry', 'events', 'good-a.yaml');

describe('flags: strict integers and bounded offsets, checked before any file is read', () => {
  it('exit 2 naming the flag; the events file (absent) is never opened', async () => {
    const dir = tempDir();
    const args = (...flags: string[]) => ['study', '--returns', join(dir, 'r.csv'), '--events', join(dir, 'absent.csv'), '--out', join(dir, 'out'), ...flags];
    // Two through the built CLI (a flag, and the environment); the flag checks are one parser, so
    // the other offsets go through main in this worker while those run.
    const subprocesses = Promise.all([runBuilt(args('--seed', '99999999999999999999')), runBuilt(['schema'], { env: { EVSTUDY_THREADS: '0x2' } })]);
    const inProcess = async (...flags: string[]) => {
      const r = await runCli(args(...flags));
      return { code: r.code, stderr: r.err };
    };
    const hexSeed = await inProcess('--seed', '0x10');
    const estimation = await inProcess('--estimation=-5000000000:-11');
    const window = await inProcess('--window=-10:1000000');
    const [bigSeed, threads] = await subprocesses;
    expect([bigSeed.code, hexSeed.code, estimation.code, window.code, threads.code]).toEqual([2, 2, 2, 2, 2]);
    expect(bigSeed.stderr).toBe('evstudy: --seed "99999999999999999999": expected a whole number in decimal digits (at most 9007199254740991 in size)\n');
    expect(hexSeed.stderr).toMatch(/^evstudy: --seed "0x10": expected a whole number/);
    expect(estimation.stderr).toBe('evstudy: --estimation "-5000000000:-11": offsets must lie within -5000..5000 trading days\n');
    expect(window.stderr).toBe('evstudy: --window "-10:1000000": offsets must lie within -5000..5000 trading days\n');
    expect(threads.stderr).toMatch(/^evstudy: EVSTUDY_THREADS "0x2": expected a whole number/);
    expect(threads.out).toBe('');
  });
});

describe('study, event, manifest and basket files', () => {
  it('exit 4 (or 3 for a price file) with file, line and field; nothing hangs or is skipped', async () => {
    const dir = tempDir();
    // A study with an offset far out of bounds and an inverted period.
    writeFileSync(
      join(dir, 'study.yaml'),
      'id: x\ntitle: T\nwindow: [-10, 1000000]\nperiods:\n  - id: p\n    from: 2023-05-01\n    to: 2023-01-01\n',
    );
    // An events folder: a symlinked event (read), an upper-case extension, a GB18030 file and a FIFO.
    const events = join(dir, 'events');
    mkdirSync(join(dir, 'elsewhere'));
    mkdirSync(events);
    copyFileSync(GOOD_EVENT, join(dir, 'elsewhere', 'good-a.yaml'));
    symlinkSync(join(dir, 'elsewhere', 'good-a.yaml'), join(events, 'good-a.yaml'));
    writeFileSync(join(events, 'upper.YAML'), readFileSync(GOOD_EVENT, 'utf8').replace('id: good-a', 'id: upper'));
    writeFileSync(join(events, 'gb.yaml'), iconv.encode('id: gb\ndate: 2022-08-01\ntitle: 昆仑万维发布天工\n', 'gb18030'));
    execFileSync('mkfifo', [join(events, 'pipe.yaml')]);
    // A price folder whose only file is a FIFO.
    const prices = join(dir, 'prices');
    mkdirSync(prices);
    writeFileSync(join(prices, 'manifest.yaml'), '- {symbol: AAA, name: A, file: a.csv, exchange: AMEX, currency: USD, adjustment: none, source: s}\n');
    execFileSync('mkfifo', [join(prices, 'a.csv')]);
    // Baskets: an unknown member and benchmark; custom weights near the largest double.
    const baskets = join(dir, 'baskets');
    mkdirSync(baskets);
    writeFileSync(join(baskets, 'typo.yaml'), 'id: typo\nname: Typo\nmembers: [600001.SH, 600009.SH]\nbenchmark: "000999.SH"\n');
    const huge = join(dir, 'huge.yaml');
    writeFileSync(huge, 'id: huge\nname: Huge\nmembers: [600001.SH, 600002.SH]\nbenchmark: "000300.SH"\nweighting: custom\nweights: {600001.SH: 1.0e308, 600002.SH: 1.0e308}\n');

    const [study, registry, fifoPrices, typo, compare] = await Promise.all([
      runBuilt(['run', 'study.yaml'], { cwd: dir }),
      runBuilt(['events', 'validate', '--dir', events], { cwd: dir }),
      runBuilt(['prices', 'validate', '--dir', prices], { cwd: dir, timeoutMs: 20_000 }),
      runBuilt(['baskets', 'validate', '--baskets-dir', baskets, '--prices', BASKET_PRICES], { cwd: dir }),
      runBuilt(['baskets', 'compare', '--baskets', huge, '--prices', BASKET_PRICES, '--from', '2022-12-30', '--to', '2023-01-10', '--json', '--out', join(dir, 'out')], { cwd: dir }),
    ]);

    expect(study.code).toBe(4);
    expect(study.stderr).toContain('study.yaml:3: window[1] "1000000": offsets must lie within -5000..5000 trading days');
    expect(study.stderr).toContain('study.yaml:7: periods[0].to "2023-01-01": must not be before from (2023-05-01)');

    expect(registry.code).toBe(4);
    // Four files read: the symlinked one is valid, each other one has its error.
    expect(registry.stderr).toMatch(/^evstudy: \S+: 3 errors in 3 of 4 event files\n/);
    expect(registry.stderr).toContain(`${join(events, 'gb.yaml')}:3: YAML must be UTF-8`);
    expect(registry.stderr).toContain(`${join(events, 'pipe.yaml')}: event file is not a regular file (a FIFO)`);
    expect(registry.stderr).toContain(`${join(events, 'upper.YAML')}: event files must end in ".yaml"`);
    expect(registry.stderr).not.toContain('good-a.yaml');

    expect(fifoPrices.signal).toBeNull();
    expect(fifoPrices.code).toBe(3);
    expect(fifoPrices.out + fifoPrices.stderr).toMatch(/price file of AAA is a FIFO, not a regular file/);

    expect(typo.code).toBe(4);
    expect(typo.stderr).toContain(`${join(baskets, 'typo.yaml')}:3: members[1] "600009.SH": basket typo: member not in the price manifest`);
    expect(typo.stderr).toContain(`${join(baskets, 'typo.yaml')}:4: benchmark "000999.SH": basket typo: benchmark not in the price manifest`);

    expect(compare.stderr).toBe('');
    expect(compare.code).toBe(0);
    const result = JSON.parse(compare.out) as { baskets: { totalReturn: number | null }[] };
    // Equal weights in effect: 600001 +40%, 600002 +20% from the 2022-12-30 close (fixture README).
    expect(result.baskets[0].totalReturn).toBeCloseTo(0.3, 12);
  });
});
