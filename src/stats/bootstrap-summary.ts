import { assertLevel, type Interval } from './interval.ts';
import { interpolateType7 } from './quantile.ts';
import { selectInPlace } from './select.ts';
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
   * Also return the one-sided p-value against this threshold as `pValue` (the same number
   * `bootstrapPValue` gives), counted in one pass, so that no sort of the replicates is needed.
   */
  readonly pValueAt?: { readonly threshold: number; readonly alternative: 'less' | 'greater' };
  /**
   * Cap on case draws per resample for the kernels that draw case by case (continuous mean deltas
   * with many distinct values, clusters, ratios). When more units would be drawn, the rescaled
   * m-out-of-n bootstrap is used instead (see `BootstrapMethod`). Defaults:
   * `DEFAULT_MEAN_MAX_DRAWS` for `bootstrapMeanDelta`, `DEFAULT_RATIO_MAX_DRAWS` for
   * `bootstrapRatioOfRatios`, none for clustered binary deltas. Kernels that work on counts ignore it.
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
  /** One-sided p-value; only with `pValueAt`. */
  readonly pValue?: number;
}

/**
 * Draw cap per resample that `bootstrapRatioOfRatios` uses unless told otherwise (it raises it for
 * uneven data, see `ratioDrawsFor`). A ratio replicate reads four columns of a random row, a cache
 * miss each in a large suite, so m sets its cost: at 2,000, 10,000 resamples take about 0.1 s
 * whatever n is. As for means, the rescaled subsample keeps the variance and changes only the
 * higher moments, by amounts of order 1/√m; on the log scale, for costs as skewed as a lognormal
 * with σ = 1, a percentile bound moves by about 0.03 standard errors at this m.
 */
export const DEFAULT_RATIO_MAX_DRAWS = 2_000;

/**
 * Draw cap per resample that `bootstrapMeanDelta` uses unless told otherwise. Above it the rescaled
 * m-out-of-n bootstrap replaces the full one; for a mean that costs nothing in validity at this m.
 * Its replicates have exactly the full bootstrap's variance (σ̂²/m, scaled by m/n) and the same
 * normal limit; what differs is the skewness, γ/√m instead of γ/√n, which moves a percentile bound
 * by about γ·(z² − 1)/(6√m) standard errors: about 0.01 SE at m = 10,000 even for γ = 1 and
 * z = 2.8 (the Holm step of 21 tests), below the Monte Carlo error of 10,000 resamples (0.027 SE
 * at the 2.5 % point). It keeps a resample at 10,000 draws (about 10 µs) however many cases there are.
 */
export const DEFAULT_MEAN_MAX_DRAWS = 10_000;

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
  if (opts.pValueAt !== undefined && Number.isNaN(opts.pValueAt.threshold)) {
    throw new RangeError('Expected `pValueAt.threshold` to be a number, got NaN.');
  }
}

/** What a bootstrap kernel hands to `summariseReplicates`. */
export interface Replicates {
  readonly estimate: number;
  /** Defined replicate values, in the order drawn; reordered in place. */
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
 *
 * The interval needs only the order statistics around its two type-7 positions, so unless the
 * sorted replicates are asked for (`keepSamples`) they are found by selection in O(B) rather than
 * by an O(B log B) sort; both give the same order statistics and therefore the same bits.
 */
export function summariseReplicates(replicates: Replicates, opts: BootstrapOptions): BootstrapResult {
  const { values, undefinedCount } = replicates;
  const total = values.length + undefinedCount;
  // Both read the replicates in the order drawn, before they are reordered.
  const standardError = sampleStandardDeviation(values);
  const pValue = opts.pValueAt === undefined ? undefined : countPValue(values, undefinedCount, opts.pValueAt.threshold, opts.pValueAt.alternative);
  const sorted = opts.keepSamples === true;
  if (sorted) values.sort();
  // Type-7 positions in the padded arrays: −Infinity × undefinedCount first for the lower bound,
  // +Infinity × undefinedCount last for the upper one; ranks below are ranks among `values`.
  const lower = typeSevenPosition(total, (1 - opts.level) / 2);
  const upper = typeSevenPosition(total, (1 + opts.level) / 2);
  const lowerRank = lower.below - undefinedCount;
  const upperRank = upper.below;
  if (!sorted) selectRanks(values, [lowerRank, lowerRank + 1, upperRank, upperRank + 1]);
  const lowerAt = (rank: number): number => (rank < 0 ? Number.NEGATIVE_INFINITY : values[rank]!);
  const upperAt = (rank: number): number => (rank >= values.length ? Number.POSITIVE_INFINITY : values[rank]!);
  const interval: Interval = {
    lower: lower.fraction === 0 ? lowerAt(lowerRank) : interpolateType7(lowerAt(lowerRank), lowerAt(lowerRank + 1), lower.fraction),
    upper: upper.fraction === 0 ? upperAt(upperRank) : interpolateType7(upperAt(upperRank), upperAt(upperRank + 1), upper.fraction),
    level: opts.level,
  };
  const result: BootstrapResult = {
    estimate: replicates.estimate,
    interval,
    standardError,
    resamples: total,
    n: replicates.n,
    method: replicates.method,
    drawsPerResample: replicates.drawsPerResample,
    undefinedResamples: undefinedCount,
  };
  return {
    ...result,
    ...(sorted ? { samples: values } : {}),
    ...(pValue !== undefined ? { pValue } : {}),
  };
}

function typeSevenPosition(total: number, q: number): { below: number; fraction: number } {
  const position = (total - 1) * q;
  const below = Math.floor(position);
  return { below, fraction: position - below };
}

// Puts the value of each rank (those inside the array) where a sort would put it. Ranks go in
// ascending order, each selected in the part above the previous one: selection leaves nothing
// larger below a selected rank, and later selections never touch what lies below it.
function selectRanks(values: Float64Array, ranks: readonly number[]): void {
  let from = 0;
  for (const rank of ranks.filter((r) => r >= 0 && r < values.length).toSorted((a, b) => a - b)) {
    if (rank < from) continue;
    selectInPlace(values, rank, from, values.length);
    from = rank + 1;
  }
}

// (1 + replicates on the H0 side, undefined ones included) / (B + 1), as bootstrapPValue counts.
function countPValue(values: Float64Array, undefinedCount: number, threshold: number, alternative: 'less' | 'greater'): number {
  let nullSide = 0;
  if (alternative === 'less') {
    for (let i = 0; i < values.length; i++) if (values[i]! >= threshold) nullSide++;
  } else {
    for (let i = 0; i < values.length; i++) if (values[i]! <= threshold) nullSide++;
  }
  return (1 + nullSide + undefinedCount) / (values.length + undefinedCount + 1);
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
