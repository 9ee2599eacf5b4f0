/**
 * User-facing errors. Every error a user can cause by their input is an `EvstudyError`, carrying
 * where it happened (file, line, column/field, value) so the CLI can print one clear line and
 * exit with a documented code instead of a stack trace.
 *
 * Exit codes (documented in the README):
 *   1  unexpected internal error (a bug: the stack trace is printed)
 *   2  usage error (bad flags / arguments)
 *   3  input data error (prices, returns, events, factor files)
 *   4  configuration error (study or basket YAML, manifest)
 *   5  output error (cannot write a report)
 */
export type ErrorKind = 'usage' | 'data' | 'config' | 'output';

export const EXIT_CODES: Record<ErrorKind | 'internal', number> = {
  internal: 1,
  usage: 2,
  data: 3,
  config: 4,
  output: 5,
};

export interface ErrorLocation {
  file?: string;
  /** 1-based line number in the file, counting the header as line 1. */
  line?: number;
  /** Column name (CSV) or field path (YAML), e.g. `close` or `sources[0].url`. */
  field?: string;
  value?: string;
}

export class EvstudyError extends Error {
  readonly kind: ErrorKind;
  readonly location: ErrorLocation;
  /** Further errors found in the same pass (e.g. `events validate` reports all at once). */
  readonly details: EvstudyError[];

  constructor(kind: ErrorKind, message: string, location: ErrorLocation = {}, details: EvstudyError[] = []) {
    super(message);
    this.name = 'EvstudyError';
    this.kind = kind;
    this.location = location;
    this.details = details;
  }

  get exitCode(): number {
    return EXIT_CODES[this.kind];
  }

  /** `file:line: field "value": message`, the form printed by the CLI; long values cut (see clipValue). */
  format(): string {
    const { file, line, field } = this.location;
    const value = this.location.value === undefined ? undefined : clipValue(this.location.value);
    const where = [file, line !== undefined ? String(line) : undefined].filter(Boolean).join(':');
    const what = field ? `${field}${value !== undefined ? ` ${JSON.stringify(value)}` : ''}` : value !== undefined ? JSON.stringify(value) : '';
    return [where, what, this.message].filter((s) => s !== '').join(': ');
  }
}

/** Values longer than this are cut in messages: a whole garbage line (or binary) is no help on a terminal. */
/** The errno code of a failed system call (EACCES, ENOTDIR...), else the error's message: the parenthesis of an I/O error. */
export function errnoText(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

export const MAX_VALUE_CHARS = 80;

/** `value` cut to MAX_VALUE_CHARS characters, saying how long it was. */
export function clipValue(value: string): string {
  if (value.length <= MAX_VALUE_CHARS) return value;
  return `${value.slice(0, MAX_VALUE_CHARS - 1)}… (${value.length} characters)`;
}

/** Bad data in an input file (prices, returns, events CSV, factors). */
export class DataError extends EvstudyError {
  constructor(message: string, location: ErrorLocation = {}, details: EvstudyError[] = []) {
    super('data', message, location, details);
    this.name = 'DataError';
  }
}

/** Bad configuration (study YAML, basket YAML, manifest, event YAML). */
export class ConfigError extends EvstudyError {
  constructor(message: string, location: ErrorLocation = {}, details: EvstudyError[] = []) {
    super('config', message, location, details);
    this.name = 'ConfigError';
  }
}

/** Bad command-line usage. */
export class UsageError extends EvstudyError {
  constructor(message: string, location: ErrorLocation = {}) {
    super('usage', message, location);
    this.name = 'UsageError';
  }
}

/** Cannot write output. */
export class OutputError extends EvstudyError {
  constructor(message: string, location: ErrorLocation = {}) {
    super('output', message, location);
    this.name = 'OutputError';
  }
}

/** A non-fatal observation about input (gap, zero volume, dropped duplicate row). */
export interface Warning {
  code: string;
  message: string;
  location: ErrorLocation;
}
