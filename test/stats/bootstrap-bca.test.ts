import { describe, expect, it } from 'vitest';
import { bootstrapBounds, jackknifeAcceleration } from '../../src/stats/bootstrap-bca.ts';
import type { BootstrapResult } from '../../src/stats/bootstrap.ts';
import { readFixture } from './fixtures.ts';

interface Case {
  replicates: number[];
  undefined: number;
  estimate: number;
  jackknife: number[];
  acceleration: number;
  bias: number;
  bounds: { alpha: number; lower: number | null; upper: number | null }[];
}

const { cases } = readFixture<{ cases: Case[] }>('bca.json');

/** A bootstrap result around fixed replicates, as `keepSamples` returns it. */
function resultOf(c: Case): BootstrapResult {
  const samples = Float64Array.from(c.replicates);
  return {
    estimate: c.estimate,
    interval: { lower: samples[0]!, upper: samples.at(-1)!, level: 0.95 },
    standardError: 0,
    resamples: samples.length + c.undefined,
    n: 100,
    method: 'index',
    drawsPerResample: 100,
    undefinedResamples: c.undefined,
    samples,
  };
}

describe('BCa bounds against numpy', () => {
  it.each(cases.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    const acceleration = jackknifeAcceleration(Float64Array.from(c.jackknife));
    expect(acceleration).toBeCloseTo(c.acceleration, 12);
    const bounds = bootstrapBounds(resultOf(c), acceleration);
    expect(bounds.bias).toBeCloseTo(c.bias, 12);
    for (const { alpha, lower, upper } of c.bounds) {
      expect(bounds.lower(alpha)).toBeCloseTo(lower ?? Number.NEGATIVE_INFINITY, 12);
      expect(bounds.upper(alpha)).toBeCloseTo(upper ?? Number.POSITIVE_INFINITY, 12);
    }
  });

  it('is the percentile interval without bias correction and acceleration', () => {
    const c = cases[0]!;
    const bounds = bootstrapBounds(resultOf(c), 0, false);
    const sorted = c.replicates;
    // type-7 at (B − 1)·0.05
    const position = (sorted.length - 1) * 0.05;
    const below = Math.floor(position);
    expect(bounds.lower(0.05)).toBeCloseTo(
      sorted[below]! + (position - below) * (sorted[below + 1]! - sorted[below]!),
      12,
    );
  });

  it('gives an infinite bound where the resamples cannot resolve the level', () => {
    const bounds = bootstrapBounds(resultOf(cases[0]!), 0, false);
    expect(bounds.lower(1e-4)).toBe(Number.NEGATIVE_INFINITY);
    expect(bounds.upper(1e-4)).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isFinite(bounds.lower(0.01))).toBe(true);
  });

  it('needs the sorted samples', () => {
    const { samples: _samples, ...rest } = resultOf(cases[0]!);
    expect(() => bootstrapBounds(rest, 0)).toThrow(/keepSamples/);
  });
});
