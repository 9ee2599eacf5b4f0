/**
 * Writes a report folder: report.json (checked against the contract first), report.md, events.csv
 * and charts/*.svg. The report files are rendered in memory, then staged and renamed together, so a
 * failed run leaves the previous report intact; the charts follow, one file at a time.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve, relative, isAbsolute } from 'node:path';
import { reportSchema, type ReportJson } from './schema.js';
import { renderMarkdown } from './markdown.js';
import { writeFileAtomic, writeFilesAtomic } from '../util/atomicWrite.js';
import { eventsCsv } from './eventsCsv.js';
import { OutputError } from '../util/errors.js';

export interface WriteOptions {
  charts?: boolean;
  /** Event ids to draw price charts for (study `charts.events`, `--chart-events`). */
  chartEvents?: readonly string[];
  /** Told about each chart that could not be drawn (default: a line on stderr). */
  warn?: (message: string) => void;
  /** Extra sections (Markdown + their own SVG charts), placed after the period returns. */
  sections?: { markdown: string; charts: { file: string; title: string; svg: string }[] }[];
}

export interface WrittenReport {
  dir: string;
  files: string[];
}

/**
 * report.json text. JSON.stringify already writes NaN and Infinity as null (JSON has neither), and
 * a replacer function would cost as much again on a large report.
 */
export function toJson(report: ReportJson): string {
  return JSON.stringify(report, null, 2) + '\n';
}

export async function writeReport(report: ReportJson, outDir: string, opts: WriteOptions = {}): Promise<WrittenReport> {
  // The object itself is checked: a NaN where the contract wants a number or null is a bug to
  // surface, not something to paper over as null.
  const checked = reportSchema.safeParse(report);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new OutputError(`report does not match its schema at ${issue.path.join('.')}: ${issue.message} (a bug: please report it)`);
  }
  const dir = resolve(outDir);
  const json = toJson(report);
  const sections = opts.sections ?? [];
  // Charts are planned (names, titles) but drawn only after report.json, report.md and events.csv
  // are in place: a chart that fails to draw is a warning and never costs the report.
  const chartsMod = opts.charts === false ? null : await import('./charts/index.js');
  const plan = chartsMod ? chartsMod.planCharts(report, { events: opts.chartEvents }) : { jobs: [], priceNote: '' };
  const refs = [...plan.jobs, ...sections.flatMap((s) => s.charts)];
  const markdown = (drawn: readonly { file: string; title: string }[]): string =>
    renderMarkdown(
      report,
      drawn.map((c) => ({ file: `charts/${c.file}`, title: c.title })),
      sections.map((s) => s.markdown),
      { priceNote: plan.priceNote, eventsCsv: true },
    );
  const files = [
    { path: join(dir, 'report.json'), data: json },
    { path: join(dir, 'report.md'), data: markdown(refs) },
    { path: join(dir, 'events.csv'), data: eventsCsv(report) },
    ...sections.flatMap((s) => s.charts).map((c) => ({ path: join(dir, 'charts', c.file), data: c.svg })),
  ];
  for (const f of [...files, ...plan.jobs.map((j) => ({ path: join(dir, 'charts', j.file) }))]) {
    const rel = relative(dir, f.path);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new OutputError('refusing to write outside the output folder', { file: f.path });
  }
  // The charts folder is made before anything is written: if it cannot be (a file in its
  // place), the run fails with the previous report untouched rather than half replaced.
  if (plan.jobs.length) {
    try {
      mkdirSync(join(dir, 'charts'), { recursive: true });
    } catch (e) {
      throw new OutputError(`cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { file: join(dir, 'charts') });
    }
  }
  writeFilesAtomic(files);
  const written = files.map((f) => f.path);
  const failed = new Set<string>();
  for (const job of plan.jobs) {
    const svg = await chartsMod!.drawChart(job, opts.warn);
    if (svg === null) failed.add(job.file);
    else {
      writeFileAtomic(join(dir, 'charts', job.file), svg);
      written.push(join(dir, 'charts', job.file));
    }
  }
  // report.md must not link a chart that was not drawn.
  if (failed.size) writeFileAtomic(join(dir, 'report.md'), markdown(refs.filter((c) => !failed.has(c.file))));
  // Charts of events no longer in the study would be stale: remove them once the new set is in place.
  const keep = new Set(refs.map((c) => c.file).filter((f) => !failed.has(f)));
  try {
    for (const f of readdirSync(join(dir, 'charts'))) if (f.endsWith('.svg') && !keep.has(f)) rmSync(join(dir, 'charts', f));
  } catch {
    /* no charts folder */
  }
  return { dir, files: written };
}
