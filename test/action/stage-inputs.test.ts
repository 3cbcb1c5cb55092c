// The inputs of mode canary and mode rollback, in process over an injected input reader: the
// defaults, every rule and message, and inputs of another mode refused all at once.
// test/e2e/action-stages.test.ts runs the bundled Action in these modes.
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.ts';
import { rollbackBranchOf } from '../../src/action/rollback-pr.ts';
import { stageTitleOf } from '../../src/github/stage-publish.ts';
import { formatProblem, InputError } from '../../src/problem.ts';

const reader =
  (values: Record<string, string>) =>
  (name: string): string =>
    (values[name] ?? '').trim();

function problemsOf(values: Record<string, string>): string[] {
  try {
    parseInputs(reader(values));
  } catch (error: unknown) {
    if (error instanceof InputError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

describe('mode canary inputs', () => {
  it('needs the manifest and the telemetry, and gives the documented defaults for the rest', () => {
    const inputs = parseInputs(
      reader({
        mode: 'canary',
        manifest: 'manifests/policy-qa.yaml',
        telemetry: 'telemetry/*.jsonl\n\n  telemetry/extra.jsonl.gz  ',
      }),
    );
    expect(inputs.mode).toBe('canary');
    expect(inputs.stage).toEqual({
      kind: 'canary',
      manifest: 'manifests/policy-qa.yaml',
      telemetry: ['telemetry/*.jsonl', 'telemetry/extra.jsonl.gz'],
      windowMs: 3_600_000,
      engine: 'stream',
      canaryCohort: 'canary_05',
      holdoutCohort: 'holdout',
      alpha: 0.05,
    });
    expect(problemsOf({ mode: 'canary' })).toEqual([
      'input manifest: mode canary needs `manifest`: the repository path of the candidate package’s manifest.',
      'input telemetry: mode canary needs `telemetry`: the telemetry files (JSON Lines, gzip or Parquet), one path or glob per line.',
    ]);
  });

  it('reads every canary input', () => {
    const inputs = parseInputs(
      reader({
        mode: 'canary',
        manifest: 'm.yaml',
        telemetry: 't.jsonl',
        commit: 'v1.4.0',
        window: '30m',
        at: '2026-04-03T00:00:00Z',
        engine: 'duckdb',
        'canary-cohort': 'canary_20',
        'holdout-cohort': 'control',
        split: '20:80',
        alpha: '0.01',
        pointer: 'deploy/qa.yaml',
      }),
    );
    expect(inputs.stage).toEqual({
      kind: 'canary',
      manifest: 'm.yaml',
      telemetry: ['t.jsonl'],
      commit: 'v1.4.0',
      windowMs: 1_800_000,
      atMs: Date.parse('2026-04-03T00:00:00Z'),
      engine: 'duckdb',
      canaryCohort: 'canary_20',
      holdoutCohort: 'control',
      shares: [20, 80],
      alpha: 0.01,
      pointer: 'deploy/qa.yaml',
    });
  });

  it('lists every bad value at once, each with what was expected', () => {
    expect(
      problemsOf({
        mode: 'canary',
        manifest: 'm.yaml',
        telemetry: 't.jsonl',
        window: '1 hour',
        at: 'yesterday',
        engine: 'sqlite',
        split: '5/95',
        alpha: '0.5',
      }),
    ).toEqual([
      'input alpha: Expected `alpha` to be a number in (0, 0.5), got "0.5".',
      'input at: Expected `at` to be an RFC 3339 time such as 2026-04-26T12:00:00Z, got "yesterday".',
      'input engine: Expected `engine` to be one of stream, duckdb, got "sqlite".',
      'input split: Expected `split` to be the planned canary and holdout shares as C:H, e.g. 5:95, got "5/95".',
      'input window: Expected `window` to be a duration such as 90s, 30m, 12h or 7d, got "1 hour".',
    ]);
    expect(problemsOf({ mode: 'canary', manifest: 'm.yaml', telemetry: 't.jsonl', split: '0:100' })).toEqual([
      'input split: Expected `split` to be the planned canary and holdout shares as C:H, e.g. 5:95, got "0:100".',
    ]);
  });

  it('refuses the inputs of the gate and of mode rollback, naming the mode that reads each', () => {
    expect(
      problemsOf({
        mode: 'canary',
        manifest: 'm.yaml',
        telemetry: 't.jsonl',
        evidence: 'e.jsonl',
        'parent-evidence': 'auto',
        target: 'qa-r2',
      }),
    ).toEqual([
      'input evidence: `evidence` is read by modes gate and record; mode canary does not use it. Remove it, or set `mode`.',
      'input parent-evidence: `parent-evidence` is read by modes gate and record; mode canary does not use it. Remove it, or set `mode`.',
      'input target: `target` is read by mode rollback; mode canary does not use it. Remove it, or set `mode`.',
    ]);
  });
});

describe('mode rollback inputs', () => {
  it('needs the application; target, dry-run and pointer are optional', () => {
    expect(parseInputs(reader({ mode: 'rollback', application: 'policy-qa' })).stage).toEqual({
      kind: 'rollback',
      application: 'policy-qa',
      dryRun: false,
    });
    expect(
      parseInputs(
        reader({
          mode: 'rollback',
          application: 'policy-qa',
          target: 'qa-r2',
          'dry-run': 'true',
          pointer: 'deploy/qa.yaml',
        }),
      ).stage,
    ).toEqual({
      kind: 'rollback',
      application: 'policy-qa',
      target: 'qa-r2',
      dryRun: true,
      pointer: 'deploy/qa.yaml',
    });
    expect(problemsOf({ mode: 'rollback', 'dry-run': 'yes', manifest: 'm.yaml' })).toEqual([
      'input application: mode rollback needs `application`: the `application` field of the manifests to roll back.',
      'input dry-run: Expected `dry-run` to be true or false, got "yes".',
      'input manifest: `manifest` is read by mode canary; mode rollback does not use it. Remove it, or set `mode`.',
    ]);
  });
});

describe('the gate modes', () => {
  it('refuse the stage inputs, and a mode that does not exist is named with the choices', () => {
    expect(
      problemsOf({ mode: 'gate', evidence: 'e.jsonl', telemetry: 't.jsonl', application: 'qa', pointer: 'p.yaml' }),
    ).toEqual([
      'input application: `application` is read by mode rollback; mode gate does not use it. Remove it, or set `mode`.',
      'input pointer: `pointer` is read by modes canary and rollback; mode gate does not use it. Remove it, or set `mode`.',
      'input telemetry: `telemetry` is read by mode canary; mode gate does not use it. Remove it, or set `mode`.',
    ]);
    expect(problemsOf({ telemetry: 't.jsonl' })).toEqual([
      'input telemetry: `telemetry` is read by mode canary; mode auto (gate or record) does not use it. Remove it, or set `mode`.',
    ]);
    expect(problemsOf({ mode: 'shadow' })).toEqual([
      'input mode: Expected `mode` to be one of auto, gate, record, canary, rollback, got "shadow".',
    ]);
    expect(parseInputs(reader({ mode: 'gate' })).stage).toBeUndefined();
  });
});

describe('rollback branch and check-run title', () => {
  it('names one ref-safe branch per application and live release', () => {
    expect(rollbackBranchOf('policy-qa', 'qa-r7')).toBe('kaizen-gate/rollback/policy-qa/qa-r7');
    expect(rollbackBranchOf('HR bot/v2', '..evil~1^:x.lock')).toBe('kaizen-gate/rollback/HR-bot-v2/evil-1-x-lock');
    expect(rollbackBranchOf('qa', undefined)).toBe('kaizen-gate/rollback/qa/no-pointer');
  });

  it('leads the title with the outcome unless the summary already does', () => {
    expect(
      stageTitleOf({ decision: { outcome: 'rollback', summary: 'Roll back: the failure rate rose.', reasons: [] } }),
    ).toBe('Roll back: the failure rate rose.');
    expect(stageTitleOf({ decision: { outcome: 'continue', summary: 'Not enough users yet.', reasons: [] } })).toBe(
      'Continue: Not enough users yet.',
    );
    expect([...stageTitleOf({ decision: { outcome: 'promote', summary: 'x'.repeat(400), reasons: [] } })]).toHaveLength(
      255,
    );
  });
});
