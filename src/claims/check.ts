/**
 * `claims check`: the extractor's claims verified by the study's own checker (src/study/claims.ts),
 * so an article checked here gets the verdict, figure and closes that the same claim gets in a
 * study's claims table. Pure: the caller opens the price store and the event registry.
 *
 * Day 0 of an event claim (次日, 两个交易日累计) is aligned as a study aligns it with its default
 * `nonTradingDay: next` (src/calendar/alignEventForListing): after-close announcements move to the
 * next trading day, weekend ones to the Monday.
 *
 * Claims the extractor could not turn into a checkable figure (market caps, moves without a day) are kept as `cannot-check` with its reason, never dropped.
 *
 * @example
 * checkExtraction(extractClaims(text, opts), { series, events, exchangeOf }) 
 * // [{ line: 15, ... }, ..., { line: 16, symbol: '601360.SH', measure: 'period', claimed: 1.5352, ours: 1.5352, verdict: 'confirmed', ... }
 */
import type { Extraction } from './extract/index.js';
import type { CheckedClaimJson } from './schema.js';
import { checkClaim, type ClaimContext, type ClaimEvent } from '../study/claims.js';
import { claimSchema } from '../study/config.js';
import { alignEventForListing } from '../calendar/index.js';
import type { Timing } from '../data/events/schema.js';
import { formatDay } from '../util/dayNumber.js';

export interface CheckEvent {
  id: string;
  date: string;
  timing: Timing;
  time?: string;
  timezone?: string;
}

export interface CheckContext {
  series: ClaimContext['series'];
  /** The registry's events, by id, for claims on an event window. */
  events: readonly CheckEvent[];
  /** The exchange whose sessions place day 0 for a listing (the manifest's calendar exchange). */
  exchangeOf(symbol: string): string | undefined;
}


/** Day 0 of `eventId` on `symbol`, as the study engine's event result would state it. */
export function day0Of(eventId: string, symbol: string, ctx: CheckContext): ClaimEvent {
  const ev = ctx.events.find((e) => e.id === eventId);
  if (!ev) return { id: eventId, symbol, day0: null, outcome: 'no-price-data', reason: `event ${eventId} is not in the registry` };
  const s = ctx.series(symbol);
  const days = s.ok ? s.series.days : undefined;
  const a = alignEventForListing({ date: ev.date, timing: ev.timing, time: ev.time, timezone: ev.timezone }, symbol, days, { policy: 'next', exchange: ctx.exchangeOf(symbol) });
  if (a.kind === 'ok') return { id: eventId, symbol, day0: formatDay(days![a.index]), outcome: a.shifted ? 'shifted' : 'ok', reason: a.reason };
  return { id: eventId, symbol, day0: null, outcome: a.kind === 'error-non-trading-day' ? 'skipped-non-trading-day' : a.kind, reason: a.reason };
}

export function checkExtraction(x: Extraction, ctx: CheckContext): CheckedClaimJson[] {
  const checked: { line: number; order: number; row: CheckedClaimJson }[] = [];
  x.claims.forEach((c, order) => {
    // Through the study's own schema: the same defaults and range checks as a claims: entry.
    const claim = claimSchema.parse({ id: c.id, text: c.text, source: c.source, symbol: c.symbol, measure: c.measure, at: c.at, from: c.from, to: c.to, event: c.event, window: c.window, claimed: c.claimed, comparison: c.comparison, tolerance: c.tolerance, line: c.line, resolution: c.resolution });
    const events = claim.event ? [day0Of(claim.event, claim.symbol, ctx)] : [];
    const r = checkClaim(claim, { series: ctx.series, events });
    const day0 = events[0];
    // The window's day 0 and why it is there (a shifted after-close announcement) belong to the basis.
    const basis = day0?.day0 && r.basis !== '—' ? `${r.basis}; day 0 ${day0.day0} (${day0.reason})` : r.basis;
    checked.push({
      line: c.line,
      order,
      row: {
        id: c.id,
        text: c.text,
        line: c.line,
        symbol: c.symbol,
        measure: c.measure,
        claimed: c.claimed,
        comparison: c.comparison,
        ours: r.ours,
        verdict: r.verdict,
        why: r.explanation,
        basis,
        resolution: c.resolution,
        ...(c.from ? { from: c.from } : {}),
        ...(c.to ? { to: c.to } : {}),
        ...(c.event ? { event: c.event } : {}),
        ...(c.window ? { window: c.window } : {}),
        ...(c.at ? { at: c.at } : {}),
      },
    });
  });
  x.uncheckable.forEach((u, i) => {
    checked.push({
      line: u.line,
      order: x.claims.length + i,
      row: {
        id: `${(u.symbol ?? u.name).toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-')}-${u.measure}-l${u.line}`,
        text: u.text,
        line: u.line,
        symbol: u.symbol ?? null,
        measure: u.measure,
        claimed: u.claimed,
        comparison: u.comparison,
        ours: null,
        verdict: 'cannot-check',
        why: u.reason,
        basis: '—',
      },
    });
  });
  checked.sort((a, b) => a.line - b.line || a.order - b.order);
  return checked.map((c) => c.row);
}
