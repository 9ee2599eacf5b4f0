import { expect, it } from 'vitest';
import { DEFAULT_OUT, DEFAULT_PERIOD } from '../../src/baskets/run.js';
import { buildProgram } from '../../src/cli/main.js';

it('the CLI help shows the same defaults as src/baskets/run.ts (they are repeated to keep start-up light)', () => {
  const compare = buildProgram().commands.find((c) => c.name() === 'baskets')!.commands.find((c) => c.name() === 'compare')!;
  const opt = (flag: string) => compare.options.find((o) => o.long === flag)!.defaultValue;
  expect(opt('--out')).toBe(DEFAULT_OUT);
  expect(opt('--from')).toBe(DEFAULT_PERIOD.from);
  expect(opt('--to')).toBe(DEFAULT_PERIOD.to);
});
