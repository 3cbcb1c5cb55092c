/**
 * One look at one metric: canary against holdout from the arms' cluster sums, as an always-valid
 * interval (normal-mixture confidence sequence, at the metric's share of the error budget), and
 * the running intersection of the intervals over every look so far — valid because the sequence
 * covers the truth at all looks at once. Verdicts are read on the harm scale, where larger is worse.
 */
import { mixtureInterval, varianceForHalfWidth } from '../stats/always-valid.ts';
import { binomialVarianceFloor, clusterRatio, contrastOf } from '../stats/always-valid-cluster.ts';
import type { ClusterSums, RatioEstimate } from '../stats/always-valid-cluster.ts';
import type { MetricDefinition } from './canary-metrics.ts';

/** What one look found for one metric, on the harm scale (positive = canary worse). */
export interface MetricLook {
  /** Harm-scale estimate and always-valid interval bounds; NaN when the look could not be made. */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly variance: number;
  readonly canary_clusters: number;
  readonly holdout_clusters: number;
  readonly canary_n: number;
  readonly holdout_n: number;
}

/** The running intersection of a metric's intervals over looks. */
export interface RunningInterval {
  lower: number;
  upper: number;
  looks: number;
}

/** A fresh running interval: nothing excluded yet. */
export function newRunningInterval(): RunningInterval {
  return { lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY, looks: 0 };
}

/**
 * Compares the arms for one metric at one look. Fewer than `minClusters` clusters in either arm,
 * or an undefined ratio, gives a look without bounds (NaN), which decides nothing.
 */
export function lookAtMetric(
  metric: MetricDefinition,
  canary: ClusterSums,
  holdout: ClusterSums,
  alpha: number,
  minClusters: number,
): MetricLook {
  const base = {
    canary_clusters: canary.clusters,
    holdout_clusters: holdout.clusters,
    canary_n: canary.n,
    holdout_n: holdout.n,
  };
  const none = { ...base, estimate: Number.NaN, lower: Number.NaN, upper: Number.NaN, variance: Number.NaN };
  if (canary.clusters < minClusters || holdout.clusters < minClusters) return none;
  const c = clusterRatio(canary);
  const h = clusterRatio(holdout);
  if (metric.proportion) {
    // An arm with no events yet would report zero variance; the binomial floor keeps it honest.
    const contrast = contrastOf(floored(c, canary), floored(h, holdout), metric.contrast);
    return finish(metric, contrast.estimate, contrast.variance, alpha, base, none);
  }
  const contrast = contrastOf(c, h, metric.contrast);
  return finish(metric, contrast.estimate, contrast.variance, alpha, base, none);
}

function floored(e: RatioEstimate, sums: ClusterSums): RatioEstimate {
  return { ...e, variance: Math.max(e.variance, binomialVarianceFloor(sums)) };
}

function finish(
  metric: MetricDefinition,
  estimate: number,
  variance: number,
  alpha: number,
  base: object,
  none: MetricLook,
): MetricLook {
  if (!Number.isFinite(estimate) || !Number.isFinite(variance)) return none;
  const sign = metric.harmful === 'increase' ? 1 : -1;
  const interval = mixtureInterval(sign * estimate, variance, { alpha, tau: metric.margin });
  return {
    ...(base as Omit<MetricLook, 'estimate' | 'lower' | 'upper' | 'variance'>),
    estimate: sign * estimate,
    lower: interval.lower,
    upper: interval.upper,
    variance,
  };
}

/** Narrows the running interval by one look (a look without bounds leaves it as it was). */
export function intersectLook(running: RunningInterval, look: MetricLook): void {
  if (Number.isNaN(look.lower)) return;
  running.lower = Math.max(running.lower, look.lower);
  running.upper = Math.min(running.upper, look.upper);
  running.looks += 1;
}

/** A metric's verdict from its running interval: harm, shown within the margin, or not yet known. */
export type MetricVerdict = 'harm' | 'non_inferior' | 'undecided' | 'not_applicable';

/**
 * Harm when the interval lies wholly above `tolerance` (default 0: the canary is worse than the
 * holdout at all); non-inferior when it lies wholly below the margin; otherwise undecided.
 */
export function verdictOf(running: RunningInterval, margin: number, tolerance = 0): MetricVerdict {
  if (running.looks === 0) return 'not_applicable';
  if (running.lower > tolerance) return 'harm';
  if (running.upper < margin) return 'non_inferior';
  return 'undecided';
}

/**
 * How many times the current information a metric needs before its interval can fall below the
 * margin, assuming the estimate stays where it is; undefined when it cannot (estimate at or above
 * the margin).
 */
export function informationFactor(look: MetricLook, margin: number, alpha: number): number | undefined {
  if (!Number.isFinite(look.estimate) || !(look.variance > 0)) return undefined;
  const room = margin - look.estimate;
  if (!(room > 0)) return undefined;
  const target = varianceForHalfWidth(room, { alpha, tau: margin });
  return Math.max(1, look.variance / target);
}
