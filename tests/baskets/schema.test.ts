/** Basket YAML: defaults, and every kind of error named by file, line and field path. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBasketText } from '../../src/baskets/parse.js';
import { loadBaskets } from '../../src/baskets/load.js';
import { ConfigError } from '../../src/util/errors.js';
import { tempDir } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');

const errorsOf = (text: string, file = 'baskets/x.yaml') => parseBasketText(text, file).errors.map((e) => e.format());

describe('valid files', () => {
  it('fills the defaults: benchmark CSI 300, equal weights, buy-and-hold', () => {
    const p = parseBasketText('id: x\nname: X\nmembers: [300308.SZ, 688256.SH]\n', 'baskets/x.yaml');
    expect(p.errors).toEqual([]);
    expect(p.basket).toMatchObject({ id: 'x', benchmark: '000300.SH', weighting: 'equal', rebalancing: 'none', members: ['300308.SZ', '688256.SH'] });
  });
  it('every shipped basket is valid, and the published figures are data in the files', () => {
    const all = loadBaskets(join(ROOT, 'baskets'));
    expect(all.map((b) => b.id)).toEqual(['ai-apps', 'chips', 'optical-modules', 'pcb', 'servers', 'telecom']);
    const pub = Object.fromEntries(all.filter((b) => b.published).map((b) => [b.id, b.published!.value]));
    expect(pub).toEqual({ chips: 0.65, 'optical-modules': 1.46, pcb: 0.45, servers: 0.62 });
    expect(all.find((b) => b.id === 'telecom')!.members).toEqual(['600941.SH', '601728.SH', '600050.SH']);
  });
});

describe('errors name file, line and field', () => {
  it('unknown key, with the allowed keys', () => {
    expect(errorsOf('id: x\nname: X\nmembers: [300308.SZ]\nweigthing: equal\n')).toEqual([
      'baskets/x.yaml:4: weigthing: unknown key (allowed: id, name, description, members, benchmark, weighting, weights, rebalancing, published, source, notes)',
    ]);
  });
  it('bad symbol in a list, bad enum, missing name', () => {
    const errs = errorsOf('id: x\nmembers:\n  - 300308.SZ\n  - 300308sz\nweighting: cap\n');
    expect(errs[0]).toMatch(/^baskets\/x\.yaml:4: members\[1\] "300308sz": must be an upper-case listing symbol/);
    expect(errs[1]).toMatch(/^baskets\/x\.yaml:5: weighting "cap": must be one of equal, float-cap, custom/);
    expect(errs[2]).toBe('baskets/x.yaml: name: is required');
  });
  it('duplicate member', () => {
    expect(errorsOf('id: x\nname: X\nmembers: [300308.SZ, 300308.SZ]\n')).toEqual(['baskets/x.yaml:3: members[1] "300308.SZ": is listed twice']);
  });
  it('custom weights: missing member weight, weight for a non-member, non-positive weight', () => {
    const errs = errorsOf('id: x\nname: X\nmembers: [300308.SZ, 300502.SZ]\nweighting: custom\nweights:\n  300308.SZ: 0\n  600000.SH: 1\n');
    expect(errs).toContain('baskets/x.yaml:5: weights: has no weight for member 300502.SZ');
    expect(errs).toContain('baskets/x.yaml:6: weights["300308.SZ"] "0": must be a positive number');
    expect(errs).toContain('baskets/x.yaml:7: weights["600000.SH"] "1": is not a member of the basket');
  });
  it('weights without custom weighting; published figure with a string value and unknown key', () => {
    const errs = errorsOf(
      'id: x\nname: X\nmembers: [300308.SZ]\nweights:\n  300308.SZ: 1\npublished:\n  value: "65%"\n  source: CMBI\n  period: YTD\n  when: 2023\n',
    );
    expect(errs).toContain('baskets/x.yaml:4: weights: weights are only read with weighting: custom (this basket is equal)');
    expect(errs).toContain('baskets/x.yaml:7: published.value "65%": must be a number (decimal return: 0.65 for +65%)');
    expect(errs).toContain('baskets/x.yaml:10: published.when: unknown key (allowed: value, source, period, quote)');
  });
  it('id must be a slug and equal the file name; YAML syntax errors carry the line', () => {
    expect(errorsOf('id: Chips\nname: X\nmembers: [300308.SZ]\n', 'baskets/chips.yaml')).toEqual([
      'baskets/chips.yaml:1: id "Chips": must be a slug: lower-case letters and digits joined by single hyphens (e.g. "optical-modules")',
      'baskets/chips.yaml:1: id "Chips": the id must equal the file name ("chips")',
    ]);
    expect(errorsOf('id: x\nname: [X\nmembers: []\n')[0]).toMatch(/^baskets\/x\.yaml:\d+: YAML syntax error/);
    expect(errorsOf('- a\n- b\n')).toEqual(['baskets/x.yaml:1: expected a mapping of basket fields (id, name, members, ...) at the top level']);
  });
  it('loading a folder reports every problem of every file at once', () => {
    const dir = tempDir('evstudy-baskets-');
    writeFileSync(join(dir, 'a.yaml'), 'id: a\nname: A\nmembers: []\n');
    writeFileSync(join(dir, 'b.yaml'), 'id: b\nname: B\nmembers: [300308.SZ]\nrebalancing: weekly\n');
    writeFileSync(join(dir, 'c.yaml'), 'id: c\nname: C\nmembers: [300308.SZ]\n');
    let caught: unknown;
    try {
      loadBaskets(dir);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const err = caught as ConfigError;
    expect(err.exitCode).toBe(4);
    expect(err.details.map((d) => d.format().replace(dir, 'DIR'))).toEqual([
      'DIR/a.yaml:3: members: needs at least one member',
      'DIR/b.yaml:4: rebalancing "weekly": must be one of none, daily',
    ]);
  });
});
