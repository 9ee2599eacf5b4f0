/**
 * Issue 10 §4 (data) repros through the CLI, as a user runs `evstudy study`: each used to exit 0
 * with a confident wrong number, or name the wrong line. Tiny generated files, one test.
 *
 * One run per exit code (3, 0, 2) goes through the built CLI as a subprocess, concurrently; the
 * other repros are about what the readers accept, not about the process, so they run `main` in
 * this worker, one after another while the subprocesses run (each subprocess costs ~0.5 s of CPU, mostly
 * node's start).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuilt, tempDir } from '../helpers/cli.js';
import { runCli } from '../reliability/helpers.js';

/** 160 weekdays from 2023-01-02. */
const DAYS: string[] = [];
for (let t = Date.UTC(2023, 0, 2); DAYS.length < 160; t += 86_400_000) {
  const wd = new Date(t).getUTCDay();
  if (wd !== 0 && wd !== 6) DAYS.push(new Date(t).toISOString().slice(0, 10));
}
let seed = 7;
const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5);
const MKT = DAYS.map(() => noise() * 0.02);
const RET = MKT.map((m) => 0.001 + 1.2 * m + noise() * 0.01);
const PRICE: number[] = [];
RET.reduce((p, r) => (PRICE.push(p * (1 + r)), p * (1 + r)), 100);
const MKT_PRICE: number[] = [];
MKT.reduce((p, r) => (MKT_PRICE.push(p * (1 + r)), p * (1 + r)), 3000);

const f6 = (v: number) => v.toFixed(6);
const long = (vals: (number | string)[]) => 'date,symbol,return\n' + DAYS.map((d, i) => `${d},AAA,${vals[i]}`).join('\n') + '\n';
const wide = (name: string, vals: (number | string)[]) => `date,${name}\n` + DAYS.map((d, i) => `${d},${vals[i]}`).join('\n') + '\n';
const yf = (dates: string[], close: (i: number) => string) =>
  'Date,Open,High,Low,Close,Adj Close,Volume\n' + dates.map((d, i) => `${d},${close(i)},${close(i)},${close(i)},${close(i)},${close(i)},1000`).join('\n') + '\n';

function files(dir: string): void {
  const w = (name: string, text: string) => writeFileSync(join(dir, name), text);
  w('ret.csv', long(RET.map(f6)));
  w('ret_pct.csv', long(RET.map((r) => f6(r * 100))));
  w('ret_bad.csv', long(RET.map((r, i) => (i === 5 ? 'abc' : f6(r)))));
  w('prices_as_returns.csv', wide('AAA', PRICE.map((p) => p.toFixed(2))));
  w('mkt.csv', wide('mkt', MKT.map(f6)));
  w('mkt_pct.csv', wide('mkt', MKT.map((m) => f6(m * 100))));
  w('mkt_prices.csv', wide('mkt', MKT_PRICE.map((p) => p.toFixed(2))));
  w('AAA_yf.csv', yf(DAYS, (i) => PRICE[i].toFixed(2)));
  // New York midnight bars, then rows from a +08:00 export spliced in: a genuinely mixed file.
  w('AAA_mixed.csv', yf(DAYS.map((d, i) => (i < 100 ? `${d} 00:00:00-05:00` : `${d} 00:00:00+08:00`)), (i) => PRICE[i].toFixed(2)));
  // 30 rows with a broken close, one of them 500 characters long.
  w('AAA_broken.csv', yf(DAYS, (i) => (i >= 40 && i < 70 ? (i === 40 ? 'z'.repeat(500) : 'oops') : PRICE[i].toFixed(2))));
  w('ev.csv', `symbol,date\nAAA,${DAYS[140]}\n`);
}

const COMMON = ['--events', 'ev.csv', '--estimation=-100:-11', '--window=-5:5', '--car=-1:1', '--bootstrap', '9', '--no-charts'];

describe('evstudy study refuses quietly wrong inputs (issue 10 §4)', () => {
  it('scale, impossible values, bad values at their line, vendor files, mixed offsets, error cap', async () => {
    const dir = tempDir();
    files(dir);
    const run = (out: string, ...args: string[]) => runBuilt(['study', ...args, ...COMMON, '--out', out], { cwd: dir });
    // In-process: no cwd of its own, so every path is absolute.
    const inProcess = (out: string, ...args: string[]) =>
      runCli(['study', ...args.map((a) => (a.endsWith('.csv') ? join(dir, a) : a)), ...COMMON.map((a) => (a === 'ev.csv' ? join(dir, a) : a)), '--out', join(dir, out)]).then((r) => ({ ...r, stderr: r.err }));
    const subprocesses = Promise.all([
      run('o1', '--returns', 'ret_pct.csv', '--market', 'mkt_pct.csv'),
      run('o6', '--prices', 'AAA_yf.csv', '--symbol', 'AAA', '--market', 'mkt_prices.csv'),
      // --symbol on a table that is not a one-security vendor file would be silently ignored.
      run('o11', '--prices', 'prices_as_returns.csv', '--symbol', 'BBB', '--market', 'mkt_prices.csv'),
    ]);
    // While those run: the rest in this process, one at a time (runCli captures process.stdout).
    const pricesAsReturns = await inProcess('o2', '--returns', 'prices_as_returns.csv', '--market', 'mkt.csv');
    const marketPrices = await inProcess('o3', '--returns', 'ret.csv', '--market', 'mkt_prices.csv');
    const assume = await inProcess('o4', '--returns', 'ret.csv', '--market', 'mkt_pct.csv', '--assume-scale');
    const bad = await inProcess('o5', '--returns', 'ret_bad.csv', '--market', 'mkt.csv');
    const yfReturns = await inProcess('o7', '--returns', 'AAA_yf.csv', '--market', 'mkt.csv');
    const mixed = await inProcess('o8', '--prices', 'AAA_mixed.csv', '--symbol', 'AAA', '--market', 'mkt_prices.csv');
    const broken = await inProcess('o9', '--prices', 'AAA_broken.csv', '--symbol', 'AAA', '--market', 'mkt_prices.csv');
    // --percent divides both files: a decimal market file then sits 100x below the stock returns.
    const apart = await inProcess('o10', '--returns', 'ret_pct.csv', '--market', 'mkt.csv', '--percent');
    const [pct, yfOk, symbolWide] = await subprocesses;

    // Percent read as decimals: the first value below -1 is impossible, and the message says --percent.
    expect(pct.code, pct.stderr).toBe(3);
    expect(pct.stderr).toMatch(/ret_pct\.csv:\d+: return .*--percent/);
    // Prices given as returns, and a market file of prices beside stock returns.
    expect(pricesAsReturns.code, pricesAsReturns.stderr).toBe(3);
    expect(pricesAsReturns.stderr).toMatch(/prices_as_returns\.csv: AAA: the returns look like prices.*--prices.*--assume-scale/);
    expect(marketPrices.code, marketPrices.stderr).toBe(3);
    expect(marketPrices.stderr).toMatch(/mkt_prices\.csv: mkt: the market returns look like prices/);
    // The explicit override runs.
    expect(assume.code, assume.stderr).toBe(0);
    // `abc` on line 7 is reported on line 7, in the return column.
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/ret_bad\.csv:7: return "abc": not a number/);
    // A yfinance file given to --prices is one security: the event is estimated.
    expect(yfOk.code, yfOk.stderr).toBe(0);
    expect(yfOk.out).toMatch(/1 events \(ok 1\)/);
    const notes = (JSON.parse(readFileSync(join(dir, 'o6', 'report.json'), 'utf8')) as { notes: string[] }).notes.join('\n');
    expect(notes).toMatch(/AAA_yf\.csv: read as a yfinance price file of one security, "AAA", closes from column "Adj Close"/);
    expect(yfReturns.code).toBe(3);
    expect(yfReturns.stderr).toMatch(/yfinance price file.*--prices/);
    // Mixed UTC offsets: refused at the first row of the other zone (line 102 = data row 101).
    expect(mixed.code).toBe(3);
    expect(mixed.stderr).toMatch(/AAA_mixed\.csv:102: Date "[^"]+\+08:00": mixed UTC offsets/);
    // 30 bad rows x 4 price cells read (Adj Close, Open, High, Low): 20 errors shown, the rest counted; the long value cut.
    expect(broken.code).toBe(3);
    expect(broken.stderr).toMatch(/and 100 more errors/);
    expect(broken.stderr).toMatch(/z{20,}… \(500 characters\)/);
    expect(broken.stderr.split('\n').every((l) => l.length < 300)).toBe(true);
    expect(apart.code, apart.stderr).toBe(3);
    expect(apart.stderr).toMatch(/mkt\.csv: .*\d+x apart in size.*--assume-scale/);
    expect(symbolWide.code, symbolWide.stderr).toBe(2);
    expect(symbolWide.stderr).toMatch(/--symbol "BBB": .*vendor price file/);
  });
});
