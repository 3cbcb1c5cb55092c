import { describe, expect, it } from 'vitest';
import { exactBinomialInference, inferRate, wilsonInference } from '../../src/stats/rate-inference.ts';
import { readFixture } from './fixtures.ts';

interface Bound {
  readonly alpha: number;
  readonly lower: number;
  readonly upper: number;
}
interface Method {
  readonly pBelow: number;
  readonly pAbove: number;
  readonly bounds: readonly Bound[];
}
interface RateCase {
  readonly successes: number;
  readonly n: number;
  readonly threshold: number;
  readonly wilson: Method;
  readonly exact: Method;
}

const { cases } = readFixture<{ cases: RateCase[] }>('rate.json');

describe('rate inference against scipy (scripts/reference-rates.py)', () => {
  it.each(cases)('$successes of $n against $threshold', (c) => {
    for (const [inference, expected] of [
      [wilsonInference(c.successes, c.n), c.wilson],
      [exactBinomialInference(c.successes, c.n), c.exact],
    ] as const) {
      expect(inference.pBelow(c.threshold)).toBeCloseTo(expected.pBelow, 9);
      expect(inference.pAbove(c.threshold)).toBeCloseTo(expected.pAbove, 9);
      for (const bound of expected.bounds) {
        expect(inference.lower(bound.alpha)).toBeCloseTo(bound.lower, 8);
        expect(inference.upper(bound.alpha)).toBeCloseTo(bound.upper, 8);
      }
    }
  });

  it('keeps each p-value and bound consistent: pBelow(x) <= α exactly when upper(α) < x', () => {
    for (const c of cases) {
      for (const inference of [wilsonInference(c.successes, c.n), exactBinomialInference(c.successes, c.n)]) {
        for (const alpha of [0.0036, 0.02, 0.1]) {
          const upper = inference.upper(alpha);
          if (upper >= 1) continue;
          expect(inference.pBelow(upper + 1e-9)).toBeLessThanOrEqual(alpha + 1e-9);
          if (upper > 1e-6) expect(inference.pBelow(upper - 1e-6)).toBeGreaterThan(alpha);
        }
      }
    }
  });
});

describe('inferRate', () => {
  it('uses the more cautious of Wilson and the exact test on 0/1 outcomes, Wilson on trial-averaged ones', () => {
    const binary = inferRate(Float64Array.from({ length: 100 }, (_, i) => (i < 90 ? 1 : 0)));
    expect(binary.method).toBe('wilson+exact');
    expect(binary.lower(0.025)).toBeCloseTo(
      Math.min(wilsonInference(90, 100).lower(0.025), exactBinomialInference(90, 100).lower(0.025)),
      12,
    );
    expect(binary.pBelow(0.95)).toBe(
      Math.max(wilsonInference(90, 100).pBelow(0.95), exactBinomialInference(90, 100).pBelow(0.95)),
    );
    const averaged = inferRate(Float64Array.from({ length: 100 }, (_, i) => (i < 80 ? 1 : 0.5)));
    expect(averaged.method).toBe('wilson');
    expect(averaged.estimate).toBeCloseTo(0.9, 12);
  });

  it('accounts for clusters with the cluster-robust t, never narrower than the pooled bound', () => {
    // 20 incidents of 10 cases; whole incidents fail together, so the cases are far from independent.
    const values = Float64Array.from({ length: 200 }, (_, i) => (Math.floor(i / 10) % 5 === 0 ? 0 : 1));
    const index = Int32Array.from({ length: 200 }, (_, i) => Math.floor(i / 10));
    const clustered = inferRate(values, { index, count: 20 });
    const pooled = inferRate(values);
    expect(clustered.method).toBe('wilson+cluster-t');
    expect(clustered.units).toBe(20);
    expect(clustered.lower(0.02)).toBeLessThan(pooled.lower(0.02) - 0.05);
  });

  it('refuses what is not a rate', () => {
    expect(() => inferRate(new Float64Array(0))).toThrow(RangeError);
    expect(() => inferRate(Float64Array.of(1.5))).toThrow(/values\[0\]/);
    expect(() => exactBinomialInference(2.5, 10)).toThrow(RangeError);
  });
});
