import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Problem } from '../problem.ts';
import { escapePointer, fieldOf } from '../manifest/load.ts';
import type { Position } from '../manifest/load.ts';

/** Where schema problems are located: the file and the positions the YAML/JSON loader recorded. */
export interface SchemaSubject {
  readonly file: string;
  readonly positions?: ReadonlyMap<string, Position>;
  readonly keyPositions?: ReadonlyMap<string, Position>;
}

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const compiled = new Map<object, ValidateFunction>();

/** Validates `value` against a JSON Schema and returns every problem, located and in plain words. */
export function validateAgainstSchema(schema: object, value: unknown, subject: SchemaSubject): Problem[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return [];
  return dedupe((validate.errors ?? []).filter(isUseful).map((error) => describe(error, subject)));
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
      message = `unknown field "${extra}"`;
      break;
    }
    case 'type':
      message = `expected ${String(params.type).replace(',', ' or ')}, found ${describeValue(error.data)}`;
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
    default:
      message = error.message ?? `fails ${error.keyword}`;
  }
  const position =
    error.keyword === 'additionalProperties'
      ? subject.keyPositions?.get(pointer)
      : (subject.positions?.get(pointer) ?? subject.keyPositions?.get(pointer));
  const field = fieldOf(pointer);
  return {
    file: subject.file,
    ...(position ? { line: position.line, column: position.column } : {}),
    ...(field ? { field } : {}),
    message,
  };
}

/** ajv reports a failed `if`/`anyOf` wrapper besides the real error; keep only the real one. */
function isUseful(error: ErrorObject): boolean {
  return error.keyword !== 'if' && error.keyword !== 'anyOf' && error.keyword !== 'oneOf';
}

function patternHint(error: ErrorObject): string {
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  return description ?? `must match ${String((error.params as { pattern?: string }).pattern)}`;
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
