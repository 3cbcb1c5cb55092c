import { describe, expect, it } from 'vitest';
import { mcnemarExact } from '../../src/stats/mcnemar.ts';
import { readFixture, relativeError } from './fixtures.ts';

interface McNemarCase {
  readonly b: number;
  readonly c: number;
  readonly twoSided: number;
  readonly greater: number;
}

const { cases } = readFixture<{ cases: McNemarCase[] }>('mcnemar.json');

describe('mcnemarExact', () => {
  // log-factorial cancellation limits relative accuracy to ~1e-9 at b + c = 1e5; scipy's own
  // binomtest is accurate to ~1e-12 there.
  it.each(cases)('matches scipy binomtest for b=$b c=$c', ({ b, c, twoSided, greater }) => {
    const two = mcnemarExact(b, c, 'two-sided');
    const one = mcnemarExact(b, c, 'greater');
    expect(two).toMatchObject({ b, c });
    expect(relativeError(two.pValue, twoSided, 1e-300)).toBeLessThan(1e-8);
    expect(relativeError(one.pValue, greater, 1e-300)).toBeLessThan(1e-8);
  });

  it('reads "greater" as more regressions (c) than fixes (b)', () => {
    expect(mcnemarExact(2, 10, 'greater').pValue).toBeCloseTo(79 / 4096, 15);
    expect(mcnemarExact(10, 2, 'greater').pValue).toBeGreaterThan(0.99);
  });

  it.each([
    [-1, 0],
    [0, 1.5],
    [Number.NaN, 3],
  ])('rejects b=%s c=%s', (b, c) => {
    expect(() => mcnemarExact(b, c, 'two-sided')).toThrow(RangeError);
  });
});
