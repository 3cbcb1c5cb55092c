// Types of validators.generated.js (written by scripts/gen-validators.mjs).
import type { ValidateFunction } from 'ajv/dist/2020.js';

/** Each precompiled schema by $id: its validator and the fingerprint of the schema it was compiled from. */
export declare const PRECOMPILED: Readonly<
  Record<string, { readonly validate: ValidateFunction; readonly fingerprint: string }>
>;
