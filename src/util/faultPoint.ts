/**
 * Crash injection for tests: `EVSTUDY_FAULT=<point>` kills the process with SIGKILL when it reaches
 * the named point, so a test can check what a power cut or `kill -9` at that moment leaves behind.
 * SIGKILL rather than an exception: no finally block, no exit handler may tidy up, as in a real crash.
 */
export function faultPoint(name: string): void {
  if (process.env.EVSTUDY_FAULT === name) process.kill(process.pid, 'SIGKILL');
}
