import { logFactorial } from './binomial.ts';

/** Exact McNemar test on the discordant pairs of a paired binary comparison. */
export interface McNemarResult {
  /** Discordant pairs that went fail → pass (fixes). */
  readonly b: number;
  /** Discordant pairs that went pass → fail (regressions). */
  readonly c: number;
  readonly pValue: number;
}

/**
 * Exact McNemar test: conditional on b + c discordant pairs, c ~ Binomial(b + c, 1/2) under H0.
 * 'two-sided' tests b ≠ c (doubling the smaller tail, capped at 1, as scipy's `binomtest` does for
 * p = 1/2); 'greater' tests H1: c > b, more regressions than fixes, with p = P(C >= c).
 * No discordant pairs gives p = 1.
 *
 * @throws {RangeError} when `b` or `c` is not a non-negative safe integer.
 * @example
 * mcnemarExact(2, 10, 'greater').pValue; // 0.019287109375
 */
export function mcnemarExact(b: number, c: number, alternative: 'two-sided' | 'greater'): McNemarResult {
  for (const [name, value] of [
    ['b', b],
    ['c', c],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`Expected \`${name}\` to be a non-negative safe integer, got ${String(value)}.`);
    }
  }
  const discordant = b + c;
  let pValue: number;
  if (alternative === 'greater') {
    // P(C >= c) = P(B <= b) by the symmetry of Binomial(n, 1/2).
    pValue = halfBinomialLowerTail(b, discordant);
  } else if (b === c) {
    pValue = 1;
  } else {
    pValue = Math.min(1, 2 * halfBinomialLowerTail(Math.min(b, c), discordant));
  }
  return { b, c, pValue };
}

// P(X <= k) for X ~ Binomial(n, 1/2), summing the mass from k downwards so small tails keep their
// relative precision.
function halfBinomialLowerTail(k: number, n: number): number {
  if (k >= n) return 1;
  let term = Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) - n * Math.LN2);
  let sum = term;
  for (let i = k; i > 0; i--) {
    term *= i / (n - i + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.min(1, sum);
}
