/**
 * A run in which no event reaches the aggregate has no result to report: exit 3 with the outcomes
 * counted (what kept each event out), and the previous report is left as it was.
 */
import type { ReportJson } from '../report/schema.js';
import { DataError } from '../util/errors.js';

export function requireAggregate(report: Pick<ReportJson, 'events' | 'aggregate'>): void {
  if ((report.aggregate.n ?? 0) > 0) return;
  const counts = new Map<string, number>();
  for (const e of report.events) counts.set(e.outcome, (counts.get(e.outcome) ?? 0) + 1);
  const why = [...counts].map(([k, v]) => `${k} ${v}`).join(', ');
  throw new DataError(
    report.events.length === 0
      ? 'no event to study (the selected announcements have no listings); nothing was written'
      : `no event reached the aggregate (${report.events.length} event${report.events.length === 1 ? '' : 's'}: ${why}); nothing was written`,
  );
}
