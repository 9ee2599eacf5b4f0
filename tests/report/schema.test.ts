import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { reportJsonSchema, reportSchema, SCHEMA_VERSION } from '../../src/report/schema.js';
import { toJson } from '../../src/report/write.js';

describe('report.json contract', () => {
  it('the committed JSON Schema is the one generated from the zod schema (regenerate: npm run schema)', () => {
    const committed = JSON.parse(readFileSync('schema/report.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(reportJsonSchema())));
  });

  it('rejects NaN where a number is required and accepts null with a reason for tests', () => {
    const minimal = {
      schemaVersion: SCHEMA_VERSION,
      settings: { model: 'market', estimation: [-130, -11], window: [-1, 1], carWindows: [[0, 1]], nonTradingDay: 'next', returnType: 'simple' },
      events: [],
      aggregate: { days: [], windows: [] },
      groups: [],
    };
    expect(reportSchema.safeParse(minimal).success).toBe(true);
    const bad = { ...minimal, aggregate: { days: [{ day: 0, n: 1, aar: NaN, tests: {} }], windows: [] } };
    expect(reportSchema.safeParse(bad).success).toBe(false);
  });

  it('toJson writes non-finite numbers as null', () => {
    expect(toJson({ a: NaN, b: Infinity, c: 1 } as never)).toBe('{\n  "a": null,\n  "b": null,\n  "c": 1\n}\n');
  });
});
