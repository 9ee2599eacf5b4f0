/**
 * The `backtest:` block of a study file: every error names the study file, the line and the field
 * (`backtest.exit.hold`), all at once, like the rest of the study (in-process: parseStudy is what
 * `evstudy backtest` and `evstudy run` call first; the CLI exit code 4 is in cli.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseStudy } from '../../../src/study/config.js';
import { ConfigError } from '../../../src/util/errors.js';

const head = 'id: x\ntitle: t\n';

function problems(yaml: string): string[] {
  try {
    parseStudy(head + yaml, 'studies/s.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    const err = e as ConfigError;
    return (err.details.length ? err.details : [err]).map((d) => d.format());
  }
  throw new Error('expected a configuration error');
}

describe('backtest: block', () => {
  it('applies the documented defaults (first allowed fill, hold 5, 10% of equity, locked limits, default costs)', () => {
    const s = parseStudy(head + 'backtest: {}\n', 's.yaml');
    expect(s.config.backtest).toEqual({
      capital: 1_000_000,
      entry: { day: 0, at: 'open' },
      exit: { hold: 5, at: 'close' },
      size: { fraction: 0.1 },
      maxPositions: 10,
      limitRule: 'locked',
      costs: 'default',
      maxVolumeShare: 0.1,
      allowLookahead: false,
      lots: 'board',
    });
  });

  it('reports each bad field at its line: negative hold, unknown limitRule, unknown key, two sizes, unknown cost rate', () => {
    const p = problems(
      [
        'backtest:',
        '  exit: { hold: -1, at: close }', // line 4
        '  limitRule: lockd', // 5
        '  entyr: { day: 1 }', // 6
        '  size: { amount: 100000, fraction: 0.1 }', // 7
        '  costs: { stampDutty: 0.001 }', // 8
        '  maxVolumeShare: 1.5', // 9
      ].join('\n') + '\n',
    );
    expect(p).toEqual([
      expect.stringMatching(/^studies\/s\.yaml:4: backtest\.exit\.hold "-1": must be 0 or more/),
      expect.stringMatching(/^studies\/s\.yaml:5: backtest\.limitRule "lockd": .*"locked"\|"touch"\|"off"/),
      expect.stringMatching(/^studies\/s\.yaml:6: backtest\.entyr: unknown key.*allowed: markets, capital, entry, exit/),
      expect.stringMatching(/^studies\/s\.yaml:7: backtest\.size: give exactly one of amount .* or fraction/),
      expect.stringMatching(/^studies\/s\.yaml:8: backtest\.costs\.stampDutty "0.001": unknown rate; valid names: .*cn\.stampDuty/),
      expect.stringMatching(/^studies\/s\.yaml:9: backtest\.maxVolumeShare "1.5": must be at most 1/),
    ]);
  });

  it('accepts a known cost override and a per-market benchmark', () => {
    const s = parseStudy(head + 'backtest:\n  costs: { cn.stampDuty: 0.0005, commission: 0 }\n  benchmark: { cn: 000905.SH }\n', 's.yaml');
    expect(s.config.backtest?.costs).toEqual({ 'cn.stampDuty': 0.0005, commission: 0 });
    expect(s.config.backtest?.benchmark).toEqual({ cn: '000905.SH' });
  });
});
