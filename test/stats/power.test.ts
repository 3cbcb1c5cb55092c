import { describe, expect, it } from 'vitest';
import { casesToDetect } from '../../src/stats/power.ts';

describe('casesToDetect', () => {
  it.each([
    // (1.959964 * 0.3 / 0.02)^2 = 864.33
    [{ delta: 0.02, sd: 0.3, level: 0.95 }, 865],
    [{ delta: -0.02, sd: 0.3, level: 0.95 }, 865],
    // (2.575829 * 0.5 / 0.01)^2 = 16587.2
    [{ delta: 0.01, sd: 0.5, level: 0.99 }, 16588],
    [{ delta: 0.5, sd: 0, level: 0.95 }, 1],
  ])('%o needs %i cases', (opts, expected) => {
    expect(casesToDetect(opts)).toBe(expected);
  });

  it.each([
    { delta: 0, sd: 0.3, level: 0.95 },
    { delta: Number.NaN, sd: 0.3, level: 0.95 },
    { delta: 0.1, sd: -1, level: 0.95 },
    { delta: 0.1, sd: 0.3, level: 1 },
  ])('rejects %o', (opts) => {
    expect(() => casesToDetect(opts)).toThrow(RangeError);
  });
});
