/**
 * Integer settings read from the environment, strict like every flag: `EVSTUDY_THREADS=0x2` or
 * `=two` is a usage error naming the variable, not a silent fallback to the default. Light on
 * purpose (no engine imports) so the CLI checks them at start, before any work.
 */
import { parseInteger } from '../util/parseInteger.js';

/** EVSTUDY_THREADS: worker threads for large panels (1 = never use workers); undefined when unset. */
export function threadsFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = env.EVSTUDY_THREADS;
  return v === undefined || v === '' ? undefined : parseInteger(v, 'EVSTUDY_THREADS', { min: 1, max: 256 });
}

/** EVSTUDY_PARALLEL_MIN_EVENTS: smallest panel handed to workers; undefined when unset. */
export function parallelMinFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = env.EVSTUDY_PARALLEL_MIN_EVENTS;
  return v === undefined || v === '' ? undefined : parseInteger(v, 'EVSTUDY_PARALLEL_MIN_EVENTS', { min: 0 });
}

/** Throws the first bad setting; called once when the CLI starts. */
export function checkEnvSettings(env: NodeJS.ProcessEnv = process.env): void {
  threadsFromEnv(env);
  parallelMinFromEnv(env);
}
