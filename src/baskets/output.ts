/**
 * The files of `evstudy baskets compare`: baskets.md, baskets.json and charts/cumulative.svg,
 * rendered in memory and then written together (writeOutputFiles: all or none is replaced).
 */
import { writeOutputFiles } from '../report/outputDir.js';
import { CUMULATIVE_CHART, cumulativeChart, cumulativeTitle } from './chart.js';
import { compareSchema, type CompareJson } from './json.js';
import { checkContract } from '../report/contractParts.js';
import { renderCompareMarkdown } from './markdown.js';

export const COMPARE_FILES = { markdown: 'baskets.md', json: 'baskets.json', chart: `charts/${CUMULATIVE_CHART}` } as const;

export interface OutputFile {
  /** Relative to the output folder. */
  file: string;
  data: string;
}

export function compareFiles(cmp: CompareJson): OutputFile[] {
  // As report.json: what is written must validate against the schema shipped for it.
  checkContract(compareSchema, cmp, 'baskets.json');
  const title = cumulativeTitle(cmp);
  const svg = cumulativeChart(cmp, title);
  return [
    { file: COMPARE_FILES.markdown, data: renderCompareMarkdown(cmp, { file: COMPARE_FILES.chart, title }) },
    { file: COMPARE_FILES.json, data: `${JSON.stringify(cmp, null, 2)}\n` },
    { file: COMPARE_FILES.chart, data: svg },
  ];
}

/**
 * Writes the files under `dir` as one command's set (`producer`): compare and events share the
 * default folder, and each replaces only its own files. Returns their paths.
 */
export function writeOutputs(dir: string, files: readonly OutputFile[], opts: { producer: string; force?: boolean }): string[] {
  return writeOutputFiles(dir, opts, files).files;
}
