import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/stats/student-t.ts';
import { readFixture, relativeError } from './fixtures.ts';

const fixture = readFixture<{
  cdf: { t: number; df: number; value: number }[];
  quantile: { p: number; df: number; value: number }[];
}>('student-t.json');

describe("Student's t against scipy.stats.t", () => {
  it.each(fixture.cdf)('cdf($t, $df)', ({ t, df, value }) => {
    expect(relativeError(studentTCdf(t, df), value)).toBeLessThan(1e-10);
  });

  it.each(fixture.quantile)('quantile($p, $df)', ({ p, df, value }) => {
    expect(Math.abs(studentTQuantile(p, df) - value)).toBeLessThan(1e-9 * Math.max(1, Math.abs(value)));
  });

  it('inverts its own cdf and is the normal for huge df', () => {
    for (const df of [1, 3.5, 19, 400]) {
      for (const p of [1e-6, 0.01, 0.3, 0.9, 0.999])
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
    }
    expect(studentTQuantile(0.975, 1e10)).toBeCloseTo(1.959963984540054, 12);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it('rejects bad arguments', () => {
    expect(() => studentTCdf(1, 0)).toThrow(RangeError);
    expect(() => studentTCdf(Number.NaN, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(1.2, 3)).toThrow(RangeError);
  });
});
