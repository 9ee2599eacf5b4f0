/**
 * backtest.md: the trader's answer first (per market, with the rules beside the same strategy
 * without frictions: "what the rules cost"), then the rules and prices used, orders blocked, and
 * every trade with its reason, so each number can be traced to a fill.
 */
import { num, pct, table } from '../report/format.js';
import { mdLine, mdText } from '../report/mdText.js';
import type { BacktestJson, BtTradeJson } from './schema.js';

type Summary = BacktestJson['summary'][number];
const LABEL: Record<string, string> = { cn: 'A-shares', hk: 'Hong Kong', us: 'US' };

const money = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 }));

/** A rate or level, unsigned (volatility, hit rate, fill rate): no '+' that would read as a gain. */
const share = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)}%`);

const ROWS: [string, (s: Summary) => string, ((a: Summary, b: Summary) => string) | null][] = [
  ['Total return', (s) => pct(s.totalReturn), (a, b) => pp(a.totalReturn, b.totalReturn)],
  ['Annualised return', (s) => pct(s.annualisedReturn), (a, b) => pp(a.annualisedReturn, b.annualisedReturn)],
  ['Benchmark return', (s) => pct(s.benchmarkReturn), null],
  ['Volatility (annualised)', (s) => share(s.volatility), null],
  ['Sharpe', (s) => num(s.sharpe), (a, b) => diff(a.sharpe, b.sharpe)],
  ['Sortino', (s) => num(s.sortino), (a, b) => diff(a.sortino, b.sortino)],
  ['Max drawdown', (s) => pct(-s.maxDrawdown), (a, b) => pp(-a.maxDrawdown, -b.maxDrawdown)],
  ['Max drawdown length (sessions)', (s) => String(s.maxDrawdownLength) + (s.maxDrawdown > 0 && !s.maxDrawdownRecovered ? ' (not recovered)' : ''), null],
  ['Alpha (annualised)', (s) => pct(s.alpha), (a, b) => pp(a.alpha, b.alpha)],
  ['Beta', (s) => num(s.beta), null],
  ['Information ratio', (s) => num(s.informationRatio), null],
  ['Hit rate', (s) => share(s.hitRate, 1), null],
  ['Average trade', (s) => pct(s.averageTrade), (a, b) => pp(a.averageTrade, b.averageTrade)],
  ['Median trade', (s) => pct(s.medianTrade), (a, b) => pp(a.medianTrade, b.medianTrade)],
  ['Profit factor', (s) => num(s.profitFactor), null],
  ['Turnover', (s) => num(s.turnover), null],
  ['Fill rate', (s) => share(s.fillRate, 1), (a, b) => pp(a.fillRate, b.fillRate)],
  ['Signals / closed trades', (s) => `${s.signals} / ${s.closedTrades}`, null],
  ['P&L', (s) => money(s.pnl), (a, b) => money(a.pnl - b.pnl)],
  ['Costs', (s) => money(s.costs), null],
  ['Orders blocked', (s) => blockedText(s.blocked), null],
];

function pp(a: number | null, b: number | null): string {
  if (a === null || b === null) return '—';
  const d = (a - b) * 100;
  return `${d > 0 ? '+' : ''}${d.toFixed(2)} pp`;
}
function diff(a: number | null, b: number | null): string {
  if (a === null || b === null) return '—';
  const d = a - b;
  return `${d > 0 ? '+' : ''}${d.toFixed(2)}`;
}
function blockedText(b: Record<string, number>): string {
  const e = Object.entries(b).filter(([, v]) => v > 0);
  return e.length ? e.map(([k, v]) => `${k} ${v}`).join(', ') : 'none';
}

/** The side-by-side table of one market: with rules, frictionless, and what the rules cost. */
export function sideBySide(real: Summary, free: Summary | undefined): string {
  return table(
    ['', 'with the rules', 'frictionless', 'what the rules cost'],
    ROWS.map(([label, f, d]) => [label, f(real), free ? f(free) : '—', free && d ? d(real, free) : '']),
    ['l', 'r', 'r', 'r'],
  );
}

export function tradesTable(trades: readonly BtTradeJson[]): string {
  return table(
    ['event', 'symbol', 'signal', 'entry', 'entry price', 'exit', 'exit price', 'shares', 'costs', 'P&L', 'return', 'status', 'reason', 'exit reason', 'prices'],
    trades.map((t) => [
      mdText(t.event),
      mdText(t.symbol),
      t.signalDate,
      t.entryDate ?? '—',
      num(t.entryPrice, 3),
      t.exitDate ?? '—',
      num(t.exitPrice, 3),
      String(t.shares),
      money(t.costs),
      money(t.pnl),
      pct(t.return),
      t.status,
      mdText(t.reason ?? ''),
      mdText(t.exitReason ?? ''),
      t.priceSource,
    ]),
    ['l', 'l', 'l', 'l', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'l', 'l', 'l', 'l'],
  );
}

/** The per-market tables and the trades, shared by backtest.md and the study report's section. */
export function backtestBody(bt: BacktestJson, opts: { heading: string } = { heading: '##' }): string[] {
  const h = opts.heading;
  const out: string[] = [];
  for (const s of bt.summary) {
    const free = bt.frictionless.summary.find((f) => f.market === s.market);
    out.push(
      `${h} ${LABEL[s.market] ?? s.market} (${s.currency}, ${s.from ?? '—'} to ${s.to ?? '—'}, ${s.sessions} sessions, ${s.tradingDaysPerYear} a year; benchmark ${s.benchmark ?? 'none'})`,
      '',
      sideBySide(s, free),
      '',
    );
  }
  return out;
}

/** Each signal's return with the rules beside its frictionless twin (same event and listing). */
export function costByTrade(bt: BacktestJson): string {
  const free = new Map(bt.frictionless.trades.map((t) => [`${t.event}\u0000${t.symbol}`, t]));
  return table(
    ['event', 'symbol', 'with the rules', 'frictionless', 'difference', 'entry (rules / frictionless)', 'why'],
    bt.trades.map((t) => {
      const f = free.get(`${t.event}\u0000${t.symbol}`);
      const why = [t.status !== 'filled' ? t.status : '', t.reason ?? '', t.costs > 0 ? `costs ${money(t.costs)}` : ''].filter(Boolean).join('; ');
      return [
        mdText(t.event),
        mdText(t.symbol),
        pct(t.return),
        pct(f?.return),
        pp(t.return, f?.return ?? null),
        `${t.entryDate ?? '—'} / ${f?.entryDate ?? '—'}`,
        mdText(why),
      ];
    }),
    ['l', 'l', 'r', 'r', 'r', 'l', 'l'],
  );
}

export function renderBacktestMarkdown(bt: BacktestJson, chart?: { file: string; title: string }): string {
  const st = bt.settings.strategy;
  const out: string[] = [`# Backtest: ${mdText(bt.study.title)}`, ''];
  if (bt.settings.lookahead) out.push('> **Look-ahead allowed** (`allowLookahead: true`): entries may fill before the news was public. These results are not achievable by a trader.', '');
  out.push(
    `Study file \`${mdLine(bt.study.file)}\`; ${bt.trades.length} signal(s) in ${bt.summary.length} market(s) (${bt.settings.markets.map((m) => LABEL[m] ?? m).join(', ')}), one portfolio per market in its own currency (no FX), starting capital ${money(st.capital)} each. ` +
      `Every figure is shown with the exchanges' rules and costs ("with the rules") and for the same strategy with limits off, no costs, lots of 1 and no volume cap ("frictionless"); the difference is what the rules cost. ${bt.barsSimulated} bars simulated.`,
    '',
  );
  if (chart) out.push(`![${chart.title}](${chart.file})`, '');
  out.push(...backtestBody(bt));
  out.push('## Rules and costs', '', ...bt.settings.rules.map((r) => `- ${mdLine(r)}`), '');
  out.push('## Prices used for fills', '', table(['symbol', 'source', 'file', 'traded prices from', 'to', 'note'], bt.settings.prices.map((p) => [mdText(p.symbol), p.source, mdText(p.file), p.from ?? '—', p.to ?? '—', mdText(p.note ?? '')])), '');
  out.push('## Trades (with the rules)', '', tradesTable(bt.trades), '');
  out.push('## What the rules cost, trade by trade', '', costByTrade(bt), '');
  const blocked = Object.entries(bt.blocked).filter(([, v]) => v > 0);
  out.push('## Orders blocked by rule', '', blocked.length ? table(['rule', 'orders'], blocked.map(([k, v]) => [mdText(k), String(v)]), ['l', 'r']) : 'None.', '');
  if (bt.notes.length || bt.warnings.length) out.push('## Notes', '', ...bt.notes.map((n) => `- ${mdText(n)}`), ...bt.warnings.map((w) => `- warning: ${mdText(w)}`), '');
  return out.join('\n');
}
