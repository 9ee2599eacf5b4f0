/**
 * `evstudy backtest STUDY.yaml --out DIR` as a user runs it (the built CLI, three processes shared
 * by every assertion): the files and their contract (ajv against the committed
 * schema/backtest.schema.json), the side-by-side table, the chart; a bad backtest: block is exit 4
 * naming file, line and field with nothing written; a run that fails after taking the folder
 * leaves the earlier report byte for byte as it was.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { REPO, runBuilt, tempDir } from '../../helpers/cli.js';

const study = (extra: string): string => `id: bt-cli
title: Backtest through the CLI
eventsDir: ${join(REPO, 'events')}
pricesDir: ${join(REPO, 'prices')}
select: {}
backtest:
  entry: { day: 0, at: open }
  exit: { hold: 5, at: close, stopLoss: 0.08 }
  size: { fraction: 0.1 }
${extra}`;

/** Every file under dir (relative path -> bytes as text), dot files included. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('evstudy backtest (built CLI)', () => {
  it('writes backtest.md / .json / charts/equity.svg; bad YAML is exit 4 and writes nothing; a failed run leaves the earlier report', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.yaml');
    const bad = join(dir, 'bad.yaml');
    const failing = join(dir, 'failing.yaml');
    writeFileSync(good, study(''));
    // Lines 8 and 10 of the file: the block's own lines, as a user would look them up.
    writeFileSync(bad, study('  limitRule: lockd\n').replace('exit: { hold: 5, at: close, stopLoss: 0.08 }', 'exit: { hold: -1, at: close }'));
    // Valid YAML, but a benchmark the manifest lacks: found only after the output folder was taken.
    writeFileSync(failing, study('  benchmark: NOPE.SH\n'));
    const out = join(dir, 'out');

    const run = await runBuilt(['backtest', good, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.out).toMatch(/^cn: \d+ signals, \d+ closed, total return [-+]?\d/m);
    expect(run.out).toMatch(/wrote .*backtest\.md, backtest\.json and charts\/equity\.svg/);

    const json = JSON.parse(readFileSync(join(out, 'backtest.json'), 'utf8')) as {
      summary: { market: string }[];
      frictionless: { summary: unknown[]; trades: unknown[] };
      trades: { status: string; priceSource: string }[];
      settings: { rates: Record<string, unknown>; prices: { symbol: string; source: string }[] };
    };
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const check = ajv.compile(JSON.parse(readFileSync(join(REPO, 'schema/backtest.schema.json'), 'utf8')) as object);
    expect(check(json) ? [] : check.errors).toEqual([]);
    expect(json.summary.map((s) => s.market)).toEqual(['cn', 'hk', 'us']);
    expect(json.frictionless.trades.length).toBe(json.trades.length);
    // The dated stamp duty is what the run used, and the traded-price series are named.
    expect(JSON.stringify(json.settings.rates)).toContain('"from":"2023-08-28","rate":0.0005');
    expect(json.settings.prices.find((p) => p.symbol === '300418.SZ')?.source).toBe('unadjusted');
    // Hong Kong buys in each listing's own board lot (manifest `lot`): Baidu 50, Xiaomi 200, Alibaba 100.
    const lots: Record<string, number> = { '9888.HK': 50, '1810.HK': 200, '9988.HK': 100, '3690.HK': 100 };
    const hk = (json.trades as unknown as { market: string; symbol: string; shares: number }[]).filter((t) => t.market === 'hk' && t.shares > 0);
    expect(hk.length).toBeGreaterThan(0);
    for (const t of hk) expect(t.shares % lots[t.symbol], `${t.symbol} ${t.shares}`).toBe(0);

    const md = readFileSync(join(out, 'backtest.md'), 'utf8');
    expect(md).toMatch(/\| {2}\| with the rules \| frictionless \| what the rules cost \|/);
    for (const row of ['Total return', 'Sharpe', 'Max drawdown', 'Alpha (annualised)', 'Information ratio', 'Profit factor', 'Fill rate', 'Orders blocked'])
      expect(md).toMatch(new RegExp(`^\\| ${row.replace(/[()]/g, '\\$&')} \\|`, 'm'));
    expect(md).toContain('![Equity against the benchmark, drawdown below](charts/equity.svg)');
    // Trade by trade: one row per signal, with its frictionless twin.
    const at = md.indexOf('## What the rules cost, trade by trade');
    const byTrade = md.slice(at, md.indexOf('\n## ', at + 1));
    expect(byTrade.split('\n').filter((l) => /^\| [a-z0-9-]+(@\S+)? \| [0-9A-Z]/.test(l))).toHaveLength(json.trades.length);
    const svg = readFileSync(join(out, 'charts', 'equity.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Drawdown');

    const before = snapshot(out);
    const fresh = join(dir, 'fresh');
    const [badRun, failRun] = await Promise.all([runBuilt(['backtest', bad, '--out', fresh]), runBuilt(['backtest', failing, '--out', out])]);
    expect(badRun.code).toBe(4);
    expect(badRun.stderr).toContain(`${bad}: 2 problem(s) in study file`);
    expect(badRun.stderr).toContain(`${bad}:8: backtest.exit.hold "-1": must be 0 or more trading days after the entry day`);
    expect(badRun.stderr).toMatch(new RegExp(`${bad.replace(/[.]/g, '\\.')}:10: backtest\\.limitRule "lockd"`));
    expect(existsSync(fresh)).toBe(false);

    expect(failRun.code).toBe(4);
    expect(failRun.stderr).toContain('backtest.benchmark "NOPE.SH": benchmark NOPE.SH is not in the price manifest');
    expect(snapshot(out)).toEqual(before);
  });
});
