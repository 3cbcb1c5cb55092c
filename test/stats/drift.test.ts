import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  chiSquareGoodnessOfFit,
  chiSquareHomogeneity,
  ksTwoSample,
  populationStabilityIndex,
} from '../../src/stats/drift.ts';
import { chiSquareSurvival, kolmogorovSurvival } from '../../src/stats/drift-distributions.ts';
import { normalCdf } from '../../src/stats/normal.ts';
import { regularizedGammaQ } from '../../src/stats/special-functions.ts';

// Reference values from SciPy (scripts/reference-drift.py).
interface Fixture {
  gamma: [number, number, number][];
  chi2: [number, number, number][];
  normal: [number, number][];
  kolmogorov: [number, number][];
  ks: { a: number[]; b: number[]; statistic: number; p_value: number }[];
  homogeneity: { a: number[]; b: number[]; statistic: number; df: number; p_value: number; effect: number }[];
  goodness_of_fit: { observed: number[]; shares: number[]; statistic: number; p_value: number }[];
  psi: { expected: number[]; actual: number[]; psi: number }[];
}
const F = JSON.parse(readFileSync(new URL('../fixtures/stats/drift.json', import.meta.url), 'utf8')) as Fixture;

/** Relative closeness, with an absolute floor for values near zero. */
function expectClose(actual: number, expected: number, relative = 1e-10, absolute = 1e-300): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(absolute, relative * Math.abs(expected)));
}

describe('tail probabilities against SciPy', () => {
  it.each(F.gamma)('Q(%d, %d)', (a, x, q) => expectClose(regularizedGammaQ(a, x), q, 1e-11, 1e-15));
  it.each(F.chi2)('chi2.sf(%d, df %d)', (x, df, p) => expectClose(chiSquareSurvival(x, df), p, 1e-11, 1e-15));
  it.each(F.normal)('norm.cdf(%d)', (z, p) => expectClose(normalCdf(z), p, 1e-12, 1e-15));
  it.each(F.kolmogorov)('kolmogorov(%d)', (lambda, p) => expectClose(kolmogorovSurvival(lambda), p, 1e-9, 1e-14));
});

describe('drift tests against SciPy', () => {
  it.each(F.ks.map((c, i) => [i, c] as const))('KS two-sample, case %d', (_i, c) => {
    const result = ksTwoSample(Float64Array.from(c.a), Float64Array.from(c.b));
    expectClose(result.statistic, c.statistic, 1e-12);
    expectClose(result.p_value, c.p_value, 1e-8, 1e-14);
  });
  it.each(F.homogeneity.map((c, i) => [i, c] as const))('chi-square homogeneity, case %d', (_i, c) => {
    const result = chiSquareHomogeneity(c.a, c.b);
    expectClose(result.statistic, c.statistic, 1e-12);
    expect(result.df).toBe(c.df);
    expectClose(result.p_value, c.p_value, 1e-10, 1e-15);
    expectClose(result.effect, c.effect, 1e-12);
  });
  it.each(F.goodness_of_fit.map((c, i) => [i, c] as const))(
    'chi-square goodness of fit (sample-ratio mismatch), case %d',
    (_i, c) => {
      const result = chiSquareGoodnessOfFit(c.observed, c.shares);
      expectClose(result.statistic, c.statistic, 1e-12);
      expectClose(result.p_value, c.p_value, 1e-10, 1e-15);
    },
  );
  it.each(F.psi.map((c, i) => [i, c] as const))('PSI, case %d', (_i, c) =>
    expectClose(populationStabilityIndex(c.expected, c.actual), c.psi, 1e-12, 1e-15),
  );

  it('refuses inputs it cannot test', () => {
    expect(() => ksTwoSample(new Float64Array(0), Float64Array.of(1))).toThrow(RangeError);
    expect(() => populationStabilityIndex([1, 2], [1])).toThrow(RangeError);
    expect(() => chiSquareGoodnessOfFit([1, 2], [1, 0])).toThrow(RangeError);
    expect(chiSquareHomogeneity([5, 0], [3, 0])).toEqual({ statistic: 0, df: 0, p_value: 1, effect: 0 });
  });
});
