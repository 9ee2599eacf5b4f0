/**
 * Mutation run (issue 12 §5): applies small source mutations one at a time, runs only the test files
 * meant to catch each, and reports whether they did (a failing run = killed). Each mutation is a
 * literal find/replace that must match exactly once, so a refactor that moves the code makes the
 * script fail loudly instead of silently testing nothing. The source is restored after every run,
 * also on Ctrl-C; a baseline run first checks that the same tests pass unmutated.
 *
 *   npx tsx bench/mutations.ts              # all mutations
 *   npx tsx bench/mutations.ts bmp-df ...   # only these ids
 *
 * Exit 0 when every mutation was killed, 1 otherwise. Runs in the working tree it is started from;
 * do not edit src/ while it runs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Mutation {
  id: string;
  why: string;
  file: string;
  find: string;
  replace: string;
  tests: string[];
}

const PINNED = 'tests/stats/pinned.test.ts';
const CLI_DEFAULTS = 'tests/e2e/cliDefaults.test.ts';
const SMALL = 'tests/stats/smallSample.test.ts';
const CONVENTION = 'tests/study/convention.test.ts';

export const MUTATIONS: Mutation[] = [
  {
    id: 'bmp-df',
    why: 'BMP p-value with N instead of N - 1 df',
    file: 'src/stats/bmp.ts',
    find: 'pStudent2(r.t, r.n - 1)',
    replace: 'pStudent2(r.t, r.n)',
    tests: [PINNED],
  },
  {
    id: 'bw1985-df',
    why: 'BW1985 p-value with T instead of T - 1 df',
    file: 'src/stats/brownWarner1985.ts',
    find: 'const df = estudy2 ? dfE2 : est.T - 1;',
    replace: 'const df = estudy2 ? dfE2 : est.T;',
    tests: [PINNED],
  },
  {
    id: 'wilcoxon-ties',
    why: 'Wilcoxon variance without the tie correction',
    file: 'src/stats/wilcoxon.ts',
    find: ' - tieSum / 48;',
    replace: ';',
    tests: [PINNED],
  },
  {
    id: 'window-L-1',
    why: 'window statistics without the L-1 rescaling of the CAR variance',
    file: 'src/stats/crossSection.ts',
    find: 'panel.windowVariance(i, a, b) * varScale[i]',
    replace: 'panel.windowVariance(i, a, b)',
    tests: [PINNED],
  },
  {
    id: 'L-1-twice',
    why: 'the panel divisor ignored: --variance L-1 applied twice (the bug of issue 12 §5)',
    file: 'src/stats/context.ts',
    find: "const have = panel.sigmaConvention ?? 'model-df';",
    replace: "const have = 'model-df' as string;",
    tests: [PINNED, 'tests/golden/estudy2Adhoc.test.ts'],
  },
  {
    id: 'cli-non-trading',
    why: "the CLI's --non-trading default next -> previous",
    file: 'src/cli/commands/study.ts',
    find: "NON_TRADING_POLICIES.join(' | ')}`, 'next')",
    replace: "NON_TRADING_POLICIES.join(' | ')}`, 'previous')",
    tests: [CLI_DEFAULTS],
  },
  {
    id: 'settings-non-trading',
    why: "DEFAULT_SETTINGS' nonTradingDay next -> previous",
    file: 'src/study/types.ts',
    find: "  nonTradingDay: 'next',",
    replace: "  nonTradingDay: 'previous',",
    tests: [CLI_DEFAULTS],
  },
  {
    id: 'claim-at-least',
    why: 'an inverted at-least claim verdict',
    file: 'src/study/claims.ts',
    find: "verdict = ours >= c.claimed ? 'confirmed' : 'not-confirmed';",
    replace: "verdict = ours < c.claimed ? 'confirmed' : 'not-confirmed';",
    tests: ['tests/study/claims.test.ts'],
  },
  {
    id: 'claim-nearly',
    why: 'a "nearly" return claim confirmed from the far side (past the claimed figure instead of just short of it)',
    file: 'src/study/claims.ts',
    find: 'const short = c.claimed < 0 ? diff >= 0 : diff <= 0;',
    replace: 'const short = c.claimed < 0 ? diff <= 0 : diff >= 0;',
    tests: ['tests/study/claims.test.ts'],
  },
  {
    id: 'claim-price-nearly',
    why: 'a "nearly" price-level claim confirmed from above instead of below',
    file: 'src/study/claims.ts',
    find: 'verdict = diff <= 0 && -diff <= c.tolerance',
    replace: 'verdict = diff >= 0 && diff <= c.tolerance',
    tests: ['tests/study/claims.test.ts'],
  },
  {
    id: 'gsign-daily-phat',
    why: 'the generalized sign back on the daily p-hat for multi-day windows',
    file: 'src/stats/generalizedSign.ts',
    find: 'ctx.phat(cs.len)',
    replace: 'ctx.phat(1)',
    tests: [SMALL],
  },
  {
    id: 'gsign-normal-p',
    why: 'the generalized sign with the normal p instead of the exact binomial one',
    file: 'src/stats/generalizedSign.ts',
    find: 'return ok(z, binomialTwoSidedP(w, N, phat),',
    replace: 'return ok(z, pNormal2(z),',
    tests: [SMALL],
  },
  {
    id: 'grank-restandardize',
    why: "GRANK back to KP eq. 6's re-standardization by default",
    file: 'src/stats/options.ts',
    find: 'grankRestandardize: opts.grankRestandardize ?? false,',
    replace: 'grankRestandardize: opts.grankRestandardize ?? true,',
    tests: ['tests/stats/battery.test.ts'],
  },
  {
    id: 'variance-ratio-nominal',
    why: 'the variance ratio against 1 instead of df/(df-2)',
    file: 'src/stats/varianceRatio.ts',
    find: 'nominal += df / (df - 2);',
    replace: 'nominal += 1;',
    tests: ['tests/stats/varianceRatio.test.ts'],
  },
  {
    id: 'holm-bonferroni',
    why: "Holm's step-down replaced by Bonferroni (m p for every p)",
    file: 'src/stats/holm.ts',
    find: 'Math.min(1, (m - j) * (p[k] as number))',
    replace: 'Math.min(1, m * (p[k] as number))',
    tests: ['tests/stats/holm.test.ts'],
  },
  {
    id: 'exit-0',
    why: 'the process always exits 0',
    file: 'src/cli/main.ts',
    find: 'void main(process.argv.slice(2)).then(finish);',
    replace: 'void main(process.argv.slice(2)).then(() => finish(0));',
    tests: [CLI_DEFAULTS],
  },
  {
    id: 'cli-convention',
    why: "the CLI's --convention default paper -> estudy2 (issue 12 §2)",
    file: 'src/cli/commands/study.ts',
    find: "unless --contaminated says otherwise)\", 'paper')",
    replace: "unless --contaminated says otherwise)\", 'estudy2')",
    tests: [CLI_DEFAULTS],
  },
  {
    id: 'study-convention',
    why: "a study file's testConvention default paper -> estudy2 (config.ts takes it from DEFAULT_SETTINGS)",
    file: 'src/study/types.ts',
    find: "  testConvention: 'paper',",
    replace: "  testConvention: 'estudy2',",
    tests: [CONVENTION],
  },
  {
    id: 'settings-bootstrap',
    why: "DEFAULT_SETTINGS' bootstrap B 9,999 -> 999 (issue 12 §3)",
    file: 'src/study/types.ts',
    find: '  bootstrapSamples: 9999,',
    replace: '  bootstrapSamples: 999,',
    tests: [CLI_DEFAULTS, CONVENTION],
  },
  {
    id: 'patell-paper-df',
    why: "paper Patell with estudy2's hard-coded (L-2)/(L-4) instead of each model's df/(df-2)",
    file: 'src/stats/patell.ts',
    find: 'den += df / (df - 2);',
    replace: 'den += (ctx.panel.nObs[rows[k]] - 2) / (ctx.panel.nObs[rows[k]] - 4);',
    tests: [PINNED],
  },
];

function vitest(tests: string[]): { ok: boolean; seconds: number } {
  const t0 = performance.now();
  const r = spawnSync('npx', ['vitest', 'run', ...tests], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  return { ok: r.status === 0, seconds: (performance.now() - t0) / 1000 };
}

let restore: (() => void) | null = null;
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    restore?.();
    process.exit(130);
  });

function main(): number {
  const only = process.argv.slice(2);
  const list = only.length ? MUTATIONS.filter((m) => only.includes(m.id)) : MUTATIONS;
  if (list.length === 0) {
    console.error(`no mutation with id ${only.join(', ')}; ids: ${MUTATIONS.map((m) => m.id).join(', ')}`);
    return 2;
  }
  for (const m of list) {
    const text = readFileSync(join(ROOT, m.file), 'utf8');
    const count = text.split(m.find).length - 1;
    if (count !== 1) {
      console.error(`${m.id}: "${m.find}" occurs ${count} times in ${m.file}; update the mutation list`);
      return 2;
    }
  }
  const files = [...new Set(list.flatMap((m) => m.tests))];
  const base = vitest(files);
  if (!base.ok) {
    console.error(`baseline: ${files.join(' ')} fail without any mutation; fix them first`);
    return 2;
  }
  console.log(`baseline: ${files.length} test file(s) pass (${base.seconds.toFixed(1)} s)\n`);
  console.log('| mutation | file | tests | result | s |');
  console.log('|---|---|---|---|---|');
  let killed = 0;
  for (const m of list) {
    const path = join(ROOT, m.file);
    const original = readFileSync(path, 'utf8');
    restore = () => writeFileSync(path, original);
    let r: { ok: boolean; seconds: number };
    try {
      writeFileSync(path, original.replace(m.find, m.replace));
      r = vitest(m.tests);
    } finally {
      restore();
      restore = null;
    }
    if (!r.ok) killed++;
    console.log(`| ${m.id}: ${m.why} | ${m.file} | ${m.tests.join(', ')} | ${r.ok ? '**SURVIVED**' : 'killed'} | ${r.seconds.toFixed(1)} |`);
  }
  console.log(`\n${killed} of ${list.length} mutations killed`);
  return killed === list.length ? 0 : 1;
}

process.exitCode = main();
