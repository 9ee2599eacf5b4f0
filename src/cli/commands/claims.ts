/**
 * `evstudy claims extract ARTICLE.txt [--date YYYY-MM-DD] [--json]`: the market claims of a news
 * article in the study's `claims:` schema (issue 14 §1-§2). The I/O edge of src/claims/extract:
 * reads the article, the price manifest (names, aliases, boards, trading days) and the event
 * registry (which event an article's 次日 refers to), then prints YAML (or JSON).
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { Document, isScalar, visit } from 'yaml';
import { extractClaims, type EventInfo } from '../../claims/extract/index.js';
import { openPriceStore } from '../../data/prices/index.js';
import { loadNameList } from '../../claims/loadNameList.js';
import { DEFAULT_EVENTS_DIR, loadEvents } from '../../data/events/index.js';
import { parseIsoDay } from '../../util/dayNumber.js';
import { DataError, EvstudyError, UsageError } from '../../util/errors.js';
import { readYamlText } from '../../util/readYamlText.js';

interface ExtractFlags {
  date?: string;
  json?: boolean;
  prices: string;
  events: string;
}

export function register(program: Command): void {
  const claims = program.command('claims').description('market claims in news text (issue 14)');
  claims
    .command('extract')
    .description('find the market claims of an article (Chinese, simplified or traditional, and English) and print them in the study claims: schema')
    .argument('<article>', 'the article as UTF-8 text')
    .option('--date <date>', 'the article date (YYYY-MM-DD): years for dates without one, 今日/昨日; wins over a dateline in the text')
    .option('--json', 'print JSON instead of YAML')
    .option('--prices <dir>', 'price folder: names, aliases, boards and trading days from its manifest.yaml; other A-share names from names/a-share-names.yaml', 'prices')
    .option('--events <dir>', 'events registry: the event an article describes, for 次日 / 两个交易日', DEFAULT_EVENTS_DIR)
    .action((article: string, opts: ExtractFlags) => {
      if (opts.date !== undefined && Number.isNaN(parseIsoDay(opts.date))) throw new UsageError('expected a date written YYYY-MM-DD', { field: '--date', value: opts.date });
      let text: string;
      try {
        text = readYamlText(article, 'article');
      } catch (e) {
        // The article is input data (exit 3), whatever the reader calls it.
        throw e instanceof EvstudyError ? new DataError(e.message, e.location) : e;
      }
      const store = openPriceStore(opts.prices, { cacheDir: null });
      const events: EventInfo[] = existsSync(opts.events)
        ? loadEvents(opts.events).map((e) => ({
            id: e.id,
            date: e.date,
            timing: e.timing,
            symbols: e.symbols,
            documents: e.sources.flatMap((s) => (s.document ? [s.document] : [])),
          }))
        : [];
      const result = extractClaims(text, {
        source: article,
        date: opts.date,
        listings: store.entries(),
        events,
        // Read only when a name is not in the manifest (issue 14 §2): prices/names/, see prices/PROVENANCE.md.
        marketNames: () => loadNameList(opts.prices),
        tradingDays: (symbol) => {
          try {
            return store.has(symbol) ? store.get(symbol).series.days : undefined;
          } catch {
            return undefined; // a broken price file: the period starts at the calendar year end instead (said in the resolution)
          }
        },
      });
      for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
      if (opts.json) return void process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      const doc = new Document(result);
      // Windows as [0, 1], as study files write them.
      visit(doc, { Seq: (_, node) => void (node.items.every((i) => isScalar(i) && typeof i.value === 'number') && (node.flow = true)) });
      process.stdout.write(doc.toString({ lineWidth: 0 }));
    });
}
