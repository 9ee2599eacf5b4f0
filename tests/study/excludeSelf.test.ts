/**
 * Exclude-self benchmarks (issue 12 §2): a listing that is a large constituent of its index is
 * regressed on an index containing itself. With the index's dated constituent weights (manifest
 * `constituentWeights`), R_ex = (R_I - w R_i) / (1 - w) is the rest of the index.
 *
 * Hand-checkable fixture: a cap-weighted index of two stocks with fixed share counts, I = 3 S + 7 X.
 * The weight of S drifts as 3 S / I, so one published weight plus drifting gives back X's returns
 * exactly; a flat published weight does not. No shipped index has weights (README).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { excludeSelfReturn, excludeSelfSeries } from '../../src/core/excludeSelf.js';
import { readWeightTable } from '../../src/data/prices/weights.js';
import { pricesValidate } from '../../src/cli/commands/prices.js';
import { parseStudy } from '../../src/study/config.js';
import { runStudy } from '../../src/study/runStudy.js';
import { formatDay } from '../../src/util/dayNumber.js';
import { DataError } from '../../src/util/errors.js';
import { tempDir } from '../helpers/cli.js';
import { simpleOls } from '../helpers/simpleOls.js';
import { lcg, weekdays } from './fixtures.js';

const N = 200;
const days = weekdays(N);
const rnd = lcg(11);
const S = new Float64Array(N);
const X = new Float64Array(N);
S[0] = 40;
X[0] = 25;
for (let t = 1; t < N; t++) {
  const m = (rnd() - 0.5) * 0.02;
  X[t] = X[t - 1] * (1 + m + (rnd() - 0.5) * 0.004);
  S[t] = S[t - 1] * (1 + 0.001 + 1.3 * m + (rnd() - 0.5) * 0.02 + (t === 170 ? 0.06 : 0));
}
const I = Float64Array.from(S, (s, t) => 3 * s + 7 * X[t]);
const ret = (p: Float64Array) => Float64Array.from(p, (v, t) => (t === 0 ? NaN : v / p[t - 1] - 1));
const [rS, rX, rI] = [ret(S), ret(X), ret(I)];
const w0 = (3 * S[0]) / I[0];

describe('exclude-self benchmark', () => {
  it('R_ex = (R_I - w R_i) / (1 - w); drifted weights give the rest of a cap-weighted index exactly', () => {
    expect(excludeSelfReturn(0.01, 0.05, 0.08)).toBeCloseTo((0.01 - 0.004) / 0.92, 15);
    expect([excludeSelfReturn(0.01, 0.05, 0), excludeSelfReturn(0.01, 0.05, 1)]).toEqual([0.01, NaN]);
    const pub = { days: Int32Array.of(days[0]), weights: Float64Array.of(w0) };
    const drifted = excludeSelfSeries(days, rI, rS, pub, 'drifted');
    for (let t = 1; t < N; t++) expect(drifted.returns[t]).toBeCloseTo(rX[t], 12);
    expect(drifted.weight[150]).toBeCloseTo((3 * S[149]) / I[149], 12);
    const flat = excludeSelfSeries(days, rI, rS, pub, 'published');
    expect(flat.weight[150]).toBe(w0);
    expect(Math.max(...Array.from(flat.returns.subarray(1), (r, i) => Math.abs(r - rX[i + 1])))).toBeGreaterThan(1e-4);
    // A later publication resets the weight; rows before the first publication have no return.
    const late = excludeSelfSeries(days, rI, rS, { days: Int32Array.of(days[100]), weights: Float64Array.of((3 * S[100]) / I[100]) }, 'drifted');
    expect(Number.isNaN(late.returns[100])).toBe(true);
    expect(late.returns[101]).toBeCloseTo(rX[101], 12);
  });

  it('under log returns the rest of the index comes back as its log return (the identity is in simple returns)', () => {
    const pub = { days: Int32Array.of(days[0]), weights: Float64Array.of(w0) };
    const lg = (r: Float64Array) => Float64Array.from(r, Math.log1p);
    const ex = excludeSelfSeries(days, lg(rI), lg(rS), pub, 'drifted', 'log');
    for (let t = 1; t < N; t++) expect(ex.returns[t]).toBeCloseTo(Math.log1p(rX[t]), 12);
    // Plugging log returns into the simple-return identity is off by far more than rounding.
    const naive = excludeSelfSeries(days, lg(rI), lg(rS), pub, 'drifted');
    expect(Math.max(...Array.from(naive.returns.subarray(1), (r, i) => Math.abs(r - Math.log1p(rX[i + 1]))))).toBeGreaterThan(1e-6);
  });

  it('a study with excludeSelf fits on the index without the listing and says so; the weights file is checked at its line', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'prices'));
    mkdirSync(join(dir, 'events'));
    const csv = (p: Float64Array) => ['date,open,high,low,close,volume', ...Array.from(days, (d, t) => `${formatDay(d)},${p[t]},${p[t]},${p[t]},${p[t]},1000`)].join('\n') + '\n';
    writeFileSync(join(dir, 'prices', 'IDX.csv'), csv(I));
    writeFileSync(join(dir, 'prices', 'S.csv'), csv(S));
    writeFileSync(join(dir, 'prices', 'w.csv'), `date,symbol,weight\n${formatDay(days[0])},0001.HK,${w0}\n${formatDay(days[0])},0002.HK,${1 - w0}\n`);
    const entry = (sym: string, file: string, more: string) =>
      `- symbol: "${sym}"\n  name: "${sym}"\n  file: ${file}\n  currency: HKD\n  adjustment: none\n  source: "test fixture"\n${more}`;
    writeFileSync(
      join(dir, 'prices', 'manifest.yaml'),
      entry('IDX', 'IDX.csv', '  exchange: INDEX\n  kind: index\n  constituentWeights: { file: w.csv, source: "fixture: 3 S + 7 X" }\n') +
        entry('0001.HK', 'S.csv', '  exchange: HKEX\n  kind: stock\n  benchmark: IDX\n'),
    );
    writeFileSync(
      join(dir, 'events', 'e1.yaml'),
      `id: e1\ndate: ${formatDay(days[170])}\ntiming: pre-open\nsymbols: [ 0001.HK ]\ntitle: "E"\nsummary: "E"\nsources:\n  - title: "t"\n    publisher: "p"\n    url: https://example.com/e1\n    accessed: 2026-11-28\ntags: [ t ]\n`,
    );
    const run = (extra: string) => runStudy(parseStudy(`id: s1\ntitle: T\nbootstrapSamples: 9\n${extra}`, 's.yaml', dir)).events[0];
    const ex = run('excludeSelf: true\n');
    const plain = run('');
    expect(ex.outcome).toBe('ok');
    expect(ex.model!.benchmark).toBe('IDX IDX ex-0001.HK');
    expect(ex.model!.benchmarkSource).toMatch(/^manifest; exclude-self: R_ex = \(R_I - w R_i\) \/ \(1 - w\), w from w\.csv \(fixture: 3 S \+ 7 X\), drifted/);
    // The market model on the rest of the index is OLS of the stock on X's returns.
    const rows = Array.from({ length: 120 }, (_, k) => 170 - 130 + k);
    expect(ex.model!.beta!).toBeCloseTo(simpleOls(rS, rX, rows).beta, 8);
    expect(Math.abs(plain.model!.beta! - ex.model!.beta!)).toBeGreaterThan(0.05);
    expect(plain.model!.benchmark).toBe('IDX IDX');

    // prices validate reads the weights too (and does not call the file unlisted).
    let said = '';
    pricesValidate({ dir: join(dir, 'prices') }, (t: string) => void (said += t));
    expect(said).toMatch(/^ok {4}IDX weights .*w\.csv {2}1 publication date\(s\), 2 constituent\(s\)$/m);
    expect(said).not.toContain('w.csv is not in');

    writeFileSync(join(dir, 'prices', 'w.csv'), `date,symbol,weight\n${formatDay(days[0])},0001.HK,7.4\n`);
    said = '';
    expect(() => pricesValidate({ dir: join(dir, 'prices') }, (t: string) => void (said += t))).toThrow(DataError);
    expect(said).toMatch(/FAIL {2}IDX weights .*\n {6}error: .*w\.csv:2: weight "7\.4"/);
    expect(() => readWeightTable(join(dir, 'prices', 'w.csv'))).toThrow(DataError);
    let err: unknown;
    try {
      run('excludeSelf: true\n');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).location).toMatchObject({ file: join(dir, 'prices', 'w.csv'), line: 2, field: 'weight', value: '7.4' });
  });
});
