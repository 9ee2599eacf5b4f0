/**
 * The study file (`studies/*.yaml`): what to run, validated by zod so a typo in a key or a wrong
 * type is an error naming the field, never a silently ignored setting.
 */
import { resolve } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import * as z from 'zod';
import { ConfigError } from '../util/errors.js';
import { parseIsoDay } from '../util/dayNumber.js';
import { yamlToJs } from '../util/yamlToJs.js';
import { readYamlText } from '../util/readYamlText.js';
import { MAX_OFFSET } from './offsets.js';
import { MAX_CHART_EVENTS } from '../report/charts/limits.js';
import { formatPath, valueAt } from '../util/yamlPath.js';
import { conventionDefaults, DEFAULT_SETTINGS, GAP_RETURNS_MODES, LISTINGS_MODES } from './types.js';
import { isTestSelectionItem, parseTestSelection, TestSelectionError } from '../stats/selection.js';
import { backtestKeys, backtestBlockSchema } from '../backtest/config.js';

export const MODEL_KINDS = ['mean', 'market-adjusted', 'market', 'ff3', 'carhart', 'scholes-williams', 'dimson'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
export const NON_TRADING_POLICIES = ['next', 'previous', 'skip', 'error'] as const;
export type NonTradingPolicy = (typeof NON_TRADING_POLICIES)[number];

const isoDate = z.string().refine((s) => Number.isFinite(parseIsoDay(s)), 'must be a real date YYYY-MM-DD');
/** YAML turns an unquoted 2023-04-24 into a Date: accept both. */
const dateField = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDate);
/** Bounded like the window flags (MAX_OFFSET): a typo of a few digits must not exhaust memory. */
const offset = z
  .number()
  .int()
  .min(-MAX_OFFSET, `offsets must lie within -${MAX_OFFSET}..${MAX_OFFSET} trading days`)
  .max(MAX_OFFSET, `offsets must lie within -${MAX_OFFSET}..${MAX_OFFSET} trading days`);
const offsetWindow = z.tuple([offset, offset]).refine(([a, b]) => a <= b, 'window start must not be after its end');

/** `from` after `to` would be reported as a period running backwards, with text contradicting its numbers. */
function orderedDates(r: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (r.from !== undefined && r.to !== undefined && r.from > r.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${r.from})` });
}

export const claimSchema = z
  .object({
    id: z.string().min(1),
    /** The claim as published, quoted. */
    text: z.string().min(1),
    source: z.string().min(1),
    symbol: z.string().min(1),
    /**
     * What is claimed: `period` = close(to) / close(from) - 1; `rawReturn` / `maxHighReturn` /
     * `minLowReturn` = the window move of an event (or of the sessions after `from` up to `to`)
     * relative to the close before the window; `price` = a price level on `to` (or the window's
     * last day), see `at`.
     */
    measure: z.enum(['period', 'rawReturn', 'maxHighReturn', 'minLowReturn', 'price']),
    /** For `price`: the day's close, or any price traded that day (within [low, high]). */
    at: z.enum(['close', 'intraday']).optional(),
    from: dateField.optional(),
    to: dateField.optional(),
    event: z.string().optional(),
    window: offsetWindow.optional(),
    /** The published figure (decimal, 2.8723 = +287.23%), and how it was phrased. */
    claimed: z.number(),
    comparison: z.enum(['about', 'at-least', 'at-most', 'nearly']).default('about'),
    /** Tolerance for "about": |ours - claimed| <= tolerance. */
    tolerance: z.number().nonnegative().default(0.0005),
    /** Where `evstudy claims extract` found the claim (1-based line of the source) and how it resolved names, dates and the event; kept so its output pastes in as is. */
    line: z.number().int().positive().optional(),
    resolution: z.string().optional(),
  })
  .strict()
  .superRefine(orderedDates)
  .superRefine((c, ctx) => {
    // Without a day the checker would have nothing to read: say so at load, not as a verdict.
    if ((c.measure === 'price' || c.measure === 'minLowReturn') && c.event === undefined && c.to === undefined)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `a ${c.measure} claim needs an event (and window) or the day in to` });
    if (c.at !== undefined && c.measure !== 'price') ctx.addIssue({ code: 'custom', path: ['at'], message: 'at applies to measure price only' });
  });

export const periodSpecSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().optional(),
    from: dateField,
    to: dateField,
    /** Symbols to report; default every stock in the study's events plus their benchmarks. */
    symbols: z.array(z.string()).optional(),
  })
  .strict()
  .superRefine(orderedDates);

const selectSchema = z
  .object({
    ids: z.array(z.string()).optional(),
    tags: z.array(z.string()).optional(),
    symbols: z.array(z.string()).optional(),
    from: dateField.optional(),
    to: dateField.optional(),
    exclude: z.array(z.string()).optional(),
  })
  .strict()
  .superRefine(orderedDates);

export const studySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug like china-ai-2023'),
    title: z.string().min(1),
    description: z.string().optional(),
    /** Folders, relative to the working directory unless absolute. */
    eventsDir: z.string().default('events'),
    pricesDir: z.string().default('prices'),
    outDir: z.string().optional(),
    select: selectSchema.default({}),
    model: z.enum(MODEL_KINDS).default(DEFAULT_SETTINGS.model),
    /**
     * Benchmark overrides: `SYMBOL: BENCH` for one listing, `market:US: BENCH` (also `market:Hong Kong`,
     * `market:A-share`) for every listing of a market; otherwise the manifest's benchmark for the
     * listing. Keys and values are checked against the price manifest when the study runs
     * (checkBenchmarks.ts).
     */
    benchmarks: z.record(z.string(), z.string()).default({}),
    /** Benchmark returns without the listing itself where the manifest has the index's constituent weights. */
    excludeSelf: z.boolean().default(false),
    estimation: offsetWindow.default((): [number, number] => [...DEFAULT_SETTINGS.estimation]),
    /** End every estimation window before this date (trading days strictly before it), keeping its length. */
    estimationEndsBefore: dateField.optional(),
    window: offsetWindow.default((): [number, number] => [...DEFAULT_SETTINGS.window]),
    carWindows: z.array(offsetWindow).min(1).default(() => DEFAULT_SETTINGS.carWindows.map(([a, b]): [number, number] => [a, b])),
    minEstimation: z.number().int().min(3).default(DEFAULT_SETTINGS.minEstimation),
    nonTradingDay: z.enum(NON_TRADING_POLICIES).default(DEFAULT_SETTINGS.nonTradingDay),
    returnType: z.enum(['simple', 'log']).default('simple'),
    /** How to form groups: by the listing's market, by board, by the event's tag, or none. */
    groupBy: z.enum(['none', 'market', 'exchange', 'board', 'event']).default('market'),
    periods: z.array(periodSpecSchema).default([]),
    claims: z.array(claimSchema).default([]),
    /** Sector baskets' returns over a period beside published sector figures (src/baskets). */
    basketSection: z
      .object({ from: dateField, to: dateField, basketsDir: z.string().default('baskets') })
      .strict()
      .superRefine(orderedDates)
      .optional(),
    /**
     * Test formulas where the literature leaves a choice: as the papers (`paper`, default) or as R
     * estudy2 (`estudy2`, peer reproduction: it also sets every default below to the peers' choice).
     */
    testConvention: z.enum(['estudy2', 'paper']).default(DEFAULT_SETTINGS.testConvention),
    /**
     * Other events of the same listing inside an event's estimation window: `drop` their event
     * windows from the estimation sample, or `keep` the window as it is (peer packages). Default
     * `drop`, or `keep` under `testConvention: estudy2` (peer reproduction).
     */
    estimationContamination: z.enum(['drop', 'keep']).optional(),
    /**
     * A-share limit-hit days inside an estimation window (censored returns): `keep` them (default, as
     * the peer packages do; why: EngineSettings.limitDaysInEstimation) or `exclude` them from the
     * estimation sample.
     */
    limitDaysInEstimation: z.enum(['exclude', 'keep']).optional(),
    /**
     * Returns spanning more than one session (a halt, or the benchmark traded in between): `flag`
     * them per event (default), or also `exclude` those in the estimation window from the sample, or
     * `scale` (holidays count as sessions too; event-window ones get k sessions' variance).
     */
    gapReturns: z.enum(GAP_RETURNS_MODES).default('flag'),
    /**
     * Cross-listed firms: one observation per firm-announcement (its primary listing) or every
     * listing as its own event. Unset: primary, or separate under testConvention: estudy2.
     */
    listings: z.enum(LISTINGS_MODES).optional(),
    /**
     * Kolari-Pynnönen r-bar of the window tests: `overlap`, the r-bar of the CARs summed (residual
     * correlation x calendar overlap of the two windows, src/stats/rbarWindow.ts), or `day`, the
     * day-level r-bar for every window (the old behaviour). Unset: overlap, or day under
     * testConvention: estudy2.
     */
    kpWindowRbar: z.enum(['overlap', 'day']).optional(),
    seed: z.number().int().default(DEFAULT_SETTINGS.seed),
    bootstrapSamples: z.number().int().min(1).max(100000).default(DEFAULT_SETTINGS.bootstrapSamples),
    /**
     * The tests to compute (src/stats/selection.ts): `all` (default), `basic` (cross-sectional t and
     * BMP, what the Python eventstudy package computes), or test names, as a list or comma string.
     * The others cost nothing and are absent from the report.
     */
    tests: z.union([z.string(), z.array(z.string())]).optional(),
    /** Events to draw price charts for (default: all up to 20, else the 20 largest |CAR|). */
    charts: z
      .object({ events: z.array(z.string().min(1)).max(MAX_CHART_EVENTS, `at most ${MAX_CHART_EVENTS} events can have price charts`).optional() })
      .strict()
      .optional(),
    /** An event-driven backtest over the study's events (`evstudy backtest`, src/backtest/config.ts). */
    backtest: backtestBlockSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const [e0, e1] = s.estimation;
    const [w0] = s.window;
    if (e1 >= w0) ctx.addIssue({ code: 'custom', path: ['estimation'], message: `estimation window must end before the event window starts (${w0})` });
    if (e1 - e0 + 1 < s.minEstimation)
      ctx.addIssue({ code: 'custom', path: ['minEstimation'], message: `minEstimation ${s.minEstimation} exceeds the estimation window's ${e1 - e0 + 1} days` });
    s.carWindows.forEach(([a, b], i) => {
      if (a < s.window[0] || b > s.window[1])
        ctx.addIssue({ code: 'custom', path: ['carWindows', i], message: `[${a},${b}] lies outside the event window [${s.window[0]},${s.window[1]}]` });
    });
    if (s.tests !== undefined) {
      try {
        parseTestSelection(s.tests);
      } catch (e) {
        if (!(e instanceof TestSelectionError)) throw e;
        // A list item is reported on its own line.
        const bad = Array.isArray(s.tests) ? s.tests.findIndex((t) => !isTestSelectionItem(t)) : -1;
        ctx.addIssue({ code: 'custom', path: bad >= 0 ? ['tests', bad] : ['tests'], message: e.message });
      }
    }
    if ((s.model === 'ff3' || s.model === 'carhart'))
      ctx.addIssue({ code: 'custom', path: ['model'], message: 'factor models need a factor file: use the ad-hoc `study --factors` command' });
  });

export type StudyConfig = z.infer<typeof studySchema>;
export type Claim = z.infer<typeof claimSchema>;
export type PeriodSpec = z.infer<typeof periodSpecSchema>;

export interface LoadedStudy {
  config: StudyConfig;
  file: string;
  /** The folder that eventsDir / pricesDir / outDir are resolved against (the working directory). */
  root: string;
  /** Line of each `charts.events` item, so an id the study does not have is reported where written. */
  chartEventLines?: (number | undefined)[];
  /** Line of each `benchmarks` key, so an unknown symbol there is reported where written. */
  benchmarkLines?: Record<string, number | undefined>;
}

/**
 * Reads and validates a study file; every problem is reported at once with its field path and line
 * (a ConfigError, exit 4 in the CLI). Unset settings take their defaults (DEFAULT_SETTINGS).
 *
 * @example
 * import { loadStudy } from 'evstudy';
 * const study = loadStudy('studies/china-ai-2023.yaml');
 * console.log(study.config.model, study.config.estimation); // 'market' [-130, -11]
 */
export function loadStudy(file: string, root: string = process.cwd()): LoadedStudy {
  return parseStudy(readYamlText(file, 'study file'), file, root);
}

/**
 * loadStudy on YAML text already in memory; `file` names it in error messages and `root` is the
 * folder its paths (eventsDir, pricesDir, outDir) are resolved against.
 *
 * @example
 * import { parseStudy, runStudy } from 'evstudy';
 * const study = parseStudy('id: llm\ntitle: LLM launches\nselect: { tags: [llm] }\n', 'inline.yaml');
 * const report = runStudy(study);
 */
export function parseStudy(text: string, file: string, root: string = process.cwd()): LoadedStudy {
  const doc = parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new ConfigError(`invalid YAML: ${e.message.split('\n')[0]}`, { file, line: e.linePos?.[0]?.line ?? lineOf(text, e.pos?.[0]) });
  }
  const raw = yamlToJs(doc, text, file);
  if (raw === null || raw === undefined) {
    throw new ConfigError('the study file is empty: expected a mapping with at least id and title', { file, line: 1, field: '(top level)' });
  }
  const parsed = studySchema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((issue) => {
      // An unknown key is reported at the key itself (`select.tgs`), one error per key.
      const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
      return paths.map((path) => {
        const value = valueAt(raw, path);
        const msg =
          issue.code === 'unrecognized_keys'
            ? `unknown key(s) ${JSON.stringify(path[path.length - 1])} (allowed: ${allowedKeys(issue.path)})`
            : issue.code === 'invalid_type' && value === undefined && path.length > 0
              ? 'is required'
              : issue.message;
        return new ConfigError(msg, {
          file,
          // A key left out (a default applied) has no line of its own: point at its nearest
          // written relative (`estimation` for the default `minEstimation`), else line 1.
          line: keyLine(doc, text, path) ?? (path[0] === 'minEstimation' ? keyLine(doc, text, ['estimation']) : undefined) ?? 1,
          field: formatPath(path) || '(top level)',
          value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined,
        });
      });
    });
    // By line. One problem is the message itself (one line naming file, line and field); several
    // are a count with every problem as a detail (all shown at once).
    errors.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
    if (errors.length === 1) throw errors[0];
    throw new ConfigError(`${errors.length} problem(s) in study file`, { file }, errors);
  }
  const chartEventLines = parsed.data.charts?.events?.map((_, i) => keyLine(doc, text, ['charts', 'events', i]));
  // `testConvention: estudy2` is the peer-reproduction mode (it can only be written out, the default
  // is paper): the peers fit on the estimation window as it is, count every listing as its own event
  // and use the day-level r-bar.
  const byConvention = conventionDefaults(parsed.data.testConvention);
  const config = {
    ...parsed.data,
    estimationContamination: parsed.data.estimationContamination ?? byConvention.estimationContamination,
    // Limit days stay in the estimation sample unless a study asks otherwise (why: EngineSettings).
    limitDaysInEstimation: parsed.data.limitDaysInEstimation ?? 'keep',
    listings: parsed.data.listings ?? byConvention.listings,
    kpWindowRbar: parsed.data.kpWindowRbar ?? byConvention.kpWindowRbar,
  } as const;
  const benchmarkLines = Object.fromEntries(Object.keys(parsed.data.benchmarks).map((k) => [k, keyLine(doc, text, ['benchmarks', k])]));
  return { config, file, root: resolve(root), chartEventLines, benchmarkLines };
}

/**
 * The 1-based line of the key (or list item) at `path`; for a key that is not written (a missing
 * field), the line of its nearest written parent; undefined when not even the top key is written.
 */
function keyLine(doc: ReturnType<typeof parseDocument>, text: string, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const p of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(p));
      if (!pair) return lineOf(text, offset);
      offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof p === 'number' && node.items[p] !== undefined) {
      node = node.items[p];
      offset = (node as { range?: [number, number, number] }).range?.[0] ?? offset;
    } else {
      return lineOf(text, offset);
    }
  }
  if (path.length === 0) offset = (node as { range?: [number, number, number] } | null)?.range?.[0];
  return lineOf(text, offset);
}

function allowedKeys(path: readonly PropertyKey[]): string {
  if (path[0] === 'backtest') return backtestKeys(path.slice(1)) ?? 'see the documentation';
  const shape =
    path.length === 0
      ? studySchema.shape
      : path.length === 1 && path[0] === 'select'
        ? selectSchema.shape
        : path.length === 2 && path[0] === 'claims'
          ? claimSchema.shape
          : path.length === 2 && path[0] === 'periods'
            ? periodSpecSchema.shape
            : path.length === 1 && path[0] === 'charts'
              ? { events: null }
              : undefined;
  return shape ? Object.keys(shape).join(', ') : 'see the documentation';
}



function lineOf(text: string, offset: number | undefined): number | undefined {
  if (offset === undefined) return undefined;
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
