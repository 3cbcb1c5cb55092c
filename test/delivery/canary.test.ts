import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { readNotes } from '../../src/git/notes.ts';
import { generateTelemetry, toTelemetryJsonl } from '../support/sim/telemetry.ts';
import type { CohortEffects } from '../support/sim/telemetry.ts';
import { commitAt, fixtureKeyPath, makeRepoWithOrigin, writePackage } from '../support/audit-repo.ts';
import type { TempRepo } from '../support/git-repo.ts';

const schema = JSON.parse(
  readFileSync(new URL('../../manifests/schema/stage-report.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const START = Date.UTC(2026, 3, 1);
const LOOK = '2026-04-03T00:00:00Z';

let work: TempRepo;
let cleanup: () => void;
let release: string;
const dir = mkdtempSync(join(tmpdir(), 'kaizen-canary-'));
beforeAll(() => {
  ({ work, cleanup } = makeRepoWithOrigin());
  work.write('.kaizen-gate/keys/ed25519.pub.pem', readFileSync(fixtureKeyPath('ed25519.pub.pem'), 'utf8'));
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
  release = commitAt(work, 'r3', '2026-03-31T09:00:00Z');
});
afterAll(() => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function telemetry(name: string, perDay: number, effects: CohortEffects, seed: number): string {
  const path = join(dir, `${name}.jsonl`);
  const events = generateTelemetry({
    application: 'policy-qa',
    applicationClass: 'policy_qa',
    startMs: START,
    days: 2,
    seed,
    lookAtMs: Date.parse(LOOK),
    cohorts: [
      { cohort: 'holdout', package_id: 'qa-r2', requests_per_day: perDay, users: Math.round(perDay / 2) },
      { cohort: 'canary_05', package_id: 'qa-r3', requests_per_day: perDay, users: Math.round(perDay / 2), effects },
    ],
  });
  writeFileSync(path, toTelemetryJsonl(events));
  return path;
}

async function cli(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { cwd: work.dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

describe('kaizen-gate canary', () => {
  it('rolls back a canary whose failure rate rose 8 pp, names the metric and its interval, signs and records the report', async () => {
    const file = telemetry('regressed', 2400, { failure_pp: 0.08 }, 21);
    const out = join(dir, 'out-regressed');
    const { status, stdout, stderr } = await cli(
      'canary',
      '--manifest',
      'manifests/policy-qa.yaml',
      '--telemetry',
      file,
      '--at',
      LOOK,
      '--split',
      '5:5',
      '--format',
      'json',
      '--out',
      out,
      '--signing-key',
      fixtureKeyPath('ed25519.key.pem'),
      '--record',
    );
    expect(stderr).toContain('recorded the report');
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(report).toMatchObject({
      stage: 'canary',
      package_id: 'qa-r3',
      parent_package_id: 'qa-r2',
      decision: { outcome: 'rollback' },
      signature: { status: 'signed' },
    });
    const failure = report.canary.metrics.find((m: { name: string }) => m.name === 'failure_rate');
    expect(failure.verdict).toBe('harm');
    expect(failure.interval.lower).toBeGreaterThan(0);
    expect(report.decision.summary).toMatch(
      /^Roll back: the task failure rate rose \+\d+\.\d pp \[\+\d+\.\d, \+\d+\.\d\]/,
    );
    expect(report.canary.split.mismatch).toBe(false);
    expect(report.canary.windows).toHaveLength(48);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('## ⏪ Canary against holdout: rolled back');
    expect(readNotes(work.dir, release)).toHaveLength(1);
  });

  it('promotes a canary that changes nothing to the next step once every metric is within its margin', async () => {
    const file = telemetry('clean', 12_000, {}, 22);
    const { status, stdout } = await cli(
      'canary',
      '--manifest',
      'manifests/policy-qa.yaml',
      '--telemetry',
      file,
      '--at',
      LOOK,
      '--format',
      'json',
    );
    const report = JSON.parse(stdout);
    expect(
      report.canary.metrics
        .filter((m: { verdict: string }) => m.verdict !== 'non_inferior')
        .map((m: { name: string; reason: string }) => `${m.name}: ${m.reason}`),
    ).toEqual([]);
    expect(report.decision.outcome).toBe('promote');
    expect(report.decision.summary).toBe('Promote to 20 %: every metric with data is within its margin.');
    expect(report.canary.split.reason).toContain('Not checked');
    expect(status).toBe(0);
    expect(report.previous).toMatchObject({ stage: 'canary' });
  });

  it('continues when the data cannot decide yet, saying what is missing', async () => {
    const file = telemetry('early', 300, {}, 23);
    const { status, stdout } = await cli(
      'canary',
      '--manifest',
      'manifests/policy-qa.yaml',
      '--telemetry',
      file,
      '--at',
      LOOK,
    );
    expect(status).toBe(4);
    expect(stdout).toContain('Continue at 5 %');
  });

  it('refuses bad flags with exit 2', async () => {
    expect((await cli('canary', '--manifest', 'manifests/policy-qa.yaml')).status).toBe(2);
    expect(
      (await cli('canary', '--manifest', 'manifests/policy-qa.yaml', '--telemetry', 'nope.jsonl')).stderr,
    ).toContain('nope.jsonl: telemetry file does not exist');
    expect(
      (
        await cli(
          'canary',
          '--manifest',
          'manifests/policy-qa.yaml',
          '--telemetry',
          join(dir, 'early.jsonl'),
          '--window',
          '5 minutes',
        )
      ).stderr,
    ).toContain('--window: expected a duration');
  });
});
