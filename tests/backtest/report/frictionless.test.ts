/**
 * The backtest trades the study's own day 0: with every friction off (frictionless run), entry at
 * the day 0 close and exit one session later, each trade's return is the study's
 * (1 + raw[0,+1]) / (1 + raw[0,0]) - 1 = close(+1) / close(0) - 1, for every event of the default
 * study's registry (all three markets). The study side runs through the study engine (runStudy),
 * the backtest side through `evstudy backtest`'s pipeline (signals, bars, engine), in-process.
 *
 * Where fills use traded (unadjusted) prices instead of the shipped adjusted series, the two
 * differ only by the vendor's cent rounding of the adjusted series: checked to 0.2% there, to
 * 1e-9 elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { parseStudy } from '../../../src/study/config.js';
import { runStudy } from '../../../src/study/runStudy.js';
import { runStudyBacktest } from '../../../src/backtest/run.js';
import { REPO } from '../../helpers/cli.js';

const STUDY = `id: frictionless-check
title: Frictionless check
eventsDir: events
pricesDir: prices
select: {}
carWindows: [[0, 0], [0, 1]]
bootstrapSamples: 1
backtest:
  capital: 1000000000
  entry: { day: 0, at: close }
  exit: { hold: 1, at: close }
  size: { amount: 100000 }
  maxPositions: 1000
`;

describe('frictionless backtest = the study raw moves', () => {
  it('close(+1)/close(0) - 1 of the study for every event, markets cn, hk and us', () => {
    const study = parseStudy(STUDY, 'frictionless.yaml', REPO);
    const report = runStudy(study);
    const { json } = runStudyBacktest(study);
    const trades = new Map(json.frictionless.trades.map((t) => [t.event, t]));
    let compared = 0;
    const markets = new Set<string>();
    for (const ev of report.events) {
      const r00 = ev.windows.find((w) => w.window[0] === 0 && w.window[1] === 0)?.rawReturn ?? null;
      const r01 = ev.windows.find((w) => w.window[0] === 0 && w.window[1] === 1)?.rawReturn ?? null;
      if (r00 === null || r01 === null) continue;
      const t = trades.get(ev.id);
      expect(t, `no trade for ${ev.id}`).toBeDefined();
      expect(t!.status, ev.id).toBe('filled');
      // Entry on the study's day 0, exit on its next trading day.
      expect(t!.entryDate, ev.id).toBe(ev.day0);
      const expected = (1 + r01) / (1 + r00) - 1;
      const tol = t!.priceSource === 'unadjusted' ? 0.002 : 1e-9;
      expect(Math.abs(t!.return! - expected), `${ev.id}: backtest ${t!.return} vs study ${expected}`).toBeLessThanOrEqual(tol);
      markets.add(t!.market);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(15);
    expect([...markets].sort()).toEqual(['cn', 'hk', 'us']);
  });
});
