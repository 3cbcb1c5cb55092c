// Coverage of the one-sided bounds the quality and safety gates decide with, by seeded simulation
// from a known truth. A (1 − α) one-sided bound misses the truth at most α of the time; with D
// datasets the observed miss rate has Monte Carlo standard error √(α(1 − α)/D), and each claim is
// asserted as miss ≤ α + 3·SE. Datasets are drawn as sufficient statistics (pattern counts, or
// cluster totals), so tens of thousands take a second.
import { describe, expect, it } from 'vitest';
import { scoreInference, studentizedInference, cautiousInference } from '../../src/stats/delta-inference.ts';
import { drawBinomial } from '../../src/stats/binomial.ts';
import { studentizeDelta } from '../../src/stats/studentized-delta.ts';
import { createRng, type Rng } from '../../src/stats/rng.ts';
import { drawNormal } from './simulate.ts';

const missLimit = (alpha: number, datasets: number): number => alpha + 3 * Math.sqrt((alpha * (1 - alpha)) / datasets);

// Fixes and regressions among n pairs at rates giving the true delta δ with discordance ψ.
function drawPaired(
  rng: Rng,
  n: number,
  psi: number,
  delta: number,
): { n: number; fixes: number; regressions: number } {
  const regressions = drawBinomial(rng, n, (psi - delta) / 2);
  const fixes = drawBinomial(rng, n - regressions, (psi + delta) / 2 / (1 - (psi - delta) / 2));
  return { n, fixes, regressions };
}

describe("Tango's score bounds (unclustered binary deltas)", () => {
  // The pass test's level at look 1 (2 %) and a fail test's share of the budget (0.5 %).
  it.each<[number, number, number, number]>([
    [200, 0.06, -0.02, 0.02],
    [1000, 0.06, -0.02, 0.02],
    [500, 0.2, -0.05, 0.02],
    [300, 0.1, 0, 0.005],
    [5000, 0.05, -0.02, 0.005],
  ])('n = %i, ψ = %f, δ = %f: each one-sided bound at α = %f misses at most α', (n, psi, delta, alpha) => {
    const datasets = 20_000;
    const rng = createRng(Math.round(n * 7 + psi * 1000 + alpha * 1e5));
    let lowMiss = 0;
    let highMiss = 0;
    for (let d = 0; d < datasets; d++) {
      const inference = scoreInference(drawPaired(rng, n, psi, delta));
      if (inference.lower(alpha) > delta) lowMiss++;
      if (inference.upper(alpha) < delta) highMiss++;
    }
    expect(lowMiss / datasets).toBeLessThanOrEqual(missLimit(alpha, datasets));
    expect(highMiss / datasets).toBeLessThanOrEqual(missLimit(alpha, datasets));
  });

  it('a saturated suite of 30 never shows a 5 pp drop to be within a 2 pp margin', () => {
    const rng = createRng(5);
    for (let d = 0; d < 2000; d++) {
      const inference = scoreInference(drawPaired(rng, 30, 0.05, -0.05));
      expect(inference.lower(0.02)).toBeLessThan(-0.02);
    }
  });
});

describe('cluster-robust t bounds (clustered deltas)', () => {
  // K incidents of m cases; each incident's regress/fix rates tilt together by exp(±s − σ²/2),
  // s ~ N(0, σ²) with σ = 0.5, so the expected delta is δ (incidents that move together). Under a
  // stronger tilt (σ = 0.8) the cluster totals are skewed enough that the pass side misses a little
  // more than α (2.3–2.6 % at 2 %, docs/statistics.md); that is not asserted here.
  const SD = 0.5;
  function clusteredCounts(
    rng: Rng,
    k: number,
    m: number,
    psi: number,
    delta: number,
  ): { totals: Float64Array; sizes: Float64Array; pooled: { n: number; fixes: number; regressions: number } } {
    const totals = new Float64Array(k);
    const sizes = new Float64Array(k).fill(m);
    let fixes = 0;
    let regressions = 0;
    for (let j = 0; j < k; j++) {
      const s = SD * drawNormal(rng);
      const regress = Math.min(0.45, ((psi - delta) / 2) * Math.exp(s - (SD * SD) / 2));
      const fix = Math.min(0.45, ((psi + delta) / 2) * Math.exp(-s - (SD * SD) / 2));
      const r = drawBinomial(rng, m, regress);
      const f = drawBinomial(rng, m - r, fix / (1 - regress));
      totals[j] = f - r;
      fixes += f;
      regressions += r;
    }
    return { totals, sizes, pooled: { n: k * m, fixes, regressions } };
  }

  it.each<[number, number, number]>([
    [20, 10, 0.02],
    [40, 25, 0.02],
    [30, 50, 0.005],
  ])(
    '%i incidents of %i: both bounds the gates use miss at most α = %f, where the pooled score bound would not',
    (k, m, alpha) => {
      const datasets = 6000;
      const rng = createRng(k * 100 + m);
      const psi = 0.1;
      const delta = -0.02;
      let cautiousMiss = 0;
      let cautiousHigh = 0;
      let pooledMiss = 0;
      for (let d = 0; d < datasets; d++) {
        const { totals, sizes, pooled } = clusteredCounts(rng, k, m, psi, delta);
        const score = scoreInference(pooled);
        const inference = cautiousInference(score, studentizedInference(studentizeDelta({ totals, sizes })));
        if (inference.lower(alpha) > delta) cautiousMiss++;
        if (inference.upper(alpha) < delta) cautiousHigh++;
        if (score.lower(alpha) > delta) pooledMiss++;
      }
      expect(cautiousMiss / datasets).toBeLessThanOrEqual(missLimit(alpha, datasets));
      expect(cautiousHigh / datasets).toBeLessThanOrEqual(missLimit(alpha, datasets));
      // Ignoring the incidents misses more often than α allows: that is what clustering costs.
      expect(pooledMiss / datasets).toBeGreaterThan(missLimit(alpha, datasets));
    },
  );

  it('continuous deltas in 25 clusters of 8: both one-sided t bounds at 2 % miss at most 2 %', () => {
    const datasets = 6000;
    const rng = createRng(77);
    let low = 0;
    let high = 0;
    for (let d = 0; d < datasets; d++) {
      const totals = new Float64Array(25);
      const sizes = new Float64Array(25).fill(8);
      for (let j = 0; j < 25; j++) {
        const effect = 0.1 * drawNormal(rng);
        for (let i = 0; i < 8; i++) totals[j]! += -0.01 + effect + 0.2 * drawNormal(rng);
      }
      const inference = studentizedInference(studentizeDelta({ totals, sizes }));
      if (inference.lower(0.02) > -0.01) low++;
      if (inference.upper(0.02) < -0.01) high++;
    }
    expect(low / datasets).toBeLessThanOrEqual(missLimit(0.02, datasets));
    expect(high / datasets).toBeLessThanOrEqual(missLimit(0.02, datasets));
  });
});
