/** The study file's `charts` block: zod-checked like every other key (issue 10 §1). */
import { describe, expect, it } from 'vitest';
import { parseStudy } from '../../src/study/config.js';
import { ConfigError } from '../../src/util/errors.js';

const base = 'id: x\ntitle: X\n';

function problem(text: string): string {
  try {
    parseStudy(base + text, 's.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).format();
  }
  throw new Error('expected a configuration error');
}

describe('charts in a study file', () => {
  it('names events for price charts, each with its line', () => {
    const s = parseStudy(base + 'charts:\n  events:\n    - a\n    - b\n', 's.yaml');
    expect(s.config.charts?.events).toEqual(['a', 'b']);
    expect(s.chartEventLines).toEqual([5, 6]);
  });

  it('at most 40 events; no unknown keys', () => {
    const ids = Array.from({ length: 41 }, (_, i) => `e${i}`).join(', ');
    expect(problem(`charts: { events: [${ids}] }\n`)).toMatch(/s\.yaml:3: charts\.events: at most 40 events/);
    expect(problem('charts:\n  evnts: [a]\n')).toBe('s.yaml:4: charts.evnts: unknown key(s) "evnts" (allowed: events)');
  });
});
