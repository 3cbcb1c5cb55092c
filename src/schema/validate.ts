import { createHash } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Problem } from '../problem.ts';
import { closestName } from '../suggest.ts';
import { escapePointer, fieldOf } from '../yaml/load.ts';
import type { Position } from '../yaml/load.ts';
import { AJV_OPTIONS, schemaFingerprint } from './ajv-options.ts';
import { PRECOMPILED } from './validators.generated.js';

/** Where schema problems are located: the file and the positions the YAML/JSON loader recorded. */
export interface SchemaSubject {
  readonly file: string;
  readonly positions?: ReadonlyMap<string, Position>;
  readonly keyPositions?: ReadonlyMap<string, Position>;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const compiled = new Map<object, ValidateFunction>();

/**
 * The validator of a schema: the one compiled ahead of time (scripts/gen-validators.mjs) when the
 * schema is still the one it was compiled from, else compiled now, once per process.
 */
export function validatorOf(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate) return validate;
  const id = (schema as { $id?: unknown }).$id;
  const ready = typeof id === 'string' && Object.hasOwn(PRECOMPILED, id) ? PRECOMPILED[id] : undefined;
  validate =
    ready !== undefined && ready.fingerprint === schemaFingerprint(schema, sha256)
      ? ready.validate
      : // An instance per schema: two versions of one schema share a $id, which one instance refuses.
        new Ajv2020(AJV_OPTIONS).compile(schema);
  compiled.set(schema, validate);
  return validate;
}

/** Validates `value` against a JSON Schema and returns every problem, located and in plain words. */
export function validateAgainstSchema(schema: object, value: unknown, subject: SchemaSubject): Problem[] {
  const validate = validatorOf(schema);
  if (validate(value)) return [];
  return dedupe(onePerField((validate.errors ?? []).filter(isUseful)).map((error) => describe(error, subject)));
}

function describe(error: ErrorObject, subject: SchemaSubject): Problem {
  let pointer = error.instancePath;
  let message: string;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      message = `missing required field "${String(params.missingProperty)}"`;
      break;
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      pointer = `${pointer}/${escapePointer(extra)}`;
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = closestName(extra, known);
      message = `unknown field "${extra}"${guess ? ` (did you mean "${guess}"?)` : known.length > 0 ? `; expected one of ${known.join(', ')}` : ''}`;
      break;
    }
    case 'type':
      message = `expected ${listOr(String(params.type).split(','))}, found ${describeValue(error.data)}`;
      break;
    case 'enum':
      message = `expected one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(error.data)}`;
      break;
    case 'const':
      message = `expected ${JSON.stringify(params.allowedValue)}, found ${describeValue(error.data)}`;
      break;
    case 'pattern':
      message = `${describeValue(error.data)} is not valid: ${patternHint(error)}`;
      break;
    case 'dependentRequired':
      message = `"${String(params.property)}" requires "${String(params.missingProperty)}"`;
      break;
    case 'minItems':
      message = `expected at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}, found ${describeCount(error.data)}`;
      break;
    case 'maxItems':
      message = `expected at most ${String(params.limit)} items, found ${describeCount(error.data)}`;
      break;
    case 'minLength':
      message = params.limit === 1 ? 'must not be empty' : `expected at least ${String(params.limit)} characters`;
      break;
    case 'maxLength':
      message = `expected at most ${String(params.limit)} characters, found ${typeof error.data === 'string' ? error.data.length : '?'}`;
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const relation = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' }[error.keyword];
      message = `expected a number ${relation} ${String(params.limit)}, found ${describeValue(error.data)}`;
      break;
    }
    case 'uniqueItems':
      message = `items ${String(params.j)} and ${String(params.i)} are the same; each may appear once`;
      break;
    default:
      message = error.message ?? `fails ${error.keyword}`;
  }
  // Unknown and missing fields point at the key line (`retrieval:`), values at the value.
  const position =
    error.keyword === 'additionalProperties' || error.keyword === 'required'
      ? (subject.keyPositions?.get(pointer) ?? subject.positions?.get(pointer))
      : (subject.positions?.get(pointer) ?? subject.keyPositions?.get(pointer));
  const field = fieldOf(pointer);
  return {
    file: subject.file,
    ...(position ? { line: position.line, column: position.column } : {}),
    ...(field ? { field } : {}),
    message,
  };
}

/** Most specific first: "one of 0, 1, 2, 3" says more than "integer". */
const PRIORITY: Readonly<Record<string, number>> = { enum: 0, const: 0, type: 1 };

/**
 * One fault per field: a value that fails several keywords (type and enum, pattern and length) is
 * one problem for the user, so a manifest with six faults reports six. Missing and unknown fields
 * are each their own fault.
 */
function onePerField(errors: readonly ErrorObject[]): ErrorObject[] {
  const best = new Map<string, ErrorObject>();
  for (const error of errors) {
    const key = keyOf(error);
    const current = best.get(key);
    if (!current || (PRIORITY[error.keyword] ?? 2) < (PRIORITY[current.keyword] ?? 2)) best.set(key, error);
  }
  return errors.filter((error) => best.get(keyOf(error)) === error);
}

function keyOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${error.instancePath} required ${String(params.missingProperty)}`;
  if (error.keyword === 'additionalProperties')
    return `${error.instancePath} extra ${String(params.additionalProperty)}`;
  return error.instancePath;
}

/** ajv reports a failed `if`/`anyOf` wrapper besides the real error; keep only the real one. */
function isUseful(error: ErrorObject): boolean {
  return error.keyword !== 'if' && error.keyword !== 'anyOf' && error.keyword !== 'oneOf';
}

function patternHint(error: ErrorObject): string {
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  return description ?? `must match ${String((error.params as { pattern?: string }).pattern)}`;
}

function listOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function describeCount(value: unknown): string {
  return Array.isArray(value) ? `${value.length}` : describeValue(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return `${typeof value} ${String(value)}`;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.field}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
