import { normalQuantile } from '../stats/normal.ts';

/**
 * Weighted Holm adjusted p-values (Holm 1979, weighted step-down), in input order. Hypotheses are
 * ordered by p/w; the k-th gets (p/w)·(sum of the weights not yet rejected), made monotone by a
 * running maximum and capped at 1. Rejecting where the adjusted p is below α controls the
 * family-wise error at α for any weights; equal weights give plain Holm. A gate uses weights to
 * reserve part of α for one test (critical cases) so its power does not shrink as categories grow.
 *
 * @throws {RangeError} when the lengths differ, a p-value is outside [0, 1] or a weight is not positive.
 * @example
 * adjustWeightedHolm([0.02, 0.01, 0.04], [0.5, 0.25, 0.25]); // [0.04, 0.04, 0.04]
 */
export function adjustWeightedHolm(pValues: readonly number[], weights: readonly number[]): number[] {
  if (pValues.length !== weights.length) throw new RangeError(`Expected ${pValues.length} weights, got ${weights.length}.`);
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`Expected \`pValues[${i}]\` to be in [0, 1], got ${String(p)}.`);
    if (!(weights[i]! > 0 && Number.isFinite(weights[i]))) throw new RangeError(`Expected \`weights[${i}]\` to be positive, got ${String(weights[i])}.`);
  });
  const ratio = pValues.map((p, i) => p / weights[i]!);
  const order = ratio.map((_, i) => i).toSorted((a, b) => ratio[a]! - ratio[b]! || a - b);
  let remaining = weights.reduce((sum, w) => sum + w, 0);
  let runningMax = 0;
  const adjusted: number[] = Array.from({ length: pValues.length }, () => 0);
  for (const index of order) {
    runningMax = Math.max(runningMax, Math.min(1, ratio[index]! * remaining));
    adjusted[index] = runningMax;
    remaining -= weights[index]!;
  }
  return adjusted;
}

/** What an undecided test looks like now, for estimating the cases that would decide it. */
export interface UndecidedTest {
  /** Point estimate, in the unit of `distance`. */
  readonly estimate: number;
  /** Standard error of the estimate at the current size; NaN or 0 when unknown. */
  readonly standardError: number;
  /** Per-case standard deviation of the delta, the fallback when the standard error is unknown. */
  readonly sd: number;
  /** Units now (cases or clusters; the answer is scaled in the same units). */
  readonly n: number;
}

/**
 * Roughly how many units would decide an undecided test: the size at which the standard error,
 * shrinking like 1/√n from its value now (cluster-robust when clustered, so clustering counts),
 * puts `distance` at `z` standard errors. Pass `z` two-sided at the confidence level for showing
 * non-inferiority, or one-sided at the (multiplicity-adjusted) α for showing a regression.
 * At least n + 1, at most `cap`.
 */
export function estimateCasesNeeded(test: UndecidedTest, distance: number, z: number, cap = 1_000_000): number {
  if (!(distance > 1e-9)) return cap;
  const se = Number.isFinite(test.standardError) && test.standardError > 0 ? test.standardError : test.sd / Math.sqrt(Math.max(test.n, 1));
  if (!(se > 0)) return Math.min(cap, test.n + 1);
  const needed = Math.ceil(test.n * ((z * se) / distance) ** 2);
  return Math.min(cap, Math.max(test.n + 1, needed));
}

/** z such that a one-sided test at `alpha` rejects beyond it. */
export function oneSidedZ(alpha: number): number {
  return normalQuantile(1 - alpha);
}

/** z of a two-sided interval at `level`. */
export function twoSidedZ(level: number): number {
  return normalQuantile((1 + level) / 2);
}
