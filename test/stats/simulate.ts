import { expect } from 'vitest';
import type { Rng } from '../../src/stats/rng.ts';
import { inverseRegularizedBeta } from '../../src/stats/special-functions.ts';

/** A standard normal draw by Box–Muller (one of the pair; simplicity over speed). */
export function drawNormal(rng: Rng): number {
  const u = 1 - rng.nextFloat();
  const v = rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Fraction of `datasets` simulated intervals that contain `truth`. */
export function coverage(
  datasets: number,
  truth: number,
  intervalOf: (dataset: number) => { lower: number; upper: number },
): number {
  let covered = 0;
  for (let dataset = 0; dataset < datasets; dataset++) {
    const { lower, upper } = intervalOf(dataset);
    if (lower <= truth && truth <= upper) covered++;
  }
  return covered / datasets;
}

/** Monte Carlo standard error of a coverage estimate near `p` from `datasets` simulations. */
export function coverageStandardError(datasets: number, p = 0.95): number {
  return Math.sqrt((p * (1 - p)) / datasets);
}

/**
 * Asserts a 95 % interval's observed coverage is within 3 Monte Carlo standard errors of 95 %:
 * a correct method fails this with probability about 0.3 %, and the seeds are fixed.
 */
export function expectNominalCoverage(observed: number, datasets: number): void {
  const tolerance = 3 * coverageStandardError(datasets);
  expect(observed).toBeGreaterThan(0.95 - tolerance);
  expect(observed).toBeLessThan(0.95 + tolerance);
}

/**
 * Exact (Clopper–Pearson) two-sided interval for a binomial rate from `hits` of `runs`, for claims
 * about simulated rates that come out at 0 or 1, where a normal-approximation error is useless.
 */
export function clopperPearson(hits: number, runs: number, level: number): { lower: number; upper: number } {
  const tail = (1 - level) / 2;
  return {
    lower: hits === 0 ? 0 : inverseRegularizedBeta(tail, hits, runs - hits + 1),
    upper: hits === runs ? 1 : inverseRegularizedBeta(1 - tail, hits + 1, runs - hits),
  };
}
