/**
 * The text of a YAML file the user wrote (study, event, basket, price manifest), or a ConfigError
 * naming the file. Two ways a file used to be read wrong without a word:
 * - a FIFO, a device such as /dev/zero or a folder behind the name: reading would hang or never
 *   end, so only regular files are read (symlinks are followed to their target first);
 * - a file saved in another encoding (GB18030 is common for Chinese text): Node's utf8 decoding
 *   turns invalid bytes into U+FFFD and the names and titles come out garbled, so the bytes must
 *   be valid UTF-8, and the error names the first line that is not.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { ConfigError } from './errors.js';
import { firstInvalidUtf8, lineOfOffset } from './utf8.js';

/** A YAML configuration file larger than this is not one a person wrote; refuse it before reading. */
export const MAX_YAML_BYTES = 64 * 1024 * 1024;

export function readYamlText(file: string, what = 'YAML file'): string {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new ConfigError(`${what} is not a regular file (${kindOf(st)}): only regular files are read`, { file });
    size = st.size;
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw fsError(e, file, what);
  }
  if (size > MAX_YAML_BYTES) throw new ConfigError(`${what} is ${size} bytes, more than the ${MAX_YAML_BYTES} a configuration file may have`, { file });
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw fsError(e, file, what);
  }
  return decodeUtf8(bytes, file);
}

/** UTF-8 text without its byte-order mark; ConfigError at the first line that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return strict.decode(bytes);
  } catch {
    // The line of the first byte that is not UTF-8 is where the encoding goes wrong.
    const line = lineOfOffset(bytes, firstInvalidUtf8(bytes));
    throw new ConfigError('YAML must be UTF-8: this line is not valid UTF-8 (was the file saved as GB18030/GBK or UTF-16? save it as UTF-8)', {
      file,
      line,
    });
  }
}

/** What a path that is not a regular file is, for messages ("a FIFO"); also used for price files (store.ts). */
export function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

function fsError(e: unknown, file: string, what: string): ConfigError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ConfigError(`${what} not found`, { file });
  return new ConfigError(`cannot read ${what} (${code ?? (e as Error).message})`, { file });
}
