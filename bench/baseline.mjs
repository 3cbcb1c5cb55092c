// The straightforward bootstrap kaizen-gate is measured against, written the way blog posts and
// notebooks write one: for each resample, draw n indices with Math.random, copy the drawn values into
// a fresh array, compute the statistic; sort the B replicates and read the percentiles.
//
// It has the same API as src/stats/bootstrap.ts, so bench/run.mjs can bundle the real quality gate
// and the real CLI with this module in its place: parsing, pairing, the gates' tests, Holm, McNemar,
// decision and report are then the same code, and only the resampling differs. It is not made slow
// on purpose: a fresh array per resample grown by push, as such code does, and sums as plain loops
// (not reduce). The real module uses sufficient statistics (binary outcomes), multinomial cells
// (quantiles, few distinct values), an inlined xoshiro128** drawing block by block and, above a
// draw cap, the rescaled m-out-of-n subsample (m = 2,000 for the cost ratio, raised for uneven
// data; m = 10,000 for means of more than 10,000 cases): that last one is an approximation with
// coverage tested in test/stats, not only a speed-up. bench/run.mjs also times the mean kernel
// drawing all n, for the record.

/** Type-7 quantile of an ascending array, the definition kaizen-gate reports too. */
export function quantileOfSorted(sorted, q) {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** Percentile bootstrap of the mean of `values`, the blog-code kernel; returns the sorted replicates too. */
export function naiveBootstrapMean(values, resamples, level) {
  return resampleMean(Array.from(values), { resamples, level, keepSamples: true });
}

export const DEFAULT_RATIO_MAX_DRAWS = 10_000;
export const DEFAULT_MEAN_MAX_DRAWS = 10_000;

function summarise(estimate, replicates, undefinedCount, n, { level, keepSamples, pValueAt }) {
  replicates.sort((a, b) => a - b);
  const total = replicates.length + undefinedCount;
  // Undefined replicates widen the interval in both directions, as the real summary does.
  const lowerIndexShift = undefinedCount;
  const padded = (fill, offset) => {
    if (undefinedCount === 0) return replicates;
    const out = Array.from({ length: total }, () => fill);
    for (let i = 0; i < replicates.length; i++) out[i + offset] = replicates[i];
    return out;
  };
  let mean = 0;
  for (const r of replicates) mean += r;
  mean /= replicates.length;
  let squares = 0;
  for (const r of replicates) squares += (r - mean) ** 2;
  const result = {
    estimate,
    interval: {
      lower: quantileOfSorted(padded(Number.NEGATIVE_INFINITY, lowerIndexShift), (1 - level) / 2),
      upper: quantileOfSorted(padded(Number.POSITIVE_INFINITY, 0), (1 + level) / 2),
      level,
    },
    standardError: Math.sqrt(squares / (replicates.length - 1)),
    resamples: total,
    n,
    method: 'index',
    drawsPerResample: n,
    undefinedResamples: undefinedCount,
  };
  const withSamples = keepSamples ? { ...result, samples: Float64Array.from(replicates) } : result;
  return pValueAt ? { ...withSamples, pValue: bootstrapPValue({ ...result, samples: replicates }, pValueAt.threshold, pValueAt.alternative) } : withSamples;
}

function resampleMean(values, opts) {
  const n = values.length;
  const means = [];
  for (let b = 0; b < opts.resamples; b++) {
    const sample = [];
    for (let i = 0; i < n; i++) sample.push(values[Math.floor(Math.random() * n)]);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += sample[i];
    means.push(sum / n);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i];
  return summarise(total / n, means, 0, n, opts);
}

function resampleClusters(sums, sizes, opts) {
  const k = sums.length;
  const ratios = [];
  for (let b = 0; b < opts.resamples; b++) {
    const drawn = [];
    for (let j = 0; j < k; j++) drawn.push(Math.floor(Math.random() * k));
    let sum = 0;
    let size = 0;
    for (const j of drawn) {
      sum += sums[j];
      size += sizes[j];
    }
    ratios.push(sum / size);
  }
  const totalSum = sums.reduce((a, b) => a + b, 0);
  const totalSize = sizes.reduce((a, b) => a + b, 0);
  return summarise(totalSum / totalSize, ratios, 0, k, opts);
}

/** Binary paired delta: the counts are expanded back into one −1/0/+1 value per case. */
export function bootstrapBinaryDelta(counts, opts) {
  const deltas = [];
  for (let i = 0; i < counts.minus; i++) deltas.push(-1);
  for (let i = 0; i < counts.zero; i++) deltas.push(0);
  for (let i = 0; i < counts.plus; i++) deltas.push(1);
  return resampleMean(deltas, opts);
}

/** Clustered binary delta: clusters drawn with replacement, Σ(plus − minus) / Σ size. */
export function bootstrapClusteredBinaryDelta(clusters, opts) {
  return resampleClusters(
    clusters.map((c) => c.plus - c.minus),
    clusters.map((c) => c.minus + c.zero + c.plus),
    opts,
  );
}

/** Mean of continuous deltas, clustered when a cluster index per case is given. */
export function bootstrapMeanDelta(deltas, opts, clusters) {
  if (!clusters) return resampleMean(Array.from(deltas), opts);
  const sums = new Map();
  const sizes = new Map();
  for (let i = 0; i < deltas.length; i++) {
    sums.set(clusters[i], (sums.get(clusters[i]) ?? 0) + deltas[i]);
    sizes.set(clusters[i], (sizes.get(clusters[i]) ?? 0) + 1);
  }
  return resampleClusters([...sums.values()], [...sizes.values()], opts);
}

/** (Σ cN / Σ cD) / (Σ pN / Σ pD) over all n cases drawn per resample. */
export function bootstrapRatioOfRatios(data, opts) {
  const n = data.parentNumerator.length;
  const ratio = (indices) => {
    let cn = 0;
    let cd = 0;
    let pn = 0;
    let pd = 0;
    for (const i of indices) {
      cn += data.candidateNumerator[i];
      cd += data.candidateDenominator[i];
      pn += data.parentNumerator[i];
      pd += data.parentDenominator[i];
    }
    return cd === 0 || pd === 0 || pn === 0 ? Number.NaN : (cn * pd) / (cd * pn);
  };
  const all = Array.from({ length: n }, (_, i) => i);
  const estimate = ratio(all);
  const replicates = [];
  let undefinedCount = 0;
  for (let b = 0; b < opts.resamples; b++) {
    const indices = [];
    for (let i = 0; i < n; i++) indices.push(Math.floor(Math.random() * n));
    const value = ratio(indices);
    if (Number.isNaN(value)) undefinedCount += 1;
    else replicates.push(value);
  }
  return summarise(estimate, replicates, undefinedCount, n, opts);
}

/** quantile_q(candidate) / quantile_q(parent): each resample copies both sides and sorts them. */
export function bootstrapQuantileRatio(parent, candidate, q, opts) {
  const n = parent.length;
  const quantile = (values) => quantileOfSorted(values.toSorted((a, b) => a - b), q);
  const estimate = quantile(Array.from(candidate)) / quantile(Array.from(parent));
  const replicates = [];
  let undefinedCount = 0;
  for (let b = 0; b < opts.resamples; b++) {
    const p = [];
    const c = [];
    for (let i = 0; i < n; i++) {
      const j = Math.floor(Math.random() * n);
      p.push(parent[j]);
      c.push(candidate[j]);
    }
    const denominator = quantile(p);
    if (denominator === 0) undefinedCount += 1;
    else replicates.push(quantile(c) / denominator);
  }
  return summarise(estimate, replicates, undefinedCount, n, opts);
}

/** The same one-sided p-value convention as the real module. */
export function bootstrapPValue(result, threshold, alternative) {
  let nullSide = 0;
  for (const s of result.samples) if (alternative === 'less' ? s >= threshold : s <= threshold) nullSide += 1;
  return (1 + nullSide + result.undefinedResamples) / (result.resamples + 1);
}
