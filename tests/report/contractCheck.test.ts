/**
 * Issue 15 §3: checkContract no longer parses the finished report with zod (which built a copy of
 * it); contractCheck walks it and must give zod's verdict on every value. Compared here on real
 * reports (an ad-hoc study run in-process, the synthetic chart fixture) and on mutations at every
 * distinct place of their shape: wrong types, NaN and infinities, a fraction where an integer goes,
 * an undeclared key, a missing key, a bad date, an emptied array.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractCheck } from '../../src/report/contractCheck.js';
import { checkContract } from '../../src/report/contractParts.js';
import type * as z from 'zod';
import { reportSchema, type ReportJson } from '../../src/report/schema.js';
import { backtestSchema } from '../../src/backtest/schema.js';
import { runStudyBacktest } from '../../src/backtest/run.js';
import { parseStudy } from '../../src/study/config.js';
import { REPO } from '../helpers/cli.js';
import { runAdhoc } from '../../src/study/adhoc.js';
import { fixtureReport } from './charts/fixture.js';
import { BAD } from '../reliability/files.js';

type Json = Record<string, unknown> | unknown[];

/**
 * Every container and key of `root`, once per place of the shape not in `seen` (array items
 * collapse to '*', the tests of a day or window to one test: they share one schema).
 */
function places(root: Json, seen: Set<string>): { parent: Json; key: string | number }[] {
  const out: { parent: Json; key: string | number }[] = [];
  const walk = (v: unknown, shape: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(v, i, `${shape}.*`, x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(v as Json, k, shape.endsWith('.tests') ? `${shape}.#` : `${shape}.${k}`, x);
  };
  const visit = (parent: Json, key: string | number, shape: string, x: unknown) => {
    // Keep a few items per place (the first event may be a failed one, the next an ok one).
    const tag = `${shape}#${typeof x}${x === null ? 'null' : ''}`;
    if (!seen.has(tag)) {
      seen.add(tag);
      out.push({ parent, key });
    }
    walk(x, shape);
  };
  walk(root, '');
  return out;
}

/** Replacements tried at each place: each is wrong somewhere and right somewhere else. */
const MUTATIONS: unknown[] = [NaN, 0.5, -1, '2023-02-30T00', null, {}, undefined];

function compareAll(schema: z.ZodType, value: object, seen: Set<string>): { agree: number; rejected: number } {
  const root = value as Json;
  const zodSays = (v: unknown) => schema.safeParse(v).success;
  let agree = 0;
  let rejected = 0;
  const same = (label: string) => {
    const fast = contractCheck(schema, root);
    const zod = zodSays(root);
    expect(fast, label).toBe(zod);
    agree++;
    if (!zod) rejected++;
  };
  same('unmutated');
  places(root, seen).forEach(({ parent, key }, at) => {
    const p = parent as Record<string | number, unknown>;
    const old = p[key];
    // Four of the replacements per place, in turn, to keep the test cheap (zod parses each whole).
    for (let j = 0; j < 4; j++) {
      const m = MUTATIONS[(at + j) % MUTATIONS.length];
      p[key] = m;
      same(`${String(key)} = ${String(m)}`);
    }
    if (!Array.isArray(parent)) {
      delete p[key];
      same(`without ${String(key)}`);
    }
    p[key] = old;
    if (old && typeof old === 'object' && !Array.isArray(old)) {
      (old as Record<string, unknown>).surprise = 1;
      same(`${String(key)}.surprise`);
      delete (old as Record<string, unknown>).surprise;
    }
    if (Array.isArray(old) && old.length) {
      const kept = old.splice(0, old.length);
      same(`${String(key)} emptied`);
      old.push(...kept);
    }
  });
  expect(zodSays(root), 'every mutation undone').toBe(true);
  return { agree, rejected };
}

let adhoc: ReportJson;
beforeAll(async () => {
  adhoc = await runAdhoc({
    returns: join(BAD, 'base/returns.csv'),
    market: join(BAD, 'base/market.csv'),
    events: join(BAD, 'base/events.csv'),
    bootstrapSamples: 99,
  });
  // Two events and a few aggregate days are every place of the shape; the rest only costs time.
  adhoc.events = adhoc.events.slice(0, 2);
  for (const e of adhoc.events) e.days = e.days.slice(0, 2);
  adhoc.aggregate.days = adhoc.aggregate.days.slice(0, 1);
  adhoc.aggregate.windows = adhoc.aggregate.windows.slice(0, 1);
}, 60_000);

describe('contractCheck gives zod’s verdict', () => {
  it('on an ad-hoc report and the chart fixture, and on mutations at every place of their shape', () => {
    const seen = new Set<string>();
    for (const [name, r] of [['adhoc', adhoc], ['fixture', fixtureReport()]] as const) {
      const { agree, rejected } = compareAll(reportSchema, r, seen);
      // The mutations must mostly be refusals, or the comparison proves little.
      expect(rejected, name).toBeGreaterThan(agree / 2);
    }
  });

  it('on a backtest (backtest.json goes through the same check) and mutations at every place of its shape', () => {
    // The default study's backtest block on its own, one market's trades: literals, unknowns and
    // nested records the report's schema does not have.
    const study = parseStudy(
      'id: bt\ntitle: t\neventsDir: events\npricesDir: prices\nselect: {}\ncarWindows: [[0, 1]]\nbootstrapSamples: 1\nbacktest:\n  entry: { day: 0, at: close }\n  exit: { hold: 1, at: close }\n',
      'bt.yaml',
      REPO,
    );
    const { json } = runStudyBacktest(study);
    expect(json.trades.length * json.equity.length * json.frictionless.trades.length).toBeGreaterThan(0);
    json.trades = json.trades.slice(0, 2);
    json.equity = json.equity.slice(0, 2);
    json.frictionless.trades = json.frictionless.trades.slice(0, 1);
    json.frictionless.equity = json.frictionless.equity.slice(0, 1);
    expect(backtestSchema.safeParse(json).success).toBe(true);
    const { agree, rejected } = compareAll(backtestSchema, json, new Set());
    expect(rejected).toBeGreaterThan(agree / 2);
  }, 30_000);

  it('checkContract still words zod’s first issue when the check fails', () => {
    const r = fixtureReport();
    r.events[0].days[0].ar = Infinity;
    expect(() => checkContract(reportSchema, r, 'report')).toThrow(/^report does not match its schema at events\.0\.days\.0\.ar: /);
  });
});
