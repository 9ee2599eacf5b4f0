/**
 * Issue 10 §4 (data), pure side: returns whose scale says percent or prices, impossible simple
 * returns at their own line, layout detection that one bad value cannot flip, vendor price files
 * read as one security.
 */
import { describe, expect, it } from 'vitest';
import { readValueTable } from '../../../src/data/tables/index.js';
import { judgeReturnScale, median, scalesDisagree, summarizeScale } from '../../../src/data/tables/scale.js';
import { vendorLayoutOf } from '../../../src/data/tables/vendor.js';
import { dataError } from './helpers.js';

/** n weekdays from 2023-01-02 as YYYY-MM-DD. */
function weekdays(n: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(2023, 0, 2); out.length < n; t += 86_400_000) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
/** Alternating-sign daily returns of about 1%. */
const returns = (n: number, k = 1) => Float64Array.from({ length: n }, (_, i) => k * (i % 2 ? -0.01 : 0.012) * (1 + (i % 5) / 10));

describe('scale of returns', () => {
  it('decimal daily returns pass; the same in percent or as prices do not', () => {
    const r = returns(100);
    expect(judgeReturnScale(summarizeScale([r]))).toBe('decimal');
    expect(judgeReturnScale(summarizeScale([returns(100, 100)]))).toBe('percent');
    const prices = Float64Array.from({ length: 100 }, (_, i) => 100 + i);
    expect(judgeReturnScale(summarizeScale([prices]))).toBe('prices');
  });

  it('ignores NaN and too short series', () => {
    const s = summarizeScale([Float64Array.from([NaN, 0.01, -0.03, NaN])]);
    expect(s.count).toBe(2);
    expect(s.medianAbs).toBeCloseTo(0.02, 12);
    expect(judgeReturnScale(summarizeScale([returns(10, 100)]))).toBe('decimal');
  });

  it('stock and market 100x apart disagree; 3x apart do not', () => {
    const a = summarizeScale([returns(100)]);
    expect(scalesDisagree(a, summarizeScale([returns(100, 100)]))).toBe(true);
    expect(scalesDisagree(summarizeScale([returns(100, 0.01)]), a)).toBe(true);
    expect(scalesDisagree(a, summarizeScale([returns(100, 3)]))).toBe(false);
  });
});

describe('impossible simple returns', () => {
  const days = weekdays(30);
  it('a return <= -1 is an error at its line and column (long and wide)', () => {
    const long = 'date,symbol,ret\n' + days.map((d, i) => `${d},AAA,${i === 9 ? '-1' : '0.01'}`).join('\n');
    dataError(() => readValueTable(long, { file: 'r.csv', floor: -1 }), { file: 'r.csv', line: 11, field: 'ret', value: '-1' }, /--percent/);
    const wide = 'date,AAA,BBB\n' + days.map((d, i) => `${d},0.01,${i === 4 ? '-1.5' : '0.02'}`).join('\n');
    dataError(() => readValueTable(wide, { file: 'w.csv', floor: -1 }), { line: 6, field: 'BBB', value: '-1.5' }, /impossible/);
  });
  it('in percent the floor is -100, and without a floor (log returns) nothing is refused', () => {
    const wide = 'date,AAA\n' + days.map((d, i) => `${d},${i === 4 ? '-99.5' : '1.2'}`).join('\n');
    expect(readValueTable(wide, { file: 'w.csv', floor: -100, percent: true }).columns[0][4]).toBeCloseTo(-0.995, 12);
    expect(readValueTable(wide, { file: 'w.csv' }).columns[0][4]).toBe(-99.5);
  });
});

describe('layout detection by majority', () => {
  it('a garbage value on line 7 of a long file is reported there, in its own column', () => {
    const days = weekdays(40);
    const text = 'date,symbol,return\n' + days.map((d, i) => `${d},AAPL,${i === 5 ? 'abc' : '0.01'}`).join('\n');
    dataError(() => readValueTable(text, { file: 'r.csv' }), { file: 'r.csv', line: 7, field: 'return', value: 'abc' }, /not a number/);
  });
});

describe('vendor layouts in ad-hoc tables', () => {
  const yf = 'Date,Open,High,Low,Close,Adj Close,Volume\n2023-01-03,10,11,9,10.5,10.4,100\n2023-01-04,10.5,11,10,10.8,10.7,120\n';
  it('recognises vendor headers but not plain tables', () => {
    expect(vendorLayoutOf(['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'], '')).toBe('yfinance');
    expect(vendorLayoutOf(['date', 'open', 'high', 'low', 'close', 'volume'], '')).toBe('canonical');
    expect(vendorLayoutOf(['Ticker', 'Close', 'Trade_Date'], '')).toBeUndefined();
    expect(vendorLayoutOf(['date', 'AAPL', 'MSFT'], '')).toBeUndefined();
  });
  it('a yfinance file given as prices is one security, named by --symbol or the file name, closes from Adj Close', () => {
    const t = readValueTable(yf, { file: 'data/BABA.csv', positive: true });
    expect(t.symbols).toEqual(['BABA']);
    expect(Array.from(t.columns[0])).toEqual([10.4, 10.7]);
    expect(readValueTable(yf, { file: 'x.csv', positive: true, symbol: 'ALI' }).symbols).toEqual(['ALI']);
  });
  it('a vendor file given as returns names --prices', () => {
    dataError(() => readValueTable(yf, { file: 'BABA.csv' }), { file: 'BABA.csv', line: 1 }, /--prices/);
  });
});

describe('timestamped rows in returns / prices tables', () => {
  it('refuses intraday rows at the second time of a day', () => {
    const text = 'date,AAA\n2023-01-03 09:30,0.01\n2023-01-03 09:31,0.02\n';
    dataError(() => readValueTable(text, { file: 'm.csv' }), { file: 'm.csv', line: 3, field: 'date' }, /intraday data: line 2/);
  });
  it('refuses mixed UTC offsets, accepts one zone', () => {
    const ok = 'date,AAA\n2023-01-03 00:00:00+08:00,0.01\n2023-01-04 00:00:00+08:00,0.02\n';
    expect(readValueTable(ok, { file: 'o.csv' }).days.length).toBe(2);
    const mixed = 'date,AAA\n2023-01-03 00:00:00+08:00,0.01\n2023-01-04 00:00:00-05:00,0.02\n';
    dataError(() => readValueTable(mixed, { file: 'x.csv' }), { line: 3 }, /mixed UTC offsets/);
  });
  it('events keep several times on one day', async () => {
    const { readEventsTable } = await import('../../../src/data/tables/index.js');
    const t = readEventsTable('symbol,date\nAAA,2023-01-03 09:30\nBBB,2023-01-03 14:00\n', { file: 'e.csv' });
    expect(t.events.map((e) => e.time)).toEqual(['09:30', '14:00']);
  });
});

describe('vendor files with their own symbol column', () => {
  // Layout of junyanwu/quant-bigA and LiuZesensengsheng/gupiao exports (see /work/shared/data SOURCES.md).
  const head = 'date,open,close,high,low,volume,amount,symbol\n';
  it('takes the symbol from the file when it is one security', () => {
    const text = head + '2018-01-02,4045.21,4087.4,4087.78,4045.21,146935434.0,178402033664.0,000300.SH\n2018-01-03,4091.46,4111.39,4140.05,4088.73,151852219.0,205726887936.0,000300.SH\n';
    const t = readValueTable(text, { file: 'x.csv', positive: true });
    expect(t.symbols).toEqual(['000300.SH']);
    expect(Array.from(t.columns[0])).toEqual([4087.4, 4111.39]);
  });
  it('refuses a file of several securities at the first other symbol', () => {
    const text = head + '2018-01-02,1,1,1,1,1,1,AAA\n2018-01-02,2,2,2,2,2,2,BBB\n';
    dataError(() => readValueTable(text, { file: 'x.csv', positive: true, symbol: 'AAA' }), { line: 3, field: 'symbol', value: 'BBB' }, /several securities/);
  });
  it('a capitalised Date,Close file is yfinance (one security), a lower-case date,close one a wide table', () => {
    expect(readValueTable('Date,Close\n2004-10-08,11.15\n', { file: 'd/FXI.csv', positive: true }).symbols).toEqual(['FXI']);
    expect(readValueTable('date,close\n2004-10-08,11.15\n', { file: 'd/FXI.csv', positive: true }).symbols).toEqual(['close']);
  });
});

describe('median by selection (issue 15 §3) equals the median after a sort', () => {
  it('odd and even counts, ties, sorted, reversed and constant input', () => {
    let a = 12345;
    const rnd = () => ((a = (Math.imul(a, 1664525) + 1013904223) >>> 0) / 4294967296);
    const sortedMedian = (x: Float64Array) => {
      const s = Float64Array.from(x).sort();
      const n = s.length;
      return n % 2 ? s[(n - 1) >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
    };
    const cases: Float64Array[] = [];
    for (let n = 1; n <= 60; n++) {
      cases.push(Float64Array.from({ length: n }, () => rnd()));
      cases.push(Float64Array.from({ length: n }, () => Math.floor(rnd() * 4) / 100)); // many ties
    }
    cases.push(Float64Array.from({ length: 1001 }, (_, i) => i), Float64Array.from({ length: 1000 }, (_, i) => 1000 - i), new Float64Array(500).fill(0.3));
    cases.push(Float64Array.from({ length: 4000 }, () => Math.abs(rnd() - 0.5) * (rnd() < 0.1 ? 100 : 1)));
    for (const x of cases) expect(median(Float64Array.from(x)), `n ${x.length}`).toBe(sortedMedian(x));
    expect(Number.isNaN(median(new Float64Array(0)))).toBe(true);
    // And as summarizeScale reports it, NaNs skipped.
    const r = Float64Array.from({ length: 301 }, (_, i) => (i % 7 === 0 ? NaN : (i % 2 ? -1 : 1) * rnd()));
    expect(summarizeScale([r]).medianAbs).toBe(sortedMedian(Float64Array.from(r.filter((v) => !Number.isNaN(v)), Math.abs)));
  });
});
