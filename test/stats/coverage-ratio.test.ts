import { describe, expect, it } from 'vitest';
import { bootstrapRatioOfRatios } from '../../src/stats/bootstrap.ts';
import { createRng } from '../../src/stats/rng.ts';
import { coverage, drawNormal, expectNominalCoverage } from './simulate.ts';

// Same design as coverage-delta.test.ts: 95 % percentile intervals with 1,000 resamples on many
// simulated datasets with a known truth; 3 Monte Carlo standard errors of tolerance around 95 %.
const LEVEL = 0.95;
const RESAMPLES = 1000;


describe('coverage of 95 % percentile intervals for ratios', () => {
  it('cost-per-success ratio through the rescaled subsample (n = 2,000, m = 250), 1,000 datasets', () => {
    const rng = createRng(106);
    const datasets = 1000;
    const n = 2000;
    // Parent cost ~ Exp(1), candidate cost = parent·U(0.9, 1.3) (mean 1.1); success 0.8 vs 0.75.
    const truth = 1.1 / 0.75 / (1 / 0.8);
    const observed = coverage(datasets, truth, () => {
      const parentNumerator = Float64Array.from({ length: n }, () => -Math.log(1 - rng.nextFloat()));
      const data = {
        parentNumerator,
        parentDenominator: Float64Array.from({ length: n }, () => (rng.nextFloat() < 0.8 ? 1 : 0)),
        candidateNumerator: parentNumerator.map((cost) => cost * (0.9 + 0.4 * rng.nextFloat())),
        candidateDenominator: Float64Array.from({ length: n }, () => (rng.nextFloat() < 0.75 ? 1 : 0)),
      };
      const result = bootstrapRatioOfRatios(data, { resamples: RESAMPLES, level: LEVEL, rng, maxDrawsPerResample: 250 });
      expect(result.method).toBe('subsample');
      return result.interval;
    });
    expectNominalCoverage(observed, datasets);
  });

  it('heavy-tailed costs through a small subsample (n = 10,000, m = 500), 1,000 datasets', () => {
    // Lognormal costs with σ = 1 (skewness 6), m = 500 of 10,000 draws: more skew per draw and a
    // smaller m than the default m = 2,000 meets on real suites, so a harder test of the rescaling.
    // Candidate cost = parent cost·lognormal(0.1, 0.3); success 0.8 vs 0.78, independent of cost.
    const rng = createRng(110);
    const datasets = 1000;
    const n = 10_000;
    const costRatio = Math.exp(0.1 + 0.3 ** 2 / 2);
    const truth = costRatio / 0.78 / (1 / 0.8);
    const observed = coverage(datasets, truth, () => {
      const parentNumerator = Float64Array.from({ length: n }, () => Math.exp(drawNormal(rng)));
      const data = {
        parentNumerator,
        parentDenominator: Float64Array.from({ length: n }, () => (rng.nextFloat() < 0.8 ? 1 : 0)),
        candidateNumerator: parentNumerator.map((cost) => cost * Math.exp(0.1 + 0.3 * drawNormal(rng))),
        candidateDenominator: Float64Array.from({ length: n }, () => (rng.nextFloat() < 0.78 ? 1 : 0)),
      };
      const result = bootstrapRatioOfRatios(data, { resamples: RESAMPLES, level: LEVEL, rng, maxDrawsPerResample: 500 });
      expect(result.method).toBe('subsample');
      return result.interval;
    });
    expectNominalCoverage(observed, datasets);
  });
});
