/**
 * The canary's statistical policy: one error budget for the whole decision, split between the
 * rollback metric (half) and the guard metrics (the other half, equally), so a canary that changes
 * nothing is rolled back at most `alpha` of the time however many hourly looks are taken.
 */

/** Paired judge comparisons on shadow-eval canaries (pattern P10). */
export interface JudgeComparisonPolicy {
  /** Roll back (alert) when the canary significantly loses more than this share of comparisons. */
  readonly loss_alert: number;
  /** Promote when wins minus losses significantly exceed this share. */
  readonly win_promote: number;
}

/** Everything the canary analysis is configured by. */
export interface CanaryPolicy {
  /** Probability over all looks of rolling back a canary that changes nothing. */
  readonly alpha: number;
  /** Traffic steps in percent, e.g. 1 → 5 → 20 → 50 → 100. */
  readonly ladder: readonly number[];
  /** Fewest clusters (users) per arm before a metric is judged. */
  readonly min_clusters: number;
  /** p-value below which the cohort split is a sample-ratio mismatch. */
  readonly srm_p: number;
  /** Fewest complete traces (share) for a confident (promote) decision. */
  readonly min_trace_completeness: number;
  /** Largest share of invalid events before the stage refuses to decide. */
  readonly max_invalid_share: number;
  /** Non-inferiority margins overriding the metric defaults, in the contrast's scale. */
  readonly margins: Readonly<Record<string, number>>;
  readonly judge_comparison?: JudgeComparisonPolicy;
}

/** Defaults: the paper's 95 % (α 0.05), its ladder, at least 30 users per arm. */
export const DEFAULT_CANARY_POLICY: CanaryPolicy = {
  alpha: 0.05,
  ladder: [1, 5, 20, 50, 100],
  min_clusters: 30,
  srm_p: 0.001,
  min_trace_completeness: 0.95,
  max_invalid_share: 0.01,
  margins: {},
};

/** The P10 thresholds when a policy turns the paired judge comparison on without its own. */
export const DEFAULT_JUDGE_COMPARISON: JudgeComparisonPolicy = { loss_alert: 0.15, win_promote: 0.1 };

/** Each metric's share of the error budget: half to the rollback metric, half split among the guards. */
export function allocateAlpha(alpha: number, rollbackMetric: string, guards: readonly string[]): Map<string, number> {
  const others = guards.filter((g) => g !== rollbackMetric);
  const out = new Map<string, number>([[rollbackMetric, others.length === 0 ? alpha : alpha / 2]]);
  for (const g of others) out.set(g, alpha / 2 / others.length);
  return out;
}

/** The next step of the ladder above `current` percent, or undefined at the top. */
export function nextStep(ladder: readonly number[], current: number): number | undefined {
  return ladder.toSorted((a, b) => a - b).find((step) => step > current);
}

/** The traffic percent a cohort name states (`canary_05` → 5, `canary-20pct` → 20), or undefined. */
export function percentOfCohort(name: string): number | undefined {
  const match = /(\d+(?:\.\d+)?)\s*(?:pct|%)?$/i.exec(name);
  if (!match) return undefined;
  const value = Number(match[1]);
  return value > 0 && value <= 100 ? value : undefined;
}
