/**
 * Backtest speed on the whole A-share market (issue 11 §7): every limit-up day of 2022-2023 in the
 * tszlam/trading panel (the events of bench/market.ts, 5,364 AKShare files) as a signal, traded
 * with the default strategy of a study's `backtest:` block (first allowed fill: intraday news ->
 * day 0 close; hold 5 sessions; locked limits; default costs; board lots; 10% volume cap) but
 * 100,000 CNY per position, capital 10^12 and no slot limit, so that every signal is traded (the
 * stress case; `--default` runs the block as written: 10% of equity, 10 positions).
 *
 *   npx tsx bench/market.ts --no-build --prepare   # once: unpack the panel, write its manifest
 *   npx tsx bench/backtest.ts                      # warm load (column cache), then rows 1k, 10k, all
 *   npx tsx bench/backtest.ts --files 500          # the first 500 files only (a quick run)
 *
 * After the load (cache filled by a first run, which this script does when the cache is empty),
 * each row runs the engine on a seeded subset of the signals, with the real and the frictionless
 * strategy, and prints simulated bars per second, the engine time and the process's peak RSS;
 * the per-event time across rows shows whether the growth is linear in events.
 * Sources run through tsx (the engine is plain TypeScript; no build needed).
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { openPriceStore } from '../src/data/prices/index.js';
import { limitHits, previousClose, type Board } from '../src/core/index.js';
import { dayNumber } from '../src/util/dayNumber.js';
import { runBacktest } from '../src/backtest/engine.js';
import { frictionlessOf } from '../src/backtest/frictionless.js';
import { strategyOf } from '../src/backtest/run.js';
import { backtestBlockSchema } from '../src/backtest/config.js';
import type { BtBars, BtSignal } from '../src/backtest/types.js';
import { seededSubset } from './common.js';

const WORK = process.env.EVSTUDY_MARKET_DIR ?? '/tmp/evstudy-market';
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

if (!existsSync(join(WORK, 'manifest.yaml'))) {
  process.stderr.write(`no panel at ${WORK}: run \`npx tsx bench/market.ts --no-build --prepare\` first\n`);
  process.exit(2);
}
process.env.EVSTUDY_CACHE_DIR ??= join(WORK, 'cache');

const la = loadavg()[0];
const t0 = performance.now();
const store = openPriceStore(WORK);
const from = dayNumber(2022, 1, 1);
const to = dayNumber(2023, 12, 31);
const bars = new Map<string, BtBars>();
const signals: BtSignal[] = [];
const maxFiles = arg('files') ? Number(arg('files')) : Infinity;
let files = 0;
for (const e of store.entries()) {
  if (e.kind !== 'stock' || !e.board) continue;
  if (files++ >= maxFiles) break;
  const c = store.check(e.symbol);
  if (!c.prices) continue;
  const s = c.prices.series;
  const n = s.days.length;
  const volume = new Float64Array(n);
  // AKShare volumes are lots of 100 shares.
  for (let i = 0; i < n; i++) volume[i] = (s.volume?.[i] ?? NaN) * 100;
  const flags = limitHits(s.close, previousClose(s.close), e.board as Board, { days: s.days, adjusted: true });
  let hits = 0;
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] !== 1 || s.days[i] < from || s.days[i] > to) continue;
    signals.push({ event: `${e.symbol}@${i}`, symbol: e.symbol, day0: s.days[i], day0Index: i, timing: 'intraday' });
    hits++;
  }
  if (hits === 0) {
    store.forget?.(e.symbol);
    continue;
  }
  bars.set(e.symbol, {
    symbol: e.symbol,
    market: 'cn',
    exchange: e.exchange,
    board: e.board as BtBars['board'],
    st: /(^|\*)ST/.test(e.name),
    currency: 'CNY',
    priceSource: 'shipped',
    days: s.days,
    open: s.open ?? s.close,
    high: s.high ?? s.close,
    low: s.low ?? s.close,
    close: s.close,
    volume,
  });
}
const loadMs = performance.now() - t0;
signals.sort((a, b) => a.day0 - b.day0 || (a.symbol < b.symbol ? -1 : 1));

// The default block, except that cash and slots never bind: every signal is traded, so the run
// simulates every position's bars (the stress case; --default keeps 10% of equity and 10 slots).
const base = strategyOf(backtestBlockSchema.parse({}));
const strategy = process.argv.includes('--default') ? base : { ...base, capital: 1e12, size: { amount: 100_000 }, maxPositions: signals.length };
const rows = (arg('rows') ?? '1k,10k,all').split(',');
const lines = [
  `load average ${la.toFixed(1)}; files ${Math.min(files, maxFiles)}, listings with signals ${bars.size}, signals ${signals.length}; warm load ${(loadMs / 1000).toFixed(2)} s`,
  '| row | signals | run | bars simulated | bars/s | µs per signal | frictionless run | peak RSS |',
  '|---|---|---|---|---|---|---|---|',
];
for (const row of rows) {
  const want = row === '1k' ? 1000 : row === '10k' ? 10000 : signals.length;
  // A seeded subset spread over the whole period, in date order.
  const chosen = seededSubset(signals, want);
  const t1 = performance.now();
  const res = runBacktest(bars, chosen, strategy);
  const runMs = performance.now() - t1;
  const t2 = performance.now();
  runBacktest(bars, chosen, frictionlessOf(strategy));
  const freeMs = performance.now() - t2;
  lines.push(
    `| ${row} | ${chosen.length} | ${(runMs / 1000).toFixed(2)} s | ${res.barsSimulated} | ${Math.round(res.barsSimulated / (runMs / 1000))} | ${((runMs * 1000) / chosen.length).toFixed(1)} | ${(freeMs / 1000).toFixed(2)} s | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB |`,
  );
}
process.stdout.write(lines.join('\n') + '\n');
