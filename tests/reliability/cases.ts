/**
 * The bad-input corpus as tables of command lines and the error each must give, shared by the
 * in-process tests (corpus.test.ts) and the same cases through the built CLI as a subprocess
 * (corpus.cli.test.ts). No test code runs here and nothing loads the CLI in-process.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BAD, bad } from './files.js';

/** Ad-hoc study flags over the corpus' base tables, with any flag overridden. */
export function studyArgs(overrides: Record<string, string | null>, out: string): string[] {
  const flags: Record<string, string | null> = {
    '--returns': bad('base/returns.csv'),
    '--market': bad('base/market.csv'),
    '--events': bad('base/events.csv'),
    '--bootstrap': '99',
    '--out': out,
    ...overrides,
  };
  const args = ['study'];
  for (const [k, v] of Object.entries(flags)) if (v !== null) args.push(k, v);
  if (!('--charts' in overrides)) args.push('--no-charts');
  return args;
}

// ------------------------------------------------------------------------------ ad-hoc errors

export interface ErrorCase {
  name: string;
  flags: Record<string, string | null>;
  code: number;
  /** Corpus file named by the message (relative to tests/fixtures/bad/), or a flag for usage errors. */
  file?: string;
  line?: number;
  field: string;
  message: RegExp;
}

export const PRICES = { '--returns': null, '--prices': bad('base/prices.csv'), '--market': bad('base/market-prices.csv') };

export const ADHOC_ERRORS: ErrorCase[] = [
  { name: 'truncated returns file', flags: { '--returns': bad('tables/returns-truncated.csv') }, code: 3, file: 'tables/returns-truncated.csv', line: 221, field: 'BBB', message: /row has 2 cells but the header has 5/ },
  { name: 'events file cut inside a quoted cell', flags: { '--events': bad('tables/events-truncated-quote.csv') }, code: 3, file: 'tables/events-truncated-quote.csv', line: 2, field: 'column 4', message: /unterminated quoted field/ },
  { name: 'wrong delimiter (|)', flags: { '--returns': bad('tables/returns-pipe-delimited.csv') }, code: 3, file: 'tables/returns-pipe-delimited.csv', line: 1, field: 'header', message: /separated by "\|"/ },
  { name: 'GB18030 bytes behind a UTF-8 BOM', flags: { '--events': bad('tables/events-gb18030-utf8-bom.csv') }, code: 3, file: 'tables/events-gb18030-utf8-bom.csv', line: 2, field: 'bytes "c8 cb', message: /byte-order mark but is not valid UTF-8/ },
  { name: 'neither UTF-8 nor GB18030', flags: { '--events': bad('tables/events-neither-encoding.csv') }, code: 3, file: 'tables/events-neither-encoding.csv', line: 2, field: 'bytes "ff 80 ff', message: /neither UTF-8 nor GB18030/ },
  { name: 'mixed date formats', flags: { '--returns': bad('tables/returns-mixed-dates.csv') }, code: 3, file: 'tables/returns-mixed-dates.csv', line: 50, field: 'date "10/03/2022"', message: /mixed date formats/ },
  { name: 'conflicting duplicate date (wide)', flags: { '--returns': bad('tables/returns-duplicate-date-conflict.csv') }, code: 3, file: 'tables/returns-duplicate-date-conflict.csv', line: 60, field: 'AAA', message: /appears twice with different values: line 59/ },
  { name: 'conflicting duplicate date (long)', flags: { '--returns': bad('tables/returns-long-duplicate-conflict.csv') }, code: 3, file: 'tables/returns-long-duplicate-conflict.csv', line: 42, field: 'return', message: /AAA on 2022-01-17 appears twice with different values: line 12/ },
  { name: 'inf return', flags: { '--returns': bad('tables/returns-inf.csv') }, code: 3, file: 'tables/returns-inf.csv', line: 40, field: 'BBB "inf"', message: /infinite value/ },
  { name: 'overflowing 1e309 return', flags: { '--returns': bad('tables/returns-overflow-1e309.csv') }, code: 3, file: 'tables/returns-overflow-1e309.csv', line: 41, field: 'CCC "1e309"', message: /infinite value/ },
  { name: 'empty returns file', flags: { '--returns': bad('tables/returns-empty.csv') }, code: 3, file: 'tables/returns-empty.csv', line: 1, field: 'header', message: /empty file/ },
  { name: 'header-only returns file', flags: { '--returns': bad('tables/returns-header-only.csv') }, code: 3, file: 'tables/returns-header-only.csv', line: 1, field: 'header', message: /no data rows/ },
  { name: 'row with an extra cell', flags: { '--returns': bad('tables/returns-ragged-row.csv') }, code: 3, file: 'tables/returns-ragged-row.csv', line: 30, field: 'column 6 (no header)', message: /row has 6 cells but the header has 5/ },
  { name: 'zero price', flags: { ...PRICES, '--prices': bad('tables/prices-zero.csv') }, code: 3, file: 'tables/prices-zero.csv', line: 70, field: 'BBB "0"', message: /prices must be positive/ },
  { name: 'negative price', flags: { ...PRICES, '--prices': bad('tables/prices-negative.csv') }, code: 3, file: 'tables/prices-negative.csv', line: 71, field: 'CCC "-12.5"', message: /prices must be positive/ },
  { name: 'zero price in the market file', flags: { ...PRICES, '--market': bad('tables/prices-zero.csv'), '--market-column': 'BBB' }, code: 3, file: 'tables/prices-zero.csv', line: 70, field: 'BBB "0"', message: /prices must be positive/ },
  { name: 'factor file without SMB', flags: { '--model': 'ff3', '--factors': bad('tables/factors-missing-smb.csv') }, code: 3, file: 'tables/factors-missing-smb.csv', line: 1, field: 'SMB', message: /no SMB column/ },
  { name: 'events without a date column', flags: { '--events': bad('tables/events-missing-date-column.csv') }, code: 3, file: 'tables/events-missing-date-column.csv', line: 1, field: 'date', message: /no date column/ },
  { name: 'header-only events file', flags: { '--events': bad('tables/events-header-only.csv') }, code: 3, file: 'tables/events-header-only.csv', line: 1, field: 'header', message: /no events/ },
  { name: 'duplicate event id', flags: { '--events': bad('tables/events-duplicate-id.csv') }, code: 3, file: 'tables/events-duplicate-id.csv', line: 3, field: 'id "good-a"', message: /duplicate event id \(first used on line 2\)/ },
  { name: 'impossible event date', flags: { '--events': bad('tables/events-bad-date.csv') }, code: 3, file: 'tables/events-bad-date.csv', line: 3, field: 'date "2022-02-30"', message: /not a real calendar date/ },
  { name: 'an event on a Saturday under --non-trading error', flags: { '--events': bad('tables/events-weekend.csv'), '--non-trading': 'error' }, code: 3, file: 'tables/events-weekend.csv', line: 3, field: 'date "2022-08-06"', message: /is a Saturday \(policy error\)/ },
  { name: 'estimation window shorter than the minimum', flags: { '--estimation': '-30:-11' }, code: 2, field: '--estimation "-30:-11"', message: /20 days, fewer than --min-estimation 60/ },
  { name: 'zero bootstrap resamples', flags: { '--bootstrap': '0' }, code: 2, field: '--bootstrap "0"', message: />= 1/ },
  { name: 'missing input file', flags: { '--events': bad('tables/no-such-file.csv') }, code: 3, file: 'tables/no-such-file.csv', field: '', message: /file not found/ },
];

// ------------------------------------------------------------------------ vendor price files

export interface PriceCase {
  file: string;
  line?: number;
  field: string;
  message: RegExp;
}

export const PRICE_ERRORS: PriceCase[] = [
  { file: 'zero-close.csv', line: 5, field: 'close "0"', message: /price is not positive/ },
  { file: 'negative-open.csv', line: 6, field: 'open "-1.5"', message: /price is not positive/ },
  { file: 'nan-close.csv', line: 7, field: 'close "NaN"', message: /NaN is not a price/ },
  { file: 'inf-high.csv', line: 8, field: 'high "inf"', message: /price is infinite/ },
  { file: 'empty-close.csv', line: 9, field: 'close ""', message: /missing price/ },
  { file: 'overflow-1e309.csv', line: 11, field: 'close "1e309"', message: /price is infinite/ },
  { file: 'high-below-low.csv', line: 12, field: 'high', message: /is below low/ },
  { file: 'missing-close-column.csv', line: 1, field: 'close', message: /missing column "close"/ },
  { file: 'empty.csv', line: 1, field: 'header', message: /empty file/ },
  { file: 'header-only.csv', line: 1, field: 'header', message: /header only/ },
  { file: 'truncated.csv', line: 31, field: 'volume', message: /the row has 5 cells, the header has 6/ },
  { file: 'duplicate-date-conflict.csv', line: 16, field: 'date "2022-01-20"', message: /date repeated \(line 15\) with a different volume/ },
  { file: 'mixed-dates.csv', line: 20, field: 'date "20220127"', message: /mixed date formats/ },
  { file: 'semicolon-delimited.csv', line: 1, field: 'header', message: /cannot tell the price layout/ },
  { file: 'gb18030-utf8-bom.csv', line: 1, field: 'bytes', message: /byte-order mark but is not valid UTF-8/ },
  { file: 'neither-encoding.csv', line: 4, field: 'bytes', message: /neither UTF-8 nor GB18030/ },
];

/**
 * A registry study over one corpus price file as AAA (plus the corpus' synthetic market index),
 * with one event inside the file's 30 rows. Returns the study file.
 */
export function priceStudy(priceFile: string, tempDir: () => string): string {
  const dir = tempDir();
  const reg = join(BAD, 'study/registry');
  cpSync(join(reg, 'prices'), join(dir, 'prices'), { recursive: true });
  cpSync(bad(`prices/${priceFile}`), join(dir, 'prices', 'AAA.csv'));
  cpSync(join(reg, 'events', 'good-a.yaml'), join(dir, 'events', 'good-a.yaml'));
  const text = readFileSync(join(dir, 'events', 'good-a.yaml'), 'utf8').replace('date: 2022-08-01', 'date: 2022-01-24');
  writeFileSync(join(dir, 'events', 'good-a.yaml'), text);
  const study = join(dir, 'study.yaml');
  writeFileSync(study, `id: price-case\ntitle: One price file\neventsDir: ${join(dir, 'events')}\npricesDir: ${join(dir, 'prices')}\nbootstrapSamples: 9\nminEstimation: 5\nestimation: [-12, -3]\nwindow: [-2, 2]\ncarWindows: [[-1, 1]]\n`);
  return study;
}

// --------------------------------------------------------------------------- event YAML files

export const EVENT_YAML_ERRORS: { dir: string; file: string; line: number; field: string; message: RegExp }[] = [
  { dir: 'invalid-syntax', file: 'alpha.yaml', line: 12, field: '', message: /YAML syntax error: Missing closing "quote/ },
  { dir: 'duplicate-id', file: 'alpha-copy.yaml', line: 1, field: 'id "alpha"', message: /duplicate id: also used by .*alpha\.yaml/ },
  { dir: 'traversal-id', file: 'escape.yaml', line: 1, field: 'id "../escape"', message: /must be a slug/ },
  { dir: 'slash-id', file: 'nested.yaml', line: 1, field: 'id "a/b"', message: /must be a slug/ },
  { dir: 'unknown-key', file: 'alpha.yaml', line: 12, field: 'timezon', message: /unknown key/ },
  { dir: 'wrong-type', file: 'alpha.yaml', line: 4, field: 'symbols "AAA"', message: /must be a list of symbols/ },
];

// ------------------------------------------------------------------------------- study files

export const STUDY_FILE_ERRORS: { file: string; line: number; field: string; message: RegExp }[] = [
  { file: 'unknown-key.yaml', line: 3, field: 'modle "market"', message: /unknown key\(s\) "modle" \(allowed: id, title/ },
  { file: 'nested-unknown-key.yaml', line: 5, field: 'select.tgs', message: /unknown key\(s\) "tgs" \(allowed: ids, tags, symbols, from, to, exclude\)/ },
  { file: 'wrong-type.yaml', line: 3, field: 'window[1] "ten"', message: /expected number, received string/ },
  { file: 'invalid-yaml.yaml', line: 4, field: '', message: /invalid YAML/ },
  { file: 'window-shorter-than-min.yaml', line: 4, field: 'minEstimation "60"', message: /exceeds the estimation window's 20 days/ },
  { file: 'bootstrap-zero.yaml', line: 3, field: 'bootstrapSamples "0"', message: />=1/ },
  { file: 'not-a-mapping.yaml', line: 1, field: '(top level)', message: /expected object, received array/ },
];

// ------------------------------------------------------------------------ the error contract

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface Where {
  file?: string;
  line?: number;
  field?: string;
}

/**
 * The error contract of the CLI: stderr holds exactly one message line (`evstudy: ...`, plus any
 * indented detail lines of the same error), naming `file:line` and the field; no stack trace, no
 * "internal error"; the documented exit code.
 */
export function expectUserError(run: CliRun, code: number, where: Where, message?: RegExp): string {
  expect(run.code, run.err).toBe(code);
  const lines = run.err.split('\n').filter((l) => l !== '');
  expect(lines.length, run.err).toBeGreaterThanOrEqual(1);
  expect(lines[0].startsWith('evstudy: '), run.err).toBe(true);
  // Further lines are details of the same error (indented), never a second message.
  for (const l of lines.slice(1)) expect(l.startsWith('  '), run.err).toBe(true);
  expect(run.err).not.toMatch(/internal error|\n\s+at |Error:|RangeError|TypeError/);
  const first = lines[0].slice('evstudy: '.length);
  if (where.file !== undefined) {
    const loc = where.line !== undefined ? `${where.file}:${where.line}: ` : `${where.file}`;
    expect(first.startsWith(loc), `expected "${loc}" at the start of: ${first}`).toBe(true);
  }
  if (where.field !== undefined) expect(first, first).toContain(where.field);
  if (message) expect(first).toMatch(message);
  return first;
}


// ------------------------------------------------------------------ one table of CLI error runs

/** A command line of the corpus and the one user error it must give. */
export interface CliErrorCase {
  name: string;
  /** The command line; `tmp` makes a temporary folder removed after the test. */
  setup(tmp: () => string): { args: string[]; where: Where };
  code: number;
  message: RegExp;
  /** A detail line (indented, after the message line) that must be there. */
  detail?: (where: Where) => string;
}

/** Every error case of the tables above as a command line: what corpus.cli.test.ts runs. */
export const CLI_ERROR_CASES: CliErrorCase[] = [
  ...ADHOC_ERRORS.map(
    (c): CliErrorCase => ({
      name: `study: ${c.name}`,
      setup: (tmp) => ({ args: studyArgs(c.flags, join(tmp(), 'out')), where: { file: c.file ? bad(c.file) : undefined, line: c.line, field: c.field } }),
      code: c.code,
      message: c.message,
    }),
  ),
  ...PRICE_ERRORS.map(
    (c): CliErrorCase => ({
      name: `run, price file: ${c.file}`,
      setup: (tmp) => {
        const study = priceStudy(c.file, tmp);
        return { args: ['run', study, '--out', join(tmp(), 'out'), '--no-charts'], where: { file: join(study, '..', 'prices', 'AAA.csv'), line: c.line, field: c.field } };
      },
      code: 3,
      message: c.message,
    }),
  ),
  ...EVENT_YAML_ERRORS.map(
    (c): CliErrorCase => ({
      name: `events validate: ${c.dir}`,
      setup: () => ({ args: ['events', 'validate', '--dir', bad(`events-yaml/${c.dir}`)], where: { file: bad(`events-yaml/${c.dir}`), field: '' } }),
      code: 4,
      message: /errors? in \d+ of \d+ event files?/,
      detail: () => `  ${join(bad(`events-yaml/${c.dir}`), c.file)}:${c.line}: ${c.field}`,
    }),
  ),
  ...STUDY_FILE_ERRORS.map(
    (c): CliErrorCase => ({
      name: `run, study file: ${c.file}`,
      setup: (tmp) => ({ args: ['run', bad(`study/${c.file}`), '--out', join(tmp(), 'out')], where: { file: bad(`study/${c.file}`), line: c.line, field: c.field } }),
      code: 4,
      message: c.message,
    }),
  ),
];
