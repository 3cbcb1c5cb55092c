import { describe, expect, it } from 'vitest';
import { bootstrapBounds, jackknifeAcceleration } from '../../src/stats/bootstrap-bca.ts';
import { bootstrapRatioOfRatios, type RatioPair } from '../../src/stats/bootstrap.ts';
import { createRng, type Rng } from '../../src/stats/rng.ts';
import { coverage, drawNormal, expectNominalCoverage } from './simulate.ts';

// Many simulated datasets with a known truth; on each a bootstrap with 1,000 resamples. Two-sided
// 95 % percentile intervals must cover within 3 Monte Carlo standard errors of 95 %
// (√(0.95·0.05/D)); the one-sided BCa bounds the cost gate decides with must miss at most α + 3·SE.
const LEVEL = 0.95;
const RESAMPLES = 1000;

const sum = (x: Float64Array): number => x.reduce((a, b) => a + b, 0);

/** (Σ cN/Σ cD)/(Σ pN/Σ pD) with each unit left out in turn, for the BCa acceleration. */
function leaveOneOut(data: RatioPair): Float64Array {
  const [pN, pD, cN, cD] = [
    sum(data.parentNumerator),
    sum(data.parentDenominator),
    sum(data.candidateNumerator),
    sum(data.candidateDenominator),
  ];
  return Float64Array.from(
    data.parentNumerator,
    (_, j) =>
      (cN - data.candidateNumerator[j]!) /
      (cD - data.candidateDenominator[j]!) /
      ((pN - data.parentNumerator[j]!) / (pD - data.parentDenominator[j]!)),
  );
}

// Cost per success: lognormal(0, 0.8) costs (skewness about 3), the candidate's ×lognormal(0.1, 0.2),
// successes 0.8 vs 0.78, per unit of `size` cases sharing an incident cost level when clustered.
function costData(rng: Rng, units: number, size: number): RatioPair {
  const pN = new Float64Array(units);
  const pD = new Float64Array(units);
  const cN = new Float64Array(units);
  const cD = new Float64Array(units);
  for (let j = 0; j < units; j++) {
    const level = size > 1 ? Math.exp(0.5 * drawNormal(rng)) : 1;
    for (let i = 0; i < size; i++) {
      const cost = level * Math.exp(0.8 * drawNormal(rng));
      pN[j]! += cost;
      cN[j]! += cost * Math.exp(0.1 + 0.2 * drawNormal(rng));
      pD[j]! += rng.nextFloat() < 0.8 ? 1 : 0;
      cD[j]! += rng.nextFloat() < 0.78 ? 1 : 0;
    }
  }
  return { parentNumerator: pN, parentDenominator: pD, candidateNumerator: cN, candidateDenominator: cD };
}

describe('one-sided BCa bounds of cost per success (what the cost gate decides with)', () => {
  const truth = Math.exp(0.1 + 0.02) / 0.78 / (1 / 0.8);
  it.each<[string, number, number, number]>([
    ['300 cases', 300, 1, 1200],
    ['60 incidents of 5 cases (cluster bootstrap)', 60, 5, 1200],
  ])('%s: the upper and lower bounds at 2 % each miss at most 2 %', (_name, units, size, datasets) => {
    const rng = createRng(units * 31 + size);
    let low = 0;
    let high = 0;
    for (let d = 0; d < datasets; d++) {
      const data = costData(rng, units, size);
      const result = bootstrapRatioOfRatios(data, { resamples: RESAMPLES, level: LEVEL, rng, keepSamples: true });
      const bounds = bootstrapBounds(result, jackknifeAcceleration(leaveOneOut(data)));
      if (bounds.lower(0.02) > truth) low++;
      if (bounds.upper(0.02) < truth) high++;
    }
    const limit = 0.02 + 3 * Math.sqrt((0.02 * 0.98) / datasets);
    expect(low / datasets).toBeLessThanOrEqual(limit);
    expect(high / datasets).toBeLessThanOrEqual(limit);
  });
});

describe('coverage of 95 % percentile intervals for ratios through the rescaled subsample', () => {
  it('cost-per-success ratio, n = 2,000, m = 250, 700 datasets', () => {
    const rng = createRng(106);
    const datasets = 700;
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
      const result = bootstrapRatioOfRatios(data, {
        resamples: RESAMPLES,
        level: LEVEL,
        rng,
        maxDrawsPerResample: 250,
      });
      expect(result.method).toBe('subsample');
      return result.interval;
    });
    expectNominalCoverage(observed, datasets);
  });
});
