/**
 * A chart that cannot be drawn costs only itself (issue 10 §1): report.json, report.md and
 * events.csv are staged before any chart is drawn, the failure is a warning naming the chart, the
 * other charts are still drawn and report.md does not link the missing one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeReport } from '../../src/report/write.js';
import { fixtureReport } from './charts/fixture.js';
import { tempDir } from '../helpers/cli.js';

const state = vi.hoisted(() => ({ out: '', reportFirst: [] as boolean[] }));

// vega's view fails on the CAR bar chart only, the way a 1,000-label sort overflowed its stack.
vi.mock('vega', async (importOriginal) => {
  const vega = await importOriginal<typeof import('vega')>();
  class View extends vega.View {
    override async toSVG(scale?: number): Promise<string> {
      // The report files are staged (on disk, beside the previous report) before any chart is drawn.
      const staging = readdirSync(state.out).find((f) => f.startsWith('.evstudy-staging-'));
      state.reportFirst.push(staging !== undefined && ['report.json', 'report.md', 'events.csv'].every((f) => existsSync(join(state.out, staging, f))));
      const svg = await super.toSVG(scale);
      if (svg.includes('CAR by event')) throw new RangeError('Maximum call stack size exceeded');
      return svg;
    }
  }
  return { ...vega, View };
});

describe('chart failures', () => {
  it('are warnings; the report and the other charts are written', async () => {
    state.out = join(tempDir(), 'out');
    const warnings: string[] = [];
    const written = await writeReport(fixtureReport(), state.out, { warn: (m) => warnings.push(m) });
    expect(state.reportFirst.length).toBeGreaterThan(3);
    expect(state.reportFirst.every(Boolean)).toBe(true);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/chart car-bars-m1_1\.svg not drawn \(Maximum call stack size exceeded\)/);
    for (const f of ['caar.svg', 'car-hist-m1_1.svg', 'price-e1.svg']) expect(existsSync(join(state.out, 'charts', f))).toBe(true);
    expect(existsSync(join(state.out, 'charts', 'car-bars-m1_1.svg'))).toBe(false);
    const md = readFileSync(join(state.out, 'report.md'), 'utf8');
    expect(md).toContain('](charts/caar.svg)');
    expect(md).not.toContain('car-bars-');
    expect(written.files.some((f) => f.endsWith('car-bars-m1_1.svg'))).toBe(false);
  });
});
