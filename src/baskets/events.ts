/**
 * Basket-level event study for market-wide announcements (ChatGPT, GPT-4, Ernie Bot, Tongyi
 * Qianwen): every member of a sector shares the same event date, so member ARs are correlated in
 * calendar time and a cross-sectional test over members overstates significance (Brown & Warner
 * 1985, J. Financial Economics 14:3-31, on event-date clustering). The usual remedy is to form the
 * portfolio and test its return as one series (MacKinlay 1997, J. Economic Literature 35:13-39, on
 * clustering: aggregate into a portfolio, then apply the security-level analysis): the
 * portfolio's market-model residual variance, estimated on the estimation window, already contains
 * the covariances among the members.
 *
 * Here each basket is one security for the study engine (runEngine: market model by OLS on
 * [-130,-11] against the basket's benchmark, CAR t-test with the prediction-error variance of
 * CLM eq. 4.4.10 and the model's df). Beside it, the members' own market-model CARs, averaged with
 * equal weights, with the cross-sectional t of the engine's aggregate (Brown & Warner 1985): it
 * shows whether the basket's figure is broad or carried by a few names, but its t ignores the
 * cross-correlation and is shown for comparison only.
 *
 * The basket series is rebalanced daily whatever the file's `rebalancing`: a buy-and-hold basket
 * bought at the start of the data would drift towards the winners over the 130-day estimation
 * window, so the model would be fitted on a different portfolio from the one in the event window.
 * Members listed during the estimation window join from their first return.
 */
import type { EventRecord } from '../data/events/index.js';
import type { PriceStore } from '../data/prices/index.js';
import { runEngine } from '../study/engine.js';
import { registryProvider } from '../study/providers/registryProvider.js';
import { DEFAULT_SETTINGS, type EngineSettings, type StudyEvent } from '../study/types.js';
import type { AggregateJson, EventResultJson, TestResultJson } from '../report/schema.js';
import { formatDay, parseIsoDay } from '../util/dayNumber.js';
import { ConfigError } from '../util/errors.js';
import type { BasketEventJson, BasketEventMemberJson, BasketEventStudyJson, BasketEventWindowJson } from './eventsJson.js';
import { unionDays } from './calendar.js';
import { loadMember } from './members.js';
import { basketProvider, type BasketSecurity } from './provider.js';
import type { BasketDefinition, Weighting } from './schema.js';
import { dailyRebalanced, type MemberColumns } from './series.js';
import { relativeWeight, weightBasis } from './weights.js';
import { GENERATOR } from './compare.js';

/** The market-wide announcements of the default study (ids in events/). */
export const DEFAULT_BASKET_EVENTS = ['openai-chatgpt', 'openai-gpt4', 'baidu-ernie-launch', 'alibaba-tongyi'] as const;

export const BASKET_CAR_WINDOWS: [number, number][] = [
  [0, 0],
  [0, 1],
  [0, 2],
  [-1, 1],
  [0, 5],
];

/** Market model on [-130,-11] (DESIGN.md conventions), the issue's CAR windows, event window [-10,10]. */
export const BASKET_EVENT_SETTINGS: EngineSettings = {
  ...DEFAULT_SETTINGS,
  model: 'market',
  estimation: [-130, -11],
  window: [-10, 10],
  carWindows: BASKET_CAR_WINDOWS,
  groupBy: 'none',
};

/** Exchange whose session and time zone decide day 0 of a basket of A-shares (SSE = SZSE hours, Asia/Shanghai). */
export const BASKET_EXCHANGE = 'SSE';

export interface BasketEventStudyOptions {
  baskets: readonly BasketDefinition[];
  /** Announcements from the registry (loadEvents); their date, time, zone and timing set day 0. */
  events: readonly EventRecord[];
  store: PriceStore;
  weighting?: Exclude<Weighting, 'custom'>;
  settings?: Partial<EngineSettings>;
  /** Repository root: file paths in the output are relative to it. */
  root?: string;
}

export type { BasketEventJson, BasketEventMemberJson, BasketEventStudyJson, BasketEventWindowJson } from './eventsJson.js';

const fin = (x: number | null | undefined): number | null => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);

export const basketSymbol = (id: string): string => `BASKET:${id}`;

/** The basket's daily-rebalanced return series over all its members' days, as engine input. */
export function basketSecurity(def: BasketDefinition, store: PriceStore, weighting: Weighting, root?: string): { security: BasketSecurity | null; missing: { symbol: string; reason: string }[] } {
  const missing: { symbol: string; reason: string }[] = [];
  const cols: MemberColumns[] = [];
  for (const symbol of def.members) {
    const load = loadMember(store, symbol, root);
    if (!load.ok) {
      missing.push({ symbol, reason: load.reason });
      continue;
    }
    const s = load.series;
    if (s.days.length < 2) {
      missing.push({ symbol, reason: `fewer than two rows in ${load.file}: no return` });
      continue;
    }
    const basis = weightBasis(s, weighting, relativeWeight(def.weights, symbol));
    if (!basis.ok) {
      missing.push({ symbol, reason: `${basis.reason} (${load.file})` });
      continue;
    }
    cols.push({ days: s.days, close: s.close, basis: basis.basis });
  }
  if (cols.length === 0) return { security: null, missing };
  const calendar = unionDays(
    cols.map((c) => c.days),
    -Infinity,
    Infinity,
  );
  const path = dailyRebalanced(calendar, cols);
  const bench = loadMember(store, def.benchmark, root);
  const sec: BasketSecurity = {
    data: {
      symbol: basketSymbol(def.id),
      name: def.name,
      exchange: BASKET_EXCHANGE,
      market: 'A-share',
      adjusted: true,
      days: calendar,
      returns: path.returns,
      close: path.level,
      high: null,
      low: null,
    },
    benchmark: bench.ok ? { label: `${def.benchmark}${bench.name ? ` ${bench.name}` : ''}`, days: bench.series.days, close: bench.series.close } : { reason: `benchmark ${bench.reason}` },
  };
  return { security: sec, missing };
}

/** Events by id from the registry, in the order asked; an unknown id is a configuration error. */
export function pickEvents(all: readonly EventRecord[], ids: readonly string[]): EventRecord[] {
  const byId = new Map(all.map((e) => [e.id, e]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) throw new ConfigError(`unknown event id(s): ${unknown.join(', ')} (known: ${[...byId.keys()].join(', ')})`, { field: 'events' });
  return ids.map((id) => byId.get(id)!);
}

function studyEvent(e: EventRecord, symbol: string, id: string, group?: string): StudyEvent {
  return { id, eventId: e.id, symbol, day: parseIsoDay(e.date), timing: e.timing, time: e.time, timezone: e.timezone, group, title: e.title, tags: e.tags };
}

function testOf(t: TestResultJson | undefined): { stat: number | null; p: number | null; reason?: string } {
  if (!t) return { stat: null, p: null, reason: 'no test' };
  if (t.stat === null) return { stat: null, p: null, reason: 'reason' in t ? t.reason : undefined };
  return { stat: t.stat, p: t.p };
}

export function basketEventStudy(opts: BasketEventStudyOptions): BasketEventStudyJson {
  const settings: EngineSettings = { ...BASKET_EVENT_SETTINGS, ...opts.settings };
  const notes: string[] = [];
  const securities = new Map<string, BasketSecurity>();
  const basketsJson: BasketEventStudyJson['baskets'] = [];
  for (const def of opts.baskets) {
    const weighting = opts.weighting ?? def.weighting;
    const { security, missing } = basketSecurity(def, opts.store, weighting, opts.root);
    if (security) securities.set(security.data.symbol, security);
    const days = security?.data.days;
    basketsJson.push({
      id: def.id,
      name: def.name,
      weighting,
      benchmark: def.benchmark,
      members: [...def.members],
      from: days && days.length ? formatDay(days[0]) : null,
      to: days && days.length ? formatDay(days[days.length - 1]) : null,
      missingMembers: missing,
    });
  }

  // 1. Each basket as one series: one engine run over every (event, basket) pair.
  const basketEvents = opts.baskets.flatMap((def) => opts.events.map((e) => studyEvent(e, basketSymbol(def.id), `${e.id}@${def.id}`)));
  const basketRun = runEngine(basketEvents, basketProvider(securities), settings);
  const basketResult = new Map(basketRun.events.map((r) => [r.id, r]));
  notes.push(...basketRun.notes);

  // 2. Members: one engine run per basket (a listing in two baskets must not be merged across them),
  //    grouped by event so each group's aggregate is the members' mean CAR for that announcement.
  const results: BasketEventJson[] = [];
  for (const def of opts.baskets) {
    const benchmarks = Object.fromEntries(def.members.map((s) => [s, def.benchmark]));
    const provider = registryProvider(opts.store, { returnType: 'simple', benchmarks });
    const memberEvents = opts.events.flatMap((e) => def.members.map((s) => studyEvent(e, s, `${e.id}@${s}`, e.id)));
    const run = runEngine(memberEvents, provider, settings);
    const groups = new Map(run.groups.map((g) => [g.group, g.aggregate]));
    for (const e of opts.events) {
      const own = basketResult.get(`${e.id}@${def.id}`)!;
      const members = run.events.filter((r) => r.id.startsWith(`${e.id}@`));
      results.push(eventJson(def, e, own, groups.get(e.id), members, settings));
    }
  }

  const contaminated = results.filter((r) => r.flags.some((f) => f.startsWith('estimation window contains')));
  if (contaminated.length)
    notes.push(
      `${contaminated.length} basket-event estimation windows contain an earlier announcement's day 0 (e.g. ${contaminated[0].id}): the market model's intercept then carries part of that earlier run-up, so these CARs are measured against a trend that already includes it.`,
    );

  return {
    generator: GENERATOR,
    settings: {
      model: settings.model,
      estimation: settings.estimation,
      window: settings.window,
      carWindows: settings.carWindows,
      minEstimation: settings.minEstimation,
      exchange: `${BASKET_EXCHANGE} session, Asia/Shanghai, 09:30-15:00`,
      series: 'daily-rebalanced portfolio return on the union of the members\' trading days, weighted as in the basket file or by --weighting',
    },
    events: opts.events.map((e) => ({ id: e.id, date: e.date, time: e.time ?? null, timezone: e.timezone ?? null, timing: e.timing, title: e.title })),
    baskets: basketsJson,
    results,
    notes,
  };
}

function eventJson(
  def: BasketDefinition,
  e: EventRecord,
  own: EventResultJson,
  agg: AggregateJson | undefined,
  members: EventResultJson[],
  settings: EngineSettings,
): BasketEventJson {
  const windows = settings.carWindows.map(([a, b]): BasketEventWindowJson => {
    const w = own.windows.find((x) => x.window[0] === a && x.window[1] === b);
    const g = agg?.windows.find((x) => x.window[0] === a && x.window[1] === b);
    const t = testOf(g?.tests.csectT);
    const included = own.outcome === 'ok' || own.outcome === 'shifted';
    return {
      window: [a, b],
      car: included ? fin(w?.car) : null,
      t: included ? fin(w?.carT) : null,
      p: included ? fin(w?.carP) : null,
      membersMeanCar: fin(g?.caar),
      membersN: g?.n ?? 0,
      membersT: t.stat,
      membersP: t.p,
      ...(t.reason || !g ? { membersReason: t.reason ?? 'no member has a CAR for this announcement' } : {}),
    };
  });
  const m = own.model;
  return {
    id: own.id,
    basket: def.id,
    event: e.id,
    title: e.title,
    date: e.date,
    day0: own.day0,
    outcome: own.outcome,
    reason: own.reason,
    flags: own.flags ?? [],
    model: m
      ? {
          alpha: fin(m.alpha),
          beta: fin(m.beta),
          sigma: m.sigma,
          nObs: m.nObs,
          df: m.df ?? null,
          estimationFrom: m.estimationFrom ?? null,
          estimationTo: m.estimationTo ?? null,
          benchmark: m.benchmark ?? null,
        }
      : null,
    windows,
    members: members.map((r) => ({
      symbol: r.symbol,
      name: r.name ?? null,
      outcome: r.outcome,
      reason: r.reason,
      day0: r.day0,
      beta: fin(r.model?.beta),
      cars: settings.carWindows.map(([a, b]) => {
        const w = r.windows.find((x) => x.window[0] === a && x.window[1] === b);
        return r.outcome === 'ok' || r.outcome === 'shifted' ? fin(w?.car) : null;
      }),
    })),
  };
}
