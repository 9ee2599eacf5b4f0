import { describe, expect, it } from 'vitest';
import { parseStudy, loadStudy } from '../../src/study/config.js';
import { ConfigError } from '../../src/util/errors.js';

const base = `id: s1\ntitle: T\n`;

describe('study file', () => {
  it('fills the DESIGN.md defaults', () => {
    const { config } = parseStudy(base, 's.yaml');
    expect(config.estimation).toEqual([-130, -11]);
    expect(config.window).toEqual([-10, 10]);
    expect(config.minEstimation).toBe(60);
    expect(config.nonTradingDay).toBe('next');
    expect(config.model).toBe('market');
  });

  it('the shipped default study validates', () => {
    const { config } = loadStudy('studies/china-ai-2023.yaml');
    expect(config.id).toBe('china-ai-2023');
    expect(config.claims).toHaveLength(5);
    expect(config.periods[0]).toMatchObject({ from: '2022-12-30', to: '2023-04-24' });
  });

  it('rejects unknown keys and wrong types, naming the field and line', () => {
    const err = (() => {
      try {
        parseStudy(`${base}estimaton: [-100, -11]\nwindow: "wide"\n`, 'bad.yaml');
      } catch (e) {
        return e as ConfigError;
      }
    })()!;
    expect(err).toBeInstanceOf(ConfigError);
    const all = err.details.map((d) => d.format()).join('\n');
    expect(all).toMatch(/bad\.yaml.*unknown key\(s\) "estimaton"/);
    expect(all).toMatch(/bad\.yaml:4: window/);
  });

  it('rejects an estimation window shorter than the minimum and CAR windows outside the event window', () => {
    expect(() => parseStudy(`${base}estimation: [-40, -11]\n`, 'x.yaml')).toThrow(ConfigError);
    expect(() => parseStudy(`${base}carWindows: [[0, 30]]\n`, 'x.yaml')).toThrow(ConfigError);
  });

  it('reports invalid YAML with its line', () => {
    expect(() => parseStudy(`${base}model: [market\n`, 'y.yaml')).toThrow(/invalid YAML/);
  });
});
