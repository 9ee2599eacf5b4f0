/**
 * A yes/no check of a value against a zod schema, with zod's own verdict but without building the
 * parsed copy: zod's parse allocates a new object and two per key (its result and an issue list)
 * for every object of the value, and on the peer workload's 8 MB report that pass took more CPU
 * than writing the file (issue 15 §3).
 *
 * The containers are walked here, following zod 4's rules (core/schemas.js): strict and plain
 * objects (a key is present when `key in value`; an absent optional key is ignored; a required one
 * is an error; a strict object refuses any other key `for...in` yields), arrays, optional and
 * nullable wrappers, unions (some option passes) and records with plain string keys. Everything else
 * (numbers, strings, enums, their checks such as finiteness and date patterns, and any kind not
 * listed) is handed to zod itself (`_zod.run`) on that value alone, so its rules are zod's by
 * construction. A container's own checks (an array's minimum length) run through zod's check
 * objects after its contents pass.
 *
 * checkContract (contractParts.ts) calls zod's safeParse only when this says no, for the message;
 * tests/report/contractCheck.test.ts compares the two verdicts on real reports and on thousands of
 * mutations of them.
 */
import type * as z from 'zod';
import { util } from 'zod/v4/core';

type Check = (value: unknown) => boolean;
/** zod's internal view of a schema (its `_zod` member), as far as the walk reads it. */
interface Internals {
  def: {
    type: string;
    checks?: { _zod: { check(payload: Payload): unknown; def: { when?: (payload: Payload) => boolean } } }[];
    shape?: Record<string, z.ZodType>;
    catchall?: z.ZodType;
    element?: z.ZodType;
    innerType?: z.ZodType;
    options?: z.ZodType[];
    keyType?: z.ZodType;
    valueType?: z.ZodType;
    mode?: string;
    partial?: boolean;
    inclusive?: boolean;
  };
  traits: Set<string>;
  optin?: string;
  optout?: string;
  values?: Set<unknown>;
  run(payload: Payload, ctx: { async: false }): Payload;
}
interface Payload {
  value: unknown;
  issues: unknown[];
}

const CTX = { async: false } as const;
const internals = (s: z.ZodType): Internals => (s as unknown as { _zod: Internals })._zod;

/** zod on this value alone: its parse and checks, its verdict. */
function viaZod(s: z.ZodType): Check {
  const zs = internals(s);
  return (value) => {
    const r = zs.run({ value, issues: [] }, CTX);
    return r.issues.length === 0;
  };
}

type ZodCheck = NonNullable<Internals['def']['checks']>[number];

/** The checks zod runs after a schema's own parse: the schema itself when it is a check (z.int()), then def.checks. */
function checksOf(s: z.ZodType): ZodCheck[] {
  const zi = internals(s);
  return [...(zi.traits.has('$ZodCheck') ? [s as unknown as ZodCheck] : []), ...(zi.def.checks ?? [])];
}

/** A schema's checks (zod runs them after its parse, or after a container's contents), in order. */
function withChecks(s: z.ZodType, inner: Check): Check {
  const checks = checksOf(s);
  if (checks.length === 0) return inner;
  return (value) => {
    if (!inner(value)) return false;
    const payload: Payload = { value, issues: [] };
    for (const ch of checks) {
      const when = ch._zod.def.when;
      if (when && !when(payload)) continue;
      ch._zod.check(payload);
      if (payload.issues.length) return false;
    }
    return true;
  };
}

// zod's own object tests (what z.object and z.record accept), so this walk cannot drift from them.
const { isObject, isPlainObject } = util;

function objectCheck(s: z.ZodType, memo: Map<z.ZodType, Check>): Check | null {
  const def = internals(s).def;
  const shape = def.shape!;
  if (Object.getOwnPropertySymbols(shape).length) return null;
  const catchall = def.catchall ? internals(def.catchall).def.type : null;
  if (catchall !== null && catchall !== 'never') return null;
  const keys = Object.keys(shape);
  if (keys.includes('__proto__')) return null;
  const keySet = new Set(keys);
  const kids = keys.map((k) => compile(shape[k], memo));
  // 0: required; 1: optional in and out (absent is fine, present must pass); 2: other (must pass).
  const mode = keys.map((k) => {
    const zi = internals(shape[k]);
    return zi.optin === undefined ? 0 : zi.optout === 'optional' ? 1 : 2;
  });
  const n = keys.length;
  return (value) => {
    if (!isObject(value)) return false;
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      const present = k in value;
      if (!present && mode[i] === 1) continue;
      if (!kids[i](value[k])) return false;
      if (!present && mode[i] === 0) return false;
    }
    if (catchall === 'never') for (const k in value) if (!keySet.has(k)) return false;
    return true;
  };
}

function recordCheck(s: z.ZodType, memo: Map<z.ZodType, Check>): Check | null {
  const def = internals(s).def;
  const key = internals(def.keyType!);
  // Only z.record(z.string(), ...): every string key passes its key schema; a symbol key does not.
  if (key.def.type !== 'string' || key.def.checks?.length || key.values || def.mode === 'loose') return null;
  const val = compile(def.valueType!, memo);
  return (value) => {
    if (!isPlainObject(value)) return false;
    for (const k of Reflect.ownKeys(value)) {
      if (k === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, k)) continue;
      if (typeof k !== 'string') return false;
      if (!val(value[k])) return false;
    }
    return true;
  };
}

function compileNew(s: z.ZodType, memo: Map<z.ZodType, Check>): Check {
  const zi = internals(s);
  const def = zi.def;
  let inner: Check | null = null;
  const coerce = (def as { coerce?: boolean }).coerce === true;
  switch (def.type) {
    // Leaves: zod's type test (core/schemas.js $ZodNumber, $ZodString, ...), then its checks.
    case 'number':
      if (!coerce) inner = (v) => Number.isFinite(v); // a number, neither NaN nor infinite (zod 4's $ZodNumber)
      break;
    case 'string':
      if (!coerce) inner = (v) => typeof v === 'string';
      break;
    case 'boolean':
      if (!coerce) inner = (v) => typeof v === 'boolean';
      break;
    case 'null':
      inner = (v) => v === null;
      break;
    case 'enum': {
      const values = zi.values;
      if (values) inner = (v) => values.has(v);
      break;
    }
    case 'object':
      inner = objectCheck(s, memo);
      break;
    case 'record':
      inner = recordCheck(s, memo);
      break;
    case 'array': {
      const el = compile(def.element!, memo);
      inner = (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!el(v[i])) return false;
        return true;
      };
      break;
    }
    case 'optional': {
      if (zi.traits.has('$ZodExactOptional') || internals(def.innerType!).optin === 'defaulted') break;
      const el = compile(def.innerType!, memo);
      inner = (v) => v === undefined || el(v);
      break;
    }
    case 'nullable': {
      const el = compile(def.innerType!, memo);
      inner = (v) => v === null || el(v);
      break;
    }
    case 'union': {
      if (def.inclusive === false) break;
      const opts = def.options!.map((o) => compile(o, memo));
      inner = (v) => opts.some((o) => o(v));
      break;
    }
  }
  return inner ? withChecks(s, inner) : viaZod(s);
}

function compile(s: z.ZodType, memo: Map<z.ZodType, Check>): Check {
  let c = memo.get(s);
  if (c) return c;
  // A placeholder for recursive schemas, replaced once the real check exists.
  let real: Check | null = null;
  memo.set(s, (v) => real!(v));
  real = compileNew(s, memo);
  memo.set(s, real);
  c = real;
  return c;
}

const compiled = new WeakMap<z.ZodType, Check>();

/** True when `schema` accepts `value` (zod's verdict), without building zod's parsed copy. */
export function contractCheck(schema: z.ZodType, value: unknown): boolean {
  let c = compiled.get(schema);
  if (!c) {
    c = compile(schema, new Map());
    compiled.set(schema, c);
  }
  return c(value);
}
