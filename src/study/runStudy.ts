/**
 * Runs a study file end to end: select events from the registry, expand them to (announcement,
 * listing) pairs, run the engine over the price store, add period returns, claim checks and data
 * notes, and return the report (writing it is the caller's choice: see writeReport).
 */
import { join, relative, resolve } from 'node:path';
import { loadStudy, type StudyConfig, type LoadedStudy } from './config.js';
import { openPriceStore, type PriceStore } from '../data/prices/index.js';
import { loadEvents, type EventRecord } from '../data/events/index.js';
import { parseIsoDay, formatDay } from '../util/dayNumber.js';
import { periodReturn } from '../core/index.js';
import { runEngine, type EngineProgress } from './engine.js';
import { registryProvider } from './providers/registryProvider.js';
import { checkClaim } from './claims.js';
import { SCHEMA_VERSION, type ReportJson, type PeriodJson } from '../report/schema.js';
import type { EngineSettings, StudyEvent } from './types.js';
import { EvstudyError } from '../util/errors.js';
import { checkSelection } from './checkSelection.js';
import { checkBenchmarks } from './checkBenchmarks.js';
import { testsSetting } from '../stats/selection.js';

export interface RunOptions {
  progress?: EngineProgress;
}

/**
 * The engine settings a study file's config stands for (model, windows, policies, conventions).
 *
 * @example
 * settingsOf(loadStudy('studies/china-ai-2023.yaml').config).carWindows; // [[-1, 1], [0, 1], ...]
 */
export function settingsOf(c: StudyConfig): EngineSettings {
  return {
    model: c.model,
    estimation: c.estimation,
    window: c.window,
    carWindows: c.carWindows,
    minEstimation: c.minEstimation,
    nonTradingDay: c.nonTradingDay,
    returnType: c.returnType,
    seed: c.seed,
    bootstrapSamples: c.bootstrapSamples,
    varianceConvention: 'model-df',
    testConvention: c.testConvention,
    groupBy: c.groupBy,
    estimationContamination: c.estimationContamination,
    limitDaysInEstimation: c.limitDaysInEstimation,
    gapReturns: c.gapReturns,
    listings: c.listings ?? 'primary',
    kpWindowRbar: c.kpWindowRbar ?? 'overlap',
    ...testsSetting(c.tests),
    ...(c.estimationEndsBefore ? { estimationEndsBefore: parseIsoDay(c.estimationEndsBefore) } : {}),
  };
}

/**
 * Events chosen by the study's `select`, in date-then-id order.
 *
 * @example
 * selectEvents(loadEvents('events'), { tags: ['llm'], from: '2023-03-01' });
 */
export function selectEvents(all: EventRecord[], sel: StudyConfig['select']): EventRecord[] {
  return all.filter((e) => {
    if (sel.ids && !sel.ids.includes(e.id)) return false;
    if (sel.exclude && sel.exclude.includes(e.id)) return false;
    if (sel.tags && !sel.tags.some((t) => e.tags.includes(t))) return false;
    if (sel.symbols && !sel.symbols.some((s) => e.symbols.includes(s))) return false;
    if (sel.from && e.date < sel.from) return false;
    if (sel.to && e.date > sel.to) return false;
    return true;
  });
}

/**
 * One study event per (announcement, listing); the id carries the listing when there are several.
 *
 * @example
 * expandEvents(selectEvents(loadEvents('events'), {}), 'market'); // [{ id: 'baidu-ernie-launch@9888.HK', ... }, ...]
 */
export function expandEvents(
  events: EventRecord[],
  groupBy: StudyConfig['groupBy'],
  eventsDir = 'events',
  firmOf: (symbol: string) => string | undefined = () => undefined,
): StudyEvent[] {
  const out: StudyEvent[] = [];
  for (const e of events) {
    for (const symbol of e.symbols) {
      out.push({
        id: e.symbols.length > 1 ? `${e.id}@${symbol}` : e.id,
        eventId: e.id,
        symbol,
        firm: firmOf(symbol),
        day: parseIsoDay(e.date),
        timing: e.timing,
        time: e.time,
        timezone: e.timezone,
        group: groupBy === 'event' ? (e.group ?? e.id) : undefined,
        title: e.title,
        summary: e.summary,
        sources: e.sources.map((x) => ({ title: x.title, publisher: x.publisher, url: x.url, document: x.document, accessed: x.accessed })),
        tags: e.tags,
        source: { file: join(eventsDir, `${e.id}.yaml`) },
      });
    }
  }
  return out;
}

/**
 * Runs a loaded study: its events (from the registry, by `select`) on its price folder, with its
 * settings, into the report that report.json holds (events, aggregate, groups, periods, claims,
 * notes). Synchronous; `opts.progress` is called after each event.
 *
 * @example
 * import { loadStudy, runStudy } from 'evstudy';
 * const report = runStudy(loadStudy('studies/china-ai-2023.yaml'));
 * console.log(report.aggregate.n, report.aggregate.windows[0].caar);
 */
export function runStudy(study: LoadedStudy, opts: RunOptions = {}): ReportJson {
  const c = study.config;
  const store = openPriceStore(resolve(study.root, c.pricesDir));
  const allEvents = loadEvents(resolve(study.root, c.eventsDir));
  const selected = selectEvents(allEvents, c.select);
  checkSelection(study, allEvents, selected);
  checkBenchmarks(study, store);
  const marketWide = selected.filter((e) => e.symbols.length === 0);
  const studyEvents = expandEvents(selected, c.groupBy, c.eventsDir, (s) => (store.has(s) ? store.entry(s).firm : undefined));
  const settings = settingsOf(c);
  const provider = registryProvider(store, { returnType: c.returnType, benchmarks: c.benchmarks, excludeSelf: c.excludeSelf });
  const engine = runEngine(studyEvents, provider, settings, opts.progress);

  const notes = [...engine.notes];
  if (marketWide.length)
    notes.push(
      `Market-wide announcements without listings (${marketWide.map((e) => `${e.id} ${e.date}`).join(', ')}) have no single listing to measure; run \`evstudy baskets events\` for their effect on the sector baskets.`,
    );

  const describe = (symbol: string): string => {
    const e = store.entry(symbol);
    return `${relative(study.root, store.path(symbol))}, ${e.adjustment}${e.adjustment === 'none' ? ' (unadjusted)' : '-adjusted'}`;
  };
  const periods = computePeriods(c, store, studyEvents, provider.benchmarkOf);
  const claims = c.claims.map((cl) =>
    checkClaim(cl, {
      events: engine.events,
      series: (symbol) => {
        if (!store.has(symbol)) return { ok: false, reason: `no price data for ${symbol}` };
        const e = store.entry(symbol);
        return {
          ok: true,
          series: store.get(symbol).series,
          describe: describe(symbol),
          adjustmentNote: e.adjustment === 'forward' || e.adjustment === 'backward' ? adjustmentNote(store, symbol, study.root, cl.from, cl.to) : undefined,
          // Traded prices for a price-level claim on an adjusted listing.
          ...(cl.measure === 'price' && store.has(`${symbol}-unadj`) ? { traded: { series: store.get(`${symbol}-unadj`).series, describe: describe(`${symbol}-unadj`) } } : {}),
        };
      },
    }),
  );

  return {
    schemaVersion: SCHEMA_VERSION,
    generator: 'evstudy 0.1.0',
    study: { id: c.id, title: c.title, description: c.description },
    settings: {
      model: c.model,
      estimation: c.estimation,
      ...(c.estimationEndsBefore ? { estimationEndsBefore: c.estimationEndsBefore } : {}),
      window: c.window,
      carWindows: c.carWindows,
      nonTradingDay: c.nonTradingDay,
      returnType: c.returnType,
      minEstimation: c.minEstimation,
      seed: c.seed,
      bootstrapSamples: c.bootstrapSamples,
      varianceConvention: settings.varianceConvention,
      testConvention: settings.testConvention,
      estimationContamination: settings.estimationContamination,
      limitDaysInEstimation: settings.limitDaysInEstimation,
      gapReturns: settings.gapReturns,
      listings: settings.listings,
      ...(c.excludeSelf ? { excludeSelf: true } : {}),
      ...(settings.tests ? { tests: settings.tests } : {}),
    },
    inputs: {
      studyFile: relative(study.root, resolve(study.file)),
      eventsDir: c.eventsDir,
      pricesDir: c.pricesDir,
      events: selected.map((e) => e.id),
      benchmarks: Object.fromEntries([...new Set(studyEvents.map((e) => e.symbol))].map((s) => [s, provider.benchmarkOf(s) ?? null])),
    },
    events: engine.events,
    aggregate: engine.aggregate,
    ...(engine.listings ? { listings: engine.listings } : {}),
    groups: engine.groups,
    periods,
    claims,
    dataNotes: dataNotes(store, study.root, studyEvents, engine.events),
    notes,
  };
}

/**
 * runStudy on a study file read with loadStudy (paths in it resolved against the working directory).
 *
 * @example
 * import { runStudyFile } from 'evstudy';
 * const report = runStudyFile('studies/china-ai-2023.yaml');
 * for (const w of report.aggregate.windows) console.log(w.window, w.caar, w.tests.bmp);
 */
export function runStudyFile(file: string, opts: RunOptions = {}): ReportJson {
  return runStudy(loadStudy(file), opts);
}

/** A report section computed outside the event study (baskets), with its Markdown and charts. */
export interface ReportSection {
  markdown: string;
  charts: { file: string; title: string; svg: string }[];
}

/**
 * The event study plus the sections the study file asks for (the basket comparison), as `evstudy
 * run` writes them.
 *
 * @example
 * const { report, sections } = await runStudyReport(loadStudy('studies/china-ai-2023.yaml'));
 * await writeReport(report, 'reports/china-ai-2023', { sections });
 */
export async function runStudyReport(study: LoadedStudy, opts: RunOptions = {}): Promise<{ report: ReportJson; sections: ReportSection[] }> {
  const report = runStudy(study, opts);
  const sections: ReportSection[] = [];
  const b = study.config.basketSection;
  if (b) {
    const { basketSection } = await import('../baskets/index.js');
    const sec = await basketSection(study.root, { from: b.from, to: b.to, basketsDir: b.basketsDir, pricesDir: study.config.pricesDir });
    report.baskets = sec.json;
    sections.push({ markdown: sec.markdown, charts: sec.charts });
  }
  if (study.config.backtest) {
    const { backtestSection } = await import('../backtest/section.js');
    const sec = backtestSection(study);
    report.backtest = sec.json;
    sections.push({ markdown: sec.markdown, charts: [] });
  }
  return { report, sections };
}

function computePeriods(
  c: StudyConfig,
  store: PriceStore,
  events: StudyEvent[],
  benchmarkOf: (s: string) => string | undefined,
): PeriodJson[] {
  return c.periods.map((p) => {
    const listed = [...new Set(events.map((e) => e.symbol))];
    const bench = listed.map(benchmarkOf).filter((b): b is string => !!b);
    const symbols = p.symbols ?? [...new Set([...listed, ...bench])];
    const returns: Record<string, number | null> = {};
    const detail: NonNullable<PeriodJson['detail']> = {};
    const from = parseIsoDay(p.from);
    const to = parseIsoDay(p.to);
    for (const s of symbols) {
      if (!store.has(s)) {
        returns[s] = null;
        detail[s] = { fromDate: null, toDate: null, fromClose: null, toClose: null, reason: 'no price data' };
        continue;
      }
      let series;
      try {
        series = store.get(s).series;
      } catch (e) {
        if (!(e instanceof EvstudyError)) throw e;
        returns[s] = null;
        detail[s] = { fromDate: null, toDate: null, fromClose: null, toClose: null, reason: e.format() };
        continue;
      }
      // Base = the close of `from` itself (e.g. 2022-12-30 for 2023 year to date).
      const r = periodReturn(series.days, series.close, from + 1, to);
      const lastDay = series.days[series.days.length - 1];
      const ok = Number.isFinite(r.value) && lastDay >= to && r.fromDate !== null;
      returns[s] = ok ? r.value : null;
      const reasons: string[] = [];
      if (!ok) reasons.push(lastDay < to ? `data end ${formatDay(lastDay)} before ${p.to}` : `no close on or before ${p.from}`);
      if (ok && r.fromDate !== p.from) reasons.push(`no row on ${p.from}: base close of ${r.fromDate}`);
      if (ok && r.toDate !== p.to) reasons.push(`no row on ${p.to}: end close of ${r.toDate}`);
      detail[s] = {
        fromDate: r.fromDate,
        toDate: r.toDate,
        fromClose: Number.isFinite(r.fromClose) ? r.fromClose : null,
        toClose: Number.isFinite(r.toClose) ? r.toClose : null,
        ...(reasons.length ? { reason: reasons.join('; ') } : {}),
      };
    }
    return { id: p.id, label: p.label, from: p.from, to: p.to, returns, detail };
  });
}

/**
 * For a forward/backward-adjusted listing with an unadjusted sibling in the manifest
 * (`SYMBOL-unadj`), the ratio of the two closes on a shared date shows the adjustment factor.
 */
export function adjustmentNote(store: PriceStore, symbol: string, root: string, from?: string, to?: string): string {
  const e = store.entry(symbol);
  const sib = `${symbol}-unadj`;
  let text = `${symbol} is ${e.adjustment}-adjusted: the vendor rescales past prices for later corporate actions and re-rounds them to cents, which can move a long-period return in its last digits`;
  if (store.has(sib) && from) {
    const a = store.get(symbol).series;
    const u = store.get(sib).series;
    const d = parseIsoDay(from);
    const ia = a.days.indexOf(d);
    const iu = u.days.indexOf(d);
    if (ia >= 0 && iu >= 0) {
      text += `; on ${from} the traded close was ${u.close[iu]} against the adjusted ${a.close[ia]} (factor ${(u.close[iu] / a.close[ia]).toFixed(4)}; source ${relative(root, store.path(sib))})`;
      const dt = to ? parseIsoDay(to) : NaN;
      if (Number.isFinite(dt) && u.days[u.days.length - 1] < dt)
        text += `; the unadjusted series ends ${formatDay(u.days[u.days.length - 1])}, so the traded-price return to ${to} cannot be recomputed from it`;
    }
  }
  return text;
}

function dataNotes(store: PriceStore, root: string, events: StudyEvent[], results: ReportJson['events']): { topic: string; text: string }[] {
  const out: { topic: string; text: string }[] = [];
  const symbols = [...new Set(events.map((e) => e.symbol))].filter((s) => store.has(s));
  const adjusted = symbols.filter((s) => ['forward', 'backward'].includes(store.entry(s).adjustment));
  if (adjusted.length)
    out.push({
      topic: 'Adjusted prices',
      text: `${adjusted.join(', ')} use ${[...new Set(adjusted.map((s) => store.entry(s).adjustment))].join('/')}-adjusted prices. Returns are unaffected by splits and bonus issues, but price levels are not the traded prices and subtractive dividend adjustment rescales returns slightly (by P/(P-D)).`,
    });
  for (const s of symbols) {
    const e = store.entry(s);
    if (e.notes) out.push({ topic: `${s} ${e.name}`, text: e.notes });
    const sib = `${s}-unadj`;
    if (store.has(sib)) {
      const a = store.get(s).series;
      const u = store.get(sib).series;
      const ratios: number[] = [];
      for (let i = 0, j = 0; i < a.days.length && j < u.days.length; ) {
        if (a.days[i] === u.days[j]) ratios.push(u.close[j++] / a.close[i++]);
        else if (a.days[i] < u.days[j]) i++;
        else j++;
      }
      if (ratios.length) {
        const mn = Math.min(...ratios);
        const mx = Math.max(...ratios);
        out.push({
          topic: `${s}: adjusted vs traded prices`,
          text: `Over ${ratios.length} common days the traded close (${relative(root, store.path(sib))}) is ${mn.toFixed(3)}-${mx.toFixed(3)} times the ${e.adjustment}-adjusted close (${relative(root, store.path(s))}). Returns agree; price levels and anything quoted in yuan do not.`,
        });
      }
    }
  }
  const limits = results.filter((r) => r.flags?.some((f) => f.startsWith('price limit')));
  if (limits.length)
    out.push({
      topic: 'Price-limit days',
      text: `${limits.map((r) => `${r.id} (${r.symbol}): ${r.flags!.find((f) => f.startsWith('price limit'))!.replace(/^price limit hit \(observed return censored\): /, '')}`).join('; ')}. On these days the close was capped by the exchange's daily limit, so the observed return (and the AR) understates the reaction: demand was not met at the limit price.`,
    });
  const confounded = results.filter((r) => r.flags?.some((f) => f.startsWith('confounded')));
  if (confounded.length)
    out.push({
      topic: 'Confounded events',
      // The first ids and a count: every event's own flag names its neighbours (report.json, events.csv).
      text: `${confounded.slice(0, 20).map((r) => r.id).join(', ')}${confounded.length > 20 ? ` and ${confounded.length - 20} more` : ''}: event windows of the same listing overlap, so their abnormal returns cannot be attributed to one announcement alone.`,
    });
  const missing = results.filter((r) => r.outcome === 'no-price-data');
  if (missing.length)
    out.push({
      topic: 'Listings without price data',
      text: `${missing.map((r) => `${r.symbol} (${r.id})`).join(', ')}: no price series is available, reported as \`no-price-data\`, not dropped.`,
    });
  const periodsNote = symbols.filter((s) => store.entry(s).trimmed);
  if (periodsNote.length) out.push({ topic: 'Trimmed files', text: `The shipped files keep only ${store.entry(periodsNote[0]).trimmed} to keep the repository small (see prices/PROVENANCE.md).` });
  return out;
}
