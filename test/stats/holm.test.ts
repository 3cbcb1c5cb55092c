import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../src/stats/holm.ts';
import { readFixture } from './fixtures.ts';

const { cases } = readFixture<{ cases: { pValues: number[]; adjusted: number[] }[] }>('holm.json');

describe('holmAdjust', () => {
  it.each(cases)('matches the statsmodels algorithm for $pValues', ({ pValues, adjusted }) => {
    const actual = holmAdjust(pValues);
    expect(actual).toHaveLength(adjusted.length);
    actual.forEach((value, index) => expect(Math.abs(value - adjusted[index]!)).toBeLessThan(1e-15));
  });

  it('does not modify its input', () => {
    const input = [0.04, 0.01];
    holmAdjust(input);
    expect(input).toEqual([0.04, 0.01]);
  });

  it.each([[[-0.1]], [[1.1]], [[Number.NaN]]])('rejects %s', (pValues) => {
    expect(() => holmAdjust(pValues)).toThrow(RangeError);
  });
});
