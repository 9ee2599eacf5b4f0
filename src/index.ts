/**
 * evstudy as a library. The CLI is a thin shell over these functions.
 *
 * @example
 * import { runStudyFile, writeReport } from 'evstudy';
 * const report = runStudyFile('studies/china-ai-2023.yaml');
 * console.log(report.aggregate.windows.map((w) => [w.window, w.caar, w.tests.bmp]));
 * await writeReport(report, 'reports/china-ai-2023');
 */
export { openPriceStore, parsePrices, checkPrices, parseManifest, detectLayout, type PriceStore } from './data/prices/index.js';
export type { PriceSeries, LoadedPrices, PriceManifestEntry, PriceLayout, Adjustment } from './data/prices/types.js';
export { loadEvents, validateEvents, listEvents, addEvent, eventSchema, type EventRecord, type Timing } from './data/events/index.js';
export { readValueTable, readEventsTable, readFactorTable, type ValueTable, type FactorTable, type EventRow } from './data/tables/index.js';
export { alignDay0, alignEventForListing, localTiming } from './calendar/index.js';
export { loadStudy, parseStudy, studySchema, type StudyConfig, type LoadedStudy } from './study/config.js';
export { runStudy, runStudyFile, selectEvents, expandEvents, settingsOf } from './study/runStudy.js';
export { runAdhoc, type AdhocOptions } from './study/adhoc.js';
export { runEngine, type EngineResult } from './study/engine.js';
export type { DataProvider, SecurityData, RegressorSet, StudyEvent, EngineSettings } from './study/types.js';
export { DEFAULT_SETTINGS } from './study/types.js';
export { reportSchema, reportJsonSchema, SCHEMA_VERSION, type ReportJson, type EventResultJson, type AggregateJson } from './report/schema.js';
export { writeReport, toJson } from './report/write.js';
export { renderMarkdown } from './report/markdown.js';
export { renderHtml, type HtmlOptions, type HtmlChart } from './report/html/page.js';
export * as core from './core/index.js';
export * as stats from './stats/index.js';
export { EvstudyError, DataError, ConfigError, UsageError, OutputError } from './util/errors.js';
export * as baskets from './baskets/index.js';
export { runStudyReport } from './study/runStudy.js';
export { runStudyBacktest, strategyOf } from './backtest/run.js';
export { backtestBlockSchema, type BacktestConfig } from './backtest/config.js';
export { backtestSchema as backtestJsonSchema, type BacktestJson } from './backtest/schema.js';
export { backtestFiles, writeBacktest } from './backtest/output.js';
export { runBacktest } from './backtest/engine.js';
