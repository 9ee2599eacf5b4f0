/**
 * Size and power of every test on the shipped prices, in the designs studies actually have (issue 12
 * §4; before it issue 6 item 4): Brown & Warner (1985) style samples at N = 5, 17 and 50 with random
 * dates, same-date clustering, staggered clustered dates (windows overlapping in calendar time),
 * same-listing repeats, cross-listed pairs (listings: primary against separate), HK and US listings
 * against their own benchmarks, price-limit-censored injections and event-induced variance. Each
 * sample is one full engine run (src/sim); rejection rates are reported two-sided and per tail.
 *
 *   npx tsx bench/size-power.ts                       # 500 samples per scenario (about 5 CPU minutes)
 *   npx tsx bench/size-power.ts --samples 50 --out /tmp/size-power.md
 *
 * Writes the tables between the `size-power:begin` / `size-power:end` markers of bench/size-power.md
 * (the text around them is kept), or a new file with only the tables.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { openPriceStore } from '../src/data/prices/index.js';
import type { EngineSettings } from '../src/study/types.js';
import {
  CHIPS_AND_OPTICAL,
  DEFAULT_SIM,
  TALLY_NAMES,
  TEST_LABELS,
  describeRun,
  loadUniverse,
  mcError,
  pct,
  sectionLabel,
  simulate,
  tailTable,
  type Scenario,
  type Section,
  type SimConfig,
  type SimResult,
  type TableColumn,
} from '../src/sim/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const samples = Number(arg('samples', '500'));
const seed = Number(arg('seed', String(DEFAULT_SIM.seed)));
const bootstrap = Number(arg('bootstrap', '199'));
const out = arg('out', join(ROOT, 'bench/size-power.md'));
const ALPHA = 0.05;

const HK_US = ['0700.HK', '0981.HK', '1810.HK', '3690.HK', '9618.HK', '9888.HK', '9988.HK', 'BABA', 'BIDU', 'ZH'];
const CROSS = ['9988.HK', 'BABA', '9888.HK', 'BIDU'];
const store = openPriceStore(join(ROOT, 'prices'));
const aShares = loadUniverse(store);
const universe = loadUniverse(store, { symbols: [...aShares.securities.map((s) => s.symbol), ...HK_US] });
const A = aShares.securities.map((s) => s.symbol);

/** The issue-12 defaults, written out: the engine's default convention is being switched to `paper`. */
const DEFAULTS: Partial<EngineSettings> = {
  testConvention: 'paper',
  listings: 'primary',
  estimationContamination: 'drop',
  kpWindowRbar: 'overlap',
  limitDaysInEstimation: 'keep',
  gapReturns: 'flag',
};
/** What `--convention estudy2` reverts to (src/study/config.ts): the peer packages' choices. */
const ESTUDY2: Partial<EngineSettings> = {
  testConvention: 'estudy2',
  listings: 'separate',
  estimationContamination: 'keep',
  kpWindowRbar: 'day',
  limitDaysInEstimation: 'keep',
  gapReturns: 'flag',
};
const SECTIONS: Section[] = [
  { kind: 'day', day: 0 },
  { kind: 'window', window: [0, 1] },
  { kind: 'window', window: [0, 10] },
];
const BASE: Partial<SimConfig> = { estimation: [-130, -11], window: [-5, 10], sections: SECTIONS, samples, seed, bootstrapSamples: bootstrap, alpha: ALPHA };

const runs: { label: string; result: SimResult }[] = [];
function run(label: string, scenario: Scenario, events: number, abnormal: number[], extra: Partial<SimConfig> = {}): SimResult {
  let last = 0;
  const settings = extra.settings ?? DEFAULTS;
  const r = simulate(universe, { ...BASE, scenario, events, abnormal, ...extra, settings, testConvention: settings.testConvention! }, (done, total) => {
    const now = Date.now();
    if (now - last > 5000 || done === total) {
      process.stderr.write(`\r${label}: ${done}/${total}   `);
      last = now;
    }
  });
  process.stderr.write(`\n${describeRun(label, r)}\n`);
  runs.push({ label, result: r });
  return r;
}

const t0 = Date.now();
const random = { kind: 'random', symbols: A } as const;
const sameDate = { kind: 'clustered', name: 'chips + optical', symbols: CHIPS_AND_OPTICAL } as const;
const staggered = { kind: 'staggered', symbols: A, spreadDays: 14 } as const;
const repeats = { kind: 'repeats', symbols: A, perListing: 3, maxGap: 10 } as const;
// Two announcements per cross-listed firm, 146 trading days apart (estimation 120 + window 16 + 10).
const cross = { kind: 'crossListed', symbols: CROSS, perFirm: 2, minApart: 146, others: A } as const;
const POWER = [0, 0.005, 0.01, 0.02, 0.05, 0.1];

const r5 = run('random A-share N=5', random, 5, POWER);
const r17 = run('random A-share N=17', random, 17, POWER);
const r50 = run('random A-share N=50', random, 50, [0, 0.005, 0.01, 0.02]);
const c5 = run('same-date chips+optical N=5', { ...sameDate, minEvents: 5 }, 5, [0, 0.01]);
const c17 = run('same-date chips+optical N=17', { ...sameDate, minEvents: 17 }, 17, [0, 0.01]);
const s5 = run('staggered A-share N=5', staggered, 5, [0, 0.01]);
const s17 = run('staggered A-share N=17', staggered, 17, [0, 0.01]);
const s50 = run('staggered A-share N=50', staggered, 50, [0, 0.01]);
const p5 = run('repeats A-share N=5', repeats, 5, [0, 0.01]);
const p17 = run('repeats A-share N=17', repeats, 17, [0, 0.01]);
const p50 = run('repeats A-share N=50', repeats, 50, [0, 0.01]);
const x5 = run('cross-listed 5 announcements, primary', cross, 5, [0, 0.01]);
const x17 = run('cross-listed 17 announcements, primary', cross, 17, [0, 0.01]);
const x5s = run('cross-listed 5 announcements, separate', cross, 5, [0, 0.01], { settings: { ...DEFAULTS, listings: 'separate' } });
const x17s = run('cross-listed 17 announcements, separate', cross, 17, [0, 0.01], { settings: { ...DEFAULTS, listings: 'separate' } });
const h5 = run('HK+US N=5', { kind: 'random', symbols: HK_US }, 5, [0, 0.01]);
const h17 = run('HK+US N=17 (listings repeat)', { kind: 'random', symbols: HK_US, replace: true }, 17, [0, 0.01]);
const k5 = run('random A-share N=5, censored', random, 5, [0.02, 0.05, 0.1], { injection: 'censored' });
const k17 = run('random A-share N=17, censored', random, 17, [0.02, 0.05, 0.1], { injection: 'censored' });
const e17 = run('random A-share N=17, EIV 2-7', random, 17, [0, 0.01], { eventVariance: [2, 7] });
const e50 = run('random A-share N=50, EIV 2-7', random, 50, [0, 0.01], { eventVariance: [2, 7] });
const es17 = run('staggered A-share N=17, EIV 2-7', staggered, 17, [0, 0.01], { eventVariance: [2, 7] });
const q17 = run('random A-share N=17, estudy2', random, 17, [0], { settings: ESTUDY2 });
const qc17 = run('same-date N=17, estudy2', { ...sameDate, minEvents: 17 }, 17, [0], { settings: ESTUDY2 });
const qs17 = run('staggered N=17, estudy2', staggered, 17, [0], { settings: ESTUDY2 });
const qp17 = run('repeats N=17, estudy2', repeats, 17, [0], { settings: ESTUDY2 });
const qx17 = run('cross-listed 17, estudy2', cross, 17, [0], { settings: ESTUDY2 });
const minutes = (Date.now() - t0) / 60000;

const col = (label: string, result: SimResult, abnormal: number): TableColumn => ({ label, result, abnormal });
const arLabel = (ar: number) => (ar === 0 ? '0' : `+${+(100 * ar).toFixed(1)}%`);

const groups: { title: string; note: string; columns: TableColumn[] }[] = [
  {
    title: 'Size: random and same-date A-share samples',
    note: 'Null (nothing injected). N = 50 on one date is not possible: the largest sector list has 23 names (chips + optical), 37 for the whole AI-hardware chain.',
    columns: [col('random N=5', r5, 0), col('random N=17', r17, 0), col('random N=50', r50, 0), col('same date N=5', c5, 0), col('same date N=17', c17, 0)],
  },
  {
    title: 'Size: staggered dates and same-listing repeats (A-shares)',
    note: 'Null. Staggered: day 0s spread over 14 calendar days after one anchor date. Repeats: 3 events per listing, 1-10 trading days apart, listings at random dates.',
    columns: [col('staggered N=5', s5, 0), col('staggered N=17', s17, 0), col('staggered N=50', s50, 0), col('repeats N=5', p5, 0), col('repeats N=17', p17, 0), col('repeats N=50', p50, 0)],
  },
  {
    title: 'Size: cross-listed pairs, HK and US listings, event-induced variance',
    note: 'Null. Cross-listed: K firm announcements, as in the default study: Alibaba (9988.HK, BABA) and Baidu (9888.HK, BIDU) announce twice each at random dates at least 146 trading days apart, both listings on their first session on or after the date, and K - 4 A-share events at random dates; N = K firm-level observations under listings: primary, K + 4 listing events under separate (8 of 9 at K = 5, 8 of 21 at K = 17 are cross-listed). HK+US: 10 listings against HSI (HK) and S&P 500 (US); N = 17 draws listings with replacement (repeats at independent dates). EIV: each day-0 AR scaled to a variance ratio drawn from U[2,7].',
    columns: [
      col('cross K=5 primary', x5, 0),
      col('cross K=5 separate', x5s, 0),
      col('cross K=17 primary', x17, 0),
      col('cross K=17 separate', x17s, 0),
      col('HK+US N=5', h5, 0),
      col('HK+US N=17', h17, 0),
      col('EIV random N=17', e17, 0),
      col('EIV random N=50', e50, 0),
      col('EIV staggered N=17', es17, 0),
    ],
  },
  {
    title: 'Size under the estudy2 convention, beside the defaults',
    note: 'Null, N = 17 (cross-listed: 17 announcements, so 21 listing events under estudy2\'s separate listings). estudy2: testConvention estudy2, listings separate, contamination keep, KP r-bar per day for every window.',
    columns: [
      col('random, default', r17, 0),
      col('random, estudy2', q17, 0),
      col('same date, default', c17, 0),
      col('same date, estudy2', qc17, 0),
      col('staggered, default', s17, 0),
      col('staggered, estudy2', qs17, 0),
      col('repeats, default', p17, 0),
      col('repeats, estudy2', qp17, 0),
      col('cross, default', x17, 0),
      col('cross, estudy2', qx17, 0),
    ],
  },
  {
    title: 'Power: random A-share dates',
    note: 'Abnormal return added to day 0 of every event (the same samples at every level).',
    columns: [0.005, 0.01, 0.02].flatMap((ar) => [col(`N=5 ${arLabel(ar)}`, r5, ar), col(`N=17 ${arLabel(ar)}`, r17, ar), col(`N=50 ${arLabel(ar)}`, r50, ar)]),
  },
  {
    title: 'Power at +1% in the dependent designs',
    note: '+1% on day 0 of every event (cross-listed: of both listings).',
    columns: [
      col('same date N=5', c5, 0.01),
      col('same date N=17', c17, 0.01),
      col('staggered N=5', s5, 0.01),
      col('staggered N=17', s17, 0.01),
      col('staggered N=50', s50, 0.01),
      col('repeats N=5', p5, 0.01),
      col('repeats N=17', p17, 0.01),
      col('repeats N=50', p50, 0.01),
    ],
  },
  {
    title: 'Power at +1%: cross-listed, HK and US, event-induced variance',
    note: '+1% on day 0 of every event.',
    columns: [
      col('cross K=5 primary', x5, 0.01),
      col('cross K=5 separate', x5s, 0.01),
      col('cross K=17 primary', x17, 0.01),
      col('cross K=17 separate', x17s, 0.01),
      col('HK+US N=5', h5, 0.01),
      col('HK+US N=17', h17, 0.01),
      col('EIV random N=17', e17, 0.01),
      col('EIV random N=50', e50, 0.01),
      col('EIV staggered N=17', es17, 0.01),
    ],
  },
  {
    title: 'Price-limit-censored injections (A-shares, random dates)',
    note: 'plain: the shock added to day 0 as it is; censored: day 0 capped at the board limit (10% main board, 20% ChiNext/STAR), the excess carried into day 1 (and on while the limit binds). The same samples in both.',
    columns: [0.02, 0.05, 0.1].flatMap((ar) => [
      col(`N=5 plain ${arLabel(ar)}`, r5, ar),
      col(`N=5 censored ${arLabel(ar)}`, k5, ar),
      col(`N=17 plain ${arLabel(ar)}`, r17, ar),
      col(`N=17 censored ${arLabel(ar)}`, k17, ar),
    ]),
  },
];

/** Null cells above 7.5% two-sided (the brief's "oversized"), per column, for the text. */
function flagged(): string[] {
  const lines: string[] = [];
  // The estudy2 comparison repeats the default runs under other labels: list each run once.
  const seen = new Set<SimResult>();
  for (const g of groups.slice(0, 4))
    for (const c of g.columns) {
      if (c.abnormal !== 0 || seen.has(c.result)) continue;
      seen.add(c.result);
      const hits: string[] = [];
      for (const s of SECTIONS) {
        const cell = c.result.cells.find((x) => x.abnormal === 0 && x.section === sectionLabel(s))!;
        for (const name of TALLY_NAMES) {
          const t = cell.tests[name];
          if (t.computed === 0) continue;
          const r = t.rejections / t.computed;
          const tails = name === 'wilcoxon' && c.result.config.testConvention === 'estudy2' ? 'W+' : `${pct(t.lower / t.computed)}/${pct(t.upper / t.computed)}`;
          if (r > 0.075) hits.push(`${TEST_LABELS[name]} ${sectionLabel(s)} ${pct(r)} (${tails})`);
        }
      }
      if (hits.length) lines.push(`**${c.label}**: ${hits.join('; ')}`);
    }
  return lines;
}

function dedupe<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout: the command line still reproduces the run
}

const diag = runs.map(({ label, result }) => {
  const parts = [describeRun(label, result)];
  const at = (section: string) => result.cells.find((x) => x.section === section && x.abnormal === result.config.abnormal[0])!;
  const vr = at('day 0').varianceRatio;
  const drift = at('CAR [0,10]').meanEffect;
  const rb = at('CAR [0,10]').rbar;
  const rb1 = at('CAR [0,1]').rbar;
  parts.push(
    `at ${arLabel(result.config.abnormal[0])}: mean day-0 variance ratio ${vr === null ? 'n/a' : vr.toFixed(2)}, mean CAAR [0,10] ${drift === null ? 'n/a' : `${(100 * drift).toFixed(2)}%`}, mean window r-bar CAR [0,1] ${rb1 === null ? 'n/a (day-level r-bar)' : rb1.toFixed(3)}, CAR [0,10] ${rb === null ? 'n/a' : rb.toFixed(3)}`,
  );
  return '- ' + parts.join('; ');
});

const over = flagged();
const block = [
  '<!-- size-power:begin (generated by bench/size-power.ts; do not edit by hand) -->',
  '',
  `Command: \`npx tsx bench/size-power.ts --samples ${samples} --seed ${seed} --bootstrap ${bootstrap}\` (commit ${commit}; ${minutes.toFixed(1)} minutes)`,
  '',
  `Setup: market model by OLS against each listing's benchmark (A-shares: ${aShares.benchmark} ${aShares.benchmarkName}; HK: HSI; US: SPX), ` +
    `estimation [${BASE.estimation!.join(',')}] with at least ${DEFAULT_SIM.minEstimation} valid returns, event window [${BASE.window!.join(',')}], simple returns, ` +
    `bootstrap B = ${bootstrap}. Engine settings (issue-12 defaults, written out): testConvention paper, listings primary, estimationContamination drop, ` +
    `kpWindowRbar overlap, limitDaysInEstimation keep, gapReturns flag; the estudy2 columns use testConvention estudy2, listings separate, contamination keep, kpWindowRbar day. ` +
    `Universe: the ${aShares.securities.length} A-share stocks of prices/manifest.yaml and ${HK_US.length} HK / US listings (${HK_US.join(', ')}), 2022-01..2023-12; ` +
    `the first 20 trading days after a listing inside the panel never enter an estimation window.`,
  '',
  `Each cell: two-sided rejection rate at ${100 * ALPHA}% (p <= ${ALPHA}), then in brackets the rejections with a negative / positive statistic ` +
    `(lower / upper tail; each nominally ${(100 * ALPHA) / 2}%). ${samples} samples per column: Monte Carlo standard error ${pct(mcError(ALPHA, samples), 2)} points at a 5% rate, ` +
    `${pct(mcError(ALPHA / 2, samples), 2)} at 2.5%, ${pct(mcError(0.5, samples), 1)} at 50%. Under the null, \`!\` marks a two-sided rate more than 2.5 standard errors above 5% ` +
    `(> ${pct(ALPHA + 2.5 * mcError(ALPHA, samples))}%), \`-\` more than 2.5 below (< ${pct(ALPHA - 2.5 * mcError(ALPHA, samples))}%). n/a: the test is not computed there ` +
    `(the calendar-time t exists for CAR windows only).`,
  '',
  '### Runs',
  '',
  ...dedupe(diag),
  '',
  ...groups.flatMap((g) => [
    `### ${g.title}`,
    '',
    g.note,
    '',
    ...SECTIONS.flatMap((s) => [`#### ${sectionLabel(s)}`, '', tailTable(g.columns, sectionLabel(s), ALPHA), '']),
  ]),
  '### Null cells above 7.5% two-sided',
  '',
  over.length ? over.map((l) => `- ${l}`).join('\n') : '(none)',
  '',
  '<!-- size-power:end -->',
].join('\n');

const BEGIN = /<!-- size-power:begin[^>]*-->/;
const END = '<!-- size-power:end -->';
let text: string;
if (existsSync(out)) {
  const old = readFileSync(out, 'utf8');
  const b = old.search(BEGIN);
  const e = old.indexOf(END);
  text = b >= 0 && e > b ? old.slice(0, b) + block + old.slice(e + END.length) : `${old.trimEnd()}\n\n${block}\n`;
} else {
  text = `# Size and power\n\n${block}\n`;
}
writeFileSync(out, text);
process.stderr.write(`wrote ${out} (${minutes.toFixed(1)} minutes)\n`);
