import { describe, expect, it } from 'vitest';
import { scoreInference } from '../../src/stats/delta-inference.ts';
import { tangoBound, tangoPValue, tangoStatistic } from '../../src/stats/paired-score.ts';
import { readFixture, relativeError } from './fixtures.ts';

interface TangoCase {
  n: number;
  fixes: number;
  regressions: number;
  statistic: { delta0: number; value: number }[];
  pValues: { delta0: number; less: number; greater: number }[];
  bounds: { alpha: number; lower: number; upper: number }[];
}

const { cases } = readFixture<{ cases: TangoCase[] }>('tango.json');

describe("Tango's score method against an independent numerical implementation (scipy.optimize)", () => {
  it.each(cases)('n=$n fixes=$fixes regressions=$regressions', (c) => {
    const counts = { n: c.n, fixes: c.fixes, regressions: c.regressions };
    // The reference maximises the constrained likelihood numerically (to ~1e-10 in q), the code
    // solves its quadratic: they agree to about 1e-7 in the statistic.
    for (const { delta0, value } of c.statistic)
      expect(Math.abs(tangoStatistic(counts, delta0) - value)).toBeLessThan(1e-6 * Math.max(1, Math.abs(value)));
    for (const { delta0, less, greater } of c.pValues) {
      expect(relativeError(tangoPValue(counts, delta0, 'less'), less, 1e-15)).toBeLessThan(1e-5);
      expect(relativeError(tangoPValue(counts, delta0, 'greater'), greater, 1e-15)).toBeLessThan(1e-5);
    }
    // Bounds: the reference's root finding on its numerical statistic is good to ~1e-8.
    for (const { alpha, lower, upper } of c.bounds) {
      expect(Math.abs(tangoBound(counts, 'lower', alpha) - lower)).toBeLessThan(1e-7);
      expect(Math.abs(tangoBound(counts, 'upper', alpha) - upper)).toBeLessThan(1e-7);
    }
  });
});

describe('score inference', () => {
  it('gives thirty ties an honest interval: z²/(n + z²) either side', () => {
    const ties = scoreInference({ n: 30, fixes: 0, regressions: 0 });
    const z = 1.959963984540054;
    expect(ties.lower(0.025)).toBeCloseTo(-(z * z) / (30 + z * z), 9);
    expect(ties.upper(0.025)).toBeCloseTo((z * z) / (30 + z * z), 9);
    expect(ties.estimate).toBe(0);
  });

  it('has p-values dual to its bounds', () => {
    const inference = scoreInference({ n: 800, fixes: 12, regressions: 31 });
    for (const alpha of [0.001, 0.02, 0.2]) {
      const upper = inference.upper(alpha);
      expect(inference.pBelow(upper + 1e-6)).toBeLessThan(alpha);
      expect(inference.pBelow(upper - 1e-6)).toBeGreaterThan(alpha);
      const lower = inference.lower(alpha);
      expect(inference.pAbove(lower - 1e-6)).toBeLessThan(alpha);
      expect(inference.pAbove(lower + 1e-6)).toBeGreaterThan(alpha);
    }
  });

  it.each([
    [{ n: 10, fixes: 6, regressions: 5 }],
    [{ n: -1, fixes: 0, regressions: 0 }],
    [{ n: 10, fixes: 1.5, regressions: 0 }],
  ])('rejects invalid counts %o', (counts) => {
    expect(() => tangoStatistic(counts, 0)).toThrow(RangeError);
  });

  it('rejects a level outside (0, 1) and a delta outside [−1, 1]', () => {
    expect(() => tangoBound({ n: 10, fixes: 1, regressions: 1 }, 'lower', 0)).toThrow(RangeError);
    expect(() => tangoStatistic({ n: 10, fixes: 1, regressions: 1 }, 1.5)).toThrow(RangeError);
  });
});
