/**
 * Writes a report folder: report.json (checked against the contract first), report.md and
 * charts/*.svg, through writeOutputDir: staged beside the previous report and swapped in whole,
 * removing only files the previous run of this command listed in the folder's manifest.
 */
import { reportSchema, type ReportJson } from './schema.js';
import { renderMarkdown } from './markdown.js';
import { writeOutputDir, type OutputSession } from './outputDir.js';
import { OutputError } from '../util/errors.js';

export interface WriteOptions {
  charts?: boolean;
  /** Write into a non-empty folder that is not an evstudy output folder. */
  force?: boolean;
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

/** `outDir`: a folder, or the session a command opened on it before computing (see openOutputDir). */
export async function writeReport(report: ReportJson, outDir: string | OutputSession, opts: WriteOptions = {}): Promise<WrittenReport> {
  // The object itself is checked: a NaN where the contract wants a number or null is a bug to
  // surface, not something to paper over as null.
  const checked = reportSchema.safeParse(report);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new OutputError(`report does not match its schema at ${issue.path.join('.')}: ${issue.message} (a bug: please report it)`);
  }
  // The folder is checked (and locked) before any chart is drawn: a refusal should not cost a render.
  return writeOutputDir(outDir, { producer: 'report', force: opts.force }, async (out) => {
    const sections = opts.sections ?? [];
    const charts = [
      ...(opts.charts === false ? [] : await (await import('./charts/index.js')).renderCharts(report)),
      ...sections.flatMap((s) => s.charts),
    ];
    out.stage('report.json', toJson(report));
    out.stage(
      'report.md',
      renderMarkdown(
        report,
        charts.map((c) => ({ file: `charts/${c.file}`, title: c.title })),
        sections.map((s) => s.markdown),
      ),
    );
    for (const c of charts) out.stage(`charts/${c.file}`, c.svg);
  });
}
