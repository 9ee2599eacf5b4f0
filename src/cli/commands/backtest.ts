/**
 * `evstudy backtest STUDY.yaml [--out DIR]`: the study file's `backtest:` block over the study's
 * events (issue 11). The study file is read and validated before the output folder is touched, so a
 * bad block (exit 4) writes nothing; the folder is then taken (locked) before the computation.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadStudy } from '../../study/config.js';
import { ConfigError } from '../../util/errors.js';
import { openOutputDir } from '../../report/outputDir.js';
import { outFlag } from './outFlag.js';

export function register(program: Command): void {
  program
    .command('backtest')
    .description("run the study file's backtest: block (entry, exit, sizing, limit rule, costs) over its events; writes backtest.md, backtest.json, charts/equity.svg")
    .argument('<study>', 'study YAML file with a backtest: block')
    .option('--out <dir>', 'output folder (default: the study report folder, reports/<study id>)')
    .option('--force', 'write into a non-empty folder that is not an evstudy output folder')
    .action(async (file: string, flags: { out?: string; force?: boolean }) => {
      outFlag(flags.out);
      const study = loadStudy(file);
      if (!study.config.backtest) throw new ConfigError('the study file has no backtest: block (see README, "Backtests")', { file: study.file, line: 1, field: 'backtest' });
      const [{ runStudyBacktest }, { writeBacktest }] = await Promise.all([import('../../backtest/run.js'), import('../../backtest/output.js')]);
      const out = flags.out ?? resolve(study.root, study.config.outDir ?? `reports/${study.config.id}`);
      const session = openOutputDir(out, { producer: 'backtest', force: flags.force });
      try {
        const { json } = runStudyBacktest(study);
        const written = writeBacktest(json, session);
        const lines = json.summary.map((s) => {
          const f = json.frictionless.summary.find((x) => x.market === s.market);
          const p = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(2)}%`);
          return `${s.market}: ${s.signals} signals, ${s.closedTrades} closed, total return ${p(s.totalReturn)} (frictionless ${p(f?.totalReturn)})`;
        });
        process.stdout.write(`${lines.join('\n')}${lines.length ? '\n' : ''}wrote ${written.dir}/backtest.md, backtest.json and charts/equity.svg\n`);
        // Warnings (a default HK lot, volume of unknown unit, look-ahead allowed) are in the files; say they exist.
        if (json.warnings.length) process.stderr.write(`evstudy: ${json.warnings.length} warning(s), listed under Notes in backtest.md\n`);
      } finally {
        session.close();
      }
    });
}
