/**
 * A study whose `select` names an event the registry does not have, or matches none, is a mistake
 * in the study file: said at its line (exit 4) before anything runs, rather than an empty report
 * that replaces the previous one.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { EventRecord } from '../data/events/index.js';
import type { LoadedStudy } from './config.js';
import { ConfigError } from '../util/errors.js';

export function checkSelection(study: LoadedStudy, all: readonly EventRecord[], selected: readonly EventRecord[]): void {
  const sel = study.config.select;
  const known = new Set(all.map((e) => e.id));
  const where = `${study.config.eventsDir} (${all.length} event file${all.length === 1 ? '' : 's'})`;
  // An unknown id in exclude is as much a typo as one in ids: it would quietly exclude nothing.
  const unknown = (['ids', 'exclude'] as const).flatMap((key) =>
    (sel[key] ?? []).map((id, i) => ({ key, id, i })).filter((x) => !known.has(x.id)),
  );
  const errors = unknown.map(
    ({ key, id, i }) => new ConfigError(`no event with this id in ${where}`, { file: study.file, line: lineAt(study.file, ['select', key, i]), field: `select.${key}[${i}]`, value: id }),
  );
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ConfigError(`${errors.length} ids in select are not in ${where}`, { file: study.file }, errors);
  if (selected.length === 0) {
    const filters = Object.entries(sel)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(',') : String(v)}`);
    throw new ConfigError(`the selection matches no event in ${where}${filters.length ? ` (${filters.join('; ')})` : ''}`, {
      file: study.file,
      line: lineAt(study.file, ['select']),
      field: 'select',
    });
  }
}

/** The 1-based line of a node of the study file; undefined when it cannot be found (an error message still names the field). */
function lineAt(file: string, path: (string | number)[]): number | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const node = parseDocument(text).getIn(path, true) as { range?: [number, number, number] } | undefined;
    const at = node?.range?.[0];
    if (at === undefined) return undefined;
    let line = 1;
    for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
  } catch {
    return undefined;
  }
}
