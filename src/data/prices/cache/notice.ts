/**
 * Cache problems are never fatal (the cache is only a shortcut to parsing), but they must not be
 * silent either: a rejected entry may mean tampering. Each kind is reported once per thread, so a
 * whole-market run over a damaged cache prints one line, not 5,000.
 */
const told = new Set<string>();

export type CacheNoticeSink = (line: string) => void;
let sink: CacheNoticeSink = (line) => void process.stderr.write(line);

/** Prints `evstudy: warning: <message>` the first time `kind` is reported in this thread. */
export function cacheWarning(kind: string, message: string): void {
  if (told.has(kind)) return;
  told.add(kind);
  sink(`evstudy: warning: ${message}\n`);
}

/** Redirects the notices (tests); returns the previous sink. Also forgets which kinds were told. */
export function setCacheNoticeSink(next: CacheNoticeSink): CacheNoticeSink {
  const prev = sink;
  sink = next;
  told.clear();
  return prev;
}
