import { type OneSidedInference, studentizedInference } from './delta-inference.ts';
import { normalCdf, normalQuantile } from './normal.ts';
import { inverseRegularizedBeta, regularizedBeta } from './special-functions.ts';
import { studentizeDelta } from './studentized-delta.ts';

/** How a rate's p-values and bounds are computed (docs/statistics.md, absolute floors). */
export type RateMethod = 'wilson' | 'exact-binomial' | 'wilson+exact' | 'cluster-t' | 'wilson+cluster-t';

/** One-sided inference on a rate p (one side's pass rate, not a paired delta). */
export type RateInference = OneSidedInference<RateMethod>;

/**
 * Wilson's score test and interval for a rate from `successes` out of `n` (successes may be a
 * sum of per-case pass fractions: for values in [0, 1] the binomial variance p(1 − p) bounds the
 * true one, so the score test stays valid in the normal limit).
 *
 * @throws {RangeError} when n is not positive or successes is outside [0, n].
 * @example
 * wilsonInference(90, 100).lower(0.025); // 0.8256…, the lower end of the two-sided 95 % Wilson interval
 */
export function wilsonInference(successes: number, n: number): RateInference {
  assertCounts(successes, n);
  const p = successes / n;
  const bound = (alpha: number, sign: 1 | -1): number => {
    const z = normalQuantile(1 - alpha);
    const z2 = z * z;
    const centre = p + z2 / (2 * n);
    const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
    return clamp((centre + sign * spread) / (1 + z2 / n));
  };
  // At a threshold of 0 or 1 the score test has no variance: a rate cannot lie beyond them.
  const zAt = (threshold: number): number => (p - threshold) / Math.sqrt((threshold * (1 - threshold)) / n);
  return {
    method: 'wilson',
    estimate: p,
    standardError: Math.sqrt((p * (1 - p)) / n),
    units: n,
    cases: n,
    pBelow: (threshold) => (threshold <= 0 ? 1 : threshold >= 1 ? (p < 1 ? 0 : 1) : normalCdf(zAt(threshold))),
    pAbove: (threshold) => (threshold >= 1 ? 1 : threshold <= 0 ? (p > 0 ? 0 : 1) : normalCdf(-zAt(threshold))),
    lower: (alpha) => bound(alpha, -1),
    upper: (alpha) => bound(alpha, 1),
  };
}

/**
 * The exact binomial test and Clopper–Pearson bounds for an integer number of successes: their
 * error rates never exceed the nominal level, where Wilson's one-sided score test can (at a 90 %
 * floor, n = 50 and α = 0.36 %, its chance of a false "below" is 2.6 times α).
 *
 * @throws {RangeError} when n is not a positive integer or successes is not an integer in [0, n].
 */
export function exactBinomialInference(successes: number, n: number): RateInference {
  assertCounts(successes, n);
  if (!Number.isSafeInteger(successes) || !Number.isSafeInteger(n)) {
    throw new RangeError(`Expected whole numbers of successes and trials, got ${successes} of ${n}.`);
  }
  const x = successes;
  const p = x / n;
  return {
    method: 'exact-binomial',
    estimate: p,
    standardError: Math.sqrt((p * (1 - p)) / n),
    units: n,
    cases: n,
    // P(X <= x | threshold) and P(X >= x | threshold).
    pBelow: (threshold) =>
      x >= n || threshold <= 0 ? 1 : threshold >= 1 ? 0 : regularizedBeta(1 - threshold, n - x, x + 1),
    pAbove: (threshold) =>
      x <= 0 || threshold >= 1 ? 1 : threshold <= 0 ? 0 : regularizedBeta(threshold, x, n - x + 1),
    lower: (alpha) => (x === 0 ? 0 : inverseRegularizedBeta(alpha, x, n - x + 1)),
    upper: (alpha) => (x === n ? 1 : inverseRegularizedBeta(1 - alpha, x + 1, n - x)),
  };
}

/**
 * Inference on the mean of per-case values in [0, 1] by the method the data call for: per-case
 * 0/1 outcomes, unclustered, get the more cautious of Wilson and the exact binomial test (Wilson
 * is what users of other tools expect; the exact test keeps the error rate where Wilson's tail does
 * not); fractions (averaged trials) get Wilson on their sum; clustered cases the more cautious of
 * that and the cluster-robust t over clusters, since cases of one incident move together.
 *
 * @throws {RangeError} when there are no values or a value is outside [0, 1].
 */
export function inferRate(
  values: Float64Array,
  clusters?: { readonly index: Int32Array; readonly count: number },
): RateInference {
  const n = values.length;
  if (n === 0) throw new RangeError('Expected at least one value.');
  let sum = 0;
  let binary = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= 1)) throw new RangeError(`Expected \`values[${i}]\` to be in [0, 1], got ${String(v)}.`);
    sum += v;
    if (v !== 0 && v !== 1) binary = false;
  }
  const pooled = binary
    ? cautious(wilsonInference(sum, n), exactBinomialInference(sum, n), 'wilson+exact')
    : wilsonInference(sum, n);
  if (clusters === undefined || clusters.count < 2) return pooled;
  const totals = new Float64Array(clusters.count);
  const sizes = new Float64Array(clusters.count);
  for (let i = 0; i < n; i++) {
    totals[clusters.index[i]!]! += values[i]!;
    sizes[clusters.index[i]!]! += 1;
  }
  return cautious(pooled, clusterT(totals, sizes), 'wilson+cluster-t');
}

// The cluster-robust t on a mean: the studentized delta's estimator and inference, applied to values
// instead of deltas, with the bounds kept within [0, 1].
function clusterT(totals: Float64Array, sizes: Float64Array): RateInference {
  const inference = studentizedInference(studentizeDelta({ totals, sizes }));
  return {
    ...inference,
    method: 'cluster-t',
    lower: (alpha) => clamp(inference.lower(alpha)),
    upper: (alpha) => clamp(inference.upper(alpha)),
  };
}

/** The larger p-value and the wider bound of two valid inferences on the same rate. */
function cautious(first: RateInference, second: RateInference, method: RateMethod): RateInference {
  return {
    method,
    estimate: first.estimate,
    standardError: Math.max(first.standardError, second.standardError),
    units: Math.min(first.units, second.units),
    cases: first.cases,
    pBelow: (threshold) => Math.max(first.pBelow(threshold), second.pBelow(threshold)),
    pAbove: (threshold) => Math.max(first.pAbove(threshold), second.pAbove(threshold)),
    lower: (alpha) => Math.min(first.lower(alpha), second.lower(alpha)),
    upper: (alpha) => Math.max(first.upper(alpha), second.upper(alpha)),
  };
}

function assertCounts(successes: number, n: number): void {
  if (!(n > 0) || !Number.isFinite(n)) throw new RangeError(`Expected a positive number of trials, got ${String(n)}.`);
  if (!(successes >= 0 && successes <= n))
    throw new RangeError(`Expected successes in [0, ${n}], got ${String(successes)}.`);
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
