import { drawBinomial } from './binomial.ts';
import { type BinomialTable, drawFromTable, tabulateBinomial } from './binomial-table.ts';
import {
  assertBootstrapOptions,
  MULTINOMIAL_COST_RATIO,
  summariseReplicates,
  type BootstrapOptions,
  type BootstrapResult,
} from './bootstrap-summary.ts';
import { drawMultinomial, sumRowsOfDraws } from './resample.ts';

/** Counts of per-case binary deltas (candidate − parent): −1 regressions, 0 ties, +1 fixes. */
export interface DeltaCounts {
  readonly minus: number;
  readonly zero: number;
  readonly plus: number;
}

/**
 * Percentile bootstrap of the paired pass-rate delta (plus − minus) / n. The three counts are
 * sufficient: a resample of n cases is Multinomial(n; minus/n, zero/n, plus/n), drawn as two
 * binomials, so each resample costs O(1) whatever n is — and it is the exact case bootstrap.
 *
 * @throws {RangeError} when a count is not a non-negative safe integer, there are no cases, or the
 * options are invalid.
 * @example
 * bootstrapBinaryDelta({ minus: 30, zero: 900, plus: 70 }, { resamples: 10_000, level: 0.95, rng: createRng(7) });
 * // estimate 0.04, interval about [0.02, 0.06]
 */
export function bootstrapBinaryDelta(counts: DeltaCounts, opts: BootstrapOptions): BootstrapResult {
  assertDeltaCounts(counts, 'counts');
  assertBootstrapOptions(opts);
  const { minus, zero, plus } = counts;
  const n = minus + zero + plus;
  if (n === 0) throw new RangeError('Expected `counts` to describe at least one case.');
  const values = new Float64Array(opts.resamples);
  const minusShare = minus / n;
  const plusShare = zero + plus === 0 ? 0 : plus / (zero + plus);
  // Drawn from tables: drawnMinus ~ Binomial(n, minus/n) has fixed parameters, and the plus draw
  // Binomial(n − drawnMinus, plusShare) is split exactly into Binomial(n − cover, plusShare) +
  // Binomial(cover − drawnMinus, plusShare), two independent binomials of the same p: fixed
  // parameters again, plus a small one tabulated per value of cover − drawnMinus. `cover` lies 6
  // standard deviations above the mean of drawnMinus; a draw beyond it (odds about 1e-9) takes
  // the plain sampler.
  const rng = opts.rng;
  const minusTable = tabulateBinomial(n, minusShare);
  const cover = Math.min(n, Math.ceil(n * minusShare + 6 * Math.sqrt(n * minusShare * (1 - minusShare)) + 10));
  const baseTable = tabulateBinomial(n - cover, plusShare);
  const restTables: (BinomialTable | undefined)[] = Array.from({ length: cover + 1 }, () => undefined);
  for (let r = 0; r < values.length; r++) {
    const drawnMinus = drawFromTable(rng, minusTable);
    const rest = cover - drawnMinus;
    const drawnPlus =
      rest >= 0
        ? drawFromTable(rng, baseTable) + drawFromTable(rng, (restTables[rest] ??= tabulateBinomial(rest, plusShare)))
        : drawBinomial(rng, n - drawnMinus, plusShare);
    values[r] = (drawnPlus - drawnMinus) / n;
  }
  return summariseReplicates(
    { estimate: (plus - minus) / n, values, undefinedCount: 0, n, method: 'multinomial', drawsPerResample: n },
    opts,
  );
}

/**
 * Cluster bootstrap of the paired pass-rate delta: clusters (incidents, conversations) are drawn
 * with replacement and the statistic is Σ(plus − minus) / Σ size over the drawn clusters, so
 * correlation inside a cluster widens the interval as it should. Clusters with the same
 * (plus − minus, size) are interchangeable, so when there are few such types the resample is drawn
 * as a multinomial over types; otherwise cluster by cluster. Both are the exact cluster bootstrap.
 *
 * @throws {RangeError} when there are no clusters, a cluster is empty or has invalid counts, or the
 * options are invalid.
 * @example
 * bootstrapClusteredBinaryDelta([{ minus: 1, zero: 3, plus: 0 }, { minus: 0, zero: 2, plus: 2 }], opts);
 */
export function bootstrapClusteredBinaryDelta(
  clusters: readonly DeltaCounts[],
  opts: BootstrapOptions,
): BootstrapResult {
  if (clusters.length === 0) throw new RangeError('Expected `clusters` to contain at least one cluster.');
  clusters.forEach((cluster, index) => {
    assertDeltaCounts(cluster, `clusters[${index}]`);
    if (cluster.minus + cluster.zero + cluster.plus === 0) {
      throw new RangeError(`Expected \`clusters[${index}]\` to contain at least one case.`);
    }
  });
  assertBootstrapOptions(opts);
  const sums = new Float64Array(clusters.length);
  const sizes = new Float64Array(clusters.length);
  clusters.forEach((cluster, index) => {
    sums[index] = cluster.plus - cluster.minus;
    sizes[index] = cluster.minus + cluster.zero + cluster.plus;
  });
  return bootstrapClusterRatio(sums, sizes, opts);
}

/**
 * Cluster bootstrap of Σ sums / Σ sizes over clusters drawn with replacement (sizes positive).
 * Shared by the binary and the continuous clustered deltas.
 */
export function bootstrapClusterRatio(sums: Float64Array, sizes: Float64Array, opts: BootstrapOptions): BootstrapResult {
  const k = sums.length;
  let totalSum = 0;
  let totalSize = 0;
  for (let j = 0; j < k; j++) {
    totalSum += sums[j]!;
    totalSize += sizes[j]!;
  }
  const estimate = totalSum / totalSize;
  const values = new Float64Array(opts.resamples);
  const types = groupClusterTypes(sums, sizes);
  if (types.sums.length * MULTINOMIAL_COST_RATIO <= k) {
    const counts = new Float64Array(types.sums.length);
    for (let r = 0; r < values.length; r++) {
      drawMultinomial(opts.rng, k, types.weights, counts);
      let drawnSum = 0;
      let drawnSize = 0;
      for (let t = 0; t < counts.length; t++) {
        drawnSum += counts[t]! * types.sums[t]!;
        drawnSize += counts[t]! * types.sizes[t]!;
      }
      values[r] = drawnSum / drawnSize;
    }
    return summariseReplicates({ estimate, values, undefinedCount: 0, n: k, method: 'multinomial', drawsPerResample: k }, opts);
  }
  const rows = new Float64Array(2 * k);
  for (let j = 0; j < k; j++) {
    rows[2 * j] = sums[j]!;
    rows[2 * j + 1] = sizes[j]!;
  }
  const draws = Math.min(k, opts.maxDrawsPerResample ?? Number.POSITIVE_INFINITY);
  const scale = Math.sqrt(draws / k);
  const out = new Float64Array(2);
  for (let r = 0; r < values.length; r++) {
    sumRowsOfDraws(opts.rng, rows, 2, draws, out);
    const replicate = out[0]! / out[1]!;
    values[r] = draws === k ? replicate : estimate + scale * (replicate - estimate);
  }
  const method = draws === k ? 'index' : 'subsample';
  return summariseReplicates({ estimate, values, undefinedCount: 0, n: k, method, drawsPerResample: draws }, opts);
}

// Distinct (sum, size) pairs in ascending order, so the result does not depend on cluster order.
function groupClusterTypes(sums: Float64Array, sizes: Float64Array): { sums: Float64Array; sizes: Float64Array; weights: Float64Array } {
  const order = Array.from(sums.keys()).toSorted((x, y) => sums[x]! - sums[y]! || sizes[x]! - sizes[y]!);
  const typeSums: number[] = [];
  const typeSizes: number[] = [];
  const weights: number[] = [];
  for (const j of order) {
    const last = typeSums.length - 1;
    if (last >= 0 && typeSums[last] === sums[j] && typeSizes[last] === sizes[j]) {
      weights[last] = weights[last]! + 1;
    } else {
      typeSums.push(sums[j]!);
      typeSizes.push(sizes[j]!);
      weights.push(1);
    }
  }
  return { sums: Float64Array.from(typeSums), sizes: Float64Array.from(typeSizes), weights: Float64Array.from(weights) };
}

function assertDeltaCounts(counts: DeltaCounts, name: string): void {
  for (const key of ['minus', 'zero', 'plus'] as const) {
    const value = counts[key];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`Expected \`${name}.${key}\` to be a non-negative safe integer, got ${String(value)}.`);
    }
  }
}
