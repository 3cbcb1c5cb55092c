import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefaultPolicy } from '../../src/check.ts';
import { resolveChangeSet } from '../../src/git/resolve.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { attestReport } from '../../src/report/attest.ts';
import { REPORTS } from '../fixtures/reports/index.ts';
import { candidateId, evidenceRecords, gateRepo, toJsonl } from '../gates/scenario.ts';
import type { EvidenceLine, GateRepo } from '../gates/scenario.ts';

const schema = JSON.parse(
  readFileSync(new URL('../../manifests/schema/report.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const errorsOf = (value: unknown): string[] =>
  validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

let shared: GateRepo | undefined;
afterAll(() => shared?.repo.cleanup());

/** A policy-qa prompt patch, built once: the tests only read it. */
const policyQaPatch = (): GateRepo => (shared ??= gateRepo({ changed: ['policy-qa'] }));

/** Evidence lines with the input, output and grader's reason a harness records. */
const said = (records: readonly EvidenceLine[]): EvidenceLine[] =>
  records.map((r) => ({
    ...r,
    input: `asked ${String(r['case_id'])}`,
    output: r['pass'] ? 'right' : 'wrong',
    reason: 'graded',
  }));

describe('manifests/schema/report.schema.json', () => {
  it('describes every property', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.properties && typeof record.properties === 'object') {
        for (const [key, child] of Object.entries(record.properties as Record<string, Record<string, unknown>>)) {
          if (typeof child.description !== 'string') missing.push(`${path}.${key}`);
        }
      }
      for (const [key, child] of Object.entries(record)) walk(child, `${path}/${key}`);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  // The hostile fixture puts markup where digests go, on purpose, to test the renderers.
  it.each(Object.entries(REPORTS).filter(([name]) => name !== 'hostile'))(
    'accepts the %s report fixture',
    (_name, report) => {
      expect(errorsOf(JSON.parse(JSON.stringify(report)))).toEqual([]);
    },
  );

  it('accepts a report the pipeline produced, signed or not', () => {
    const built = policyQaPatch();
    const { parent, candidate } = evidenceRecords('policy-qa', {});
    const report = runPipeline({
      changeSet: resolveChangeSet({ repo: built.repo.dir, base: built.base, head: built.head }),
      evidence: [
        { path: 'evidence/parent.jsonl', side: 'parent', bytes: encode(toJsonl(parent)) },
        { path: 'evidence/candidate.jsonl', side: 'candidate', bytes: encode(toJsonl(candidate)) },
      ],
      policy: loadDefaultPolicy(),
    });
    expect(report.packages[0]?.package_id).toBe(candidateId('policy-qa'));
    expect(errorsOf(JSON.parse(JSON.stringify(report)))).toEqual([]);
    const key = readFileSync(new URL('../fixtures/keys/ed25519.key.pem', import.meta.url), 'utf8');
    expect(errorsOf(JSON.parse(JSON.stringify(attestReport(report, key, '').report)))).toEqual([]);
  });

  it('accepts a report with an absolute floor and answers from the evidence', () => {
    const built = policyQaPatch();
    const { parent, candidate } = evidenceRecords('policy-qa', { regress: 3 });
    const defaults = loadDefaultPolicy();
    const policy = {
      ...defaults,
      levels: Object.fromEntries(
        Object.entries(defaults.levels).map(([level, gates]) => [
          level,
          { ...gates, quality: { ...gates.quality, minimum: { pass_rate: 0.5 } } },
        ]),
      ) as typeof defaults.levels,
    };
    const report = runPipeline({
      changeSet: resolveChangeSet({ repo: built.repo.dir, base: built.base, head: built.head }),
      evidence: [
        { path: 'evidence/parent.jsonl', side: 'parent', bytes: encode(toJsonl(said(parent))) },
        { path: 'evidence/candidate.jsonl', side: 'candidate', bytes: encode(toJsonl(said(candidate))) },
      ],
      policy,
    });
    const pkg = report.packages[0]!;
    expect(pkg.gates.find((g) => g.gate === 'quality')?.measures.some((m) => m.unit === 'percent')).toBe(true);
    expect(pkg.error_budget?.split.some((s) => s.group === 'minimum')).toBe(true);
    expect(pkg.worst_cases[0]?.answers).toMatchObject({
      input: { text: expect.stringMatching(/^asked /) },
      parent: { output: { text: 'right' } },
      candidate: { output: { text: 'wrong' }, reason: { text: 'graded' } },
    });
    expect(errorsOf(JSON.parse(JSON.stringify(report)))).toEqual([]);
  });

  it('rejects a report with a wrong decision or a missing field', () => {
    const base = JSON.parse(JSON.stringify(REPORTS.approve)) as Record<string, unknown>;
    expect(errorsOf({ ...base, decision: { outcome: 'maybe', summary: 'x' } })).not.toEqual([]);
    const { packages: _dropped, ...withoutPackages } = base;
    expect(errorsOf(withoutPackages)).not.toEqual([]);
  });
});
