/**
 * Issue 15 §2 on worker threads: a selection skips the rank rows, the bootstrap chunks and r-bar
 * there too (src/study/parallel.ts), and the rows equal the one-thread battery's, bit for bit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { aggregate } from '../../src/stats/battery.js';
import { aggregateParallel, parallelTaskCount, stopWorkers } from '../../src/study/parallel.js';
import { meanModelPanel, normalStream } from './helpers.js';

function panel() {
  const z = normalStream(3);
  const est = Array.from({ length: 40 }, () => Array.from({ length: 50 }, () => 0.01 * z()));
  const ev = Array.from({ length: 40 }, () => Array.from({ length: 5 }, () => 0.003 + 0.01 * z()));
  return meanModelPanel({ est, ev, winStart: -2, firstDay: est.map((_, i) => 1000 + 2 * (i % 9)) });
}
const OPTS = { bootstrapSamples: 99, windows: [[0, 1], [-2, 2]] as Array<[number, number]> };

describe('test selection on worker threads', () => {
  afterAll(() => stopWorkers());

  it.each([['basic'], [['grank', 'bootstrap', 'kpBmp']]] as const)('%j: the same rows as on one thread', (tests) => {
    const one = aggregate(panel(), { ...OPTS, tests });
    const before = parallelTaskCount();
    // One worker is enough to take the worker path (the split of the work is not what is tested here).
    const two = aggregateParallel(panel(), { ...OPTS, tests }, 1);
    expect(parallelTaskCount()).toBeGreaterThan(before);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(Object.keys(two.days[0].tests)).toEqual(tests === 'basic' ? ['csectT', 'bmp'] : ['kpBmp', 'grank', 'bootstrap']);
  });
});
