import type { Rng } from './rng.ts';

// Below this mean the inversion loop is short; above it the transformed-rejection sampler is faster.
const INVERSION_MAX_MEAN = 10;
const LOG_FACTORIAL_TABLE_SIZE = 256;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

const logFactorialTable = ((): Float64Array => {
  const table = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
  for (let k = 2; k < LOG_FACTORIAL_TABLE_SIZE; k++) table[k] = table[k - 1]! + Math.log(k);
  return table;
})();

/**
 * log(k!) for a non-negative integer k: a table below 256, Stirling's series with three correction
 * terms above (relative error below 1e-15 there).
 *
 * @example
 * logFactorial(5); // Math.log(120)
 */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE_SIZE) return logFactorialTable[k]!;
  const inverse = 1 / k;
  const inverseSquared = inverse * inverse;
  const series = inverse * (1 / 12 - inverseSquared * (1 / 360 - inverseSquared / 1260));
  return (k + 0.5) * Math.log(k) - k + HALF_LOG_TWO_PI + series;
}

/**
 * Draws from Binomial(n, p) exactly: inversion when n·min(p, 1−p) < 10, otherwise Hörmann's BTRS
 * transformed rejection with squeeze, whose expected cost does not grow with n.
 *
 * @throws {RangeError} when `n` is not a non-negative safe integer or `p` is not in [0, 1].
 * @example
 * sampleBinomial(createRng(1), 100_000, 0.03); // about 3000
 */
export function sampleBinomial(rng: Rng, n: number, p: number): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Expected \`n\` to be a non-negative safe integer, got ${String(n)}.`);
  }
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`Expected \`p\` to be a probability in [0, 1], got ${String(p)}.`);
  }
  return drawBinomial(rng, n, p);
}

/** `sampleBinomial` without the argument checks, for loops whose arguments are valid by construction. */
export function drawBinomial(rng: Rng, n: number, p: number): number {
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - drawBinomialLowP(rng, n, 1 - p);
  return drawBinomialLowP(rng, n, p);
}

function drawBinomialLowP(rng: Rng, n: number, p: number): number {
  return n * p < INVERSION_MAX_MEAN ? drawByInversion(rng, n, p) : drawByTransformedRejection(rng, n, p);
}

// Walks the probability mass function from 0; expected n·p + 1 steps.
function drawByInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const odds = p / q;
  const scaled = (n + 1) * odds;
  const massAtZero = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let u = rng.nextFloat();
    let mass = massAtZero;
    let k = 0;
    while (u > mass) {
      u -= mass;
      k++;
      mass *= scaled / k - odds;
      // Rounding can leave u above the whole remaining mass; start again rather than return k > n.
      if (k > n || mass <= 0) break;
    }
    if (u <= mass && k <= n) return k;
  }
}

// W. Hörmann (1993), "The generation of binomial random variates", algorithm BTRS; p <= 0.5, n·p >= 10.
function drawByTransformedRejection(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const logOdds = Math.log(p / q);
  const mode = Math.floor((n + 1) * p);
  const logModeMass = logFactorial(mode) + logFactorial(n - mode);
  for (;;) {
    const u = rng.nextFloat() - 0.5;
    let v = rng.nextFloat();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= logModeMass - logFactorial(k) - logFactorial(n - k) + (k - mode) * logOdds) return k;
  }
}
