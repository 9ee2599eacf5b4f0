/**
 * Sector baskets: definitions (baskets/*.yaml), weighted basket return series on the members'
 * union calendar, comparison metrics, the basket-level event study and the study report section.
 */
export { basketSchema, publishedSchema, WEIGHTINGS, REBALANCINGS, DEFAULT_BENCHMARK, type BasketDefinition, type BasketInput, type Published, type Weighting, type Rebalancing } from './schema.js';
export { parseBasketText, fieldPath, type ParsedBasket } from './parse.js';
export { DEFAULT_BASKETS_DIR, listBasketFiles, loadBasketFile, loadBasketFiles, loadBaskets } from './load.js';
export { unionDays, periodCalendar } from './calendar.js';
export { floatCapColumn, forwardFill, normalise, turnoverRounding, weightBasis, constantColumn } from './weights.js';
export { buyAndHold, dailyRebalanced, levelReturns, SUSPENSION_GAP_DAYS, type MemberColumns, type BasketPath, type BuyAndHoldPath, type DailyPath } from './series.js';
export { A_SHARE_TRADING_DAYS, annualisedVolatility, betaCorrelation, maxDrawdown, sampleSd, totalReturn, type BetaCorrelation, type Drawdown } from './metrics.js';
export { computeBasket, parsePeriod, type BasketPeriod, type ComputeOptions } from './compute.js';
export { compareBaskets, conventions, GENERATOR } from './compare.js';
export type { BasketResultJson, BenchmarkJson, CompareJson, FloatCapJson, MemberResultJson, MemberStatus } from './json.js';
export { renderCompareMarkdown, comparisonTable, basketDetail } from './markdown.js';
export { cumulativeChart, cumulativeSeries, cumulativeTitle, CUMULATIVE_CHART } from './chart.js';
export { renderLineChart, niceTicks, dateTicks, type LineChart, type LineSeries } from './svgChart.js';
export { compareFiles, writeOutputs, COMPARE_FILES, type OutputFile } from './output.js';
export {
  basketEventStudy,
  basketSecurity,
  pickEvents,
  basketSymbol,
  DEFAULT_BASKET_EVENTS,
  BASKET_CAR_WINDOWS,
  BASKET_EVENT_SETTINGS,
  type BasketEventStudyOptions,
  type BasketEventStudyJson,
  type BasketEventJson,
  type BasketEventWindowJson,
  type BasketEventMemberJson,
} from './events.js';
export { basketProvider, type BasketSecurity } from './provider.js';
export { renderBasketEventsMarkdown } from './eventsMarkdown.js';
export { basketSection, sectionJson, sectionMarkdown, SECTION_CHART, type BasketSection, type BasketSectionJson, type BasketSectionOptions, type BasketSectionRow } from './section.js';
export { runBasketsCompare, resolveBaskets, DEFAULT_OUT, DEFAULT_PERIOD, type BasketRunOptions } from './run.js';
export { runBasketEvents, EVENT_FILES, type BasketEventsRunOptions } from './runEvents.js';
