/**
 * Version of what the price parser makes of a file's bytes (columns, warnings, layout detection).
 * Bump it whenever a change to src/data/prices could turn the same CSV into different series or
 * warnings: column cache entries are keyed by it, so older entries are never read again (they
 * age out under the cache's size cap, or `evstudy cache clear` removes them).
 */
// 2: mixed UTC offsets and intraday rows refused, weekend-bar warning, errors capped at 20.
export const PARSER_VERSION = 2;
