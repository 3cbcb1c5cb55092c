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
  /** Also return the sorted replicates as `samples`, e.g. for `bootstrapBounds`. */
  readonly keepSamples?: boolean;
  /**
   * Cap on unit draws per resample for `bootstrapRatioOfRatios`. When more units would be drawn, the
   * rescaled m-out-of-n bootstrap is used instead (see `BootstrapMethod`); the default is
   * `DEFAULT_RATIO_MAX_DRAWS` (raised for uneven data, see `ratioDrawsFor`). The quantile kernels draw
   * every unit and ignore it.
   */
  readonly maxDrawsPerResample?: number;
}

/**
 * How the resamples were drawn. 'multinomial': the exact bootstrap drawn as category counts
 * (the quantile kernel's rank cells), O(categories) per resample. 'index': the
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
  /** Replicates whose statistic was undefined (a zero denominator). */
  readonly undefinedResamples: number;
  /** The defined replicates, ascending; only with `keepSamples`. */
  readonly samples?: Float64Array;
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
  // Read in the order drawn, before the replicates are reordered.
  const standardError = sampleStandardDeviation(values);
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
    lower:
      lower.fraction === 0
        ? lowerAt(lowerRank)
        : interpolateType7(lowerAt(lowerRank), lowerAt(lowerRank + 1), lower.fraction),
    upper:
      upper.fraction === 0
        ? upperAt(upperRank)
        : interpolateType7(upperAt(upperRank), upperAt(upperRank + 1), upper.fraction),
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
  return sorted ? { ...result, samples: values } : result;
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

function sampleStandardDeviation(values: Float64Array): number {
  if (values.length < 2) return Number.NaN;
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i]!;
  mean /= values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - mean) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}
