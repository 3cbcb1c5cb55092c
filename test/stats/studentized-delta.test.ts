import { describe, expect, it } from 'vitest';
import { studentizedInference } from '../../src/stats/delta-inference.ts';
import { studentizeDelta } from '../../src/stats/studentized-delta.ts';
import { readFixture, relativeError } from './fixtures.ts';

interface Case {
  totals: number[];
  sizes: number[];
  strata?: number[];
  estimate: number;
  standardError: number;
  df: number;
  checks: { threshold: number; alpha: number; pBelow: number; pAbove: number; lower: number; upper: number }[];
}

const { cases } = readFixture<{ cases: Case[] }>('studentized.json');

describe('cluster-robust studentized delta against numpy/scipy', () => {
  it.each(cases.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    const delta = studentizeDelta({
      totals: Float64Array.from(c.totals),
      sizes: Float64Array.from(c.sizes),
      ...(c.strata ? { strata: Int32Array.from(c.strata) } : {}),
    });
    expect(delta.stratified).toBe(c.strata !== undefined);
    expect(delta.estimate).toBeCloseTo(c.estimate, 12);
    expect(relativeError(delta.standardError, c.standardError)).toBeLessThan(1e-12);
    expect(delta.df).toBe(c.df);
    const inference = studentizedInference(delta);
    for (const check of c.checks) {
      expect(relativeError(inference.pBelow(check.threshold), check.pBelow, 1e-300)).toBeLessThan(1e-9);
      expect(relativeError(inference.pAbove(check.threshold), check.pAbove, 1e-300)).toBeLessThan(1e-9);
      expect(inference.lower(check.alpha)).toBeCloseTo(check.lower, 10);
      expect(inference.upper(check.alpha)).toBeCloseTo(check.upper, 10);
    }
  });

  it('does not post-stratify when the design cannot carry it', () => {
    const totals = Float64Array.of(1, 0, -1, 2, 0, 1);
    const sizes = Float64Array.of(2, 2, 2, 2, 2, 2);
    // A stratum with one unit, and four strata for six units: both left unstratified.
    expect(studentizeDelta({ totals, sizes, strata: Int32Array.of(0, 0, 0, 0, 0, 1) }).stratified).toBe(false);
    expect(studentizeDelta({ totals, sizes, strata: Int32Array.of(0, 0, 1, 1, 2, 3) }).stratified).toBe(false);
    expect(studentizeDelta({ totals, sizes, strata: Int32Array.of(0, 0, 0, 1, 1, 1) }).stratified).toBe(true);
  });

  it('keeps an interval around thirty identical deltas', () => {
    const delta = studentizeDelta({ totals: new Float64Array(30), sizes: new Float64Array(30).fill(1) });
    expect(delta.standardError).toBeGreaterThan(0.04);
    expect(studentizedInference(delta).lower(0.025)).toBeLessThan(-0.09);
  });

  it('rejects fewer than two units and empty units', () => {
    expect(() => studentizeDelta({ totals: Float64Array.of(1), sizes: Float64Array.of(1) })).toThrow(RangeError);
    expect(() => studentizeDelta({ totals: Float64Array.of(1, 1), sizes: Float64Array.of(1, 0) })).toThrow(RangeError);
  });
});
