/**
 * `evstudy baskets compare | events | list | validate`: sector baskets (baskets/*.yaml) compared over
 * a period, and studied around market-wide announcements. Thin: everything is in src/baskets.
 */
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_OUT, DEFAULT_PERIOD } from '../../baskets/defaults.js';
import { DEFAULT_BASKETS_DIR, knownSymbols, loadBaskets } from '../../baskets/load.js';
import { ruleLabel, share } from '../../baskets/markdown.js';
import { WEIGHTINGS } from '../../baskets/schema.js';
import { parseIsoDay } from '../../util/dayNumber.js';
import { UsageError } from '../../util/errors.js';
import { pct, num } from '../../report/format.js';
import { formatTable } from './prices.js';
import { outFlag } from './outFlag.js';

type Write = (text: string) => void;
const stdout: Write = (text) => void process.stdout.write(text);

interface CommonFlags {
  baskets?: string[];
  basketsDir: string;
  prices: string;
  weighting?: string;
  out: string;
  force?: boolean;
  json?: boolean;
}

function weightingFlag(value: string | undefined): 'equal' | 'float-cap' | undefined {
  if (value === undefined) return undefined;
  if (value === 'equal' || value === 'float-cap') return value;
  throw new UsageError(`use equal or float-cap (custom weights are set in the basket file; known weightings: ${WEIGHTINGS.join(', ')})`, { field: '--weighting', value });
}

function dateFlag(name: string, value: string): string {
  if (!Number.isFinite(parseIsoDay(value))) throw new UsageError('expected a date written YYYY-MM-DD', { field: name, value });
  return value;
}

function shown(p: string): string {
  return relative(process.cwd(), p) || '.';
}

export function register(program: Command): void {
  const baskets = program.command('baskets').description('sector baskets (baskets/*.yaml): compare them over a period, study them around market-wide events');
  const common = (c: Command): Command =>
    c
      .option('--baskets <files...>', 'basket YAML files or ids of shipped baskets (default: every file in --baskets-dir)')
      .option('--baskets-dir <dir>', 'folder of the shipped basket files', DEFAULT_BASKETS_DIR)
      .option('--prices <dir>', 'folder holding the price manifest.yaml', 'prices')
      .option('--weighting <w>', "override every basket's weighting: equal | float-cap")
      .option('--out <dir>', 'output folder', DEFAULT_OUT)
      .option('--force', 'write into a non-empty folder that is not an evstudy output folder')
      .option('--json', 'print the JSON to stdout instead of the summary');

  common(
    baskets
      .command('compare')
      .description('total return, volatility, drawdown, beta, excess return and member contributions; writes baskets.md, baskets.json, charts/cumulative.svg')
      .option('--from <date>', "base date: its close is the start (the default is the article's year to date)", DEFAULT_PERIOD.from)
      .option('--to <date>', 'end date: the last close on or before it', DEFAULT_PERIOD.to),
  ).action(async (f: CommonFlags & { from: string; to: string }) => basketsCompare(f));

  common(
    baskets
      .command('events')
      .description("each basket as one portfolio series in a market-model event study, beside its members' average CAR; writes basket-events.md and .json")
      .option('--events <ids>', 'comma-separated event ids of the registry (default: openai-chatgpt, openai-gpt4, baidu-ernie-launch, alibaba-tongyi)')
      .option('--events-dir <dir>', 'event registry folder', 'events'),
  ).action(async (f: CommonFlags & { events?: string; eventsDir: string }) => basketsEvents(f));

  baskets
    .command('list')
    .description('the basket definitions: id, name, members, weighting, rebalancing, benchmark')
    .option('--baskets-dir <dir>', 'folder of the basket files', DEFAULT_BASKETS_DIR)
    .option('--json', 'print JSON')
    .action((f: { basketsDir: string; json?: boolean }) => basketsList(f));

  baskets
    .command('validate')
    .description('check every basket file, members and benchmarks against the price manifest; exit code 4 with every problem (file, line, field) if any')
    .option('--baskets-dir <dir>', 'folder of the basket files', DEFAULT_BASKETS_DIR)
    .option('--prices <dir>', 'folder holding the price manifest.yaml that members and benchmarks must be in', 'prices')
    .action(async (f: { basketsDir: string; prices: string }) => {
      const { openPriceStore } = await import('../../data/prices/index.js');
      const list = loadBaskets(f.basketsDir, { known: knownSymbols(openPriceStore(f.prices), process.cwd()) });
      stdout(`${list.length} basket files in ${f.basketsDir}: all valid (members and benchmarks in ${shown(resolve(f.prices, 'manifest.yaml'))})\n`);
    });
}

export async function basketsCompare(f: CommonFlags & { from: string; to: string }, write: Write = stdout): Promise<void> {
  const from = dateFlag('--from', f.from);
  const to = dateFlag('--to', f.to);
  if (parseIsoDay(to) <= parseIsoDay(from)) throw new UsageError(`must be after --from ${from}`, { field: '--to', value: to });
  const { runBasketsCompare } = await import('../../baskets/run.js');
  const { result, written } = await runBasketsCompare(
    { from, to },
    { baskets: f.baskets, basketsDir: f.basketsDir, pricesDir: f.prices, weighting: weightingFlag(f.weighting), out: resolve(outFlag(f.out)), force: f.force },
  );
  if (f.json) {
    write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const rows = [['basket', 'held', 'weighting', 'total', 'benchmark', 'excess', 'vol', 'max dd', 'beta']];
  for (const b of result.baskets) {
    const held = b.memberDetails.filter((d) => d.status === 'included' || d.status === 'joined-late').length;
    rows.push([b.id, `${held}/${b.members.length}`, ruleLabel(b), pct(b.totalReturn), pct(b.benchmark.totalReturn), pct(b.excessReturn), share(b.volatility, 1), pct(b.maxDrawdown), num(b.beta)]);
  }
  write(`${from} close to ${to} close\n`);
  write(formatTable(rows, [1, 3, 4, 5, 6, 7, 8]));
  for (const b of result.baskets) for (const m of b.missingMembers) write(`note: ${b.id}: ${m.symbol} ${m.status}: ${m.reason}\n`);
  write(`wrote ${written.map(shown).join(', ')}\n`);
}

export async function basketsEvents(f: CommonFlags & { events?: string; eventsDir: string }, write: Write = stdout): Promise<void> {
  // Loaded on demand: the study engine is not needed by the other basket commands.
  const { runBasketEvents } = await import('../../baskets/runEvents.js');
  const ids = f.events ? f.events.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  const { result, written } = runBasketEvents({
    baskets: f.baskets,
    basketsDir: f.basketsDir,
    pricesDir: f.prices,
    eventsDir: f.eventsDir,
    events: ids,
    weighting: weightingFlag(f.weighting),
    out: resolve(outFlag(f.out)),
    force: f.force,
  });
  if (f.json) {
    write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const windows = result.settings.carWindows;
  const rows = [['event', 'basket', 'day 0', ...windows.map((w) => `CAR [${w[0]},${w[1]}] (t)`)]];
  for (const r of result.results)
    rows.push([r.event, r.basket, r.day0 ?? r.outcome, ...r.windows.map((w) => (w.car === null ? '—' : `${pct(w.car)} (${num(w.t)})`))]);
  write(formatTable(rows, windows.map((_, i) => i + 3)));
  write(`wrote ${written.map(shown).join(', ')}\n`);
}

export function basketsList(f: { basketsDir: string; json?: boolean }, write: Write = stdout): void {
  const list = loadBaskets(f.basketsDir);
  if (f.json) {
    write(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  const rows = [['id', 'name', 'members', 'weighting', 'rebalancing', 'benchmark', 'published']];
  for (const b of list)
    rows.push([b.id, b.name, String(b.members.length), b.weighting, b.rebalancing, b.benchmark, b.published ? pct(b.published.value, 0) : '']);
  write(formatTable(rows, [2]));
}
