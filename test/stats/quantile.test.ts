import { describe, expect, it } from 'vitest';
import { interpolateType7, percentileInterval, quantileOfUnsorted, quantileSorted } from '../../src/stats/quantile.ts';
import { readFixture } from './fixtures.ts';

const { cases } = readFixture<{ cases: { values: number[]; qs: number[]; quantiles: number[] }[] }>('quantile.json');

describe('quantileSorted', () => {
  it.each(cases)('matches numpy.quantile (linear) on $values.length values', ({ values, qs, quantiles }) => {
    const sorted = Float64Array.from(values).toSorted();
    qs.forEach((q, index) => {
      const expected = quantiles[index]!;
      expect(Math.abs(quantileSorted(sorted, q) - expected)).toBeLessThanOrEqual(
        1e-14 * Math.max(1, Math.abs(expected)),
      );
    });
  });

  it('lets infinite neighbours win instead of returning NaN', () => {
    const sorted = [Number.NEGATIVE_INFINITY, 1, 2, Number.POSITIVE_INFINITY];
    expect(quantileSorted(sorted, 0.1)).toBe(Number.NEGATIVE_INFINITY);
    expect(quantileSorted(sorted, 0.9)).toBe(Number.POSITIVE_INFINITY);
    expect(quantileSorted(sorted, 0.5)).toBe(1.5);
  });

  it.each([
    [[], 0.5],
    [[1], -0.1],
    [[1], 1.1],
    [[1], Number.NaN],
  ])('rejects %s at q=%s', (sorted, q) => {
    expect(() => quantileSorted(sorted, q)).toThrow(RangeError);
  });
});

describe('quantileOfUnsorted', () => {
  it.each(cases)(
    'gives the bits quantileSorted gives on $values.length values, and leaves them unsorted',
    ({ values, qs }) => {
      const input = Float64Array.from(values);
      const sorted = input.toSorted();
      for (const q of [...qs, 0, 1, 0.025, 0.975]) expect(quantileOfUnsorted(input, q)).toBe(quantileSorted(sorted, q));
      expect(Array.from(input)).toEqual(values);
    },
  );

  it.each([
    [new Float64Array(0), 0.5],
    [Float64Array.of(1), 1.5],
    [Float64Array.of(1, Number.NaN), 0.5],
  ])('rejects %s at q=%s', (values, q) => {
    expect(() => quantileOfUnsorted(values, q)).toThrow(RangeError);
  });
});

describe('interpolateType7', () => {
  it.each([
    [2, 3, 0.25, 2.25],
    [2, 3, 0, 2],
    [4, 4, 0.5, 4],
    [Number.NEGATIVE_INFINITY, 1, 0.5, Number.NEGATIVE_INFINITY],
    [1, Number.POSITIVE_INFINITY, 0.5, Number.POSITIVE_INFINITY],
  ])('steps from %s to %s by %s: %s', (low, high, fraction, expected) => {
    expect(interpolateType7(low, high, fraction)).toBe(expected);
  });
});

describe('percentileInterval', () => {
  it('uses type-7 quantiles at (1 ± level) / 2 of a sorted copy', () => {
    const samples = Float64Array.of(5, 1, 4, 2, 3);
    expect(percentileInterval(samples, 0.5)).toEqual({ lower: 2, upper: 4, level: 0.5 });
    expect(percentileInterval(samples, 0.9)).toEqual({ lower: 1.2, upper: 4.8, level: 0.9 });
    expect(Array.from(samples)).toEqual([5, 1, 4, 2, 3]);
  });

  it.each([
    [Float64Array.of(), 0.9],
    [Float64Array.of(1, Number.NaN), 0.9],
    [Float64Array.of(1, 2), 1],
  ])('rejects %s at level %s', (samples, level) => {
    expect(() => percentileInterval(samples, level)).toThrow(RangeError);
  });
});
