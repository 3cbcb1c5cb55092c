import { Xoshiro128StarStar, type Rng } from './rng.ts';

// Below this mean the inversion loop is short; above it the transformed-rejection sampler is faster.
const INVERSION_MAX_MEAN = 10;
const LOG_FACTORIAL_TABLE_SIZE = 256;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
const INV_TWO_POW_53 = 1 / 9007199254740992;

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
// The squeeze accepts about 70-90 % of proposals, so the constants only the exact test needs (the
// log-odds and the log-mass at the mode, three logarithms) are computed on the first proposal that
// reaches it. With the package's own generator the uniforms are drawn from its state held in
// locals (the bootstrap draws hundreds of thousands of binomials): the same outputs in the same
// order as `nextFloat`, so both paths give the same draws.
function drawByTransformedRejection(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const fast = rng instanceof Xoshiro128StarStar;
  let s0 = fast ? rng.s0 : 0;
  let s1 = fast ? rng.s1 : 0;
  let s2 = fast ? rng.s2 : 0;
  let s3 = fast ? rng.s3 : 0;
  let alpha = 0;
  let logOdds = 0;
  let mode = -1;
  let logModeMass = 0;
  for (;;) {
    let u: number;
    let v: number;
    if (fast) {
      // Four xoshiro128** steps: two 53-bit floats, high word first, as nextFloat builds them.
      let t0 = s0;
      let t1 = s1;
      let t2 = s2 ^ t0;
      let t3 = s3 ^ t1;
      let x = Math.imul(t1, 5);
      const w0 = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      s1 = t1 ^ t2;
      s0 = t0 ^ t3;
      s2 = t2 ^ (t1 << 9);
      s3 = (t3 << 11) | (t3 >>> 21);
      t0 = s0;
      t1 = s1;
      t2 = s2 ^ t0;
      t3 = s3 ^ t1;
      x = Math.imul(t1, 5);
      const w1 = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      s1 = t1 ^ t2;
      s0 = t0 ^ t3;
      s2 = t2 ^ (t1 << 9);
      s3 = (t3 << 11) | (t3 >>> 21);
      t0 = s0;
      t1 = s1;
      t2 = s2 ^ t0;
      t3 = s3 ^ t1;
      x = Math.imul(t1, 5);
      const w2 = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      s1 = t1 ^ t2;
      s0 = t0 ^ t3;
      s2 = t2 ^ (t1 << 9);
      s3 = (t3 << 11) | (t3 >>> 21);
      t0 = s0;
      t1 = s1;
      t2 = s2 ^ t0;
      t3 = s3 ^ t1;
      x = Math.imul(t1, 5);
      const w3 = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      s1 = t1 ^ t2;
      s0 = t0 ^ t3;
      s2 = t2 ^ (t1 << 9);
      s3 = (t3 << 11) | (t3 >>> 21);
      u = ((w0 >>> 5) * 67108864 + (w1 >>> 6)) * INV_TWO_POW_53 - 0.5;
      v = ((w2 >>> 5) * 67108864 + (w3 >>> 6)) * INV_TWO_POW_53;
    } else {
      u = rng.nextFloat() - 0.5;
      v = rng.nextFloat();
    }
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return done(rng, fast, s0, s1, s2, s3, k);
    if (mode < 0) {
      alpha = (2.83 + 5.1 / b) * spq;
      logOdds = Math.log(p / q);
      mode = Math.floor((n + 1) * p);
      logModeMass = logFactorial(mode) + logFactorial(n - mode);
    }
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= logModeMass - logFactorial(k) - logFactorial(n - k) + (k - mode) * logOdds)
      return done(rng, fast, s0, s1, s2, s3, k);
  }
}

// Writes the generator state back from the locals and returns the draw.
function done(rng: Rng, fast: boolean, s0: number, s1: number, s2: number, s3: number, k: number): number {
  if (fast) {
    const state = rng as Xoshiro128StarStar;
    state.s0 = s0;
    state.s1 = s1;
    state.s2 = s2;
    state.s3 = s3;
  }
  return k;
}
