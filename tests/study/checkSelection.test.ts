/**
 * A select that names an event the registry lacks is a configuration error at its line (exit 4),
 * in `exclude` as much as in `ids`: a typo there would quietly exclude nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStudy } from '../../src/study/config.js';
import { checkSelection } from '../../src/study/checkSelection.js';
import type { EventRecord } from '../../src/data/events/index.js';
import { ConfigError } from '../../src/util/errors.js';
import { tempDir } from '../helpers/cli.js';

const events = ['a', 'b', 'c'].map((id) => ({ id }) as EventRecord);

function study(select: string) {
  const file = join(tempDir(), 'study.yaml');
  writeFileSync(file, `id: s\ntitle: S\nselect:\n${select}`);
  return loadStudy(file);
}

describe('checkSelection', () => {
  it('an unknown id in select.exclude is an error naming it and its line', () => {
    const s = study('  exclude: [b, nope]\n');
    let err: unknown;
    try {
      checkSelection(s, events, events.filter((e) => e.id !== 'b'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).location).toMatchObject({ file: s.file, line: 4, field: 'select.exclude[1]', value: 'nope' });
  });

  it('known ids pass; unknown ones in ids and exclude are reported together', () => {
    expect(() => checkSelection(study('  exclude: [b]\n'), events, events.slice(0, 1))).not.toThrow();
    expect(() => checkSelection(study('  ids: [a, x]\n  exclude: [y]\n'), events, events.slice(0, 1))).toThrow(/2 ids in select are not in/);
  });
});
