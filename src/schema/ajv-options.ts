import type { Options } from 'ajv/dist/2020.js';

/**
 * How kaizen-gate's JSON Schemas are compiled, at run time and by scripts/gen-validators.mjs
 * (which must produce the same validators ahead of time). verbose: errors carry the offending
 * value and the schema, which the messages quote. A schema compiled at run time is compiled once
 * and run on a few documents, so compiling is what costs: without inlined references and the
 * optimiser's passes the manifest schema compiles in about two thirds of the time, with the same
 * errors.
 */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  verbose: true,
  inlineRefs: false,
  code: { optimize: false },
} as const satisfies Options;

/**
 * What a precompiled validator was compiled from: the schema as JSON text, hashed. A schema
 * edited since `npm run validators` no longer matches, and is compiled at run time instead.
 */
export function schemaFingerprint(schema: object, hash: (text: string) => string): string {
  return hash(JSON.stringify(schema));
}
