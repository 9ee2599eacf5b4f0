/**
 * `evstudy events suggest ARTICLE.txt [--date YYYY-MM-DD] [--write] [--events DIR] [--prices DIR] [--json]`
 * (issue 14 §6): the candidate announcements of an article as event YAML for review; `--write`
 * adds the new ones through `events add`'s path (cross-checks, then addEvent: validated, atomic,
 * never overwriting). The I/O edge of src/claims/suggest.
 *
 * A candidate already in the registry (an event on the same date for the same listing or product),
 * without a date or without a listing is never written: it is printed with the reason, and `--write`
 * says it skipped it. So is one whose id a file already holds (addEvent refuses; noted, not fatal).
 */
import type { Command } from 'commander';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { Document, isSeq } from 'yaml';
import type { Suggestion } from '../../claims/suggest/index.js';
import { addEvent, DEFAULT_EVENTS_DIR } from '../../data/events/index.js';
import { DOCUMENT_PATTERN } from '../../data/events/schema.js';
import { crossCheckEvent } from '../../data/events/crossCheck.js';
import { ConfigError } from '../../util/errors.js';
import { openArticle } from './openArticle.js';
import { priceContext } from './events.js';

interface SuggestFlags {
  date?: string;
  write?: boolean;
  json?: boolean;
  events: string;
  prices: string;
}

/** The article's path inside the events folder (a source `document`), if it lies there. */
function documentPath(article: string, dir: string): string | undefined {
  const rel = relative(resolve(dir), resolve(article));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  const posix = rel.split(sep).join('/');
  return DOCUMENT_PATTERN.test(posix) ? posix : undefined;
}

function asYaml(s: Suggestion): string {
  const doc = new Document(s.event);
  for (const key of ['symbols', 'tags']) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  doc.commentBefore = [
    ` line ${s.line}: ${s.text}`,
    ` product: ${s.product}; listing: ${s.symbolResolution}`,
    ` date: ${s.date ?? 'none'} (${s.dateResolution}); timing: ${s.timingResolution}`,
    s.writable ? ' new: --write adds it' : ` not written: ${s.why}`,
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}

export function registerSuggest(events: Command): void {
  events
    .command('suggest')
    .description('candidate announcements in an article, printed as event YAML for review (--write adds the new ones, never overwriting)')
    .argument('<article>', 'the article as UTF-8 text')
    .option('--date <date>', 'the article date (YYYY-MM-DD): years for dates without one, 今日; wins over a dateline in the text')
    .option('--write', 'add the new candidates to the registry through the validated path of events add')
    .option('--json', 'print JSON instead of YAML')
    .option('--events <dir>', 'events registry: what is already there, and where --write adds', DEFAULT_EVENTS_DIR)
    .option('--prices <dir>', 'price folder: names, aliases and codes from its manifest.yaml', 'prices')
    .action(async (article: string, opts: SuggestFlags) => {
      // Loaded on use: the extractor's OpenCC tables are no part of other commands' start-up.
      const { suggestEvents } = await import('../../claims/suggest/index.js');
      const { text, store, registry } = openArticle(article, opts);
      const result = suggestEvents(text, {
        source: article,
        document: documentPath(article, opts.events),
        date: opts.date,
        accessed: new Date().toISOString().slice(0, 10),
        listings: store.entries(),
        registry,
      });
      for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
      const fresh = result.suggestions.filter((s) => s.writable).length;
      if (opts.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else {
        process.stdout.write(
          `# ${result.suggestions.length} candidate announcement${result.suggestions.length === 1 ? '' : 's'} in ${article} (article date ${result.date ?? 'unknown'}: ${result.dateSource}); ${fresh} new\n`,
        );
        for (const s of result.suggestions) process.stdout.write(`---\n${asYaml(s)}`);
      }
      if (!opts.write) return;
      // Notes go to stderr so --json output stays one JSON document.
      const say = (line: string) => (opts.json ? process.stderr : process.stdout).write(`${line}\n`);
      const ctx = await priceContext(opts.prices, store);
      for (const s of result.suggestions) {
        const id = String(s.event.id);
        if (!s.writable) {
          say(`skipped ${id}: ${s.why}`);
          continue;
        }
        const checked = crossCheckEvent(s.event as { date: string; timing: string; symbols: string[] }, ctx);
        if (checked.errors.length > 0) {
          say(`skipped ${id}: ${checked.errors[0].field}: ${checked.errors[0].message}`);
          continue;
        }
        try {
          const { file } = await addEvent(opts.events, s.event);
          say(`wrote ${file}`);
          for (const w of checked.warnings) process.stderr.write(`warning: ${id}: ${w.field}: ${w.message}\n`);
        } catch (e) {
          // An id a file already holds (written since, or by hand): never overwritten, only noted.
          if (e instanceof ConfigError && e.location.field === 'id') say(`skipped ${id}: ${e.message} (${e.location.file})`);
          else throw e;
        }
      }
    });
}
