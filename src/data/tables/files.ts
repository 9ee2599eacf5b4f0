/**
 * File entry points for the `study` command: read the bytes, decode them with the price files'
 * decoder (UTF-8 with or without BOM, GB18030 fallback), hand the text to the pure readers.
 */
import { readFile } from 'node:fs/promises';
import { DataError } from '../../util/errors.js';
import { decodePriceBytes } from '../prices/decode.js';
import { readEventsTable } from './events.js';
import { readFactorTable, type FactorTableOptions } from './factors.js';
import type { EventsTable, FactorTable, ValueTable } from './types.js';
import { readValueTable, type ValueTableOptions } from './valueTable.js';

export async function loadText(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataError(code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(err)})`, { file: path });
  }
  return decodePriceBytes(bytes, path).text;
}

export async function loadValueTable(path: string, opts: Omit<ValueTableOptions, 'file'> = {}): Promise<ValueTable> {
  return readValueTable(await loadText(path), { ...opts, file: path });
}

export async function loadEventsTable(path: string): Promise<EventsTable> {
  return readEventsTable(await loadText(path), { file: path });
}

export async function loadFactorTable(path: string, opts: Omit<FactorTableOptions, 'file'> = {}): Promise<FactorTable> {
  return readFactorTable(await loadText(path), { ...opts, file: path });
}
