import { assertLevel, type Interval } from './interval.ts';
import { quantileSorted } from './quantile.ts';
import type { Rng } from './rng.ts';

/** How many resamples, at what confidence level, from which generator. */
export interface BootstrapOptions {
  /** Number of bootstrap resamples B, an integer >= 2. */
  readonly resamples: number;
  /** Confidence level of the two-sided percentile interval, in (0, 1). */
  readonly level: number;
  /** The only source of randomness; the same seed gives bit-identical results. */
  readonly rng: Rng;
  /** Also return the sorted replicates as `samples`, e.g. for `bootstrapPValue`. */
  readonly keepSamples?: boolean;
  /**
   * Cap on case draws per resample for the kernels that draw case by case (continuous mean deltas
   * with many distinct values, clusters, ratios). When more units would be drawn, the rescaled
   * m-out-of-n bootstrap is used instead (see `BootstrapMethod`). Defaults: no cap for mean deltas,
   * `DEFAULT_RATIO_MAX_DRAWS` for `bootstrapRatioOfRatios`. Kernels that work on counts ignore it.
   */
  readonly maxDrawsPerResample?: number;
}

/**
 * How the resamples were drawn. 'multinomial': the exact bootstrap drawn as category counts
 * (binary deltas, few distinct values, quantile cells), O(categories) per resample. 'index': the
 * exact bootstrap drawn unit by unit. 'subsample': the rescaled m-out-of-n bootstrap — m units drawn
 * with replacement and the replicate's deviation from the estimate scaled by √(m/n) (on the log
 * scale for ratios), which has the same normal limit as the full bootstrap for smooth statistics.
 */
export type BootstrapMethod = 'multinomial' | 'index' | 'subsample';

/** A percentile-bootstrap estimate, its interval and spread. */
export interface BootstrapResult {
  /** The statistic on the original data. */
  readonly estimate: number;
  /** Percentile interval; unbounded (±Infinity) where undefined replicates reach into it. */
  readonly interval: Interval;
  /** Standard deviation of the defined replicates; NaN when fewer than two are defined. */
  readonly standardError: number;
  readonly resamples: number;
  /** Units resampled: cases, or clusters for the clustered variants. */
  readonly n: number;
  readonly method: BootstrapMethod;
  /** Units drawn per resample: n, except m for 'subsample'. */
  readonly drawsPerResample: number;
  /** Replicates whose statistic was undefined (a zero denominator); always 0 for mean deltas. */
  readonly undefinedResamples: number;
  /** The defined replicates, ascending; only with `keepSamples`. */
  readonly samples?: Float64Array;
}

/** Draw cap per resample that `bootstrapRatioOfRatios` uses unless told otherwise. */
export const DEFAULT_RATIO_MAX_DRAWS = 10_000;

/** Draw by category counts when categories × this <= units: a binomial costs about a dozen index draws. */
export const MULTINOMIAL_COST_RATIO = 12;

/**
 * Checks the shared options.
 *
 * @throws {RangeError} when `resamples` is not an integer >= 2, `level` is outside (0, 1), or
 * `maxDrawsPerResample` is not a positive integer.
 */
export function assertBootstrapOptions(opts: BootstrapOptions): void {
  if (!Number.isSafeInteger(opts.resamples) || opts.resamples < 2) {
    throw new RangeError(`Expected \`resamples\` to be an integer >= 2, got ${String(opts.resamples)}.`);
  }
  assertLevel(opts.level);
  const cap = opts.maxDrawsPerResample;
  if (cap !== undefined && !(cap === Number.POSITIVE_INFINITY || (Number.isSafeInteger(cap) && cap >= 1))) {
    throw new RangeError(`Expected \`maxDrawsPerResample\` to be a positive integer, got ${String(cap)}.`);
  }
}

/** What a bootstrap kernel hands to `summariseReplicates`. */
export interface Replicates {
  readonly estimate: number;
  /** Defined replicate values; sorted in place. */
  readonly values: Float64Array;
  readonly undefinedCount: number;
  readonly n: number;
  readonly method: BootstrapMethod;
  readonly drawsPerResample: number;
}

/**
 * Turns replicates into a result. Undefined replicates count against the interval in both
 * directions: the lower bound is taken as if they were −Infinity and the upper as if +Infinity, so
 * they widen the interval (possibly to unbounded) instead of being silently dropped.
 */
export function summariseReplicates(replicates: Replicates, opts: BootstrapOptions): BootstrapResult {
  const { values, undefinedCount } = replicates;
  values.sort();
  const total = values.length + undefinedCount;
  const withTail = (fill: number, offset: number): Float64Array => {
    if (undefinedCount === 0) return values;
    const padded = new Float64Array(total).fill(fill);
    padded.set(values, offset);
    return padded;
  };
  const interval: Interval = {
    lower: quantileSorted(withTail(Number.NEGATIVE_INFINITY, undefinedCount), (1 - opts.level) / 2),
    upper: quantileSorted(withTail(Number.POSITIVE_INFINITY, 0), (1 + opts.level) / 2),
    level: opts.level,
  };
  const result: BootstrapResult = {
    estimate: replicates.estimate,
    interval,
    standardError: sampleStandardDeviation(values),
    resamples: total,
    n: replicates.n,
    method: replicates.method,
    drawsPerResample: replicates.drawsPerResample,
    undefinedResamples: undefinedCount,
  };
  return opts.keepSamples === true ? { ...result, samples: values } : result;
}

function sampleStandardDeviation(values: Float64Array): number {
  if (values.length < 2) return Number.NaN;
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i]!;
  mean /= values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - mean) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * One-sided bootstrap p-value for H0: θ >= threshold against H1: θ < threshold ('less'), or
 * H0: θ <= threshold against H1: θ > threshold ('greater'): p = (1 + #replicates on the H0 side,
 * ties and undefined replicates included) / (B + 1). It is the test dual to the percentile
 * interval: without the +1, p is the fraction of replicates on the H0 side, so p < α exactly when
 * the one-sided (1 − α) percentile bound lies beyond the threshold; the +1 (Davison and Hinkley)
 * makes it slightly conservative and never zero, as Holm needs. For a quality gate with margin d
 * on a paired delta: `bootstrapPValue(result, -d, 'less')` tests H1: delta < −d (a regression
 * beyond the margin).
 *
 * @throws {RangeError} when `result` was computed without `keepSamples`, or `threshold` is NaN.
 * @example
 * const r = bootstrapBinaryDelta(counts, { resamples: 10_000, level: 0.95, rng, keepSamples: true });
 * bootstrapPValue(r, -0.02, 'less'); // small when the delta is clearly below −2 pp
 */
export function bootstrapPValue(result: BootstrapResult, threshold: number, alternative: 'less' | 'greater'): number {
  const samples = result.samples;
  if (samples === undefined) throw new RangeError('Expected a result computed with `keepSamples: true`.');
  if (Number.isNaN(threshold)) throw new RangeError('Expected `threshold` to be a number, got NaN.');
  // samples is ascending: count those >= threshold ('less') or <= threshold ('greater').
  const nullSide =
    alternative === 'less'
      ? samples.length - lowerBound(samples, threshold)
      : upperBound(samples, threshold);
  return (1 + nullSide + result.undefinedResamples) / (result.resamples + 1);
}

// First index whose value is >= target.
function lowerBound(sorted: Float64Array, target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

// First index whose value is > target, i.e. the number of values <= target.
function upperBound(sorted: Float64Array, target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= target) low = middle + 1;
    else high = middle;
  }
  return low;
}
