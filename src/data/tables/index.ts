/** Readers for the ad-hoc `study` command's own tables (returns / prices / market, events, factors). */
export type {
  DateFormat,
  EventRow,
  EventsTable,
  EventTiming,
  FactorTable,
  ValueSeries,
  ValueTable,
} from './types.js';
export { readValueTable, type ValueTableOptions } from './valueTable.js';
export { pickColumn, marketSeries, rMangledName } from './pick.js';
export {
  readEventsTable,
  type EventsTableOptions,
  EVENT_SYMBOL_COLUMNS,
  EVENT_DATE_COLUMNS,
  EVENT_ID_COLUMNS,
  EVENT_GROUP_COLUMNS,
  EVENT_TIMING_COLUMNS,
  EVENT_MARKET_COLUMNS,
} from './events.js';
export { readFactorTable, type FactorTableOptions, FACTOR_COLUMNS, PERCENT_MEDIAN_THRESHOLD } from './factors.js';
export { loadText, loadValueTable, loadEventsTable, loadFactorTable } from './files.js';
