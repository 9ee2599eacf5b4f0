/**
 * Writes a report folder: report.json (checked against the contract first), report.md and
 * charts/*.svg. Everything is rendered in memory, then all files are staged and renamed together,
 * so a failed run leaves the previous report intact.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve, relative, isAbsolute } from 'node:path';
import { reportSchema, type ReportJson } from './schema.js';
import { renderMarkdown } from './markdown.js';
import { writeFilesAtomic } from '../util/atomicWrite.js';
import { OutputError } from '../util/errors.js';

export interface WriteOptions {
  charts?: boolean;
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
  const charts = [
    ...(opts.charts === false ? [] : await (await import('./charts/index.js')).renderCharts(report)),
    ...sections.flatMap((s) => s.charts),
  ];
  const files = [
    { path: join(dir, 'report.json'), data: json },
    {
      path: join(dir, 'report.md'),
      data: renderMarkdown(
        report,
        charts.map((c) => ({ file: `charts/${c.file}`, title: c.title })),
        sections.map((s) => s.markdown),
      ),
    },
    ...charts.map((c) => ({ path: join(dir, 'charts', c.file), data: c.svg })),
  ];
  for (const f of files) {
    const rel = relative(dir, f.path);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new OutputError('refusing to write outside the output folder', { file: f.path });
  }
  writeFilesAtomic(files);
  // Charts of events no longer in the study would be stale: remove them once the new set is in place.
  const keep = new Set(charts.map((c) => c.file));
  try {
    for (const f of readdirSync(join(dir, 'charts'))) if (f.endsWith('.svg') && !keep.has(f)) rmSync(join(dir, 'charts', f));
  } catch {
    /* no charts folder */
  }
  return { dir, files: files.map((f) => f.path) };
}
