import { describe, expect, it } from 'vitest';
import { createRng, Xoshiro128StarStar } from '../../src/stats/rng.ts';
import { readFixture } from './fixtures.ts';

interface RngFixture {
  readonly rawState: { readonly state: [number, number, number, number]; readonly outputs: number[] };
  readonly seeds: readonly { readonly seed: number; readonly outputs: number[] }[];
}

const fixture = readFixture<RngFixture>('rng.json');

function take(next: () => number, count: number): number[] {
  return Array.from({ length: count }, next);
}

describe('createRng', () => {
  it('matches an independent xoshiro128** implementation from a raw state', () => {
    const rng = new Xoshiro128StarStar(...fixture.rawState.state);
    expect(take(() => rng.nextUint32(), fixture.rawState.outputs.length)).toEqual(fixture.rawState.outputs);
  });

  it.each(fixture.seeds)('seeds state by splitmix32 like the reference for seed $seed', ({ seed, outputs }) => {
    const rng = createRng(seed);
    expect(take(() => rng.nextUint32(), outputs.length)).toEqual(outputs);
  });

  it('gives different streams for seeds that differ only above bit 32', () => {
    const a = createRng(5);
    const b = createRng(5 + 2 ** 32);
    expect(take(() => a.nextUint32(), 4)).not.toEqual(take(() => b.nextUint32(), 4));
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects seed %s', (seed) => {
    expect(() => createRng(seed)).toThrow(RangeError);
  });

  it('produces floats in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = createRng(3);
    const draws = 200_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < draws; i++) {
      const u = rng.nextFloat();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      squares += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / draws;
    // Standard error of the mean is sqrt(1/12 / draws) ≈ 6.5e-4; allow 4 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / draws));
    expect(Math.abs(squares / draws - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });
});

describe('nextInt', () => {
  // Bounds near 2^32 / 3 make modulo bias large (about 1/3 extra mass on low values) if it existed.
  it.each([1, 2, 3, 7, 100, 2 ** 21, 2 ** 21 + 3, 2863311531, 2 ** 32])('stays in [0, %i) and is uniform', (bound) => {
    const rng = createRng(bound);
    const cells = 8;
    const counts: number[] = Array.from({ length: cells }, () => 0);
    const draws = 80_000;
    let outside = 0;
    for (let i = 0; i < draws; i++) {
      const value = rng.nextInt(bound);
      if (!(Number.isInteger(value) && value >= 0 && value < bound)) outside++;
      else counts[Math.floor((value / bound) * cells)]!++;
    }
    expect(outside).toBe(0);
    // Cells of equal width in [0, bound) (exact when bound is a multiple of 8; otherwise off by at
    // most one value per cell, negligible here except for tiny bounds which are checked exactly).
    const expected = Array.from({ length: cells }, (_, cell) => {
      const first = Math.ceil((cell * bound) / cells);
      const last = Math.ceil(((cell + 1) * bound) / cells);
      return ((last - first) / bound) * draws;
    });
    let chiSquare = 0;
    counts.forEach((count, cell) => {
      if (expected[cell]! > 0) chiSquare += (count - expected[cell]!) ** 2 / expected[cell]!;
      else expect(count).toBe(0);
    });
    // chi2.ppf(1 - 1e-4, df = 7) = 29.88; fewer df for tiny bounds only lowers the statistic's scale.
    expect(chiSquare).toBeLessThan(29.88);
  });

  it.each([0, -1, 1.5, 2 ** 32 + 1, Number.NaN])('rejects bound %s', (bound) => {
    expect(() => createRng(1).nextInt(bound)).toThrow(RangeError);
  });
});
