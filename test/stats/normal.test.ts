import { describe, expect, it } from 'vitest';
import { normalQuantile, twoSidedCriticalValue } from '../../src/stats/normal.ts';
import { readFixture } from './fixtures.ts';

const { cases } = readFixture<{ cases: { p: number; quantile: number }[] }>('normal.json');

describe('normalQuantile', () => {
  it.each(cases)('matches scipy norm.ppf at p=$p', ({ p, quantile }) => {
    expect(Math.abs(normalQuantile(p) - quantile)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(quantile)));
  });

  it('is infinite at the ends and odd around 1/2', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(0.3)).toBeCloseTo(-normalQuantile(0.7), 14);
  });

  it('gives the usual two-sided critical value', () => {
    expect(twoSidedCriticalValue(0.95)).toBeCloseTo(1.959963984540054, 14);
  });

  it.each([-0.1, 1.1, Number.NaN])('rejects p=%s', (p) => {
    expect(() => normalQuantile(p)).toThrow(RangeError);
  });
});
