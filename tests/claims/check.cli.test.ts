/**
 * `evstudy claims check` as the user runs it: the built CLI, once, on the shipped article. Exit 0;
 * claims.json valid against the shipped schema (ajv, Draft 2020-12); the five claims the default
 * study checks by hand get the verdicts and figures its claims table gives them
 * (tests/e2e/defaultStudy.test.ts pins those), and the market cap is listed as cannot-check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { REPO, runBuilt, tempDir } from '../helpers/cli.js';
import type { ClaimsCheckJson } from '../../src/claims/schema.js';

describe('evstudy claims check (built CLI)', () => {
  it('checks the shipped article into claims.md and claims.json with the default study\'s verdicts', async () => {
    const dir = tempDir();
    const run = await runBuilt(['claims', 'check', 'events/sources/000_51f0402af4bf769d.txt', '--date', '2023-04-25', '--out', dir], { cwd: REPO });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('6 claims: 4 confirmed, 1 approximately, 0 not-confirmed, 1 cannot-check');
    const json = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8')) as ClaimsCheckJson;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(REPO, 'schema/claims.schema.json'), 'utf8')) as object);
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    // The default study's claim ids, by what each claim is; verdict and figure as its claims table has them.
    expect(json.claims.map((c) => [c.line, c.symbol, c.measure, c.window ?? c.from ?? null, c.verdict, c.ours === null ? null : Number(c.ours.toFixed(4))])).toEqual([
      [15, '300418.SZ', 'maxHighReturn', [0, 0], 'confirmed', 0.1587], // kunlun-tiangong-intraday-high
      [15, '300418.SZ', 'rawReturn', [0, 1], 'confirmed', 0.2271], // kunlun-tiangong-two-days
      [16, '601360.SH', 'period', '2022-12-30', 'confirmed', 1.5352], // qihoo-360-ytd
      [16, '300418.SZ', 'period', '2022-12-30', 'confirmed', 2.8723], // kunlun-ytd
      [16, '688327.SH', 'period', '2022-12-30', 'approximately', 1.5548], // cloudwalk-ytd
      [34, '300782.SZ', 'marketCap', null, 'cannot-check', null],
    ]);
    // CloudWalk: the forward adjustment explains the 0.10 pp, as in the study's report.
    expect(json.claims[4].why).toMatch(/forward-adjusted.*factor 1\.3995/);
    expect(json.claims[0].basis).toBe(
      'close 2023-04-10 41.79 → high 2023-04-11 48.42 (prices/cn/akshare/300418.csv, forward-adjusted); day 0 2023-04-11 (after-close on 2023-04-10: day 0 is the next trading day, 2023-04-11)',
    );
    expect(json.claims[5].why).toMatch(/shares outstanding/);
    expect(json.unresolved.map((u) => [u.line, u.name])).toEqual([[16, '芯片'], [16, '光模块'], [16, 'PCB'], [16, '服务器']]); // names in the folded (simplified) script; `text` quotes the line as written
    const md = readFileSync(join(dir, 'claims.md'), 'utf8');
    expect(md).toContain('| 16 | 根據Wind數據顯示,截至4月24日收盤,三六零、昆侖萬維、云從科技今年以來股價漲幅達153.52%、287.23%、155.58% | 688327.SH | period 2022-12-30 → 2023-04-24 | +155.58% | +155.48% | approximately |');
  });
});
