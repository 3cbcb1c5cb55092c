import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/stats/normal.ts';
import { unitsToDecide } from '../../src/stats/power.ts';

// The predictive probability of a decision at N units, as unitsToDecide defines it.
function decideProbability(d: number, sd: number, n0: number, passZ: number, failZ: number, n: number): number {
  const se = sd / Math.sqrt(n);
  const spread = sd * Math.sqrt(1 / n0 - 1 / n);
  return normalCdf((d - passZ * se) / spread) + normalCdf((-d - failZ * se) / spread);
}

describe('unitsToDecide', () => {
  it.each<[number, number, number, number, number]>([
    [0.01, 0.2, 400, 2.05, 2.6],
    [-0.005, 0.25, 1000, 2.4, 3.1],
    [0.03, 0.4, 100, 2.05, 2.6],
  ])(
    'is the smallest N whose predictive chance of a decision reaches 80 %% (d = %s)',
    (distance, sd, units, passZ, failZ) => {
      const n = unitsToDecide({ distance, sd, units, passZ, failZ });
      expect(n).toBeGreaterThan(units);
      expect(decideProbability(distance, sd, units, passZ, failZ, n)).toBeGreaterThanOrEqual(0.8);
      expect(decideProbability(distance, sd, units, passZ, failZ, n - 1)).toBeLessThan(0.8);
    },
  );

  it('asks for more when the estimate sits closer to the threshold', () => {
    const far = unitsToDecide({ distance: 0.02, sd: 0.2, units: 400, passZ: 2, failZ: 2.5 });
    const near = unitsToDecide({ distance: 0.005, sd: 0.2, units: 400, passZ: 2, failZ: 2.5 });
    expect(near).toBeGreaterThan(far);
  });

  it('caps what cannot be reached and rejects bad input', () => {
    expect(unitsToDecide({ distance: 0, sd: 1, units: 10, passZ: 3, failZ: 3 }, 0.999, 1000)).toBe(1000);
    expect(unitsToDecide({ distance: 0.1, sd: 0, units: 10, passZ: 2, failZ: 2 })).toBe(11);
    expect(() => unitsToDecide({ distance: 0.1, sd: 1, units: 0, passZ: 2, failZ: 2 })).toThrow(RangeError);
    expect(() => unitsToDecide({ distance: 0.1, sd: -1, units: 10, passZ: 2, failZ: 2 })).toThrow(RangeError);
  });
});
