import { bootstrapClusterRatio } from './bootstrap-binary.ts';
import {
  assertBootstrapOptions,
  DEFAULT_MEAN_MAX_DRAWS,
  MULTINOMIAL_COST_RATIO,
  summariseReplicates,
  type BootstrapOptions,
  type BootstrapResult,
} from './bootstrap-summary.ts';
import { drawMultinomial, sumOfDraws } from './resample.ts';

/**
 * Percentile bootstrap of the mean of continuous paired deltas (e.g. judge-score differences).
 * Judge scores take few values, so when the distinct deltas number at most n/12 a resample is drawn
 * as a multinomial over the distinct values by sequential binomials (the exact bootstrap at
 * O(distinct) per resample); otherwise case by case, and above `maxDrawsPerResample` units
 * (default `DEFAULT_MEAN_MAX_DRAWS`) by the rescaled m-out-of-n bootstrap. With `clusters`
 * (cluster index per case, 0..k−1; indices without cases are ignored) whole clusters are
 * resampled and the statistic is Σ deltas / Σ cases over the drawn clusters.
 *
 * @throws {RangeError} when `deltas` is empty or has a non-finite value, `clusters` has the wrong
 * length or a negative or non-integer index, or the options are invalid.
 * @example
 * bootstrapMeanDelta(Float64Array.of(0.1, -0.2, 0, 0.3), { resamples: 2000, level: 0.95, rng: createRng(1) });
 */
export function bootstrapMeanDelta(
  deltas: Float64Array,
  opts: BootstrapOptions,
  clusters?: Int32Array,
): BootstrapResult {
  const n = deltas.length;
  if (n === 0) throw new RangeError('Expected `deltas` to contain at least one value.');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(deltas[i])) {
      throw new RangeError(`Expected \`deltas[${i}]\` to be a finite number, got ${String(deltas[i])}.`);
    }
  }
  assertBootstrapOptions(opts);
  if (clusters !== undefined) {
    return bootstrapClusteredMean(deltas, clusters, { ...opts, maxDrawsPerResample: opts.maxDrawsPerResample ?? DEFAULT_MEAN_MAX_DRAWS });
  }

  let total = 0;
  for (let i = 0; i < n; i++) total += deltas[i]!;
  const estimate = total / n;
  const values = new Float64Array(opts.resamples);
  const distinct = countDistinct(deltas);
  if (distinct.values.length * MULTINOMIAL_COST_RATIO <= n) {
    const counts = new Float64Array(distinct.values.length);
    for (let r = 0; r < values.length; r++) {
      drawMultinomial(opts.rng, n, distinct.counts, counts);
      let sum = 0;
      for (let t = 0; t < counts.length; t++) sum += counts[t]! * distinct.values[t]!;
      values[r] = sum / n;
    }
    return summariseReplicates({ estimate, values, undefinedCount: 0, n, method: 'multinomial', drawsPerResample: n }, opts);
  }
  const draws = Math.min(n, opts.maxDrawsPerResample ?? DEFAULT_MEAN_MAX_DRAWS);
  const scale = Math.sqrt(draws / n);
  for (let r = 0; r < values.length; r++) {
    const replicate = sumOfDraws(opts.rng, deltas, draws) / draws;
    values[r] = draws === n ? replicate : estimate + scale * (replicate - estimate);
  }
  const method = draws === n ? 'index' : 'subsample';
  return summariseReplicates({ estimate, values, undefinedCount: 0, n, method, drawsPerResample: draws }, opts);
}

function bootstrapClusteredMean(deltas: Float64Array, clusters: Int32Array, opts: BootstrapOptions): BootstrapResult {
  if (clusters.length !== deltas.length) {
    throw new RangeError(`Expected \`clusters\` to have ${deltas.length} entries, got ${clusters.length}.`);
  }
  let k = 0;
  for (let i = 0; i < clusters.length; i++) {
    const cluster = clusters[i]!;
    if (cluster < 0) throw new RangeError(`Expected \`clusters[${i}]\` to be a non-negative index, got ${cluster}.`);
    if (cluster >= k) k = cluster + 1;
  }
  const sums = new Float64Array(k);
  const sizes = new Float64Array(k);
  for (let i = 0; i < clusters.length; i++) {
    sums[clusters[i]!]! += deltas[i]!;
    sizes[clusters[i]!]! += 1;
  }
  let used = 0;
  for (let j = 0; j < k; j++) {
    if (sizes[j]! > 0) {
      sums[used] = sums[j]!;
      sizes[used] = sizes[j]!;
      used++;
    }
  }
  return bootstrapClusterRatio(sums.subarray(0, used), sizes.subarray(0, used), opts);
}

// Distinct values ascending with their multiplicities (-0 and 0 are one value).
function countDistinct(values: Float64Array): { values: Float64Array; counts: Float64Array } {
  const sorted = values.toSorted();
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const value = sorted[i]!;
    const last = distinct.length - 1;
    if (last >= 0 && distinct[last] === value) counts[last] = counts[last]! + 1;
    else {
      distinct.push(value);
      counts.push(1);
    }
  }
  return { values: Float64Array.from(distinct), counts: Float64Array.from(counts) };
}
