/**
 * At most this many events may be named for price charts (study `charts.events`, `--chart-events`).
 * Its own module so the CLI's flag definitions can name it without loading the chart code and, through
 * it, the whole numeric core at every start-up (issue 15 §3).
 */
export const MAX_CHART_EVENTS = 40;
