/**
 * The canary stage: the canary cohort against the holdout, from the aggregated telemetry, window by
 * window and clustered by assignment key. First the split (sample-ratio mismatch), then every
 * metric as an always-valid interval narrowed over all windows so far, then the decision: roll
 * back (which metric, by how much, with its interval), promote to the next step of the ladder, or
 * continue (and how much more data would decide). Pure: telemetry comes in as a table.
 */
import { ClusterSumsBuilder } from '../stats/always-valid-cluster.ts';
import { chiSquareGoodnessOfFit } from '../stats/drift.ts';
import { traceCompleteness } from '../telemetry/aggregate.ts';
import type { AggregateTable } from '../telemetry/aggregate.ts';
import { WIDTH } from '../telemetry/columns.ts';
import { informationFactor, intersectLook, lookAtMetric, newRunningInterval, verdictOf } from './canary-look.ts';
import type { MetricLook, RunningInterval } from './canary-look.ts';
import { guardMetricsFor, resolveMetric } from './canary-metrics.ts';
import type { MetricDefinition } from './canary-metrics.ts';
import { allocateAlpha, nextStep, percentOfCohort } from './canary-policy.ts';
import type { CanaryPolicy } from './canary-policy.ts';
import { analyseJudgeComparison } from './canary-judge.ts';
import { decideCanary } from './canary-decide.ts';
import type { CanaryAnalysis, CanaryContext, CanaryMetric, CanaryWindow, SplitCheck } from './canary-model.ts';

interface ArmState {
  readonly clusters: Map<string, Float64Array>;
  readonly sums: ClusterSumsBuilder[];
  requests: number;
}

/** Runs the canary analysis on an aggregated table. */
export function analyseCanary(table: AggregateTable, context: CanaryContext, policy: CanaryPolicy): CanaryAnalysis {
  const rollback = resolveMetric(context.rollbackMetric);
  const metricNames = [...new Set([...(rollback ? [rollback.name] : []), ...guardMetricsFor(context.sideEffectLevel)])];
  const metrics = metricNames.map((name) => resolveMetric(name)!);
  const alphas = allocateAlpha(
    policy.alpha,
    rollback?.name ?? '',
    metricNames.filter((n) => n !== rollback?.name),
  );
  const margins = metrics.map((m) => policy.margins[m.name] ?? m.margin);

  const arms = { canary: newArm(metrics.length), holdout: newArm(metrics.length) };
  const running: RunningInterval[] = metrics.map(() => newRunningInterval());
  const lastLooks: (MetricLook | undefined)[] = metrics.map(() => undefined);
  const foreign = { canary: 0, holdout: 0 };
  const byWindow = new Map<number, { arm: ArmState; cluster: string; values: ArrayLike<number> }[]>();
  const requestsColumn = 0;
  for (const row of table.rows) {
    if (row.window_start >= context.lookMs) continue;
    const isCanary = row.cohort === context.canaryCohort;
    if (!isCanary && row.cohort !== context.holdoutCohort) continue;
    const expected = isCanary ? context.candidate : context.parent;
    if (row.package_id !== expected) {
      foreign[isCanary ? 'canary' : 'holdout'] += row.values[requestsColumn] ?? 0;
      continue;
    }
    const list = byWindow.get(row.window_start) ?? [];
    list.push({ arm: isCanary ? arms.canary : arms.holdout, cluster: row.cluster, values: row.values });
    byWindow.set(row.window_start, list);
  }

  const windows: CanaryWindow[] = [];
  const rollbackIndex = rollback ? 0 : -1;
  for (const start of [...byWindow.keys()].toSorted((a, b) => a - b)) {
    for (const { arm, cluster, values } of byWindow.get(start)!) addRow(arm, cluster, values, metrics);
    metrics.forEach((metric, i) => {
      const look = lookAtMetric(
        metric,
        arms.canary.sums[i]!.build(),
        arms.holdout.sums[i]!.build(),
        alphas.get(metric.name)!,
        policy.min_clusters,
      );
      lastLooks[i] = look;
      intersectLook(running[i]!, look);
    });
    const r = rollbackIndex >= 0 ? running[rollbackIndex]! : undefined;
    const last = rollbackIndex >= 0 ? lastLooks[rollbackIndex] : undefined;
    windows.push({
      window_start: start,
      canary_requests: arms.canary.requests,
      holdout_requests: arms.holdout.requests,
      ...(r && r.looks > 0 && last && rollback
        ? { rollback_metric: displayTriple(rollback, last.estimate, r.lower, r.upper) }
        : {}),
    });
  }

  const hoursObserved = Math.max(1, windows.length * (table.window_ms / 3_600_000));
  const reported = metrics.map((metric, i): CanaryMetric & { factor?: number } => {
    const look = lastLooks[i];
    const run = running[i]!;
    const alpha = alphas.get(metric.name)!;
    const verdict = verdictOf(run, margins[i]!);
    const factor = verdict === 'undecided' && look ? informationFactor(look, margins[i]!, alpha) : undefined;
    const shown = look && run.looks > 0 ? displayTriple(metric, look.estimate, run.lower, run.upper) : undefined;
    const requests = { canary: look?.canary_n ?? 0, holdout: look?.holdout_n ?? 0 };
    return {
      name: metric.name,
      label: metric.label,
      family: metric.family,
      role: metric.name === rollback?.name ? 'rollback' : 'guard',
      unit: metric.unit,
      harmful: metric.harmful,
      alpha,
      ...(shown
        ? { estimate: shown.estimate, interval: { lower: shown.lower, upper: shown.upper, level: 1 - alpha } }
        : {}),
      margin: metric.unit === 'pp' ? margins[i]! * 100 : Math.exp(margins[i]!),
      verdict,
      clusters: { canary: look?.canary_clusters ?? 0, holdout: look?.holdout_clusters ?? 0 },
      requests,
      ...(factor !== undefined
        ? { more_requests: Math.ceil(Math.max(requests.canary, requests.holdout) * (factor - 1)), factor }
        : {}),
      reason: '',
    };
  });

  const split = checkSplit(arms.canary.clusters.size, arms.holdout.clusters.size, context, policy.srm_p);
  const completenessOf = (cohort: string): number => {
    const counts = table.completeness.find((c) => c.cohort === cohort);
    return counts ? traceCompleteness(counts, context.expect) : Number.NaN;
  };
  const judge = policy.judge_comparison
    ? analyseJudgeComparison(arms.canary.clusters, policy.judge_comparison, policy.alpha, policy.min_clusters)
    : undefined;
  const current = context.currentStep ?? percentOfCohort(context.canaryCohort) ?? 0;
  const rate = Math.max(arms.canary.requests, arms.holdout.requests) / hoursObserved;
  return decideCanary({
    context,
    policy,
    metrics: reported,
    rollbackKnown: rollback !== undefined,
    split,
    completeness: {
      canary: completenessOf(context.canaryCohort),
      holdout: completenessOf(context.holdoutCohort),
      required: policy.min_trace_completeness,
    },
    ...(judge ? { judge } : {}),
    windows,
    foreign,
    step: {
      current,
      ...(nextStep(policy.ladder, current) !== undefined ? { next: nextStep(policy.ladder, current)! } : {}),
    },
    requestsPerHour: rate,
  });
}

function newArm(metricCount: number): ArmState {
  return {
    clusters: new Map(),
    sums: Array.from({ length: metricCount }, () => new ClusterSumsBuilder()),
    requests: 0,
  };
}

/** Adds one row to its cluster's running totals and moves every metric's sums by the change. */
function addRow(arm: ArmState, cluster: string, values: ArrayLike<number>, metrics: readonly MetricDefinition[]): void {
  let totals = arm.clusters.get(cluster);
  if (!totals) {
    totals = new Float64Array(WIDTH);
    arm.clusters.set(cluster, totals);
  }
  const before = metrics.map((m) => [m.denominator(totals!), m.numerator(totals!)] as const);
  for (let c = 0; c < WIDTH; c++) totals[c]! += values[c] ?? 0;
  arm.requests += values[0] ?? 0;
  metrics.forEach((m, i) => {
    const [n0, y0] = before[i]!;
    arm.sums[i]!.replace(n0, y0, m.denominator(totals!), m.numerator(totals!));
  });
}

/** Harm-scale values back in display units: pp for differences, canary ÷ holdout for ratio metrics. */
function displayTriple(
  metric: MetricDefinition,
  estimate: number,
  lower: number,
  upper: number,
): { estimate: number; lower: number; upper: number } {
  const sign = metric.harmful === 'increase' ? 1 : -1;
  const [lo, hi] = sign === 1 ? [lower, upper] : [-upper, -lower];
  const show = (x: number): number => round(metric.unit === 'pp' ? x * 100 : Math.exp(x));
  return { estimate: show(sign * estimate), lower: show(lo), upper: show(hi) };
}

function round(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x;
}

function checkSplit(canary: number, holdout: number, context: CanaryContext, threshold: number): SplitCheck {
  const base = { canary_clusters: canary, holdout_clusters: holdout };
  const shares = context.shares ?? sharesFromNames(context);
  if (shares === undefined) {
    return {
      ...base,
      mismatch: false,
      reason: `Not checked: the planned split of ${context.canaryCohort} and ${context.holdoutCohort} is unknown (pass --split CANARY:HOLDOUT).`,
    };
  }
  if (canary + holdout === 0)
    return { ...base, expected_shares: shares, mismatch: false, reason: 'Not checked: no users in either cohort yet.' };
  const test = chiSquareGoodnessOfFit([canary, holdout], shares);
  const mismatch = test.p_value < threshold;
  const share = (x: number): string => `${((100 * x) / (canary + holdout)).toFixed(1)} %`;
  return {
    ...base,
    expected_shares: shares,
    statistic: round(test.statistic),
    p_value: test.p_value,
    mismatch,
    reason: mismatch
      ? `Sample-ratio mismatch: ${canary} canary and ${holdout} holdout users (${share(canary)} canary) where the plan is ${shares[0]}:${shares[1]} (chi-square p = ${test.p_value.toExponential(2)}); assignment is broken, so no promotion until it is fixed.`
      : `Split as planned: ${canary} canary and ${holdout} holdout users for ${shares[0]}:${shares[1]} (chi-square p = ${test.p_value.toFixed(3)}).`,
  };
}

function sharesFromNames(context: CanaryContext): [number, number] | undefined {
  const canary = percentOfCohort(context.canaryCohort);
  const holdout = percentOfCohort(context.holdoutCohort);
  return canary !== undefined && holdout !== undefined ? [canary, holdout] : undefined;
}
