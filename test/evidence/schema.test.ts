import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseJsonlEvidence } from '../../src/evidence/jsonl.ts';
import { RECORD_FIELDS } from '../../src/evidence/validate.ts';
import { readFixture } from './helpers.ts';
import { HOSTILE_LINES, VALID_LINES } from './hostile-lines.ts';

const schemaPath = fileURLToPath(new URL('../../manifests/schema/evidence-record.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
// The options src/schema/validate.ts uses, plus strictNumbers: 1e999 parses as Infinity, which JSON cannot hold.
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, strictNumbers: true }).compile(
  schema,
);

/** Every line the validator judges, with whether the schema can judge it (JSON objects only). */
const lines: readonly { text: string; comparable: boolean }[] = [
  ...VALID_LINES.map((text) => ({ text, comparable: true })),
  ...HOSTILE_LINES.map(({ text, schemaCanSee }) => ({ text, comparable: schemaCanSee })),
  ...['parent.jsonl', 'candidate.jsonl'].flatMap((name) =>
    readFixture(name)
      .split('\n')
      .filter((text) => text.trim() !== '')
      .map((text) => ({ text, comparable: true })),
  ),
];

describe('evidence-record.schema.json', () => {
  it('is valid draft 2020-12 and describes every property', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    const undescribed: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      for (const group of ['properties', 'patternProperties', '$defs']) {
        const children = record[group];
        if (typeof children !== 'object' || children === null) continue;
        for (const [name, child] of Object.entries(children)) {
          if (typeof (child as Record<string, unknown>)['description'] !== 'string')
            undescribed.push(`${path}/${group}/${name}`);
          visit(child, `${path}/${group}/${name}`);
        }
      }
    };
    visit(schema, '#');
    expect(undescribed).toEqual([]);
  });

  it('names exactly the fields the validator knows', () => {
    expect(Object.keys(schema['properties'] as object).toSorted()).toEqual([...RECORD_FIELDS].toSorted());
  });

  it('accepts and rejects the same lines as the validator', () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const { text, comparable } of lines) {
      const { records, problems } = parseJsonlEvidence(text, 'line.jsonl');
      const validatorAccepts = records.length === 1 && problems.length === 0;
      if (!comparable) {
        // JSON the schema never sees (malformed, not an object, a key written twice) must still be rejected.
        if (validatorAccepts) disagreements.push(`validator accepts ${text}`);
        continue;
      }
      compared++;
      const schemaAccepts = validate(JSON.parse(text));
      if (schemaAccepts !== validatorAccepts) {
        disagreements.push(
          `schema ${schemaAccepts ? 'accepts' : 'rejects'}, validator ${validatorAccepts ? 'accepts' : 'rejects'}: ${text}`,
        );
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(40);
    expect(lines.filter(({ text }) => parseJsonlEvidence(text, 'l').records.length === 1).length).toBe(
      VALID_LINES.length + 14,
    );
  });
});
