/**
 * `doc.toJS()` of the `yaml` package throws a plain ReferenceError for an alias without its anchor
 * (`key: *a`) and for an excessive number of aliases (its guard against "billion laughs"
 * documents): the parser itself reports neither. This turns both into a ConfigError naming the
 * file and the line of the first alias, so a hand-edited YAML file never ends in an internal error.
 */
import { isAlias, visit, type Document } from 'yaml';
import { ConfigError } from './errors.js';

export function yamlToJs(doc: Document, text: string, file: string): unknown {
  try {
    return doc.toJS();
  } catch (err) {
    let offset: number | undefined;
    visit(doc, {
      Alias(_key, node) {
        if (isAlias(node) && node.range) {
          offset = node.range[0];
          return visit.BREAK;
        }
        return undefined;
      },
    });
    let line = 1;
    for (let i = 0; offset !== undefined && i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    throw new ConfigError(`invalid YAML: ${(err as Error).message.split('\n')[0]}`, { file, line });
  }
}
