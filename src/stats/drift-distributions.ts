/**
 * Tail probabilities the drift and split tests need: the regularised upper incomplete gamma
 * function (chi-square survival, and through it the normal CDF) and the Kolmogorov distribution.
 * Checked against SciPy in test/telemetry (fixture from scripts/reference-drift.py).
 */

// Lanczos approximation (g = 7, n = 9), relative error about 1e-15 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/** log Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`Expected \`x\` to be positive, got ${String(x)}.`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Q(a, x) = Γ(a, x)/Γ(a), the regularised upper incomplete gamma function: by its series below
 * x < a + 1 and by Lentz's continued fraction above, where each converges fast.
 *
 * @throws {RangeError} when `a` is not positive or `x` is negative.
 * @example
 * upperGammaRegularised(1, 2); // e^−2 ≈ 0.1353
 */
export function upperGammaRegularised(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`Expected \`a\` to be positive, got ${String(a)}.`);
  if (!(x >= 0)) throw new RangeError(`Expected \`x\` to be non-negative, got ${String(x)}.`);
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 10_000; k++) {
      term *= x / (a + k);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - Math.exp(logPrefix) * sum);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, Math.exp(logPrefix) * h);
}

/**
 * P(X ≥ x) for a chi-square variable with `df` degrees of freedom.
 *
 * @example
 * chiSquareSurvival(3.841458820694124, 1); // 0.05
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Expected \`df\` to be positive, got ${String(df)}.`);
  return x <= 0 ? 1 : upperGammaRegularised(df / 2, x / 2);
}

/**
 * The standard normal CDF Φ(z), through Φ(−|z|) = Q(½, z²/2)/2 so both tails keep full relative
 * precision.
 *
 * @example
 * normalCdf(1.959963984540054); // 0.975
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const tail = 0.5 * upperGammaRegularised(0.5, (z * z) / 2);
  return z < 0 ? tail : 1 - tail;
}

/**
 * P(K > λ) for the Kolmogorov distribution: 2 Σ (−1)^(k−1) e^(−2k²λ²), and 1 − √(2π)/λ Σ
 * e^(−(2k−1)²π²/(8λ²)) for small λ where the alternating series converges slowly.
 *
 * @example
 * kolmogorovSurvival(1.3580986393225505); // ≈ 0.05
 */
export function kolmogorovSurvival(lambda: number): number {
  if (!(lambda > 0)) return 1;
  if (lambda < 1) {
    let sum = 0;
    for (let k = 1; k <= 20; k++) sum += Math.exp((-((2 * k - 1) ** 2) * Math.PI * Math.PI) / (8 * lambda * lambda));
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum));
  }
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}
