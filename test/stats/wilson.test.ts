import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/stats/wilson.ts';
import { readFixture } from './fixtures.ts';

interface WilsonCase {
  readonly successes: number;
  readonly n: number;
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
}

const { cases } = readFixture<{ cases: WilsonCase[] }>('wilson.json');

describe('wilsonInterval', () => {
  it.each(cases)('matches the reference for $successes/$n at $level', ({ successes, n, level, lower, upper }) => {
    const interval = wilsonInterval(successes, n, level);
    expect(interval.level).toBe(level);
    expect(Math.abs(interval.lower - lower)).toBeLessThan(1e-12);
    expect(Math.abs(interval.upper - upper)).toBeLessThan(1e-12);
  });

  it.each([
    [-1, 10, 0.95],
    [11, 10, 0.95],
    [1.5, 10, 0.95],
    [1, -1, 0.95],
    [1, 10, 1],
    [1, 10, 0],
  ])('rejects successes=%s n=%s level=%s', (successes, n, level) => {
    expect(() => wilsonInterval(successes, n, level)).toThrow(RangeError);
  });
});
