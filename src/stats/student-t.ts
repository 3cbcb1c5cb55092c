import { normalCdf, normalQuantile } from './normal.ts';
import { inverseRegularizedBeta, regularizedBeta } from './special-functions.ts';

// Beyond this many degrees of freedom Student's t is the normal to double precision in the
// quantiles gates use (the difference is below 1e-9 there).
const NORMAL_DF = 1e9;

/**
 * P(T <= t) for Student's t with `df` degrees of freedom (df may be fractional), through the
 * incomplete beta function: P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2). Keeps its relative precision
 * in either tail.
 *
 * @throws {RangeError} when `df` is not positive or `t` is NaN.
 * @example
 * studentTCdf(2.093024054408263, 19); // 0.975
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Expected \`df\` to be positive, got ${String(df)}.`);
  if (Number.isNaN(t)) throw new RangeError('Expected `t` to be a number, got NaN.');
  if (df >= NORMAL_DF) return normalCdf(t);
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t < 0 ? tail : 1 - tail;
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom, the inverse of `studentTCdf`.
 *
 * @throws {RangeError} when `df` is not positive or `p` is outside [0, 1].
 * @example
 * studentTQuantile(0.975, 19); // 2.093024054408263
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Expected \`df\` to be positive, got ${String(df)}.`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Expected \`p\` to be in [0, 1], got ${String(p)}.`);
  if (df >= NORMAL_DF) return normalQuantile(p);
  if (p === 0.5) return 0;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const tail = Math.min(p, 1 - p);
  // P(|T| > t) = 2·tail = I_x(df/2, 1/2) with x = df / (df + t²).
  const x = inverseRegularizedBeta(2 * tail, df / 2, 0.5);
  const magnitude = x === 0 ? Number.POSITIVE_INFINITY : Math.sqrt((df * (1 - x)) / x);
  return p < 0.5 ? -magnitude : magnitude;
}
