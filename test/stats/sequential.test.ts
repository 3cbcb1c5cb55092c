import { describe, expect, it } from 'vitest';
import { lookShare, spentShare } from '../../src/stats/sequential.ts';

describe('alpha spending over looks', () => {
  it('gives the first look its share and every later one a geometric part of the rest', () => {
    expect(lookShare(1, 0.8)).toBeCloseTo(0.8, 15);
    expect(lookShare(2, 0.8)).toBeCloseTo(0.16, 15);
    expect(lookShare(3, 0.8)).toBeCloseTo(0.032, 15);
    expect(lookShare(1, 1)).toBe(1);
    expect(lookShare(2, 1)).toBe(0);
  });

  it('never spends more than the budget, however many looks', () => {
    let total = 0;
    for (let look = 1; look <= 200; look++) total += lookShare(look, 0.6);
    expect(total).toBeLessThanOrEqual(1);
    expect(spentShare(3, 0.8)).toBeCloseTo(0.992, 12);
  });

  it.each([
    [0, 0.8],
    [1.5, 0.8],
    [1, 0],
    [1, 1.2],
  ])('rejects look %s with share %s', (look, share) => {
    expect(() => lookShare(look, share)).toThrow(RangeError);
  });
});
