/**
 * Overlap and confound flags, one per event with a count and the first ids (issue 10 §1), agree
 * with the pairwise definition they replace: two events of one listing overlap when their windows
 * share a day; an event's estimation window is confounded by every other day 0 inside it; events
 * sharing day 0 count once.
 */
import { describe, expect, it } from 'vitest';
import { FLAG_IDS, runEngine } from '../../src/study/engine.js';
import { DEFAULT_SETTINGS, type EngineSettings, type StudyEvent } from '../../src/study/types.js';
import { lcg, oneListingProvider, weekdays } from './fixtures.js';

const N = 300;
const days = weekdays(N);
const rnd = lcg(12345);
const market = Float64Array.from({ length: N }, (_, i) => (i === 0 ? NaN : (rnd() - 0.5) * 0.02));
const stock = Float64Array.from({ length: N }, (_, i) => (i === 0 ? NaN : 0.9 * market[i] + (rnd() - 0.5) * 0.02));

const provider = oneListingProvider(days, stock, market, { market: 'X' });
const settings: EngineSettings = { ...DEFAULT_SETTINGS, estimation: [-130, -11], window: [-5, 5], carWindows: [[0, 1]], bootstrapSamples: 9 };

/** The count a flag states: one id, or the ids listed plus "and k more". */
function counted(flag: string, prefix: RegExp): number {
  const list = flag.replace(prefix, '');
  const [ids, more] = list.split(' and ');
  return ids.split(', ').length + (more ? Number(more.replace(' more', '')) : 0);
}

describe('overlap flags', () => {
  it('match the pairwise counts, name at most five ids, count a shared day 0 once', () => {
    const index = Array.from({ length: 80 }, () => 140 + Math.floor(rnd() * 150));
    const events: StudyEvent[] = index.map((i, k) => ({ id: `e${k}`, eventId: `e${k}`, symbol: 'AAA', day: days[i], timing: 'intraday' }));
    // Estimation windows as they are: with 80 events in 150 days, dropping the others' windows
    // (checked below) would leave most events too few estimation days to enter the aggregate.
    const r = runEngine(events, provider, { ...settings, estimationContamination: 'keep' });
    index.forEach((i, k) => {
      const flags = r.events[k].flags ?? [];
      const overlap = index.filter((j, m) => m !== k && Math.abs(j - i) <= 10).length;
      const inEst = index.filter((j) => j >= i - 130 && j <= i - 11).length;
      const o = flags.filter((f) => f.startsWith('confounded: event window overlaps '));
      const e = flags.filter((f) => f.startsWith('estimation window contains '));
      expect(o.length).toBe(overlap ? 1 : 0);
      expect(e.length).toBe(inEst ? 1 : 0);
      if (overlap) expect(counted(o[0], /^confounded: event window overlaps /)).toBe(overlap);
      if (inEst) expect(inEst === 1 ? 1 : counted(e[0], /^estimation window contains the day 0 of \d+ other events: /)).toBe(inEst);
      for (const f of flags) expect(f.split(', ').length).toBeLessThanOrEqual(FLAG_IDS);
    });
    expect(r.aggregate.n).toBe(new Set(index).size);
  });

  it('drop: each event excludes exactly the days of the other windows that meet its estimation window (pairwise)', () => {
    const index = Array.from({ length: 80 }, () => 140 + Math.floor(rnd() * 150));
    const events: StudyEvent[] = index.map((i, k) => ({ id: `e${k}`, eventId: `e${k}`, symbol: 'AAA', day: days[i], timing: 'intraday' }));
    const r = runEngine(events, provider, { ...settings, estimationContamination: 'drop' });
    let some = 0;
    index.forEach((i, k) => {
      const others = index.filter((j, m) => m !== k && j !== i && j + 5 >= i - 130 && j - 5 <= i - 11);
      const rows = new Set<number>();
      for (const j of others) for (let t = j - 5; t <= j + 5; t++) if (t >= i - 130 && t <= i - 11) rows.add(t);
      const x = r.events[k].estimationExcluded;
      if (others.length === 0) return expect(x).toBeUndefined();
      some++;
      expect(x).toMatchObject({ days: rows.size, eventCount: others.length });
      if (r.events[k].model) expect(r.events[k].model!.nObs).toBe(120 - rows.size);
      else expect(r.events[k].reason).toContain(`after excluding ${rows.size} day(s) in the event window`);
    });
    expect(some).toBeGreaterThan(40);
  });
});
