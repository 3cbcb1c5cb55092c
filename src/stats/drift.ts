/**
 * Distribution comparisons for the shadow stage's behavioural diff and the canary's split check:
 * two-sample Kolmogorov–Smirnov for continuous features (output length, latency), population
 * stability index and chi-square homogeneity for categorical ones (finish reasons, tool mix), and
 * chi-square goodness of fit for a sample-ratio mismatch. Each gives an effect size besides its
 * p-value: at production volumes everything is significant, and the effect size says whether it
 * matters.
 */
import { chiSquareSurvival, kolmogorovSurvival } from './drift-distributions.ts';

/** A two-sample KS result: D = max |F₁ − F₂| and the asymptotic p-value. */
export interface KsResult {
  readonly statistic: number;
  readonly p_value: number;
  readonly n: number;
  readonly m: number;
}

/**
 * Two-sample Kolmogorov–Smirnov test. The p-value is the asymptotic one with Stephens' small-sample
 * correction, λ = (√e + 0.12 + 0.11/√e)·D with e = nm/(n + m); with ties (integer features) it is
 * conservative. Both inputs are sorted in place.
 *
 * @throws {RangeError} when a sample is empty.
 * @example
 * ksTwoSample(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)); // { statistic: 1, … }
 */
export function ksTwoSample(a: Float64Array, b: Float64Array): KsResult {
  if (a.length === 0 || b.length === 0) throw new RangeError('Expected two non-empty samples.');
  a.sort();
  b.sort();
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  let statistic = 0;
  while (i < n && j < m) {
    const x = Math.min(a[i]!, b[j]!);
    while (i < n && a[i] === x) i++;
    while (j < m && b[j] === x) j++;
    statistic = Math.max(statistic, Math.abs(i / n - j / m));
  }
  const e = (n * m) / (n + m);
  const root = Math.sqrt(e);
  const p = kolmogorovSurvival((root + 0.12 + 0.11 / root) * statistic);
  return { statistic, p_value: p, n, m };
}

/** Proportion floor for empty bins in the PSI, so that ln(0) never appears. */
export const PSI_FLOOR = 1e-4;

/**
 * Population stability index Σ (aᵢ − eᵢ) ln(aᵢ / eᵢ) over bins, on proportions of the reference
 * (`expected`) and current (`actual`) counts; empty bins count as {@link PSI_FLOOR}. Customary
 * reading: < 0.1 stable, 0.1–0.2 worth a look, > 0.2 material shift.
 *
 * @throws {RangeError} when the count arrays differ in length or either sums to zero.
 * @example
 * populationStabilityIndex([50, 50], [50, 50]); // 0
 */
export function populationStabilityIndex(expected: readonly number[], actual: readonly number[]): number {
  if (expected.length !== actual.length) throw new RangeError('Expected count arrays of the same length.');
  const totalE = expected.reduce((s, x) => s + x, 0);
  const totalA = actual.reduce((s, x) => s + x, 0);
  if (!(totalE > 0 && totalA > 0)) throw new RangeError('Expected both count arrays to have a positive total.');
  let psi = 0;
  for (let k = 0; k < expected.length; k++) {
    const e = Math.max(expected[k]! / totalE, PSI_FLOOR);
    const a = Math.max(actual[k]! / totalA, PSI_FLOOR);
    psi += (a - e) * Math.log(a / e);
  }
  return psi;
}

/** A chi-square test result with its effect size. */
export interface ChiSquareResult {
  readonly statistic: number;
  readonly df: number;
  readonly p_value: number;
  /** Cramér's V for homogeneity; for goodness of fit, √(χ²/N) (Cohen's w). */
  readonly effect: number;
}

/**
 * Pearson chi-square test that two samples of counts over the same categories come from one
 * distribution (a 2 × k table); categories empty in both are dropped.
 *
 * @throws {RangeError} when the arrays differ in length or a sample is empty.
 * @example
 * chiSquareHomogeneity([30, 70], [50, 50]); // statistic ≈ 8.33, df 1
 */
export function chiSquareHomogeneity(a: readonly number[], b: readonly number[]): ChiSquareResult {
  if (a.length !== b.length) throw new RangeError('Expected count arrays of the same length.');
  const totalA = a.reduce((s, x) => s + x, 0);
  const totalB = b.reduce((s, x) => s + x, 0);
  if (!(totalA > 0 && totalB > 0)) throw new RangeError('Expected both samples to have counts.');
  const total = totalA + totalB;
  let statistic = 0;
  let categories = 0;
  for (let k = 0; k < a.length; k++) {
    const column = a[k]! + b[k]!;
    if (column === 0) continue;
    categories += 1;
    const ea = (totalA * column) / total;
    const eb = (totalB * column) / total;
    statistic += (a[k]! - ea) ** 2 / ea + (b[k]! - eb) ** 2 / eb;
  }
  const df = categories - 1;
  if (df < 1) return { statistic: 0, df: 0, p_value: 1, effect: 0 };
  return { statistic, df, p_value: chiSquareSurvival(statistic, df), effect: Math.sqrt(statistic / total) };
}

/**
 * Pearson chi-square goodness of fit of `observed` counts to `shares` (any positive weights,
 * normalised): the sample-ratio-mismatch test when the counts are assignment units per cohort.
 *
 * @throws {RangeError} when lengths differ, there are fewer than two categories, a share is not
 *   positive, or nothing was observed.
 * @example
 * chiSquareGoodnessOfFit([5120, 4880], [1, 1]); // statistic 5.76, p ≈ 0.016
 */
export function chiSquareGoodnessOfFit(observed: readonly number[], shares: readonly number[]): ChiSquareResult {
  if (observed.length !== shares.length || observed.length < 2)
    throw new RangeError('Expected at least two categories with a share each.');
  if (!shares.every((s) => s > 0 && Number.isFinite(s))) throw new RangeError('Expected every share to be positive.');
  const total = observed.reduce((s, x) => s + x, 0);
  if (!(total > 0)) throw new RangeError('Expected some observations.');
  const shareTotal = shares.reduce((s, x) => s + x, 0);
  let statistic = 0;
  for (let k = 0; k < observed.length; k++) {
    const expected = (total * shares[k]!) / shareTotal;
    statistic += (observed[k]! - expected) ** 2 / expected;
  }
  const df = observed.length - 1;
  return { statistic, df, p_value: chiSquareSurvival(statistic, df), effect: Math.sqrt(statistic / total) };
}
