#!/usr/bin/env node
/**
 * The evstudy command line. A thin shell: each command module parses its flags and calls into
 * src/study and src/data. User errors (EvstudyError) print one line and exit with their code.
 */
import { Command } from 'commander';
import { EvstudyError, EXIT_CODES } from '../util/errors.js';
import { registerCommands } from './commands/index.js';
import { checkEnvSettings } from '../study/envSettings.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('evstudy')
    .description('Event studies and event-driven backtests for equity markets')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    checkEnvSettings();
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    return reportError(err);
  }
}

export function reportError(err: unknown): number {
  if (err instanceof EvstudyError) {
    process.stderr.write(`evstudy: ${err.format()}\n`);
    for (const d of err.details) process.stderr.write(`  ${d.format()}\n`);
    return err.exitCode;
  }
  const e = err as { code?: string; exitCode?: number; message?: string };
  if (typeof e?.code === 'string' && e.code.startsWith('commander.')) {
    // commander already printed help / version / the usage error.
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help'
      ? 0
      : EXIT_CODES.usage;
  }
  process.stderr.write(`evstudy: internal error (please report): ${(err as Error)?.stack ?? String(err)}\n`);
  return EXIT_CODES.internal;
}

const isEntry = process.argv[1] && /(?:^|[\\/])(main\.(?:ts|js)|evstudy(?:\.js)?)$/.test(process.argv[1]);
if (isEntry) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
