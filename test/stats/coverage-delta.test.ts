import { describe, expect, it } from 'vitest';
import { drawBinomial } from '../../src/stats/binomial.ts';
import {
  bootstrapBinaryDelta,
  bootstrapClusteredBinaryDelta,
  bootstrapMeanDelta,
  type DeltaCounts,
} from '../../src/stats/bootstrap.ts';
import { createRng, type Rng } from '../../src/stats/rng.ts';
import { coverage, drawNormal, expectNominalCoverage } from './simulate.ts';

// Each test simulates many datasets with a known true value, builds a 95 % percentile interval on
// each (1,000 resamples, enough for the interval's own Monte Carlo noise to cost < 0.3 pp of
// coverage) and counts how often the truth is inside. With D datasets the coverage estimate has
// standard error √(0.95·0.05/D): 0.49 pp for 2,000 and 0.69 pp for 1,000. Assertions allow 3 such
// standard errors around 95 %. The percentile bootstrap itself undercovers slightly at small n
// (about n⁻¹ in coverage error for a mean), which is why n >= 200 everywhere. Seeds are fixed, so
// each run is the same run.
const LEVEL = 0.95;
const RESAMPLES = 1000;


// Per-case delta −1 / 0 / +1 with the given probabilities of −1 and +1.
function drawDeltaCounts(rng: Rng, n: number, minusProbability: number, plusProbability: number): DeltaCounts {
  const minus = drawBinomial(rng, n, minusProbability);
  const plus = drawBinomial(rng, n - minus, plusProbability / (1 - minusProbability));
  return { minus, zero: n - minus - plus, plus };
}

describe('coverage of 95 % percentile intervals for deltas', () => {
  it('binary paired delta, n = 200, 2,000 datasets', () => {
    const rng = createRng(101);
    const datasets = 2000;
    const observed = coverage(datasets, 0.06 - 0.1, () =>
      bootstrapBinaryDelta(drawDeltaCounts(rng, 200, 0.1, 0.06), { resamples: RESAMPLES, level: LEVEL, rng }).interval,
    );
    expectNominalCoverage(observed, datasets);
  });

  it('continuous mean delta (index resampling), n = 200, 2,000 datasets', () => {
    const rng = createRng(102);
    const datasets = 2000;
    // Difference of two averaged uniform scores plus a shift: symmetric, bounded, true mean 0.02.
    const draw = (): number => (rng.nextFloat() + rng.nextFloat() - rng.nextFloat() - rng.nextFloat()) / 2 + 0.02;
    const observed = coverage(datasets, 0.02, () => {
      const result = bootstrapMeanDelta(Float64Array.from({ length: 200 }, draw), { resamples: RESAMPLES, level: LEVEL, rng });
      expect(result.method).toBe('index');
      return result.interval;
    });
    expectNominalCoverage(observed, datasets);
  });

  it('continuous mean delta through the rescaled subsample (n = 4,000, m = 400), skewed deltas, 1,000 datasets', () => {
    // Above DEFAULT_MEAN_MAX_DRAWS cases the mean's interval comes from m-out-of-n draws rescaled by
    // √(m/n). Here n/m = 10, as the default gives at 100,000 cases, and the deltas are strongly skewed
    // (0.3·(Exp(1) − 1) + 0.02: skewness 2, true mean 0.02), the case where a subsample's extra
    // skewness would show first.
    const rng = createRng(109);
    const datasets = 1000;
    const observed = coverage(datasets, 0.02, () => {
      const deltas = Float64Array.from({ length: 4000 }, () => 0.3 * (-Math.log(1 - rng.nextFloat()) - 1) + 0.02);
      const result = bootstrapMeanDelta(deltas, { resamples: RESAMPLES, level: LEVEL, rng, maxDrawsPerResample: 400 });
      expect(result.method).toBe('subsample');
      return result.interval;
    });
    expectNominalCoverage(observed, datasets);
  });

  it('judge-score mean delta on an 11-point grid (multinomial path), n = 400, 1,000 datasets', () => {
    const rng = createRng(103);
    const datasets = 1000;
    // Parent and candidate scores uniform on {0, 0.1, …, 1}, candidate nudged up one step w.p. 0.2:
    // the true mean delta is 0.1·0.2 minus the mass pushed past 1 (0.1·0.2/11), i.e. 0.02·10/11.
    const draw = (): number => {
      const parent = rng.nextInt(11);
      const candidate = Math.min(10, rng.nextInt(11) + (rng.nextFloat() < 0.2 ? 1 : 0));
      return (candidate - parent) / 10;
    };
    const observed = coverage(datasets, (0.02 * 10) / 11, () => {
      const result = bootstrapMeanDelta(Float64Array.from({ length: 400 }, draw), { resamples: RESAMPLES, level: LEVEL, rng });
      expect(result.method).toBe('multinomial');
      return result.interval;
    });
    expectNominalCoverage(observed, datasets);
  });

  it('clustered binary delta covers (>= 93 %) where the unclustered one on the same data does not', () => {
    const rng = createRng(104);
    const datasets = 1000;
    const clusterCount = 60;
    // Half the clusters (incidents) regress often, half rarely: strong within-cluster correlation.
    // With equal cluster sizes the true delta is the average of the cluster means: 0.10 − 0.16.
    const truth = 0.1 - 0.16;
    let clusteredCovered = 0;
    let unclusteredCovered = 0;
    for (let dataset = 0; dataset < datasets; dataset++) {
      const clusters = Array.from({ length: clusterCount }, () => {
        const regress = rng.nextFloat() < 0.5 ? 0.02 : 0.3;
        const fix = rng.nextFloat() < 0.5 ? 0.05 : 0.15;
        return drawDeltaCounts(rng, 10, regress, fix);
      });
      const totals = clusters.reduce((sum, c) => ({ minus: sum.minus + c.minus, zero: sum.zero + c.zero, plus: sum.plus + c.plus }));
      const clustered = bootstrapClusteredBinaryDelta(clusters, { resamples: RESAMPLES, level: LEVEL, rng }).interval;
      const unclustered = bootstrapBinaryDelta(totals, { resamples: RESAMPLES, level: LEVEL, rng }).interval;
      if (clustered.lower <= truth && truth <= clustered.upper) clusteredCovered++;
      if (unclustered.lower <= truth && truth <= unclustered.upper) unclusteredCovered++;
    }
    // 60 clusters: the cluster bootstrap's variance is low by (k−1)/k and 3 SE (2.1 pp) of Monte
    // Carlo error remain, so >= 93 % is the honest bar. Ignoring clusters should miss visibly.
    expect(clusteredCovered / datasets).toBeGreaterThanOrEqual(0.93);
    expect(unclusteredCovered / datasets).toBeLessThan(0.9);
  });

  it('continuous clustered mean delta, 80 clusters of 5, 1,000 datasets', () => {
    const rng = createRng(105);
    const datasets = 1000;
    const clusters = Int32Array.from({ length: 400 }, (_, i) => Math.floor(i / 5));
    const observed = coverage(datasets, 0.03, () => {
      const effects = Array.from({ length: 80 }, () => 0.2 * drawNormal(rng));
      const deltas = Float64Array.from(clusters, (cluster) => 0.03 + effects[cluster]! + 0.1 * drawNormal(rng));
      return bootstrapMeanDelta(deltas, { resamples: RESAMPLES, level: LEVEL, rng }, clusters).interval;
    });
    expect(observed).toBeGreaterThanOrEqual(0.93);
  });
});
