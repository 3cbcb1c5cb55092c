import { describe, expect, it } from 'vitest';
import { bootstrapRatioOfRatios } from '../../src/stats/bootstrap.ts';
import { createRng } from '../../src/stats/rng.ts';
import { coverage, expectNominalCoverage } from './simulate.ts';

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
});
