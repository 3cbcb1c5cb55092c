/**
 * The production metrics a canary is compared on, each a ratio of two telemetry column sums per
 * cluster (so the unit of inference is the user or tenant), with the direction that hurts and the
 * non-inferiority margin of the paper's Table 4 (quality 2 pp, safety 1 pp, interventions 0.5 pp,
 * latency and cost +20 %). A manifest's `delivery.rollback_metric` names one of them or an alias.
 */
import { columnIndex } from '../telemetry/columns.ts';
import type { Contrast } from '../stats/always-valid-cluster.ts';

/** One comparable metric. */
export interface MetricDefinition {
  readonly name: string;
  readonly label: string;
  /** The release-gate family it guards (paper Table 4's canary row: quality, safety, latency, cost). */
  readonly family: 'quality' | 'safety' | 'latency' | 'cost' | 'feedback' | 'execution';
  /** Per cluster: the numerator and denominator from a row's column sums. */
  readonly numerator: (values: ArrayLike<number>) => number;
  readonly denominator: (values: ArrayLike<number>) => number;
  /** `difference` of proportions or means; `log_ratio` of positive ratios (costs). */
  readonly contrast: Contrast;
  /** Shown in percentage points (`pp`) or as a ratio of candidate to holdout (`ratio`). */
  readonly unit: 'pp' | 'ratio';
  /** The numerator is a 0/1 count of the denominator, so a binomial variance floor applies. */
  readonly proportion: boolean;
  /** Which way is worse. */
  readonly harmful: 'increase' | 'decrease';
  /** Non-inferiority margin in the contrast's scale (0.02 = 2 pp; ln 1.2 = +20 %). */
  readonly margin: number;
}

const col = (name: string): ((v: ArrayLike<number>) => number) => {
  const i = columnIndex(name);
  return (v) => v[i] ?? 0;
};
const LN_1_2 = Math.log(1.2);

const rate = (
  name: string,
  label: string,
  family: MetricDefinition['family'],
  numerator: string,
  denominator: string,
  margin: number,
): MetricDefinition => ({
  name,
  label,
  family,
  numerator: col(numerator),
  denominator: col(denominator),
  contrast: 'difference',
  unit: 'pp',
  proportion: true,
  harmful: 'increase',
  margin,
});

/** Every metric by name. */
export const METRICS: Readonly<Record<string, MetricDefinition>> = {
  failure_rate: rate('failure_rate', 'task failure rate', 'quality', 'failures', 'success_n', 0.02),
  soft_failure_rate: rate('soft_failure_rate', 'soft-failure rate', 'quality', 'soft_failures', 'soft_n', 0.02),
  judged_score: {
    name: 'judged_score',
    label: 'mean judged score',
    family: 'quality',
    numerator: col('judged_sum'),
    denominator: col('judged_n'),
    contrast: 'difference',
    unit: 'pp',
    proportion: false,
    harmful: 'decrease',
    margin: 0.02,
  },
  negative_feedback_rate: rate(
    'negative_feedback_rate',
    'negative-feedback rate',
    'feedback',
    'negative_feedback',
    'requests',
    0.02,
  ),
  escalation_rate: rate('escalation_rate', 'escalation rate', 'feedback', 'escalations', 'requests', 0.01),
  unsafe_rate: rate('unsafe_rate', 'unsafe-answer rate', 'safety', 'unsafe', 'unsafe_n', 0.01),
  intervention_rate: rate(
    'intervention_rate',
    'policy-intervention rate',
    'safety',
    'interventions',
    'intervention_n',
    0.005,
  ),
  refusal_rate: rate('refusal_rate', 'refusal rate', 'quality', 'refusals', 'refusal_n', 0.02),
  execution_failure_rate: rate(
    'execution_failure_rate',
    'tool execution-failure rate',
    'execution',
    'tool_failures',
    'tool_calls',
    0.02,
  ),
  unsupported_answer_rate: rate(
    'unsupported_answer_rate',
    'unsupported (uncited) answer rate',
    'quality',
    'uncited',
    'answer_n',
    0.02,
  ),
  schema_failure_rate: rate(
    'schema_failure_rate',
    'structured-output failure rate',
    'execution',
    'schema_invalid',
    'schema_n',
    0.02,
  ),
  latency: {
    name: 'latency',
    label: 'latency (geometric mean)',
    family: 'latency',
    numerator: col('latency_log_sum'),
    denominator: col('latency_n'),
    // A difference of mean logs is the log of the ratio of geometric means.
    contrast: 'difference',
    unit: 'ratio',
    proportion: false,
    harmful: 'increase',
    margin: LN_1_2,
  },
  cost_per_success: {
    name: 'cost_per_success',
    label: 'cost per successful task',
    family: 'cost',
    numerator: col('cost_sum'),
    denominator: (v) => (v[columnIndex('success_n')] ?? 0) - (v[columnIndex('failures')] ?? 0),
    contrast: 'log_ratio',
    unit: 'ratio',
    proportion: false,
    harmful: 'increase',
    margin: LN_1_2,
  },
};

/** Other names teams give the same metrics. */
export const METRIC_ALIASES: Readonly<Record<string, string>> = {
  task_failure_rate: 'failure_rate',
  success_rate: 'failure_rate',
  resolution_rate: 'failure_rate',
  golden_pass_rate: 'failure_rate',
  quality: 'failure_rate',
  feedback_rate: 'negative_feedback_rate',
  thumbs_down_rate: 'negative_feedback_rate',
  execution_success_rate: 'execution_failure_rate',
  tool_failure_rate: 'execution_failure_rate',
  p95_latency: 'latency',
  latency_ms: 'latency',
  cost: 'cost_per_success',
};

/** The metric a name or alias means, or undefined. */
export function resolveMetric(name: string): MetricDefinition | undefined {
  return METRICS[name] ?? METRICS[METRIC_ALIASES[name] ?? ''];
}

/**
 * The guard metrics watched besides the rollback metric: the canary row of Table 4 (quality,
 * safety, latency, cost) and the soft-failure guard, plus the rollback triggers of Table 3 for the
 * side-effect level.
 */
export function guardMetricsFor(level: 0 | 1 | 2 | 3): string[] {
  const base = ['failure_rate', 'soft_failure_rate', 'unsafe_rate', 'latency', 'cost_per_success'];
  const byLevel: Record<0 | 1 | 2 | 3, string[]> = {
    0: ['negative_feedback_rate'],
    1: ['execution_failure_rate', 'unsupported_answer_rate'],
    2: ['intervention_rate', 'escalation_rate'],
    3: ['intervention_rate', 'execution_failure_rate'],
  };
  return [...base, ...byLevel[level]];
}
