import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/stats/normal.ts';
import {
  inverseRegularizedBeta,
  logGamma,
  regularizedBeta,
  regularizedBetaUpper,
  regularizedGammaQ,
} from '../../src/stats/special-functions.ts';
import { readFixture, relativeError } from './fixtures.ts';

interface Special {
  logGamma: { x: number; value: number }[];
  gammaQ: { a: number; x: number; value: number }[];
  beta: { x: number; a: number; b: number; value: number; upper: number }[];
  inverseBeta: { p: number; a: number; b: number; value: number }[];
  normalCdf: { x: number; value: number }[];
}

const fixture = readFixture<Special>('special.json');

describe('special functions against scipy.special', () => {
  it.each(fixture.logGamma)('logGamma($x)', ({ x, value }) => {
    expect(Math.abs(logGamma(x) - value)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(value)));
  });

  it.each(fixture.gammaQ)('regularizedGammaQ($a, $x)', ({ a, x, value }) => {
    expect(relativeError(regularizedGammaQ(a, x), value)).toBeLessThan(1e-12);
  });

  it.each(fixture.beta)('regularizedBeta($x, $a, $b) and its upper tail', ({ x, a, b, value, upper }) => {
    // Both tails keep their relative precision, however small (log Γ near 1e5 limits it to ~1e-10).
    expect(relativeError(regularizedBeta(x, a, b), value)).toBeLessThan(1e-9);
    expect(relativeError(regularizedBetaUpper(x, a, b), upper)).toBeLessThan(1e-9);
  });

  it.each(fixture.inverseBeta)('inverseRegularizedBeta($p, $a, $b)', ({ p, a, b, value }) => {
    expect(relativeError(inverseRegularizedBeta(p, a, b), value)).toBeLessThan(1e-10);
  });

  it.each(fixture.normalCdf)('normalCdf($x)', ({ x, value }) => {
    expect(relativeError(normalCdf(x), value)).toBeLessThan(1e-12);
  });

  it('is exact at the ends and rejects what is outside the domain', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    expect(inverseRegularizedBeta(0, 2, 3)).toBe(0);
    expect(inverseRegularizedBeta(1, 2, 3)).toBe(1);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => regularizedBeta(1.5, 1, 1)).toThrow(RangeError);
    expect(() => regularizedBeta(0.5, 0, 1)).toThrow(RangeError);
    expect(() => inverseRegularizedBeta(-0.1, 1, 1)).toThrow(RangeError);
    expect(() => regularizedGammaQ(1, -1)).toThrow(RangeError);
    expect(() => normalCdf(Number.NaN)).toThrow(RangeError);
  });
});
