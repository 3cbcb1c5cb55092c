// The schemas every run validates are compiled ahead of time (scripts/gen-validators.mjs): the
// committed module must be what the script writes now, and its validators must judge every
// document exactly as ajv compiling the same schema at run time does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it, vi } from 'vitest';
import packageSchema from '../../manifests/schema/package.schema.json' with { type: 'json' };
import policySchema from '../../manifests/schema/policy.schema.json' with { type: 'json' };
import { parse } from 'yaml';
// @ts-expect-error: a plain .mjs script without types, shared with `npm run validators`.
import { generateValidators as generate, VALIDATORS_PATH as PATH } from '../../scripts/gen-validators.mjs';
import { AJV_OPTIONS } from '../../src/schema/ajv-options.ts';
import { validateAgainstSchema, validatorOf } from '../../src/schema/validate.ts';
import { PRECOMPILED } from '../../src/schema/validators.generated.js';
import { ROOT } from '../gates/scenario.ts';

const generateValidators = generate as () => string;
const VALIDATORS_PATH = PATH as string;
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const schemaAt = (path: string): { $id: string } & Record<string, unknown> =>
  JSON.parse(read(path)) as { $id: string } & Record<string, unknown>;

/** Documents that break a valid one in many ways: fields removed, retyped, added, emptied. */
function mutations(valid: Record<string, unknown>): unknown[] {
  const out: unknown[] = [valid, null, [], 'text', {}];
  const walk = (node: unknown, edit: (replace: (value: unknown) => unknown) => void): void => {
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key];
      for (const replacement of [undefined, 42, 'x', -1, [], {}, true, 'a'.repeat(300)]) {
        edit((root) => {
          const copy = structuredClone(root) as Record<string, unknown>;
          let target: Record<string, unknown> = copy;
          for (const step of path) target = target[step] as Record<string, unknown>;
          if (replacement === undefined) delete target[key];
          else target[key] = replacement;
          return copy;
        });
      }
      path.push(key);
      walk(child, edit);
      path.pop();
    }
    edit((root) => {
      const copy = structuredClone(root) as Record<string, unknown>;
      let target: Record<string, unknown> = copy;
      for (const step of path) target = target[step] as Record<string, unknown>;
      if (!Array.isArray(target)) target['x_unknown_field'] = 1;
      return copy;
    });
  };
  const path: string[] = [];
  walk(valid, (make) => out.push(make(valid)));
  return out;
}

describe('precompiled schema validators', () => {
  it(`${VALIDATORS_PATH} is what npm run validators writes`, () => {
    expect(read(VALIDATORS_PATH) === generateValidators(), 'stale: run npm run validators').toBe(true);
  });

  it.each([
    ['manifests/schema/package.schema.json', ['manifests/policy-qa.yaml', 'manifests/sql-analytics.yaml']],
    ['manifests/schema/policy.schema.json', ['gates/default.yaml']],
  ])('%s: the same verdict and errors as a run-time compile, on hundreds of broken documents', (path, examples) => {
    const schema = schemaAt(path);
    const ahead = PRECOMPILED[schema.$id]!.validate;
    const now = new Ajv2020(AJV_OPTIONS).compile(schema);
    let judged = 0;
    for (const example of examples) {
      for (const document of mutations(parse(read(example)) as Record<string, unknown>)) {
        const verdict = ahead(document);
        expect(now(document)).toBe(verdict);
        expect(ahead.errors ?? null).toEqual(now.errors ?? null);
        judged++;
      }
    }
    expect(judged).toBeGreaterThan(300);
  });

  it('uses them for the schemas as the code imports them, compiling nothing', () => {
    // By identity, so that a validator compiled earlier in this worker (files share modules) cannot pass for one.
    expect(validatorOf(packageSchema)).toBe(PRECOMPILED[packageSchema.$id]!.validate);
    expect(validatorOf(policySchema)).toBe(PRECOMPILED[policySchema.$id]!.validate);
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    expect(validateAgainstSchema(packageSchema, {}, { file: 'm.yaml' }).length).toBeGreaterThan(0);
    expect(validateAgainstSchema(policySchema, { kind: 'GatePolicy' }, { file: 'p.yaml' }).length).toBeGreaterThan(0);
    expect(compile).not.toHaveBeenCalled();
    compile.mockRestore();
  });

  it('compiles a schema at run time when it is no longer the one that was precompiled', () => {
    // Same $id, one limit changed: the precompiled validator would still accept a long package_id.
    const schema = schemaAt('manifests/schema/package.schema.json');
    const document = parse(read('manifests/policy-qa.yaml')) as Record<string, unknown>;
    expect(validateAgainstSchema(schema, document, { file: 'm.yaml' })).toEqual([]);
    const tightened = structuredClone(schema) as unknown as { properties: { package_id: Record<string, unknown> } };
    tightened.properties.package_id = { type: 'string', maxLength: 3 };
    const problems = validateAgainstSchema(tightened, document, { file: 'm.yaml' });
    expect(problems.map((problem) => problem.field)).toEqual(['package_id']);
  });
});
