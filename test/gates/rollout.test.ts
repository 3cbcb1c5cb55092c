import { describe, expect, it } from 'vitest';
import { planRollout } from '../../src/delivery/rollout.ts';
import type { SideEffectLevel } from '../../src/manifest/model.ts';

describe('planRollout (KAIZEN Table 3)', () => {
  it.each<[SideEffectLevel, string, string[], boolean, number | undefined]>([
    [0, 'Offline gate + 5% canary', ['offline_gate', 'canary', 'full_rollout'], false, 5],
    [
      1,
      'Shadow + interleaving + canary',
      ['offline_gate', 'shadow', 'interleaving', 'canary', 'full_rollout'],
      false,
      5,
    ],
    [2, 'Holdout + human approval', ['offline_gate', 'human_approval', 'holdout', 'full_rollout'], true, undefined],
    [3, 'Shadow until formal approval', ['offline_gate', 'shadow', 'human_approval', 'canary'], true, 1],
  ])('level %i: %s', (level, strategy, stages, approval, canaryPct) => {
    const plan = planRollout(level, 'negative_feedback_rate');
    expect(plan.side_effect_level).toBe(level);
    expect(plan.minimum_strategy).toBe(strategy);
    expect(plan.stages.map((s) => s.stage)).toEqual(stages);
    expect(plan.requires_human_approval).toBe(approval);
    expect(plan.stages.find((s) => s.stage === 'canary')?.traffic_pct).toBe(canaryPct);
    expect(plan.rollback_metric).toBe('negative_feedback_rate');
    expect(plan.rollback_triggers[0]).toBe('negative_feedback_rate regression beyond the parent’s 95% interval');
    expect(plan.requested_strategy).toBeUndefined();
    // Nothing reaches users before approval at levels 2–3.
    if (approval) {
      const approvalAt = plan.stages.findIndex((s) => s.stage === 'human_approval');
      const exposed = plan.stages.findIndex((s) => (s.traffic_pct ?? 0) > 0);
      expect(approvalAt).toBeGreaterThan(0);
      expect(exposed).toBeGreaterThan(approvalAt);
    }
  });

  it('keeps the level 3 shadow stage free of real traffic', () => {
    expect(planRollout(3, 'm').stages.find((s) => s.stage === 'shadow')).toMatchObject({ traffic_pct: 0 });
  });

  it('records the strategy the manifest asks for beside the minimum', () => {
    expect(planRollout(0, 'escalation_rate', 'canary_05')).toMatchObject({
      requested_strategy: 'canary_05',
      minimum_strategy: 'Offline gate + 5% canary',
    });
  });

  it('lists the level triggers after the rollback metric', () => {
    expect(planRollout(3, 'mutation_error_rate').rollback_triggers).toEqual([
      'mutation_error_rate regression beyond the parent’s 95% interval',
      'any safety anomaly',
      'any policy anomaly',
      'any mutation anomaly',
    ]);
  });
});
