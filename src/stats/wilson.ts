import { assertLevel, type Interval } from './interval.ts';
import { normalQuantile } from './normal.ts';

/**
 * Wilson score interval for a binomial proportion (the formula statsmodels' `proportion_confint`
 * uses for method 'wilson'), clamped to [0, 1] against rounding. With no trials it is [0, 1]:
 * nothing is known.
 *
 * @throws {RangeError} when `n` is not a non-negative safe integer, `successes` is not an integer in
 * [0, n], or `level` is outside (0, 1).
 * @example
 * wilsonInterval(8, 10, 0.95); // { lower: 0.4901…, upper: 0.9433…, level: 0.95 }
 */
export function wilsonInterval(successes: number, n: number, level: number): Interval {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Expected \`n\` to be a non-negative safe integer, got ${String(n)}.`);
  }
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`Expected \`successes\` to be an integer in [0, ${n}], got ${String(successes)}.`);
  }
  assertLevel(level);
  if (n === 0) return { lower: 0, upper: 1, level };
  const z = normalQuantile((1 + level) / 2);
  const zSquared = z * z;
  const proportion = successes / n;
  const shrink = 1 + zSquared / n;
  const centre = (proportion + zSquared / (2 * n)) / shrink;
  const halfWidth = (z * Math.sqrt((proportion * (1 - proportion)) / n + zSquared / (4 * n * n))) / shrink;
  return {
    lower: Math.max(0, centre - halfWidth),
    upper: Math.min(1, centre + halfWidth),
    level,
  };
}
