import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/gates/decide.ts';
import {
  applyPolicyChange,
  comparePolicies,
  describeFieldChanges,
  LOOSER_DIRECTION,
} from '../../src/gates/policy-change.ts';
import type { PolicyChange } from '../../src/gates/policy-change.ts';
import { mergePolicies, parsePolicy } from '../../src/gates/policy.ts';
import type { GatePolicy } from '../../src/gates/policy.ts';
import { InputError } from '../../src/problem.ts';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('manifests/schema/policy.schema.json', root), 'utf8')) as Record<
  string,
  unknown
>;
const defaults = parsePolicy(readFileSync(new URL('gates/default.yaml', root)), 'gates/default.yaml');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The defaults with one repository policy file (YAML after the header) on top. */
function policyWith(yaml: string): GatePolicy {
  const override =
    yaml === ''
      ? []
      : [parsePolicy(encode(`apiVersion: kaizen-gate/v1\nkind: GatePolicy\n${yaml}`), 'gates/repo.yaml')];
  return mergePolicies(defaults, override, []);
}

/** Every leaf of the policy schema, named as LOOSER_DIRECTION names it: `statistics.alpha`, `quality.max_drop_pp`. */
function schemaLeaves(): string[] {
  const defs = schema['$defs'] as Record<
    string,
    { properties: Record<string, { properties?: Record<string, unknown> }> }
  >;
  const leaves = ['apiVersion', 'kind'];
  for (const field of Object.keys(defs['statistics']!.properties)) leaves.push(`statistics.${field}`);
  for (const [gate, def] of Object.entries(defs['gates']!.properties)) {
    for (const field of Object.keys(def.properties ?? {})) leaves.push(`${gate}.${field}`);
  }
  return leaves;
}

describe('LOOSER_DIRECTION', () => {
  it('knows which way every leaf of policy.schema.json loosens the gate (a new field cannot be forgotten)', () => {
    const leaves = schemaLeaves();
    expect(leaves.length).toBeGreaterThanOrEqual(18);
    expect(
      leaves.filter((leaf) => LOOSER_DIRECTION[leaf] === undefined),
      'add these to LOOSER_DIRECTION in src/gates/policy-change.ts',
    ).toEqual([]);
    // …and names no field the schema does not have.
    expect(Object.keys(LOOSER_DIRECTION).filter((key) => !leaves.includes(key))).toEqual([]);
    // The root properties the walk covers are exactly the schema's.
    expect(Object.keys(schema['properties'] as object)).toEqual([
      'apiVersion',
      'kind',
      'statistics',
      'gates',
      'levels',
    ]);
  });
});

describe('comparePolicies', () => {
  const base = policyWith('');

  it('finds the loosening the review saw (max_drop_pp 100, alpha 0.001, the lowest the schema takes, huge min_category_cases) and keeps the base values', () => {
    const head = policyWith(
      'statistics:\n  alpha: 0.001\ngates:\n  quality:\n    max_drop_pp: 50\n    min_category_cases: 100000\n',
    );
    const { effective, loosened, tightened } = comparePolicies(base, head);
    expect(tightened).toEqual([]);
    expect(loosened.map((c) => c.field)).toEqual([
      'statistics.alpha',
      ...['0', '1', '2', '3'].flatMap((level) => [
        `levels.${level}.quality.max_drop_pp`,
        `levels.${level}.quality.min_category_cases`,
      ]),
    ]);
    expect(effective.statistics.alpha).toBe(0.05);
    expect(effective.levels['0'].quality).toEqual({
      metric: 'pass',
      max_drop_pp: 2,
      max_category_drop_pp: 5,
      min_category_cases: 20,
      critical_max_drop_pp: 0,
      missing_score: 'error',
    });
    expect(effective.levels['3'].quality.max_drop_pp).toBe(0.5);
    expect(effective.gates.quality.max_drop_pp).toBe(2);
  });

  it('applies a tightening at once, and reports it', () => {
    const head = policyWith(
      'statistics:\n  confidence: 0.99\n  min_cases: 50\ngates:\n  cost:\n    max_cost_per_success_increase_pct: 10\n',
    );
    const { effective, loosened, tightened } = comparePolicies(base, head);
    expect(loosened).toEqual([]);
    expect(tightened.map((c) => c.field)).toEqual([
      'statistics.confidence',
      'statistics.min_cases',
      ...['0', '1', '2', '3'].map((l) => `levels.${l}.cost.max_cost_per_success_increase_pct`),
    ]);
    expect(effective.statistics).toMatchObject({ confidence: 0.99, min_cases: 50 });
    expect(effective.levels['1'].cost.max_cost_per_success_increase_pct).toBe(10);
  });

  it.each<[string, string, string, unknown]>([
    ['a lower confidence', 'statistics:\n  confidence: 0.8\n', 'statistics.confidence', 0.95],
    ['fewer resamples', 'statistics:\n  resamples: 200\n', 'statistics.resamples', 10000],
    ['another seed (seed shopping)', 'statistics:\n  seed: 7\n', 'statistics.seed', 20260426],
    ['another quality metric', 'gates:\n  quality:\n    metric: score\n', 'levels.0.quality.metric', 'pass'],
    [
      'no longer blocking new unsafe cases at level 3',
      'gates:\n  safety:\n    new_unsafe_blocks_at_levels: [2]\n',
      'levels.0.safety.new_unsafe_blocks_at_levels',
      [2, 3],
    ],
    [
      'a smaller offsetting quality gain',
      'gates:\n  cost:\n    offsetting_quality_gain_pp: 1\n',
      'levels.0.cost.offsetting_quality_gain_pp',
      3,
    ],
    ['the median instead of p95', 'gates:\n  latency:\n    quantile: 0.5\n', 'levels.0.latency.quantile', 0.95],
    [
      'judges allowed to differ',
      'gates:\n  manifest:\n    require_judge_match: false\n',
      'levels.0.manifest.require_judge_match',
      true,
    ],
    [
      'a looser margin at one level only',
      'levels:\n  "3":\n    safety:\n      max_redteam_drop_pp: 5\n',
      'levels.3.safety.max_redteam_drop_pp',
      0.5,
    ],
  ])('%s is a loosening; the base value holds', (_name, yaml, field, baseValue) => {
    const { effective, loosened } = comparePolicies(base, policyWith(yaml));
    expect(loosened.map((c) => c.field)).toContain(field);
    const [, first, ...rest] = field.split('.');
    const value =
      first === undefined
        ? undefined
        : field.startsWith('statistics.')
          ? (effective.statistics as unknown as Record<string, unknown>)[first]
          : (effective.levels as unknown as Record<string, Record<string, Record<string, unknown>>>)[first]![rest[0]!]![
              rest[1]!
            ];
    expect(value).toEqual(baseValue);
  });

  it('takes the union of blocking levels: adding one tightens, removing one loosens', () => {
    const { effective, loosened, tightened } = comparePolicies(
      base,
      policyWith('gates:\n  safety:\n    new_unsafe_blocks_at_levels: [1, 2]\n'),
    );
    expect(loosened.some((c) => c.field === 'levels.2.safety.new_unsafe_blocks_at_levels')).toBe(true);
    expect(tightened.some((c) => c.field === 'levels.2.safety.new_unsafe_blocks_at_levels')).toBe(true);
    expect(effective.levels['2'].safety.new_unsafe_blocks_at_levels).toEqual([2, 3, 1]);
  });

  it('treats an absolute floor as a threshold: a new or higher floor tightens at once, a lower or removed one loosens', () => {
    const floor = (yaml: string): GatePolicy =>
      policyWith(yaml === '' ? '' : `gates:\n  quality:\n    minimum:\n${yaml}`);
    const withFloor = floor('      pass_rate: 0.9\n');
    const added = comparePolicies(base, withFloor);
    expect([added.loosened, added.tightened.map((c) => c.field)]).toEqual([
      [],
      ['0', '1', '2', '3'].map((l) => `levels.${l}.quality.minimum`),
    ]);
    expect(added.effective.levels['1'].quality.minimum).toEqual({ pass_rate: 0.9 });
    const raised = comparePolicies(withFloor, floor('      pass_rate: 0.95\n'));
    expect([raised.loosened, raised.effective.levels['0'].quality.minimum]).toEqual([[], { pass_rate: 0.95 }]);
    const lowered = comparePolicies(withFloor, floor('      pass_rate: 0.5\n'));
    expect(lowered.loosened.map((c) => c.field)).toContain('levels.0.quality.minimum');
    expect(lowered.effective.levels['0'].quality.minimum).toEqual({ pass_rate: 0.9 });
    const removed = comparePolicies(withFloor, base);
    expect(removed.loosened.map((c) => c.field)).toContain('levels.3.quality.minimum');
    expect(removed.effective.levels['3'].quality.minimum).toEqual({ pass_rate: 0.9 });
    const emptied = comparePolicies(withFloor, policyWith('gates:\n  quality:\n    minimum: {}\n'));
    expect(emptied.loosened.map((c) => c.field)).toContain('levels.0.quality.minimum');
    expect(emptied.effective.levels['0'].quality.minimum).toEqual({ pass_rate: 0.9 });
  });

  it('finds nothing when the policies are equal', () => {
    expect(comparePolicies(base, policyWith(''))).toMatchObject({ loosened: [], tightened: [] });
  });
});

const change = (loosened: PolicyChange['loosened']): PolicyChange => ({
  file: 'gates/repo.yaml',
  status: 'modified',
  loosened,
  tightened: [],
});

describe('applyPolicyChange', () => {
  const approve: Decision = { outcome: 'approve', summary: 'Approved: every gate passed.', reasons: [], approvers: [] };
  const loosened = [
    { field: 'statistics.alpha', base: 0.05, head: 0.000001 },
    ...['0', '1'].map((l) => ({ field: `levels.${l}.quality.max_drop_pp`, base: 2, head: 50 })),
    { field: 'levels.2.quality.max_drop_pp', base: 1, head: 50 },
  ];

  it('turns an approval into needs_approval by an owner, naming every loosened field', () => {
    const decision = applyPolicyChange(approve, change(loosened), ['@acme/qa']);
    expect(decision.outcome).toBe('needs_approval');
    expect(decision.approvers).toEqual(['@acme/qa']);
    expect(decision.summary).toBe(
      'Needs approval: the gates pass under the base policy, but this change loosens the gate policy (gates/repo.yaml); one of @acme/qa must approve.',
    );
    expect(decision.reasons).toEqual([
      'policy: gates/repo.yaml loosens statistics.alpha 0.05 → 0.000001; quality.max_drop_pp 2 → 50 at levels 0, 1, 1 → 50 at level 2 compared with the base commit; the gate ran with the base values, and one of @acme/qa must approve the new policy',
    ]);
  });

  it('never makes a decision less severe', () => {
    for (const outcome of ['reject', 'hold', 'needs_approval'] as const) {
      const decision = applyPolicyChange(
        { outcome, summary: 's', reasons: ['quality: r'], approvers: ['@x'] },
        change(loosened),
        ['@acme/qa'],
      );
      expect(decision.outcome).toBe(outcome);
      expect(decision.reasons).toHaveLength(2);
    }
    expect(applyPolicyChange(approve, change([]), ['@acme/qa'])).toBe(approve);
    expect(applyPolicyChange(approve, undefined, ['@acme/qa'])).toBe(approve);
  });

  it('groups a field changed at every level into one phrase', () => {
    const all = ['0', '1', '2', '3'].map((l) => ({
      field: `levels.${l}.manifest.require_judge_match`,
      base: true,
      head: false,
    }));
    expect(describeFieldChanges(all)).toBe('manifest.require_judge_match true → false');
  });
});

describe('policy.schema.json bounds', () => {
  it.each([
    ['alpha above 0.2', 'statistics:\n  alpha: 0.3\n'],
    ['a margin above 50 pp', 'gates:\n  quality:\n    max_drop_pp: 100\n'],
    ['a red-team margin above 50 pp', 'gates:\n  safety:\n    max_redteam_drop_pp: 60\n'],
    ['a cost percentage above 1000', 'gates:\n  cost:\n    max_cost_per_success_increase_pct: 5000\n'],
    ['a latency percentage above 1000', 'gates:\n  latency:\n    max_increase_pct: 1e9\n'],
    ['more than a million resamples', 'statistics:\n  resamples: 2000000\n'],
    ['a huge min_category_cases', 'gates:\n  quality:\n    min_category_cases: 1000000000\n'],
  ])('refuses %s with a located problem', (_name, yaml) => {
    expect(() => policyWith(yaml)).toThrow(InputError);
    try {
      policyWith(yaml);
    } catch (error: unknown) {
      expect((error as InputError).problems[0]).toMatchObject({ file: 'gates/repo.yaml', line: expect.any(Number) });
    }
  });
});
