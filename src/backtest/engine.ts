/**
 * The backtest engine: one portfolio per market, simulated session by session over the market's
 * calendar (the union of the bar days of its listings), two fill moments per session (open, close).
 *
 * Order of work within a session (documented choices):
 *  1. at the open: due exits (sells first: they free cash and slots), then due entries;
 *  2. during the session: stop-loss / take-profit on the bar's range;
 *  3. at the close: due exits, then due entries; then equity is marked at the close.
 *
 * Rules (see rules/*.ts for sources):
 *  - Hold: the exit is `hold` market sessions after the entry session, at exit.at. A listing can
 *    trade only on a session where it has a bar: otherwise the order is blocked ('suspended').
 *  - Any blocked order rolls to the same moment (open/close) of the next session, recorded in the
 *    trade's `events`; a blocked exit's `exitReason` is 'rolled: <first reason>'. A blocked entry
 *    rolls for at most max(hold, 1) sessions after its planned session, then is skipped.
 *  - Stops: checked on each bar's low (stop) / high (take-profit) from the first bar on which the
 *    shares may be sold: the entry bar itself when entering at the open in a market without T+1
 *    (its whole range is after the open), else the next bar. On a later bar an open through the
 *    level fills at the open (a gap), otherwise at the level. Both hit on one bar: the stop-loss is
 *    assumed first (the conservative reading of a daily bar). A blocked stop exit rolls to the
 *    next session's open.
 *  - T+1 (cn): shares are sellable from the session after their purchase, checked at the fill.
 *  - Size: `amount` of currency, or `fraction` of the equity marked at the previous close,
 *    divided by the fill price and rounded down to lots; fewer shares than that when the volume
 *    cap (maxVolumeShare x the bar's volume) or cash binds ('partial' with the reason). Nothing
 *    affordable: 'skipped' ('cash'). Cash never goes negative: costs are included.
 *  - maxPositions: a signal whose first entry attempt finds open positions plus entries waiting to
 *    fill at the limit is skipped ('max-positions'); it does not wait, so a trade never enters
 *    later than its signal allows.
 *  - Exits under the volume cap sell what the cap allows; the rest rolls.
 *  - Data that ends with a position open: it is closed at the listing's last close
 *    (exitReason 'end of data').
 *
 * Hot path: typed arrays only; per trade a small state object, nothing allocated per bar.
 */
import { lowerBound } from '../calendar/alignDay0.js';
import { formatDay } from '../util/dayNumber.js';
import { fillCost, roundCent } from './costs/fillCost.js';
import { resolveCosts, type CostModel } from './costs/rates.js';
import { earliestMoment } from './lookahead.js';
import { lotRule, roundDownBuy, roundDownSell, sameDaySellBlocked, type LotRule } from './rules/market.js';
import { buyBlock, limitBoard, sellBlock } from './rules/priceLimit.js';
import type { BtBars, BtEquity, BtMarket, BtResult, BtSignal, BtStrategy, BtTrade } from './types.js';

const MARKETS: readonly BtMarket[] = ['cn', 'hk', 'us'];

interface Order {
  signal: BtSignal;
  bars: BtBars;
  lot: LotRule;
  index: number;
  /** Planned entry moment (after the look-ahead rule). */
  planned: number;
  /** Current attempt moment. */
  moment: number;
  /** Last moment an entry may be attempted. */
  deadline: number;
  lookahead: boolean;
  trade: BtTrade;
  // Position state once entered.
  ptr: number;
  held: number;
  boughtSession: number;
  entryValue: number;
  exitValue: number;
  exitShares: number;
  exitMoment: number;
  stopFrom: number;
  stopPrice: number;
  takePrice: number;
  exitWhy: string | null;
  rolledWhy: string | null;
  mark: number;
  entrySession: number;
}

function checkStrategy(s: BtStrategy): void {
  const bad = (field: string, v: unknown, want: string): never => {
    throw new RangeError(`backtest strategy: ${field} must be ${want}, got ${String(v)}`);
  };
  if (!(s.capital > 0) || !Number.isFinite(s.capital)) bad('capital', s.capital, 'a finite number > 0');
  if (!Number.isInteger(s.entry.day)) bad('entry.day', s.entry.day, 'an integer');
  if (!Number.isInteger(s.exit.hold) || s.exit.hold < 0) bad('exit.hold', s.exit.hold, 'an integer >= 0');
  if (s.exit.stopLoss !== undefined && !(s.exit.stopLoss > 0 && s.exit.stopLoss < 1)) bad('exit.stopLoss', s.exit.stopLoss, 'a fraction in (0, 1)');
  if (s.exit.takeProfit !== undefined && !(s.exit.takeProfit > 0)) bad('exit.takeProfit', s.exit.takeProfit, 'a fraction > 0');
  if ('amount' in s.size ? !(s.size.amount > 0) : !(s.size.fraction > 0 && s.size.fraction <= 1)) bad('size', JSON.stringify(s.size), '{ amount > 0 } or { fraction in (0, 1] }');
  if (!Number.isInteger(s.maxPositions) || s.maxPositions < 1) bad('maxPositions', s.maxPositions, 'an integer >= 1');
  if (!(s.maxVolumeShare > 0)) bad('maxVolumeShare', s.maxVolumeShare, 'a number > 0 (Infinity: no cap)');
}

/**
 * Bars must be columns of one length with strictly ascending days: anything else would make the
 * engine read a wrong row silently. Missing prices inside are allowed (that bar cannot fill).
 */
function checkBars(b: BtBars): void {
  const n = b.days.length;
  for (const [name, col] of [['open', b.open], ['high', b.high], ['low', b.low], ['close', b.close], ['volume', b.volume]] as const) {
    if (col.length !== n) throw new RangeError(`backtest bars of ${b.symbol}: ${name} has ${col.length} values for ${n} days`);
  }
  for (let i = 1; i < n; i++) {
    if (!(b.days[i] > b.days[i - 1])) throw new RangeError(`backtest bars of ${b.symbol}: days not strictly ascending at row ${i} (${formatDay(b.days[i - 1])}, ${formatDay(b.days[i])})`);
  }
}

/** Sorted distinct days of all listings: a presence mask over the day range, O(bars + range), no sort. */
function unionDays(list: readonly BtBars[], extra?: Int32Array): Int32Array {
  const cols = list.map((b) => b.days);
  if (extra) cols.push(extra);
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of cols) {
    for (let i = 0; i < d.length; i++) {
      if (d[i] < lo) lo = d[i];
      if (d[i] > hi) hi = d[i];
    }
  }
  if (!(hi >= lo)) return new Int32Array(0);
  const seen = new Uint8Array(hi - lo + 1);
  for (const d of cols) for (let i = 0; i < d.length; i++) seen[d[i] - lo] = 1;
  let n = 0;
  for (let i = 0; i < seen.length; i++) n += seen[i];
  const out = new Int32Array(n);
  for (let i = 0, k = 0; i < seen.length; i++) if (seen[i]) out[k++] = lo + i;
  return out;
}

function emptyTrade(sig: BtSignal, market: BtMarket): BtTrade {
  return {
    event: sig.event,
    symbol: sig.symbol,
    market,
    signalDate: formatDay(sig.day0),
    entryDate: null,
    entryPrice: null,
    exitDate: null,
    exitPrice: null,
    shares: 0,
    costs: 0,
    costBreakdown: {},
    pnl: 0,
    return: null,
    status: 'skipped',
    reason: null,
    exitReason: null,
    events: [],
  };
}

function addReason(t: BtTrade, why: string): void {
  t.reason = t.reason === null ? why : t.reason.includes(why) ? t.reason : `${t.reason}; ${why}`;
}

export interface RunOptions {
  /**
   * Extra session days per market (e.g. the market index's days): the calendar is their union with
   * the listings' bar days. Without them a suspension is visible only where another listing of the
   * map traded, so a lone suspended listing would just hold through it.
   */
  sessions?: Partial<Record<BtMarket, Int32Array>>;
}

/**
 * Runs a strategy over signals on daily bars; see the file comment for every rule.
 *
 * @example
 * const result = runBacktest(bars, signals, strategyOf(config));
 */
export function runBacktest(bars: ReadonlyMap<string, BtBars>, signals: readonly BtSignal[], strategy: BtStrategy, options: RunOptions = {}): BtResult {
  checkStrategy(strategy);
  const costs = resolveCosts(strategy.costs);
  const result: BtResult = {
    trades: new Array<BtTrade>(signals.length),
    equity: [],
    blocked: { 'limit-up': 0, 'limit-down': 0, 't+1': 0, suspended: 0, volume: 0, 'max-positions': 0, 'look-ahead': 0, cash: 0 },
    barsSimulated: 0,
    warnings: [],
    uncappedFills: 0,
  };
  if (strategy.allowLookahead) result.warnings.push('allowLookahead: entries earlier than the announcement allows were kept (look-ahead bias)');
  const byMarket = new Map<BtMarket, number[]>();
  const checked = new Set<BtBars>();
  signals.forEach((sig, i) => {
    const b = bars.get(sig.symbol);
    if (!b) {
      const t = emptyTrade(sig, 'cn');
      t.reason = 'no bars';
      result.trades[i] = t;
      result.warnings.push(`signal ${sig.event}: no bars for ${sig.symbol}; skipped`);
      return;
    }
    if (!checked.has(b)) {
      checkBars(b);
      checked.add(b);
      if (b.market === 'cn' && strategy.limitRule !== 'off' && limitBoard(b) === null) {
        result.warnings.push(`${b.symbol}: board unknown (not in the manifest, not an A-share stock code): no price limit applied`);
      }
    }
    const list = byMarket.get(b.market) ?? [];
    list.push(i);
    byMarket.set(b.market, list);
  });
  const lotWarned = new Set<string>();
  for (const market of MARKETS) {
    const idx = byMarket.get(market);
    if (!idx) continue;
    const listings = [...bars.values()].filter((b) => b.market === market);
    result.equity.push(simulateMarket(market, listings, idx, signals, bars, strategy, costs, result, lotWarned, options.sessions?.[market]));
  }
  const nan = result.uncappedFills ?? 0;
  if (nan > 0 && Number.isFinite(strategy.maxVolumeShare)) result.warnings.push(`${nan} fill(s) on bars without volume: no volume cap applied to them`);
  return result;
}

function simulateMarket(
  market: BtMarket,
  listings: readonly BtBars[],
  idx: readonly number[],
  signals: readonly BtSignal[],
  bars: ReadonlyMap<string, BtBars>,
  s: BtStrategy,
  costs: CostModel,
  res: BtResult,
  lotWarned: Set<string>,
  sessions: Int32Array | undefined,
): BtEquity {
  const cal = unionDays(listings, sessions);
  const nS = cal.length;
  const currency = (bars.get(signals[idx[0]].symbol) as BtBars).currency;
  const t1 = sameDaySellBlocked(market);
  // ISO dates of sessions, formatted once each (trades and audit events share the strings).
  const iso: (string | undefined)[] = new Array(nS);
  const dateOf = (si: number): string => (iso[si] ??= formatDay(cal[si]));
  const entryAt = s.entry.at === 'close' ? 1 : 0;
  const exitAt = s.exit.at === 'close' ? 1 : 0;
  const maxDelay = Math.max(s.exit.hold, 1);
  const orders: Order[] = [];
  for (const i of idx) {
    const sig = signals[i];
    const b = bars.get(sig.symbol) as BtBars;
    const trade = emptyTrade(sig, market);
    res.trades[i] = trade;
    // day0 is what the engine uses; a day0Index pointing elsewhere means the caller aligned on other bars.
    if (b.days[sig.day0Index] !== sig.day0) res.warnings.push(`signal ${sig.event}: day0Index ${sig.day0Index} of ${sig.symbol} is not day 0 ${formatDay(sig.day0)}; day 0 used`);
    const s0 = lowerBound(cal, sig.day0);
    if (s0 >= nS) {
      trade.reason = 'no session at or after day 0';
      continue;
    }
    let planned = 2 * (s0 + s.entry.day) + entryAt;
    const earliest = earliestMoment(s0, sig.timing);
    let lookahead = false;
    if (planned < earliest) {
      if (!s.allowLookahead) {
        planned = earliest;
        lookahead = true;
        res.blocked['look-ahead']++;
        addReason(trade, 'look-ahead');
        trade.events!.push({ day: dateOf(earliest >> 1), what: `entry moved to day 0 ${earliest & 1 ? 'close' : 'open'} (${sig.timing} event): look-ahead` });
      }
    }
    if (planned < 0 || planned >> 1 >= nS) {
      addReason(trade, 'entry outside the data');
      continue;
    }
    const lot = lotRule(b, s.lots);
    if (lot.defaulted && !lotWarned.has(b.symbol)) {
      lotWarned.add(b.symbol);
      res.warnings.push(`${b.symbol}: no board lot in the manifest; assumed ${lot.step}`);
    }
    orders.push({
      signal: sig, bars: b, lot, index: i, planned, moment: planned, deadline: planned + 2 * maxDelay, lookahead, trade,
      ptr: lowerBound(b.days, cal[planned >> 1]), held: 0, boughtSession: -1, entryValue: 0, exitValue: 0, exitShares: 0, exitMoment: 0,
      stopFrom: 0, stopPrice: -Infinity, takePrice: Infinity, exitWhy: null, rolledWhy: null, mark: NaN, entrySession: -1,
    });
  }
  orders.sort((a, b) => a.planned - b.planned || a.index - b.index);

  let cash = s.capital;
  let equityNow = s.capital;
  const start = orders.length > 0 ? orders[0].planned >> 1 : 0;
  const value = new Float64Array(Math.max(nS - start, 0));
  const cashAt = new Float64Array(value.length);
  let next = 0; // next order not yet attempted
  const pending: Order[] = []; // entries waiting (rolled)
  const open: Order[] = []; // positions
  let last = start - 1;

  const barAt = (o: Order, day: number): number => {
    const d = o.bars.days;
    // Pointer walk: sessions only move forward, so this is O(bars touched) per trade.
    while (o.ptr < d.length && d[o.ptr] < day) o.ptr++;
    return o.ptr < d.length && d[o.ptr] === day ? o.ptr : -1;
  };
  const volCap = (b: BtBars, i: number): number => {
    if (!Number.isFinite(s.maxVolumeShare)) return Infinity;
    const v = b.volume[i];
    if (!(v >= 0)) {
      res.uncappedFills = (res.uncappedFills ?? 0) + 1;
      return Infinity;
    }
    return Math.floor(s.maxVolumeShare * v + 1e-9);
  };
  const capLabel = `volume cap ${+(s.maxVolumeShare * 100).toFixed(4)}%`;

  const finish = (o: Order): void => {
    const t = o.trade;
    t.exitPrice = o.exitShares > 0 ? o.exitValue / o.exitShares : null;
    t.pnl = o.exitValue - o.entryValue - t.costs;
    t.return = o.entryValue > 0 ? t.pnl / o.entryValue : null;
    t.exitReason = o.rolledWhy !== null ? `rolled: ${o.rolledWhy}` : o.exitWhy;
  };

  /** Books a sale of q shares at price on day (costs, cash, exit value); returns the cash it added. */
  const sell = (o: Order, day: number, date: string, price: number, q: number): number => {
    const t = o.trade;
    const c = fillCost(costs, market, true, day, price, q, t.costBreakdown);
    const got = price * q - c;
    cash += got;
    t.costs = roundCent(t.costs + c);
    o.held -= q;
    o.exitValue += price * q;
    o.exitShares += q;
    t.exitDate = date;
    return got;
  };

  /** One sell attempt at moment m of session si; true when the position is closed. */
  const trySell = (o: Order, si: number, phase: number, price: number, bi: number, why: string): boolean => {
    const t = o.trade;
    const day = cal[si];
    const date = dateOf(si);
    if (t1 && o.boughtSession === si) {
      res.blocked['t+1']++;
      o.rolledWhy ??= 't+1';
      t.events!.push({ day: date, what: `${why} exit blocked: t+1 (bought this session)` });
      return false;
    }
    const lim = sellBlock(o.bars, bi, price, s.limitRule);
    if (lim) {
      res.blocked['limit-down']++;
      o.rolledWhy ??= `limit-down ${lim}`;
      t.events!.push({ day: date, what: `${why} exit blocked: limit-down ${lim}` });
      return false;
    }
    const cap = volCap(o.bars, bi);
    const q = roundDownSell(Math.min(o.held, cap), o.held, s.lots === 'one' ? { step: 1, min: 1, defaulted: false } : o.lot);
    if (q <= 0) {
      res.blocked.volume++;
      o.rolledWhy ??= capLabel;
      t.events!.push({ day: date, what: `${why} exit blocked: ${capLabel} of ${o.bars.volume[bi]}` });
      return false;
    }
    sell(o, day, date, price, q);
    o.exitWhy ??= why;
    if (o.held > 0) {
      res.blocked.volume++;
      o.rolledWhy ??= capLabel;
      t.events!.push({ day: date, what: `${why} exit sold ${q} at ${phase ? 'close' : 'open'}, ${o.held} left: ${capLabel}` });
      return false;
    }
    finish(o);
    return true;
  };

  /** Due exits of one phase; removes closed positions. */
  const exits = (si: number, phase: number): void => {
    const m = 2 * si + phase;
    for (let k = 0; k < open.length; k++) {
      const o = open[k];
      if (o.exitMoment > m || (o.exitMoment & 1) !== phase) continue;
      const bi = barAt(o, cal[si]);
      if (bi < 0 && o.ptr >= o.bars.days.length) continue; // data ended: closed at the mark below
      if (bi < 0) {
        res.blocked.suspended++;
        o.rolledWhy ??= 'suspended';
        o.trade.events!.push({ day: dateOf(si), what: `${o.exitWhy ?? 'hold'} exit blocked: suspended (no bar)` });
        o.exitMoment = m + 2;
        continue;
      }
      const price = phase ? o.bars.close[bi] : o.bars.open[bi];
      if (!(price > 0)) {
        o.rolledWhy ??= 'no price';
        o.trade.events!.push({ day: dateOf(si), what: `${o.exitWhy ?? 'hold'} exit blocked: no ${phase ? 'close' : 'open'} price in the bar` });
        o.exitMoment = m + 2;
        continue;
      }
      if (trySell(o, si, phase, price, bi, o.exitWhy ?? 'hold')) {
        open.splice(k, 1);
        k--;
      } else o.exitMoment = m + 2;
    }
  };

  const stops = (si: number): void => {
    for (let k = 0; k < open.length; k++) {
      const o = open[k];
      if (o.exitWhy !== null || si < o.stopFrom) continue;
      const bi = barAt(o, cal[si]);
      if (bi < 0) continue;
      const b = o.bars;
      const gap = si !== o.entrySession; // on the entry bar the open is the entry price itself
      let price = NaN;
      let why = '';
      if (b.low[bi] <= o.stopPrice) {
        price = gap && b.open[bi] <= o.stopPrice ? b.open[bi] : o.stopPrice;
        why = 'stop-loss';
      } else if (b.high[bi] >= o.takePrice) {
        price = gap && b.open[bi] >= o.takePrice ? b.open[bi] : o.takePrice;
        why = 'take-profit';
      } else continue;
      if (trySell(o, si, 0, price, bi, why)) {
        open.splice(k, 1);
        k--;
      } else {
        o.exitWhy = why;
        o.exitMoment = 2 * (si + 1); // a blocked stop becomes a sell at the next open
      }
    }
  };

  const tryBuy = (o: Order, si: number, phase: number): 'filled' | 'roll' | 'skip' => {
    const t = o.trade;
    const day = cal[si];
    const date = dateOf(si);
    const bi = barAt(o, day);
    if (bi < 0) {
      res.blocked.suspended++;
      t.events!.push({ day: date, what: 'entry blocked: suspended (no bar)' });
      addReason(t, `suspended ${date}`);
      return 'roll';
    }
    const b = o.bars;
    const price = phase ? b.close[bi] : b.open[bi];
    if (!(price > 0)) {
      t.events!.push({ day: date, what: `entry blocked: no ${phase ? 'close' : 'open'} price in the bar` });
      addReason(t, `no price ${date}`);
      return 'roll';
    }
    const lim = buyBlock(b, bi, price, s.limitRule);
    if (lim) {
      res.blocked['limit-up']++;
      t.events!.push({ day: date, what: `entry blocked: limit-up ${lim}` });
      addReason(t, `limit-up ${lim} ${date}`);
      return 'roll';
    }
    const budget = 'amount' in s.size ? s.size.amount : s.size.fraction * equityNow;
    const lot = o.lot;
    const wanted = roundDownBuy(budget / price, lot);
    if (wanted <= 0) {
      addReason(t, `size below one lot (${lot.min} shares at ${price})`);
      return 'skip';
    }
    let q = wanted;
    const cap = volCap(b, bi);
    if (cap < q) {
      q = roundDownBuy(cap, lot);
      res.blocked.volume++;
      if (q <= 0) {
        t.events!.push({ day: date, what: `entry blocked: ${capLabel} of ${b.volume[bi]} shares` });
        addReason(t, `${capLabel} ${date}`);
        return 'roll';
      }
      addReason(t, `${capLabel}: ${q} of ${wanted} shares`);
      t.status = 'partial';
    }
    const scratch: Record<string, number> = {};
    let c = fillCost(costs, market, false, day, price, q, scratch);
    if (price * q + c > cash + 1e-9) {
      // Shrink to what cash pays for, costs included (costs never fall as the quantity grows).
      res.blocked.cash++;
      let fit = roundDownBuy(Math.min(q, cash / price), lot);
      const probe: Record<string, number> = {};
      while (fit > 0 && price * fit + fillCost(costs, market, false, day, price, fit, probe) > cash + 1e-9) fit = roundDownBuy(fit - lot.step, lot);
      if (fit <= 0) {
        addReason(t, `cash ${date}`);
        return 'skip';
      }
      addReason(t, `cash: ${fit} of ${wanted} shares`);
      t.status = 'partial';
      q = fit;
      for (const key of Object.keys(scratch)) delete scratch[key];
      c = fillCost(costs, market, false, day, price, q, scratch);
    }
    for (const [key, v] of Object.entries(scratch)) t.costBreakdown[key] = v;
    cash -= price * q + c;
    t.costs = roundCent(c);
    t.entryDate = date;
    t.entryPrice = price;
    t.shares = q;
    if (t.status !== 'partial') t.status = o.moment > o.planned || o.lookahead ? 'delayed' : 'filled';
    o.held = q;
    o.entryValue = price * q;
    o.boughtSession = si;
    o.entrySession = si;
    o.exitMoment = 2 * (si + s.exit.hold) + exitAt;
    // hold 0 with the exit moment not after the entry (e.g. enter at the close, exit at the open): the next moment.
    if (o.exitMoment <= 2 * si + phase) o.exitMoment = 2 * si + phase + 1;
    o.stopFrom = phase === 0 && !t1 ? si : si + 1;
    if (s.exit.stopLoss !== undefined) o.stopPrice = price * (1 - s.exit.stopLoss);
    if (s.exit.takeProfit !== undefined) o.takePrice = price * (1 + s.exit.takeProfit);
    o.mark = b.close[bi] > 0 ? b.close[bi] : price;
    return 'filled';
  };

  /** Sells a position whose listing has no more bars at its last close; returns the cash it added. */
  const closeAtLast = (o: Order): number => {
    let lastI = o.bars.days.length - 1;
    while (lastI > 0 && !(o.bars.close[lastI] > 0)) lastI--; // the last bar with a close
    const got = sell(o, o.bars.days[lastI], formatDay(o.bars.days[lastI]), o.bars.close[lastI], o.held);
    o.exitWhy = 'end of data';
    o.rolledWhy = null;
    finish(o);
    return got;
  };

  const entries = (si: number, phase: number): void => {
    const m = 2 * si + phase;
    // Rolled entries first (they came earlier), then new orders of this moment.
    for (let k = 0; k < pending.length; k++) {
      const o = pending[k];
      if (o.moment !== m) continue;
      const r = tryBuy(o, si, phase);
      if (r === 'roll' && m + 2 <= o.deadline) {
        o.moment = m + 2;
        continue;
      }
      pending.splice(k, 1);
      k--;
      if (r === 'filled') open.push(o);
      else if (r === 'roll') addReason(o.trade, `not filled within ${maxDelay} session(s)`);
    }
    while (next < orders.length && orders[next].planned <= m) {
      const o = orders[next++];
      if (o.planned < m) continue; // cannot happen: moments are visited in order
      if (open.length + pending.length >= s.maxPositions) {
        res.blocked['max-positions']++;
        addReason(o.trade, 'max-positions');
        continue;
      }
      const r = tryBuy(o, si, phase);
      if (r === 'filled') open.push(o);
      else if (r === 'roll' && m + 2 <= o.deadline) {
        o.moment = m + 2;
        pending.push(o);
      } else if (r === 'roll') addReason(o.trade, `not filled within ${maxDelay} session(s)`);
    }
  };

  for (let si = start; si < nS; si++) {
    if (next >= orders.length && pending.length === 0 && open.length === 0) break;
    exits(si, 0);
    entries(si, 0);
    stops(si);
    exits(si, 1);
    entries(si, 1);
    // Mark to market at the close; a listing without a bar keeps its last close.
    let v = cash;
    for (let k = 0; k < open.length; k++) {
      const o = open[k];
      const bi = barAt(o, cal[si]);
      if (bi >= 0) {
        if (o.bars.close[bi] > 0) o.mark = o.bars.close[bi]; // a missing close keeps the last mark
        res.barsSimulated++;
      } else if (o.ptr >= o.bars.days.length) {
        v += closeAtLast(o);
        open.splice(k, 1);
        k--;
        continue;
      }
      v += o.held * o.mark;
    }
    equityNow = v;
    value[si - start] = v;
    cashAt[si - start] = cash;
    last = si;
  }
  // Positions still open at the end of the calendar: closed at their last close.
  for (const o of open) closeAtLast(o);
  if (open.length > 0 && last >= start) {
    value[last - start] = cash;
    cashAt[last - start] = cash;
  }
  for (const o of pending) addReason(o.trade, 'not filled before the data ended');
  const n = Math.max(last - start + 1, 0);
  return { market, currency, days: cal.slice(start, start + n), value: value.slice(0, n), cash: cashAt.slice(0, n) };
}
