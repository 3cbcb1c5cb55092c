import { normalCdf, normalQuantile } from './normal.ts';

/**
 * A paired binary comparison reduced to its sufficient statistics: the number of pairs and the two
 * discordant counts. The delta (candidate − parent) is (fixes − regressions) / n.
 */
export interface PairedCounts {
  /** Paired cases. */
  readonly n: number;
  /** Pairs that went fail → pass. */
  readonly fixes: number;
  /** Pairs that went pass → fail. */
  readonly regressions: number;
}

/**
 * Checks paired counts: non-negative safe integers with fixes + regressions <= n.
 *
 * @throws {RangeError} when they are not.
 */
export function assertPairedCounts(counts: PairedCounts): void {
  for (const key of ['n', 'fixes', 'regressions'] as const) {
    const value = counts[key];
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`Expected \`${key}\` to be a non-negative safe integer, got ${String(value)}.`);
  }
  if (counts.fixes + counts.regressions > counts.n) {
    throw new RangeError(
      `Expected fixes + regressions <= n, got ${counts.fixes} + ${counts.regressions} > ${counts.n}.`,
    );
  }
}

/**
 * Tango's score statistic (Tango 1998, Statistics in Medicine 17:891) for H0: δ = δ0, where δ is
 * the difference of the paired proportions (candidate − parent): (b − c − n·δ0) / √(n·(2q̃ + δ0(1 − δ0)))
 * with b fixes, c regressions and q̃ the maximum-likelihood regression probability under H0.
 * Decreasing in δ0; approximately standard normal at the true δ. With no discordant pairs it is
 * still finite and non-zero away from δ0 = 0, which is what keeps a saturated suite's interval
 * from collapsing to a point.
 *
 * @throws {RangeError} when the counts are invalid or δ0 is outside [−1, 1].
 * @example
 * tangoStatistic({ n: 100, fixes: 2, regressions: 10 }, 0); // −2.309…
 */
export function tangoStatistic(counts: PairedCounts, delta0: number): number {
  assertPairedCounts(counts);
  if (!(delta0 >= -1 && delta0 <= 1))
    throw new RangeError(`Expected \`delta0\` to be in [−1, 1], got ${String(delta0)}.`);
  return scoreStatistic(counts.n, counts.fixes, counts.regressions, delta0);
}

// The statistic without argument checks, for the root finding below.
function scoreStatistic(n: number, b: number, c: number, delta0: number): number {
  const numerator = b - c - n * delta0;
  if (n === 0) return 0;
  // q̃ solves 2n·q² + (−b − c + (2n − b + c)·δ0)·q − c·δ0·(1 − δ0) = 0 (the constrained likelihood).
  const quadB = -b - c + (2 * n - b + c) * delta0;
  const quadC = -c * delta0 * (1 - delta0);
  const discriminant = Math.max(0, quadB * quadB - 8 * n * quadC);
  const root = Math.sqrt(discriminant);
  // The stable form of the positive root when quadB > 0 (no cancellation of −quadB + root).
  const q = quadB > 0 ? (-2 * quadC) / (quadB + root) : (root - quadB) / (4 * n);
  const variance = n * (2 * q + delta0 * (1 - delta0));
  if (!(variance > 0)) return numerator === 0 ? 0 : numerator > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return numerator / Math.sqrt(variance);
}

/**
 * One-sided p-value of Tango's score test: 'less' tests H1: δ < δ0 (p = Φ(T)), 'greater' tests
 * H1: δ > δ0 (p = 1 − Φ(T)). Analytic: no resampling floor, however small.
 *
 * @throws {RangeError} when the counts are invalid or δ0 is outside [−1, 1].
 * @example
 * tangoPValue({ n: 1000, fixes: 20, regressions: 70 }, -0.02, 'less'); // small: the drop is beyond 2 pp
 */
export function tangoPValue(counts: PairedCounts, delta0: number, alternative: 'less' | 'greater'): number {
  const t = tangoStatistic(counts, delta0);
  return alternative === 'less' ? normalCdf(t) : normalCdf(-t);
}

/**
 * One-sided (1 − alpha) score confidence bound for δ: the δ0 at which the one-sided score test
 * stops rejecting, found by bisection on the monotone statistic (to 1e-12). 'lower' is the bound
 * the test of H0: δ <= δ0 is dual to; 'upper' the one for H0: δ >= δ0. Both stay inside [−1, 1].
 *
 * @throws {RangeError} when the counts are invalid or alpha is outside (0, 1).
 * @example
 * tangoBound({ n: 30, fixes: 0, regressions: 0 }, 'lower', 0.025); // −0.1135: thirty ties prove little
 */
export function tangoBound(counts: PairedCounts, side: 'lower' | 'upper', alpha: number): number {
  assertPairedCounts(counts);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`Expected \`alpha\` to be in (0, 1), got ${String(alpha)}.`);
  const { n, fixes, regressions } = counts;
  if (n === 0) return side === 'lower' ? -1 : 1;
  const z = normalQuantile(1 - alpha);
  const target = side === 'lower' ? z : -z;
  // T(δ0) − target is decreasing in δ0; the bound is its root, clamped to [−1, 1].
  let low = -1;
  let high = 1;
  if (scoreStatistic(n, fixes, regressions, low) <= target) return -1;
  if (scoreStatistic(n, fixes, regressions, high) >= target) return 1;
  for (let iteration = 0; iteration < 100 && high - low > 1e-12; iteration++) {
    const middle = (low + high) / 2;
    if (scoreStatistic(n, fixes, regressions, middle) > target) low = middle;
    else high = middle;
  }
  return side === 'lower' ? low : high;
}
