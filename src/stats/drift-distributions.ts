/**
 * Tail probabilities the drift and split tests need: chi-square survival (through the regularised
 * upper incomplete gamma function of special-functions.ts) and the Kolmogorov distribution.
 * Checked against SciPy in test/telemetry (fixture from scripts/reference-drift.py).
 */
import { regularizedGammaQ } from './special-functions.ts';

/**
 * P(X ≥ x) for a chi-square variable with `df` degrees of freedom.
 *
 * @example
 * chiSquareSurvival(3.841458820694124, 1); // 0.05
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Expected \`df\` to be positive, got ${String(df)}.`);
  return x <= 0 ? 1 : regularizedGammaQ(df / 2, x / 2);
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
