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

/**
 * A reader that closes the pipe early (`evstudy schema | head`) is not an error of ours: the rest of
 * the output is dropped and the command ends with its own exit code, without a stack trace.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') {
      // A full disk or a broken terminal: the output is incomplete, which the exit code must say.
      streamFailed = true;
      if (!process.exitCode) process.exitCode = EXIT_CODES.output;
      if (stream !== process.stderr && !process.stderr.destroyed) process.stderr.write(`evstudy: cannot write the output: ${err.message}\n`);
    }
    stream.destroy();
  });
}

let streamFailed = false;

/**
 * process.exit() would drop whatever is still queued for a pipe (stdout stopped at 65,536 bytes):
 * the exit code is set instead and node exits once stdout and stderr have drained. Should a stray
 * handle keep the loop alive after that, an unref'd timer still ends the process.
 */
function finish(result: number): void {
  const code = streamFailed && result === 0 ? EXIT_CODES.output : result;
  process.exitCode = code;
  let pending = 2;
  const drained = (): void => {
    if (--pending === 0) setTimeout(() => process.exit(), 2000).unref();
  };
  for (const s of [process.stdout, process.stderr]) {
    if (s.destroyed || !s.writable) drained();
    else s.write('', drained);
  }
}

const isEntry = process.argv[1] && /(?:^|[\\/])(main\.(?:ts|js)|evstudy(?:\.js)?)$/.test(process.argv[1]);
if (isEntry) {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  void main(process.argv.slice(2)).then(finish);
}
