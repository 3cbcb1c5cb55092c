/**
 * Anytime-valid inference for an estimate that is looked at again and again (hourly canary
 * windows): the normal-mixture confidence sequence, the interval form of the mixture sequential
 * probability ratio test (mSPRT).
 *
 * Model: the estimate θ̂ after information I = 1/V (V its variance) behaves like a Brownian motion
 * with drift θ in information time. Mixing the likelihood ratio over a N(0, τ²) prior on the drift
 * gives a nonnegative martingale under θ, and Ville's inequality bounds the chance that it ever
 * reaches 1/α by α. The set of θ it has not rejected is
 *
 *   θ̂ ± √( V (V + τ²) / τ² · (2 log(1/α) + log((V + τ²) / V)) ),
 *
 * which covers θ at every look simultaneously with probability ≥ 1 − α, however often and whenever
 * it is computed. With a plug-in V (cluster-robust, from sufficient statistics) the guarantee is
 * asymptotic (time-uniform central limit theory); the simulations in test/delivery check it at the
 * sample sizes the canary meets.
 *
 * References: Robbins (1970) for the mixture boundary; Johari, Pekelis and Walsh, "Always valid
 * inference" (2017) for the mSPRT p-value; Waudby-Smith et al., "Time-uniform central limit theory
 * and asymptotic confidence sequences" (2021) for the plug-in variance and the choice of τ.
 */
import { assertLevel } from './interval.ts';
import type { Interval } from './interval.ts';

/** Error rate over all looks and the mixing scale of the prior on the effect. */
export interface MixtureOptions {
  /** Probability that the sequence ever misses the true value, over every look; in (0, 1). */
  readonly alpha: number;
  /** Standard deviation of the normal mixing prior, in the estimate's unit; > 0. */
  readonly tau: number;
}

function assertOptions(options: MixtureOptions): void {
  assertLevel(1 - options.alpha);
  if (!(options.tau > 0 && Number.isFinite(options.tau))) {
    throw new RangeError(`Expected \`tau\` to be a positive finite number, got ${String(options.tau)}.`);
  }
}

function assertVariance(variance: number): void {
  if (!(variance >= 0 && Number.isFinite(variance))) {
    throw new RangeError(`Expected \`variance\` to be a non-negative finite number, got ${String(variance)}.`);
  }
}

/**
 * Half-width of the normal-mixture confidence sequence at an estimate with variance `variance`.
 * Zero variance gives zero width: the caller floors the variance when it can be underestimated.
 *
 * @throws {RangeError} when `variance` is negative or not finite, `alpha` is outside (0, 1), or
 *   `tau` is not positive.
 * @example
 * mixtureHalfWidth(1e-4, { alpha: 0.05, tau: 0.02 }); // ≈ 0.0308 (a fixed-n 95 % interval: 0.0196)
 */
export function mixtureHalfWidth(variance: number, options: MixtureOptions): number {
  assertVariance(variance);
  assertOptions(options);
  if (variance === 0) return 0;
  const tau2 = options.tau * options.tau;
  const spread = (variance + tau2) / variance;
  return Math.sqrt(((variance * (variance + tau2)) / tau2) * (2 * Math.log(1 / options.alpha) + Math.log(spread)));
}

/**
 * The confidence sequence's interval at this look: estimate ± {@link mixtureHalfWidth}. `level` of
 * the returned interval is 1 − alpha, valid over all looks at once.
 *
 * @example
 * mixtureInterval(0.03, 1e-4, { alpha: 0.05, tau: 0.02 }); // { lower: −0.0008, upper: 0.0608, level: 0.95 }
 */
export function mixtureInterval(estimate: number, variance: number, options: MixtureOptions): Interval {
  if (!Number.isFinite(estimate)) throw new RangeError(`Expected \`estimate\` to be finite, got ${String(estimate)}.`);
  const half = mixtureHalfWidth(variance, options);
  return { lower: estimate - half, upper: estimate + half, level: 1 - options.alpha };
}

/**
 * The mSPRT mixture likelihood ratio of the data against θ = `nullValue`; its running maximum
 * reaching 1/α rejects. `1 / max(Λ)` over looks so far (capped at 1) is the always-valid p-value.
 *
 * @example
 * mixtureLikelihoodRatio(0.05, 1e-4, 0, 0.02); // ≈ 9.9e3: beyond 1/α = 20, so θ = 0 is rejected
 */
export function mixtureLikelihoodRatio(estimate: number, variance: number, nullValue: number, tau: number): number {
  assertVariance(variance);
  assertOptions({ alpha: 0.5, tau });
  if (variance === 0) return estimate === nullValue ? 1 : Number.POSITIVE_INFINITY;
  const tau2 = tau * tau;
  const total = variance + tau2;
  const gap = estimate - nullValue;
  return Math.sqrt(variance / total) * Math.exp((tau2 * gap * gap) / (2 * variance * total));
}

/**
 * The variance at which the half-width shrinks to `halfWidth`: how much information a look still
 * needs before it can decide. The half-width grows with the variance, so bisection on log V is exact
 * to the float precision asked for.
 *
 * @throws {RangeError} when `halfWidth` is not positive and finite.
 * @example
 * const v = varianceForHalfWidth(0.02, { alpha: 0.05, tau: 0.02 }); // mixtureHalfWidth(v, …) ≈ 0.02
 */
export function varianceForHalfWidth(halfWidth: number, options: MixtureOptions): number {
  if (!(halfWidth > 0 && Number.isFinite(halfWidth))) {
    throw new RangeError(`Expected \`halfWidth\` to be a positive finite number, got ${String(halfWidth)}.`);
  }
  assertOptions(options);
  // The width is at least √(2V log(1/α)) and at most that plus a log term; start from a bracket.
  let low = Math.log(halfWidth * halfWidth) - 60;
  let high = Math.log(halfWidth * halfWidth);
  for (let i = 0; i < 200 && high - low > 1e-12; i++) {
    const mid = (low + high) / 2;
    if (mixtureHalfWidth(Math.exp(mid), options) > halfWidth) high = mid;
    else low = mid;
  }
  return Math.exp(low);
}
