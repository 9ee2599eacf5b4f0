import { expect, it } from 'vitest';
import { DEFAULT_OUT, DEFAULT_PERIOD } from '../../src/baskets/run.js';
import { buildProgram } from '../../src/cli/main.js';

// The CLI takes its defaults from src/baskets/defaults.ts (light to load); run.ts re-exports them
// and falls back to them: both must be what the help shows.
it('the CLI help shows the defaults that src/baskets/run.ts uses', () => {
  const compare = buildProgram().commands.find((c) => c.name() === 'baskets')!.commands.find((c) => c.name() === 'compare')!;
  const opt = (flag: string) => compare.options.find((o) => o.long === flag)!.defaultValue;
  expect(opt('--out')).toBe(DEFAULT_OUT);
  expect(opt('--from')).toBe(DEFAULT_PERIOD.from);
  expect(opt('--to')).toBe(DEFAULT_PERIOD.to);
});
