/**
 * `evstudy claims extract ARTICLE.txt [--date YYYY-MM-DD] [--json]`: the market claims of a news
 * article in the study's `claims:` schema (issue 14 §1-§2). The I/O edge of src/claims/extract:
 * reads the article, the price manifest (names, aliases, boards, trading days) and the event
 * registry (which event an article's 次日 refers to), then prints YAML (or JSON).
 */
import type { Command } from 'commander';
import { Document, isScalar, visit } from 'yaml';
import type { EventInfo } from '../../claims/extract/index.js';
import { DEFAULT_EVENTS_DIR } from '../../data/events/index.js';
import { openArticle } from './openArticle.js';
import { openOutputDir } from '../../report/outputDir.js';
import { calendarExchange } from '../../data/prices/manifest.js';
import { outFlag } from './outFlag.js';
import { relative } from 'node:path';

interface CheckFlags {
  date?: string;
  out?: string;
  force?: boolean;
  prices: string;
  events: string;
}

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
    .action(async (article: string, opts: ExtractFlags) => {
      const { result } = await extractArticle(article, opts);
      for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
      if (opts.json) return void process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      const doc = new Document(result);
      // Windows as [0, 1], as study files write them.
      visit(doc, { Seq: (_, node) => void (node.items.every((i) => isScalar(i) && typeof i.value === 'number') && (node.flow = true)) });
      process.stdout.write(doc.toString({ lineWidth: 0 }));
    });
  claims
    .command('check')
    .description('extract the market claims of an article, then check each against the price data as a study\'s claims table does; writes claims.md and claims.json (or prints claims.md without --out)')
    .argument('<article>', 'the article as UTF-8 text')
    .option('--date <date>', 'the article date (YYYY-MM-DD), as for claims extract')
    .option('--out <dir>', 'output folder for claims.md and claims.json (default: print claims.md to stdout)')
    .option('--force', 'write into a non-empty folder that is not an evstudy output folder')
    .option('--prices <dir>', 'price folder: names, aliases and the prices the claims are checked against', 'prices')
    .option('--events <dir>', 'events registry: day 0 of the event an article describes', DEFAULT_EVENTS_DIR)
    .action(async (article: string, opts: CheckFlags) => {
      outFlag(opts.out);
      // Taken before the work, so a folder that may not be written is refused at once.
      const session = opts.out === undefined ? undefined : openOutputDir(opts.out, { producer: 'claims-check', force: opts.force });
      try {
        const { result, store, records } = await extractArticle(article, opts);
        const [{ checkExtraction }, { claimsMarkdown }, { CLAIMS_SCHEMA_VERSION, claimsCheckSchema }, { adjustmentNote }] = await Promise.all([
          import('../../claims/check.js'),
          import('../../claims/markdown.js'),
          import('../../claims/schema.js'),
          import('../../study/runStudy.js'),
        ]);
        const root = process.cwd();
        const claims = checkExtraction(result, {
          events: records,
          exchangeOf: (symbol) => (store.has(symbol) ? (calendarExchange(store.entry(symbol)) ?? store.entry(symbol).exchange) : undefined),
          // As runStudy gives the study's checker its series: the file, its adjustment, and the unadjusted sibling's factor.
          series: (symbol) => {
            if (!store.has(symbol)) return { ok: false, reason: `no price data for ${symbol} in ${opts.prices}` };
            const e = store.entry(symbol);
            // A broken price file stops the run (exit 3, naming file and line), as it stops a study: no verdict from half a file.
            const series = store.get(symbol).series;
            const claim = result.claims.find((c) => c.symbol === symbol && c.measure === 'period');
            return {
              ok: true,
              series,
              describe: `${relative(root, store.path(symbol))}, ${e.adjustment}${e.adjustment === 'none' ? ' (unadjusted)' : '-adjusted'}`,
              adjustmentNote: e.adjustment === 'forward' || e.adjustment === 'backward' ? adjustmentNote(store, symbol, root, claim?.from, claim?.to) : undefined,
              // Traded prices for a price-level claim on an adjusted listing.
              ...(store.has(`${symbol}-unadj`) ? { traded: { series: store.get(`${symbol}-unadj`).series, describe: `${relative(root, store.path(`${symbol}-unadj`))}, unadjusted` } } : {}),
            };
          },
        });
        const counts = { confirmed: 0, approximately: 0, 'not-confirmed': 0, 'cannot-check': 0 };
        for (const c of claims) counts[c.verdict]++;
        // Parsed through the contract: a field it does not declare, or a NaN, stops here rather than in a reader.
        const json = claimsCheckSchema.parse({
          schemaVersion: CLAIMS_SCHEMA_VERSION,
          generator: 'evstudy 0.1.0',
          source: article,
          date: result.date,
          dateSource: result.dateSource,
          pricesDir: opts.prices,
          eventsDir: opts.events,
          counts,
          claims,
          unresolved: result.unresolved,
          warnings: result.warnings,
        });
        const md = claimsMarkdown(json);
        for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
        if (!session) return void process.stdout.write(md);
        session.out.stage('claims.md', md);
        session.out.stage('claims.json', JSON.stringify(json, null, 2) + '\n');
        const written = session.commit();
        process.stdout.write(`${claims.length} claims: ${counts.confirmed} confirmed, ${counts.approximately} approximately, ${counts['not-confirmed']} not-confirmed, ${counts['cannot-check']} cannot-check\nwrote ${written.dir}/claims.md and claims.json\n`);
      } finally {
        session?.close();
      }
    });
}

/** The article read and its claims extracted against the price manifest and the event registry: shared by extract and check. */
async function extractArticle(article: string, opts: { date?: string; prices: string; events: string }) {
  // Loaded here, not at start-up: the extractor brings OpenCC's tables (~200 kB) that no other
  // command needs, and every command parses what main.js imports statically.
  const [{ extractClaims }, { loadNameList }] = await Promise.all([import('../../claims/extract/index.js'), import('../../claims/loadNameList.js')]);
  const { text, store, registry: records } = openArticle(article, opts);
  const events: EventInfo[] = records.map((e) => ({
    id: e.id,
    date: e.date,
    timing: e.timing,
    symbols: e.symbols,
    documents: e.sources.flatMap((s) => (s.document ? [s.document] : [])),
  }));
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
  return { result, store, records };
}
