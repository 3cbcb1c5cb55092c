import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { toTelemetryJsonl } from '../support/sim/telemetry.ts';
import { commitAt, makeRepoWithOrigin, writePackage } from '../support/audit-repo.ts';
import { analyseShadow } from '../../src/delivery/shadow.ts';
import { ShadowPairing } from '../../src/delivery/shadow-pairs.ts';
import { generateShadowReplay } from '../support/sim/telemetry-shadow.ts';
import type { ShadowSimParams } from '../support/sim/telemetry-shadow.ts';
import { validateTelemetryEvent } from '../../src/telemetry/validate.ts';

const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
  JSON.parse(
    readFileSync(new URL('../../manifests/schema/stage-report.schema.json', import.meta.url), 'utf8'),
  ) as object,
);
const BASE: ShadowSimParams = {
  application: 'policy-qa',
  applicationClass: 'policy_qa',
  parent: 'qa-r2',
  candidate: 'qa-r3',
  requests: 8000,
  users: 1500,
  startMs: Date.UTC(2026, 3, 1),
  toolRate: 0.6,
  seed: 7,
};

function shadowOf(params: ShadowSimParams): ReturnType<typeof analyseShadow> {
  const pairing = new ShadowPairing(params.candidate, params.parent);
  for (const raw of generateShadowReplay(params)) {
    const event = validateTelemetryEvent(raw, (field, message) => {
      throw new Error(`${field}: ${message}`);
    });
    pairing.add(event!);
  }
  return analyseShadow(pairing.pairs());
}

describe('shadow stage', () => {
  it('passes a candidate that behaves like its parent, with every gate judged on paired requests', () => {
    const result = shadowOf(BASE);
    expect(result.outcome).toBe('pass');
    expect(result.pairs).toBe(8000);
    expect(result.gates.find((g) => g.gate === 'quality')?.verdict).toBe('pass');
    expect(result.behaviour.filter((b) => b.flagged)).toEqual([]);
  });

  it('flags 40 % more output tokens as a cost finding and a verbosity diagnostic, which do not block alone', () => {
    const result = shadowOf({ ...BASE, effects: { output_tokens_ratio: 1.4 }, seed: 8 });
    const length = result.behaviour.find((b) => b.feature === 'output_length')!;
    const cost = result.behaviour.find((b) => b.feature === 'output_tokens_cost')!;
    expect(length).toMatchObject({ family: 'verbosity', flagged: true, blocking: false });
    expect(cost).toMatchObject({ family: 'cost', flagged: true, blocking: false });
    expect(cost.effect).toBeGreaterThan(1.35);
    expect(cost.reason).toContain('cost finding');
    expect(result.outcome).toBe('pass');
    expect(result.reasons.some((r) => r.startsWith('Diagnostic: output length'))).toBe(true);
  });

  it('fails a candidate whose tool-call rate drops 10 points as a behavioural regression', () => {
    const result = shadowOf({ ...BASE, effects: { tool_call_pp: -0.1 }, seed: 9 });
    const tools = result.behaviour.find((b) => b.feature === 'tool_call_rate')!;
    expect(tools).toMatchObject({ family: 'behaviour', flagged: true, blocking: true });
    expect(tools.effect).toBeLessThan(-7);
    expect(result.outcome).toBe('fail');
    expect(result.summary).toContain('tool-call rate');
  });

  it('fails a candidate whose failure rate rises 6 pp on the quality gate', () => {
    const result = shadowOf({ ...BASE, effects: { failure_pp: 0.06 }, seed: 10 });
    expect(result.gates.find((g) => g.gate === 'quality')?.verdict).toBe('fail');
    expect(result.outcome).toBe('fail');
  });

  it('says it cannot decide when no request was answered by both packages', () => {
    const result = analyseShadow({ pairs: [], candidate_only: 3, parent_only: 0, duplicates: 0 });
    expect(result.outcome).toBe('inconclusive');
  });
});

describe('kaizen-gate shadow', () => {
  it('reads shadow telemetry, reports against the stage schema and exits by outcome', async () => {
    const { work, cleanup } = makeRepoWithOrigin();
    const dir = mkdtempSync(join(tmpdir(), 'kaizen-shadow-'));
    try {
      writePackage(work, {
        path: 'manifests/policy-qa.yaml',
        application: 'policy-qa',
        packageId: 'qa-r2',
        changeType: 'initial',
        summary: 's',
        problem: 'p',
        owner: '@ana-lima',
        prompt: 'v2\n',
      });
      commitAt(work, 'r2', '2026-03-01T09:00:00Z');
      writePackage(work, {
        path: 'manifests/policy-qa.yaml',
        application: 'policy-qa',
        packageId: 'qa-r3',
        parent: 'qa-r2',
        changeType: 'prompt_patch',
        summary: 's',
        problem: 'p',
        owner: '@ana-lima',
        prompt: 'v3\n',
      });
      commitAt(work, 'r3', '2026-03-31T09:00:00Z');
      const file = join(dir, 'shadow.jsonl.gz');
      writeFileSync(
        file,
        gzipSync(
          toTelemetryJsonl(
            generateShadowReplay({
              ...BASE,
              parent: 'qa-r2',
              candidate: 'qa-r3',
              effects: { tool_call_pp: -0.1 },
              seed: 9,
            }),
          ),
        ),
      );
      let stdout = '';
      const status = await runCli(
        ['shadow', '--manifest', 'manifests/policy-qa.yaml', '--telemetry', file, '--format', 'json'],
        { cwd: work.dir, stdout: (t) => (stdout += t), stderr: () => {} },
      );
      const report = JSON.parse(stdout);
      expect(validate(report) ? [] : validate.errors).toEqual([]);
      expect(report).toMatchObject({ stage: 'shadow', package_id: 'qa-r3', decision: { outcome: 'fail' } });
      expect(status).toBe(1);
    } finally {
      cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
