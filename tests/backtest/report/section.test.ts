/**
 * Issue 11 §6: the default study's report has a backtest section (A-share listings, the first
 * fill each announcement allows, hold 5 sessions, the trades table), built in-process from the
 * shipped study file; and the manifest's per-listing board lot (`lot`) is validated.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadStudy } from '../../../src/study/config.js';
import { backtestSection } from '../../../src/backtest/section.js';
import { backtestSectionSchema } from '../../../src/backtest/sectionSchema.js';
import { parseManifest } from '../../../src/data/prices/manifest.js';
import { loadEvents } from '../../../src/data/events/index.js';
import { REPO } from '../../helpers/cli.js';
import type { ConfigError } from '../../../src/util/errors.js';

describe("the default study's backtest section", () => {
  it('A-shares only, entry at the first allowed fill, exit 5 sessions later, every trade in the table', () => {
    const study = loadStudy(join(REPO, 'studies/china-ai-2023.yaml'), REPO);
    const { json, markdown } = backtestSection(study);
    expect(backtestSectionSchema.safeParse(json).success).toBe(true);
    expect(json.markets).toEqual(['cn']);
    expect(json.strategy.exit).toEqual({ hold: 5, at: 'close' });
    expect(json.trades.length).toBeGreaterThanOrEqual(5);
    const timing = new Map(loadEvents(join(REPO, 'events')).map((e) => [e.id, e.timing]));
    for (const t of json.trades) {
      expect(t.market).toBe('cn');
      if (t.status === 'skipped') continue;
      // Day 0 (the signal date) is the first session the news could be priced in: the entry is on it,
      // at the open for news before the open or after the last close, else at the close ('look-ahead').
      expect(t.entryDate).toBe(t.signalDate);
      const tm = timing.get(t.event.split('@')[0]);
      if (tm === 'intraday' || tm === 'unknown') expect(t.reason ?? '').toContain('look-ahead');
      else expect(t.reason ?? '').not.toContain('look-ahead');
    }
    expect(markdown).toContain('## Backtest: trading the announcements');
    expect(markdown).toContain('| with the rules | frictionless | what the rules cost |');
    for (const t of json.trades) expect(markdown).toContain(`| ${t.signalDate} |`);
    expect(markdown.split('\n').filter((l) => /^\| [a-z0-9-]+(@\S+)? \| \d{6}\.S[HZ] \|/.test(l))).toHaveLength(json.trades.length);
  });

  it('manifest lot: a positive whole number of shares, read into the entry', () => {
    const entry = (lot: string): string =>
      `- symbol: "9888.HK"\n  name: Baidu\n  file: hk/9888.HK.csv\n  exchange: HKEX\n  currency: HKD\n  adjustment: none\n  source: x\n  lot: ${lot}\n`;
    expect(parseManifest(entry('50'), 'm.yaml')[0].lot).toBe(50);
    const error = (text: string): string => {
      try {
        parseManifest(text, 'm.yaml');
      } catch (e) {
        return (e as ConfigError).format();
      }
      return 'no error';
    };
    expect(error(entry('0'))).toBe('m.yaml:8: [0].lot "0": a board lot is a whole number of shares above 0');
    expect(error(entry('2.5'))).toBe('m.yaml:8: [0].lot "2.5": a board lot is a whole number of shares');
  });
});
