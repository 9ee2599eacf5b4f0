/**
 * "How to read this report": the key a reader needs before the first figure. Stars and their
 * two-sided levels, what each statistic is, and the three denominators the report counts with, each
 * said once here instead of in every table (issue 13 §2).
 */
import type { ReportJson } from './schema.js';

/**
 * The Wilcoxon column's label: under `paper` the statistic is W+ standardised,
 * z = (W+ - n(n+1)/4) / sd(W+); under `estudy2` it is W+ itself (src/stats/wilcoxon.ts).
 *
 * @example wilcoxonLabel('estudy2') // 'Wilcoxon signed rank W+'
 */
export function wilcoxonLabel(convention: string | undefined): string {
  return convention === 'estudy2' ? 'Wilcoxon signed rank W+' : 'Wilcoxon signed rank z (of W+)';
}

export function readingKey(r: ReportJson): string[] {
  const estudy2 = r.settings.testConvention === 'estudy2';
  return [
    '## How to read this report',
    '',
    '- **Stars**: `*` p < 0.10, `**` p < 0.05, `***` p < 0.01. Every p-value is two-sided. Where a Holm-adjusted p stands beside the raw one (every window but the primary one, every day), the stars follow the adjusted p.',
    '- **Day 0** is the first trading day on which the news could move the listing\'s price; **[a,b]** is a window of trading days relative to it.',
    '- **AR** (abnormal return): the day\'s return minus the return the model expects; **CAR [a,b]**: the sum of the ARs over the window; **AAR** and **CAAR**: their averages across events; **market-adj. CAR**: the CAR with alpha 0 and beta 1 (return minus benchmark return); **raw**: the close-to-close return without any model, from the close before the window; **best high**: the highest intraday high in the window over that close.',
    '- **Per-event t and p**: the CAR over its standard deviation, which includes the estimation error of the model, against Student t with the model\'s degrees of freedom; p its two-sided p-value.',
    `- **Tests of the average** (one column each; each cell is the statistic with its p): cross-sectional t = CAAR / (sd of the CARs / √N); Brown-Warner t = CAAR over the sd from the estimation period (independence or crude dependence adjustment); Patell Z = scaled sum of the standardized ARs; BMP = cross-sectional t of the standardized ARs (robust to a variance rise on the event); Kolari-Pynnönen = BMP or Patell corrected for the average cross-correlation r̄ of the events' residuals; sign test = share of positive CARs against one half, generalized sign = against the estimation-period share; rank tests (Corrado, Campbell-Wasley, GRANK) = the event-window ranks of the ARs among all days; ${
      estudy2
        ? '**Wilcoxon is reported as W+**, the sum of the ranks of |CAR| over the positive CARs (as estudy2 prints it), with its p'
        : '**Wilcoxon is reported as z of W+**: W+ is the sum of the ranks of |CAR| over the positive CARs, z = (W+ - N(N+1)/4) / sd(W+), with its p'
    } (exact below 30 events); skewness-adjusted t = Hall\'s (1992) t corrected for skewness; bootstrap = p of the cross-sectional t from resampled CARs. References and formulas are under Methods.`,
    '- **Counts**: *event-listing pairs* are every (announcement, listing) row of the study; *with data* are those with a day 0 and a fitted model (outcome `ok` or `shifted`); *in the aggregate* (the N of the averages and tests) are those of them that enter the averages: duplicates and, when one firm-announcement is one observation, secondary listings are set aside (Data notes lists each with why). A day\'s or window\'s N counts those with a value there.',
  ];
}
