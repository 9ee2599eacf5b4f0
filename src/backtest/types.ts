/**
 * Shared contract of the backtest engine (bteng) and its config/CLI/report side (btrep).
 * Day numbers are src/util/dayNumber.ts integers (formatDay for ISO). Names here are stable: both
 * sides may add optional fields, never rename.
 */
import type { Timing as EventTiming } from '../data/events/schema.js';

export type BtMarket = 'cn' | 'hk' | 'us';
export type LimitRule = 'locked' | 'touch' | 'off';
export type FillAt = 'open' | 'close';
/** Same as the events schema: when the announcement became public relative to its exchange's session. */
export type Timing = EventTiming;

/** One listing's daily bars as typed arrays (hot path). Volume in SHARES (convert AKShare lots of 100 at the edge). */
export interface BtBars {
  symbol: string;
  market: BtMarket;
  /** 'SSE' | 'SZSE' | 'BSE' | 'HKEX' | 'NASDAQ' | 'NYSE' ... */
  exchange: string;
  board?: 'main' | 'chinext' | 'star' | 'bse' | 'gem';
  st?: boolean;
  /** HK board lot from the manifest; undefined -> rule default (+ warning by the caller). */
  lot?: number;
  /** First session of the listing. */
  listedDay?: number;
  /** Registration-system listing: no price limit in its first five sessions. */
  registration?: boolean;
  currency: string;
  /** Which series fills use (the report says which). */
  priceSource: 'unadjusted' | 'shipped';
  days: Int32Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  /** Shares; NaN when unknown (then no volume cap for that bar, counted in the result). */
  volume: Float64Array;
}

/** One trade signal: an event on a listing, already aligned by the study (day0Index into bars.days). */
export interface BtSignal {
  event: string;
  symbol: string;
  day0: number;
  day0Index: number;
  timing: Timing;
}

/** Every rate a field, fractions of value unless named otherwise; see issue 11 §4 and src/backtest/costs. */
export interface CostRates {
  [k: string]: unknown;
}

export interface BtStrategy {
  /** Per market, in its currency. */
  capital: number;
  entry: { day: number; at: FillAt };
  exit: { hold: number; at: FillAt; stopLoss?: number; takeProfit?: number };
  size: { amount: number } | { fraction: number };
  maxPositions: number;
  limitRule: LimitRule;
  costs: 'default' | 'none' | Partial<Record<string, number>>;
  /** Default 0.1. */
  maxVolumeShare: number;
  /** Default false. */
  allowLookahead: boolean;
  /** 'one' in the frictionless run. */
  lots: 'board' | 'one';
}

export type TradeStatus = 'filled' | 'delayed' | 'partial' | 'skipped';

export interface BtTrade {
  event: string;
  symbol: string;
  market: BtMarket;
  signalDate: string;
  entryDate: string | null;
  entryPrice: number | null;
  exitDate: string | null;
  exitPrice: number | null;
  shares: number;
  costs: number;
  /** e.g. commission, transferFee, stampDuty, tradingFee, sfcLevy, afrcLevy, secFee. */
  costBreakdown: Record<string, number>;
  pnl: number;
  return: number | null;
  status: TradeStatus;
  /** 'look-ahead', 'limit-up locked 2023-04-11', 'suspended', 'max-positions', 'volume cap 10%', ... */
  reason: string | null;
  /** 'hold' | 'stop-loss' | 'take-profit' | 'rolled: <why>' */
  exitReason: string | null;
  /** Audit trail of blocks/rolls. */
  events?: { day: string; what: string }[];
}

export interface BtEquity {
  market: BtMarket;
  currency: string;
  days: Int32Array;
  value: Float64Array;
  cash: Float64Array;
}

export interface BtResult {
  trades: BtTrade[];
  /** One per market that had any signal. */
  equity: BtEquity[];
  /**
   * Blocks per rule: 'limit-up', 'limit-down', 't+1', 'suspended', 'volume', 'max-positions',
   * 'look-ahead', 'cash'. Each blocked fill attempt counts once (an entry rolled over three locked
   * bars counts 3; a fill cut by the volume cap or by cash counts 1); 'look-ahead' and
   * 'max-positions' count orders.
   */
  blocked: Record<string, number>;
  /** Position-sessions simulated: each session a position was held and its listing had a bar. */
  barsSimulated: number;
  warnings: string[];
  /** Fills on bars whose volume is unknown (NaN): no volume cap was applied to them. */
  uncappedFills?: number;
}
