import { mcnemarExact } from './mcnemar.ts';
import { normalQuantile } from './normal.ts';
import { assertPairedCounts, tangoBound, tangoPValue, type PairedCounts } from './paired-score.ts';
import type { StudentizedDelta } from './studentized-delta.ts';
import { studentTCdf, studentTQuantile } from './student-t.ts';

/** How a delta's p-values and bounds are computed. */
export type DeltaMethod =
  'tango-score' | 'cluster-t' | 'exact-mcnemar' | 'tango-score+cluster-t' | 'exact-mcnemar+cluster-t';

/**
 * One-sided inference on a quantity (a paired delta, or one side's rate) against any threshold and
 * at any level, all from one method, so a p-value and the bound at the same level always agree:
 * `pBelow(x) <= α` exactly when `upper(α) < x`, and likewise for `pAbove` and `lower`.
 */
export interface OneSidedInference<Method extends string> {
  readonly method: Method;
  readonly estimate: number;
  /** Standard error at the current size (for planning how many units would decide). */
  readonly standardError: number;
  /** Independent units (clusters, or cases) and cases behind the estimate. */
  readonly units: number;
  readonly cases: number;
  /** p-value for H1: value < threshold (against H0: value >= threshold). */
  pBelow(threshold: number): number;
  /** p-value for H1: value > threshold. */
  pAbove(threshold: number): number;
  /** One-sided (1 − alpha) lower confidence bound. */
  lower(alpha: number): number;
  /** One-sided (1 − alpha) upper confidence bound. */
  upper(alpha: number): number;
}

/** One-sided inference on a paired delta δ (candidate − parent). */
export type DeltaInference = OneSidedInference<DeltaMethod>;

/**
 * Tango's score test and interval on unclustered −1/0/+1 deltas (see `tangoStatistic`): the paired
 * binary method, analytic, non-degenerate when no pair disagrees.
 *
 * @throws {RangeError} when the counts are invalid or there are no cases.
 */
export function scoreInference(counts: PairedCounts): DeltaInference {
  assertPairedCounts(counts);
  if (counts.n === 0) throw new RangeError('Expected at least one paired case.');
  const { n, fixes, regressions } = counts;
  const estimate = (fixes - regressions) / n;
  const variance = (fixes + regressions) / n - estimate * estimate;
  return {
    method: 'tango-score',
    estimate,
    standardError: Math.sqrt(Math.max(variance, 0) / n),
    units: n,
    cases: n,
    pBelow: (threshold) => tangoPValue(counts, clampDelta(threshold), 'less'),
    pAbove: (threshold) => tangoPValue(counts, clampDelta(threshold), 'greater'),
    lower: (alpha) => tangoBound(counts, 'lower', alpha),
    upper: (alpha) => tangoBound(counts, 'upper', alpha),
  };
}

/** Student-t inference from a cluster-robust (or per-case) studentized delta. */
export function studentizedInference(delta: StudentizedDelta): DeltaInference {
  const { estimate, standardError, df } = delta;
  // A gate asks for bounds at the same few levels again and again; each quantile inverts a beta function.
  const quantiles = new Map<number, number>();
  const quantile = (alpha: number): number => {
    let q = quantiles.get(alpha);
    if (q === undefined) {
      q = studentTQuantile(1 - alpha, df);
      quantiles.set(alpha, q);
    }
    return q;
  };
  const t = (threshold: number): number =>
    standardError > 0
      ? (estimate - threshold) / standardError
      : estimate > threshold
        ? Infinity
        : estimate < threshold
          ? -Infinity
          : 0;
  return {
    method: 'cluster-t',
    estimate,
    standardError,
    units: delta.units,
    cases: delta.cases,
    pBelow: (threshold) => studentTCdf(t(threshold), df),
    pAbove: (threshold) => studentTCdf(-t(threshold), df),
    lower: (alpha) => estimate - quantile(alpha) * standardError,
    upper: (alpha) => estimate + quantile(alpha) * standardError,
  };
}

/**
 * The more cautious of two valid inferences on the same delta: the larger p-value and the wider
 * bound, so it is valid whenever either is. Clustered binary deltas use it: the score method on
 * the pooled counts cannot collapse when few pairs disagree, the cluster-robust t accounts for
 * correlation inside clusters. `first` is the pooled-count method, `second` the cluster-robust t.
 */
export function cautiousInference(first: DeltaInference, second: DeltaInference): DeltaInference {
  return {
    method: first.method === 'exact-mcnemar' ? 'exact-mcnemar+cluster-t' : 'tango-score+cluster-t',
    estimate: first.estimate,
    standardError: Math.max(first.standardError, second.standardError),
    units: Math.min(first.units, second.units),
    cases: first.cases,
    pBelow: (threshold) => Math.max(first.pBelow(threshold), second.pBelow(threshold)),
    pAbove: (threshold) => Math.max(first.pAbove(threshold), second.pAbove(threshold)),
    lower: (alpha) => Math.min(first.lower(alpha), second.lower(alpha)),
    upper: (alpha) => Math.max(first.upper(alpha), second.upper(alpha)),
  };
}

/**
 * The exact one-sided McNemar test (conditional binomial on the discordant pairs) for H0: δ >= 0,
 * with Tango's score bounds for display: the paper's critical-case criterion at a zero tolerance.
 * Only `pBelow(0)` is exact; other thresholds fall back to the score test.
 */
export function exactMcNemarInference(counts: PairedCounts): DeltaInference {
  const score = scoreInference(counts);
  return {
    ...score,
    method: 'exact-mcnemar',
    pBelow: (threshold) =>
      threshold === 0 ? mcnemarExact(counts.fixes, counts.regressions, 'greater').pValue : score.pBelow(threshold),
  };
}

/** z for a one-sided test at `alpha`, for planning. */
export function oneSidedZ(alpha: number): number {
  return normalQuantile(1 - alpha);
}

function clampDelta(threshold: number): number {
  return Math.min(1, Math.max(-1, threshold));
}
