/**
 * Per-listing benchmarks (issue 12 §2): US ADRs of Chinese firms against the S&P 500 explain little
 * of their returns. A study's `benchmarks` overrides the manifest per symbol or per market
 * (`market:US`); each event says which benchmark it used and why, with the fit's R-squared; an
 * override naming a symbol the manifest lacks is a configuration error at its line (exit 4).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudy } from '../../src/study/config.js';
import { runStudy } from '../../src/study/runStudy.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { eventsCsv } from '../../src/report/eventsCsv.js';
import { rSquared } from '../../src/core/rSquared.js';
import { ConfigError } from '../../src/util/errors.js';
import type { ReportJson } from '../../src/report/schema.js';
import { REPO, runBuilt, tempDir } from '../helpers/cli.js';

const STUDY = 'id: s1\ntitle: T\nselect: { ids: [alibaba-tongyi] }\nlistings: separate\nbootstrapSamples: 9\n';
const run = (extra = ''): ReportJson => runStudy(parseStudy(STUDY + extra, 's.yaml', REPO));
const ev = (r: ReportJson, symbol: string) => r.events.find((e) => e.symbol === symbol && e.id.startsWith('alibaba'))!;

describe('study benchmarks', () => {
  it('R-squared is 1 - SSR/SST on the rows with a residual', () => {
    expect(rSquared(Float64Array.of(0.01, 0.03, 0.02), Float64Array.of(0.001, -0.001, 0), 0)).toBeCloseTo(0.99, 12);
    // Rows outside the series or without a residual are left out (a masked estimation day).
    expect(rSquared(Float64Array.of(NaN, 0.01, 0.03, 0.5, 0.02), Float64Array.of(0.001, -0.001, NaN, 0), 1)).toBeCloseTo(0.99, 12);
    expect(rSquared(Float64Array.of(0.01, 0.01), Float64Array.of(0, 0), 0)).toBeNaN();
  });

  it('by market and by symbol override the manifest; every event says which and why, with R-squared', () => {
    const def = run();
    const over = run('benchmarks:\n  "market:US": KWEB\n  9988.HK: HSTECH\n');
    expect(ev(def, 'BABA').model).toMatchObject({ benchmark: 'SPX S&P 500', benchmarkSource: 'manifest' });
    expect(ev(def, '9988.HK').model).toMatchObject({ benchmark: expect.stringMatching(/^HSI /), benchmarkSource: 'manifest' });
    expect(ev(over, 'BABA').model).toMatchObject({ benchmark: 'KWEB KraneShares CSI China Internet ETF', benchmarkSource: 'study benchmarks.market:US' });
    expect(ev(over, '9988.HK').model).toMatchObject({ benchmark: expect.stringMatching(/^HSTECH /), benchmarkSource: 'study benchmarks.9988.HK' });
    // The reason for the override: a China-internet basket explains far more of BABA than the S&P 500.
    const r2 = (r: ReportJson, s: string) => ev(r, s).model!.rSquared!;
    expect(r2(def, 'BABA')).toBeLessThan(0.25);
    expect(r2(over, 'BABA')).toBeGreaterThan(r2(def, 'BABA') + 0.3);
    expect(r2(def, '9988.HK')).toBeGreaterThan(0.6);
    expect(over.inputs).toMatchObject({ benchmarks: { BABA: 'KWEB', '9988.HK': 'HSTECH' } });
    const md = renderMarkdown(over);
    expect(md).toContain('| id | benchmark | why | alpha | beta | R² |');
    const csv = eventsCsv(over).trim().split('\r\n');
    const babaRow = csv.find((l) => l.startsWith('alibaba-tongyi@BABA,'))!;
    expect(csv[0].endsWith(',benchmark,benchmark_source,r_squared')).toBe(true);
    expect(babaRow).toContain(`,KWEB KraneShares CSI China Internet ETF,study benchmarks.market:US,${r2(over, 'BABA')}`);
    expect(md).toMatch(/\| alibaba-tongyi@BABA \| KWEB KraneShares CSI China Internet ETF \| study benchmarks\.market:US \| [-\d.]+ \| [-\d.]+ \| 0\.\d{3} \|/);
  });

  it('an unknown symbol, benchmark or market is a ConfigError at its line and field; the built CLI exits 4 and writes nothing', async () => {
    const fail = (extra: string): ConfigError => {
      try {
        run(extra);
      } catch (e) {
        if (e instanceof ConfigError) return e;
        throw e;
      }
      throw new Error('no error');
    };
    expect(fail('benchmarks:\n  BABX: KWEB\n').location).toMatchObject({ file: 's.yaml', line: 7, field: 'benchmarks.BABX', value: 'BABX' });
    expect(fail('benchmarks:\n  BABA: KWEBB\n').location).toMatchObject({ line: 7, field: 'benchmarks.BABA', value: 'KWEBB' });
    expect(fail('benchmarks:\n  BABA: KWEB\n  "market:HK": HSTECH\n')).toMatchObject({ message: expect.stringContaining('unknown market "HK"'), location: { line: 8, field: 'benchmarks.market:HK' } });

    const dir = tempDir();
    const file = join(dir, 'b.yaml');
    writeFileSync(file, `${STUDY}eventsDir: ${JSON.stringify(join(REPO, 'events'))}\npricesDir: ${JSON.stringify(join(REPO, 'prices'))}\nbenchmarks:\n  BABA: SPXX\n`);
    const r = await runBuilt(['run', file, '--out', join(dir, 'out')], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('b.yaml:9: benchmarks.BABA "SPXX": benchmark SPXX is not a symbol of');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
