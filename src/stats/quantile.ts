import { assertLevel, type Interval } from './interval.ts';
import { selectInPlace } from './select.ts';

/**
 * The q-quantile of ascending-sorted values by linear interpolation between order statistics
 * (Hyndman and Fan type 7, numpy's default). Infinite neighbours propagate instead of giving NaN,
 * so an interval bound over replicates with an infinite tail reads as unbounded.
 *
 * @throws {RangeError} when `sorted` is empty or `q` is not in [0, 1].
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5); // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new RangeError('Expected `sorted` to contain at least one value.');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`Expected \`q\` to be in [0, 1], got ${String(q)}.`);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const fraction = position - below;
  const low = sorted[below]!;
  return fraction === 0 ? low : interpolateType7(low, sorted[below + 1]!, fraction);
}

/**
 * `quantileSorted` of values in any order, by selection on a copy: O(n) instead of a sort, and the
 * same bits, since it reads the same two order statistics.
 *
 * @throws {RangeError} when `values` is empty or holds NaN, or `q` is not in [0, 1].
 * @example
 * quantileOfUnsorted(Float64Array.of(4, 1, 3, 2), 0.5); // 2.5
 */
export function quantileOfUnsorted(values: Float64Array, q: number): number {
  if (values.length === 0) throw new RangeError('Expected `values` to contain at least one value.');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`Expected \`q\` to be in [0, 1], got ${String(q)}.`);
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) throw new RangeError('Expected `values` to contain no NaN.');
  }
  const copy = values.slice();
  const position = (copy.length - 1) * q;
  const below = Math.floor(position);
  const fraction = position - below;
  selectInPlace(copy, below);
  if (fraction === 0) return copy[below]!;
  selectInPlace(copy, below + 1, below + 1);
  return interpolateType7(copy[below]!, copy[below + 1]!, fraction);
}

/**
 * The type-7 step between two neighbouring order statistics `low` ≤ `high`, `fraction` of the way:
 * shared by `quantileSorted` and the selection-based bootstrap summary so that both give the same
 * bits. Infinite neighbours propagate instead of giving NaN.
 *
 * @example
 * interpolateType7(2, 3, 0.25); // 2.25
 */
export function interpolateType7(low: number, high: number, fraction: number): number {
  if (fraction === 0 || low === high) return low;
  if (low === Number.NEGATIVE_INFINITY || high === Number.POSITIVE_INFINITY) {
    return low === Number.NEGATIVE_INFINITY ? low : high;
  }
  return low + fraction * (high - low);
}

/**
 * Percentile interval of bootstrap replicates: type-7 quantiles of a sorted copy at (1 − level)/2
 * and (1 + level)/2. The input is not modified.
 *
 * @throws {RangeError} when `samples` is empty, contains NaN, or `level` is outside (0, 1).
 * @example
 * percentileInterval(Float64Array.from([3, 1, 2]), 0.5); // { lower: 1.5, upper: 2.5, level: 0.5 }
 */
export function percentileInterval(samples: Float64Array, level: number): Interval {
  assertLevel(level);
  if (samples.length === 0) throw new RangeError('Expected `samples` to contain at least one value.');
  const sorted = samples.toSorted();
  if (Number.isNaN(sorted[sorted.length - 1])) throw new RangeError('Expected `samples` to contain no NaN.');
  return {
    lower: quantileSorted(sorted, (1 - level) / 2),
    upper: quantileSorted(sorted, (1 + level) / 2),
    level,
  };
}
