/**
 * Writes a report folder: report.json (checked against the contract first), report.md, report.html,
 * events.csv and charts/*.svg, through writeOutputDir: staged beside the previous report and swapped in whole,
 * removing only files the previous run of this command listed in the folder's manifest.
 *
 * The report files are staged (on disk, fsynced) before any chart is drawn, and each chart is drawn
 * on its own: one that fails is a warning, report.md is staged again without its link, and the rest
 * of the report is swapped in as usual. A chart can cost itself, never the report.
 */
import { reportSchema, type ReportJson } from './schema.js';
import { renderMarkdown } from './markdown.js';
import { writeOutputDir, type OutputSession } from './outputDir.js';
import { eventsCsv } from './eventsCsv.js';
import { checkContract } from './contractParts.js';
import { renderHtml } from './html/page.js';

export interface WriteOptions {
  charts?: boolean;
  /** Event ids to draw price charts for (study `charts.events`, `--chart-events`). */
  chartEvents?: readonly string[];
  /** Told about each chart that could not be drawn (default: a line on stderr). */
  warn?: (message: string) => void;
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
 *
 * @example
 * writeFileSync('report.json', toJson(runStudyFile('studies/china-ai-2023.yaml')));
 */
export function toJson(report: ReportJson): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/**
 * Writes report.md, report.json and the SVG charts into `outDir`: a folder, or the session a
 * command opened on it before computing (see openOutputDir). The report is checked against its
 * schema first.
 *
 * @example
 * import { runStudyFile, writeReport } from 'evstudy';
 * const { dir, files } = await writeReport(runStudyFile('studies/china-ai-2023.yaml'), 'reports/china-ai-2023', { charts: false });
 */
export async function writeReport(report: ReportJson, outDir: string | OutputSession, opts: WriteOptions = {}): Promise<WrittenReport> {
  // The object itself is checked: a NaN where the contract wants a number or null is a bug to
  // surface, not something to paper over as null.
  checkContract(reportSchema, report, 'report');
  const sections = opts.sections ?? [];
  // Charts are planned (names, titles) up front and drawn only after the report files are staged.
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
  // The folder is checked (and locked) before any chart is drawn: a refusal should not cost a render.
  return writeOutputDir(outDir, { producer: 'report', force: opts.force }, async (out) => {
    out.stage('report.json', toJson(report));
    out.stage('events.csv', eventsCsv(report));
    out.stage('report.md', markdown(refs));
    for (const c of sections.flatMap((s) => s.charts)) out.stage(`charts/${c.file}`, c.svg);
    const failed = new Set<string>();
    const drawn: { file: string; title: string; svg: string }[] = [];
    for (const job of plan.jobs) {
      const svg = await chartsMod!.drawChart(job, opts.warn);
      if (svg === null) failed.add(job.file);
      else {
        out.stage(`charts/${job.file}`, svg);
        drawn.push({ file: job.file, title: job.title, svg });
      }
    }
    // report.md must not link a chart that was not drawn.
    if (failed.size) out.stage('report.md', markdown(refs.filter((c) => !failed.has(c.file))));
    // report.html inlines the charts, so it is written once they are drawn (a failed one is absent).
    const svgs = [...drawn, ...sections.flatMap((s) => s.charts)];
    out.stage(
      'report.html',
      renderHtml(report, {
        charts: svgs.map((c) => ({ file: `charts/${c.file}`, title: c.title, svg: c.svg })),
        chartsOff: opts.charts === false,
        sections: sections.map((s) => s.markdown),
        priceNote: plan.priceNote,
        eventsCsv: true,
      }),
    );
  });
}
