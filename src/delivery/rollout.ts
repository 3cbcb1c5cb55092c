import type { SideEffectLevel } from '../manifest/model.ts';

/** One stage of a rollout, in order. */
export interface RolloutStage {
  readonly stage: 'offline_gate' | 'shadow' | 'interleaving' | 'canary' | 'holdout' | 'human_approval' | 'full_rollout';
  readonly description: string;
  /** Share of traffic exposed, when the stage exposes users. */
  readonly traffic_pct?: number;
}

/** The rollout plan and rollback criteria for a package (KAIZEN Table 3). */
export interface RolloutPlan {
  readonly side_effect_level: SideEffectLevel;
  readonly level_name: string;
  readonly minimum_strategy: string;
  readonly requested_strategy?: string;
  readonly stages: readonly RolloutStage[];
  readonly rollback_metric: string;
  readonly rollback_triggers: readonly string[];
  readonly requires_human_approval: boolean;
}

const LEVELS: Record<
  SideEffectLevel,
  Omit<RolloutPlan, 'side_effect_level' | 'rollback_metric' | 'requested_strategy'>
> = {
  0: {
    level_name: 'advisory answer only',
    minimum_strategy: 'Offline gate + 5% canary',
    stages: [
      { stage: 'offline_gate', description: 'Golden and red-team suites pass the release gates (this report).' },
      {
        stage: 'canary',
        description: 'Serve 5% of traffic; compare with the parent on the rollback metric.',
        traffic_pct: 5,
      },
      {
        stage: 'full_rollout',
        description: 'Promote when the canary stays within the parent’s 95% interval.',
        traffic_pct: 100,
      },
    ],
    rollback_triggers: ['quality regression', 'feedback regression'],
    requires_human_approval: false,
  },
  1: {
    level_name: 'read-only tool use',
    minimum_strategy: 'Shadow + interleaving + canary',
    stages: [
      { stage: 'offline_gate', description: 'Golden and red-team suites pass the release gates (this report).' },
      {
        stage: 'shadow',
        description:
          'Replay production traffic to the candidate; check tool execution and answer support without serving it.',
        traffic_pct: 0,
      },
      { stage: 'interleaving', description: 'Interleave candidate and parent results for paired preference signals.' },
      { stage: 'canary', description: 'Serve 5% of traffic.', traffic_pct: 5 },
      {
        stage: 'full_rollout',
        description: 'Promote when shadow and canary metrics stay within the parent’s 95% interval.',
        traffic_pct: 100,
      },
    ],
    rollback_triggers: ['execution failure increase', 'unsupported-answer increase'],
    requires_human_approval: false,
  },
  2: {
    level_name: 'operational recommendation',
    minimum_strategy: 'Holdout + human approval',
    stages: [
      { stage: 'offline_gate', description: 'Golden and red-team suites pass the release gates (this report).' },
      { stage: 'human_approval', description: 'A named owner approves the release.' },
      {
        stage: 'holdout',
        description: 'Release to a cohort with a parent holdout; compare outcomes.',
        traffic_pct: 10,
      },
      {
        stage: 'full_rollout',
        description: 'Promote when the holdout comparison shows no regression.',
        traffic_pct: 100,
      },
    ],
    rollback_triggers: ['reviewer disagreement increase', 'policy-intervention increase'],
    requires_human_approval: true,
  },
  3: {
    level_name: 'mutating tool action',
    minimum_strategy: 'Shadow until formal approval',
    stages: [
      { stage: 'offline_gate', description: 'Golden and red-team suites pass the release gates (this report).' },
      { stage: 'shadow', description: 'Shadow only: mutating calls are recorded, never executed.', traffic_pct: 0 },
      { stage: 'human_approval', description: 'Formal approval by a named owner before any real side effect.' },
      { stage: 'canary', description: 'Smallest cohort first, with strict rollback rules.', traffic_pct: 1 },
    ],
    rollback_triggers: ['any safety anomaly', 'any policy anomaly', 'any mutation anomaly'],
    requires_human_approval: true,
  },
};

/** The minimum rollout plan for a side-effect level, with the package's rollback metric. Pure. */
export function planRollout(
  level: SideEffectLevel,
  rollbackMetric: string,
  requestedStrategy?: string,
  confidence = 0.95,
): RolloutPlan {
  const plan = LEVELS[level];
  return {
    side_effect_level: level,
    ...plan,
    rollback_metric: rollbackMetric,
    rollback_triggers: [
      `${rollbackMetric} regression beyond the parent’s ${Math.round(confidence * 100)}% interval`,
      ...plan.rollback_triggers,
    ],
    ...(requestedStrategy !== undefined ? { requested_strategy: requestedStrategy } : {}),
  };
}
