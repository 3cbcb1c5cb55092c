import type { BootstrapResult } from './bootstrap-summary.ts';
import { normalCdf, normalQuantile } from './normal.ts';
import { interpolateType7 } from './quantile.ts';

/** A bootstrap distribution ready for bounds at any level. */
export interface BootstrapBounds {
  readonly estimate: number;
  /** Bias correction z₀ (0 for the plain percentile method). */
  readonly bias: number;
  /** Acceleration a (0 for the plain percentile method). */
  readonly acceleration: number;
  /** Resamples drawn, undefined ones included. */
  readonly resamples: number;
  /** One-sided (1 − alpha) lower bound; −Infinity when the resamples cannot resolve that level. */
  lower(alpha: number): number;
  /** One-sided (1 − alpha) upper bound; +Infinity when the resamples cannot resolve that level. */
  upper(alpha: number): number;
}

/**
 * Bias-corrected and accelerated (BCa, Efron 1987) bounds from a bootstrap run made with
 * `keepSamples`: the (1 − α) lower bound is the replicates' quantile at
 * Φ(z₀ + (z₀ + z_α) / (1 − a·(z₀ + z_α))), with z₀ = Φ⁻¹(share of replicates below the estimate)
 * and `acceleration` a from the jackknife (see `jackknifeAcceleration`); `acceleration` 0 with
 * `biasCorrect` false is the plain percentile method. Undefined replicates count as −∞ for the
 * lower and +∞ for the upper bound, as in the percentile interval. A level beyond what the
 * resamples can resolve (fewer than one replicate past it) gives an infinite bound, never the most
 * extreme replicate: a decision must not rest on a tail the resampling did not reach.
 *
 * @throws {RangeError} when `result` has no samples or `acceleration` is not finite.
 */
export function bootstrapBounds(result: BootstrapResult, acceleration: number, biasCorrect = true): BootstrapBounds {
  const sorted = result.samples;
  if (sorted === undefined) throw new RangeError('Expected a result computed with `keepSamples: true`.');
  if (!Number.isFinite(acceleration))
    throw new RangeError(`Expected a finite acceleration, got ${String(acceleration)}.`);
  const total = result.resamples;
  const missing = result.undefinedResamples;
  let bias = 0;
  if (biasCorrect && sorted.length > 0) {
    let below = 0;
    let ties = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (sorted[i]! < result.estimate) below++;
      else if (sorted[i] === result.estimate) ties++;
    }
    const share = (below + ties / 2) / sorted.length;
    // A share of 0 or 1 (every replicate on one side) has no finite z₀; the percentile method it is.
    bias = share > 0 && share < 1 ? normalQuantile(share) : 0;
  }
  // The BCa level for nominal level p; past the pole of the transform, beyond every replicate.
  const adjusted = (p: number): number => {
    const shifted = bias + normalQuantile(p);
    const denominator = 1 - acceleration * shifted;
    if (denominator <= 0) return p < 0.5 ? 0 : 1;
    return normalCdf(bias + shifted / denominator);
  };
  const quantile = (q: number, padLow: boolean): number => {
    // Padded array: `missing` −∞ before the replicates (lower bounds) or +∞ after them (upper bounds).
    const position = Math.min(total - 1, Math.max(0, (total - 1) * q));
    const below = Math.floor(position);
    const fraction = position - below;
    const at = (rank: number): number => {
      const index = padLow ? rank - missing : rank;
      if (index < 0) return Number.NEGATIVE_INFINITY;
      if (index >= sorted.length) return Number.POSITIVE_INFINITY;
      return sorted[index]!;
    };
    return fraction === 0 ? at(below) : interpolateType7(at(below), at(below + 1), fraction);
  };
  return {
    estimate: result.estimate,
    bias,
    acceleration,
    resamples: total,
    lower: (alpha) => {
      const q = adjusted(alpha);
      return q * (total + 1) < 1 ? Number.NEGATIVE_INFINITY : quantile(q, true);
    },
    upper: (alpha) => {
      const q = adjusted(1 - alpha);
      return (1 - q) * (total + 1) < 1 ? Number.POSITIVE_INFINITY : quantile(q, false);
    },
  };
}

/**
 * The jackknife acceleration a = Σ(θ̄ − θ₍ᵢ₎)³ / (6·(Σ(θ̄ − θ₍ᵢ₎)²)^{3/2}) from leave-one-unit-out
 * estimates (undefined ones, NaN, left out); 0 when there are fewer than three or no spread.
 *
 * @example
 * jackknifeAcceleration(Float64Array.of(1, 1.1, 0.9, 1.4)); // positive: a long upper tail
 */
export function jackknifeAcceleration(leaveOneOut: Float64Array): number {
  let count = 0;
  let mean = 0;
  for (let i = 0; i < leaveOneOut.length; i++) {
    if (Number.isFinite(leaveOneOut[i])) {
      mean += leaveOneOut[i]!;
      count++;
    }
  }
  if (count < 3) return 0;
  mean /= count;
  let squares = 0;
  let cubes = 0;
  for (let i = 0; i < leaveOneOut.length; i++) {
    const value = leaveOneOut[i]!;
    if (!Number.isFinite(value)) continue;
    const d = mean - value;
    squares += d * d;
    cubes += d * d * d;
  }
  return squares > 0 ? cubes / (6 * squares ** 1.5) : 0;
}
