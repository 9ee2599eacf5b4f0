/**
 * The contract validates (issue 10 §3): every JSON file the tool writes is checked against the JSON
 * Schema it ships, by a real Draft 2020-12 validator (ajv), on output of the BUILT CLI. Before,
 * report.json broke its own schema 1,620 times (test results carry `n` and `df`; the schema, made
 * from non-strict zod objects, forbade them) and nothing noticed, because only zod checked it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES, schemaText, type SchemaName } from '../../src/report/schemaFiles.js';
import { checkContract } from '../../src/report/contractParts.js';
import { reportSchema } from '../../src/report/schema.js';
import { fixtureReport } from './charts/fixture.js';
import { BAD } from '../reliability/files.js';
import { REPO, runBuilt, tempDir } from '../helpers/cli.js';

const NAMES = Object.keys(SCHEMA_FILES) as SchemaName[];
const committed = (name: SchemaName): string => readFileSync(join(REPO, SCHEMA_FILES[name].file), 'utf8');

/** A validator of a committed schema file; its errors, shortened, or [] when the value is valid. */
function validator(name: SchemaName): (value: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const check = ajv.compile(JSON.parse(committed(name)) as object);
  return (value) => (check(value) ? [] : (check.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`));
}

describe('the shipped JSON Schemas are generated from zod (one source)', () => {
  it.each(NAMES)('schema/%s.schema.json is what zod emits now (if this fails: npm run schema, and commit the file)', (name) => {
    expect(committed(name)).toBe(schemaText(name));
  });

  it('`evstudy schema NAME` prints the committed file, whole; an unknown name is a usage error (exit 2)', async () => {
    const [baskets, unknown] = await Promise.all([runBuilt(['schema', 'baskets']), runBuilt(['schema', 'nope'])]);
    expect(baskets.code).toBe(0);
    expect(baskets.out).toBe(committed('baskets'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^evstudy: name "nope": unknown schema; use one of report, baskets, basket-events, backtest, claims\n$/);
  });
});

describe('what the built CLI writes validates against the shipped schemas (ajv, Draft 2020-12)', () => {
  it('the default study, an ad-hoc study, baskets compare and baskets events (files and --json stdout)', async () => {
    const dir = tempDir();
    const [run, adhoc, compare, events] = await Promise.all([
      runBuilt(['run', '--out', join(dir, 'default'), '--no-charts']),
      runBuilt([
        'study',
        ...['--returns', join(BAD, 'base/returns.csv'), '--market', join(BAD, 'base/market.csv'), '--events', join(BAD, 'base/events.csv')],
        ...['--bootstrap', '99', '--out', join(dir, 'adhoc'), '--no-charts'],
      ]),
      runBuilt(['baskets', 'compare', '--json', '--out', join(dir, 'baskets')]),
      // One event and one basket: the shape is the same as for the default four by six.
      runBuilt(['baskets', 'events', '--json', '--events', 'openai-chatgpt', '--baskets', 'chips', '--out', join(dir, 'basket-events')]),
    ]);
    for (const r of [run, adhoc, compare, events]) expect(r.code, r.stderr).toBe(0);

    const report = validator('report');
    const defaultReport = JSON.parse(readFileSync(join(dir, 'default', 'report.json'), 'utf8')) as Record<string, unknown>;
    // The parts whose shapes used to be `any`: the study's inputs and the basket section.
    expect(defaultReport.inputs).toHaveProperty('studyFile');
    expect(defaultReport.baskets).toHaveProperty('baskets');
    expect(report(defaultReport)).toEqual([]);
    const adhocReport = JSON.parse(readFileSync(join(dir, 'adhoc', 'report.json'), 'utf8')) as Record<string, unknown>;
    expect(adhocReport.inputs).toHaveProperty('returns');
    expect(report(adhocReport)).toEqual([]);

    const baskets = validator('baskets');
    const stdoutJson = JSON.parse(compare.out) as { baskets: unknown[] };
    expect(stdoutJson.baskets.length).toBeGreaterThan(0);
    expect(baskets(stdoutJson)).toEqual([]);
    expect(baskets(JSON.parse(readFileSync(join(dir, 'baskets', 'baskets.json'), 'utf8')))).toEqual([]);

    const basketEvents = validator('basket-events');
    const eventsJson = JSON.parse(events.out) as { results: unknown[] };
    expect(eventsJson.results).toHaveLength(1);
    expect(basketEvents(eventsJson)).toEqual([]);
    expect(basketEvents(JSON.parse(readFileSync(join(dir, 'basket-events', 'basket-events.json'), 'utf8')))).toEqual([]);

    // The validator can fail: an undeclared key, a NaN written as null where a number is required.
    const reportEvents = defaultReport.events as { windows: Record<string, unknown>[]; model: Record<string, unknown> | null }[];
    const withModel = reportEvents.findIndex((e) => e.model !== null);
    const extra = structuredClone(defaultReport) as typeof defaultReport & { events: typeof reportEvents };
    extra.events[0].windows[0].surprise = 1;
    expect(report(extra).join('\n')).toMatch(/must NOT have additional properties.*surprise/);
    const nulled = structuredClone(defaultReport) as typeof defaultReport & { events: typeof reportEvents };
    nulled.events[withModel].model!.sigma = null;
    expect(report(nulled).join('\n')).toMatch(/\/model\/sigma must be number/);
  });
});

describe('checkContract (what write.ts, baskets compare and baskets events call before writing)', () => {
  it('refuses a value its schema rejects, naming the file and the path of the first issue', () => {
    const r = fixtureReport();
    r.events[0].windows[0].car = Number.NaN;
    expect(() => checkContract(reportSchema, r, 'report')).toThrow(/^report does not match its schema at events\.0\.windows\.0\.car: .*\(a bug: please report it\)$/);
    expect(() => checkContract(reportSchema, fixtureReport(), 'report')).not.toThrow();
  });
});
