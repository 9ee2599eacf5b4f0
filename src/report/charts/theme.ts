/**
 * Shared look of the report charts: fixed sizes (the SVGs are embedded in report.md and must not
 * depend on a container), one font, and one colour per group that is the same in every chart.
 */
import type { Config } from 'vega-lite';
import type { ReportJson } from '../schema.js';

export const WIDTH = 760;
export const HEIGHT = 420;
// Latin faces first, then common CJK faces: event names are often Chinese and a font without
// the glyphs renders them as boxes.
export const FONT = 'Helvetica, Arial, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
/** Label of the series over every included event, drawn next to the per-group series. */
export const OVERALL = 'All events';
/** Name given to events whose group is null, so they still get a colour and a legend entry. */
export const UNGROUPED = 'Ungrouped';
/** Axis format for returns stored as fractions (0.012 -> 1.2%). */
export const PCT = '.1%';

// Colour-blind-safe qualitative colours (Okabe-Ito order), then a few extra for large studies.
const GROUP_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C564B', '#7F7F7F', '#BCBD22', '#17BECF'];
const OVERALL_COLOUR = '#222222';

export function groupLabel(group: string | null | undefined): string {
  return group ?? UNGROUPED;
}

/**
 * Group names in a stable order: as listed in `report.groups`, then any other group found on
 * events (sorted), so a group keeps its colour across charts of the same report.
 */
export function groupNames(report: ReportJson): string[] {
  const names = report.groups.map((g) => g.group);
  const known = new Set(names);
  const extra = new Set<string>();
  for (const ev of report.events) {
    const g = groupLabel(ev.group);
    if (!known.has(g)) extra.add(g);
  }
  return [...names, ...[...extra].sort()];
}

/**
 * Colour scale over the groups a chart shows. A colour is tied to the group's position in the
 * report, not in the chart, so a group absent from one chart does not shift the others' colours.
 */
export function groupColourScale(report: ReportJson, shown: readonly string[], withOverall = false): { domain: string[]; range: string[] } {
  const all = groupNames(report);
  const domain = all.filter((g) => shown.includes(g));
  const range = domain.map((g) => GROUP_COLOURS[all.indexOf(g) % GROUP_COLOURS.length]);
  if (withOverall) {
    domain.push(OVERALL);
    range.push(OVERALL_COLOUR);
  }
  return { domain, range };
}

export function baseConfig(): Config {
  return {
    font: FONT,
    background: 'white',
    title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555555', anchor: 'start', offset: 10 },
    axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e6e6e6' },
    legend: { labelFontSize: 11, titleFontSize: 12 },
    view: { stroke: null },
  };
}

/** Fixed outer size: `fit` makes width/height the size of the whole SVG, axes and legend included. */
export const AUTOSIZE = { type: 'fit', contains: 'padding' } as const;

/** Integer ticks on an event-day axis. */
export function dayAxis(title: string): Record<string, unknown> {
  return { title, format: 'd', tickMinStep: 1 };
}

/** Data for a reference mark (rule at 0) that draws once, independent of the chart's rows. */
export const ONE_ROW = { values: [{}] };
