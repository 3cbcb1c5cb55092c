import { describe, expect, it } from 'vitest';
import { logFactorial, sampleBinomial } from '../../src/stats/binomial.ts';
import { createRng, type Rng } from '../../src/stats/rng.ts';
import { readFixture } from './fixtures.ts';

interface BinomialCase {
  readonly n: number;
  readonly p: number;
  readonly draws: number;
  readonly mean: number;
  readonly variance: number;
  /** [first k, last k, probability of the bin] from scipy.stats.binom. */
  readonly bins: readonly [number, number, number][];
  readonly chiSquareCritical: number;
}

const { cases } = readFixture<{ cases: BinomialCase[] }>('binomial.json');

function drawSeries(seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: 20 }, (_, i) => sampleBinomial(rng, 1000 * (i + 1), 0.3));
}

// Draws c.draws values with `sample` and compares them with scipy's binom.pmf: mean and variance
// within 4 standard errors, and a chi-square over the fixture's bins at alpha 1e-4.
function expectScipyDistribution(c: BinomialCase, sample: () => number): void {
  const binOf = new Map<number, number>();
  const counts: number[] = Array.from({ length: c.bins.length }, () => 0);
  let sum = 0;
  let squares = 0;
  let outside = 0;
  for (let i = 0; i < c.draws; i++) {
    const k = sample();
    if (!Number.isInteger(k) || k < 0 || k > c.n) outside++;
    sum += k;
    squares += k * k;
    let bin = binOf.get(k);
    if (bin === undefined) {
      bin = c.bins.findIndex(([first, last]) => k >= first && k <= last);
      binOf.set(k, bin);
    }
    counts[bin]!++;
  }
  expect(outside).toBe(0);
  const mean = sum / c.draws;
  const variance = squares / c.draws - mean * mean;
  // Mean within 4 standard errors; variance within 4 SE using Var(X²)-free bound sd(s²) ≈ σ²·sqrt(2/N)
  // inflated by 1.5 for the kurtosis of skewed binomials.
  expect(Math.abs(mean - c.mean)).toBeLessThan(4 * Math.sqrt(c.variance / c.draws));
  expect(Math.abs(variance - c.variance)).toBeLessThan(4 * 1.5 * c.variance * Math.sqrt(2 / c.draws));
  let chiSquare = 0;
  c.bins.forEach(([, , probability], bin) => {
    const expected = probability * c.draws;
    chiSquare += (counts[bin]! - expected) ** 2 / expected;
  });
  expect(chiSquare).toBeLessThan(c.chiSquareCritical);
}

describe('sampleBinomial', () => {
  it.each(cases)('matches scipy binom.pmf for n=$n p=$p (chi-square, alpha 1e-4)', (c) => {
    const rng = createRng(c.n + Math.round(c.p * 1000));
    expectScipyDistribution(c, () => sampleBinomial(rng, c.n, c.p));
  });

  it('gives the same draws through the inlined generator as through nextFloat', () => {
    // A generator of another class takes the generic path: same outputs, so the same draws.
    const fast = createRng(5);
    const inner = createRng(5);
    const generic: Rng = {
      nextUint32: () => inner.nextUint32(),
      nextFloat: () => inner.nextFloat(),
      nextInt: (bound) => inner.nextInt(bound),
    };
    for (const [n, p] of [
      [5000, 0.05],
      [100_000, 0.4],
      [300, 0.5],
    ] as const) {
      for (let i = 0; i < 2000; i++) expect(sampleBinomial(generic, n, p)).toBe(sampleBinomial(fast, n, p));
    }
  });

  it('handles the degenerate cases exactly', () => {
    const rng = createRng(1);
    expect(sampleBinomial(rng, 0, 0.3)).toBe(0);
    expect(sampleBinomial(rng, 10, 0)).toBe(0);
    expect(sampleBinomial(rng, 10, 1)).toBe(10);
  });

  it('is reproducible from the seed', () => {
    expect(drawSeries(77)).toEqual(drawSeries(77));
    expect(drawSeries(78)).not.toEqual(drawSeries(77));
  });

  it.each([
    [-1, 0.5],
    [1.5, 0.5],
    [10, -0.1],
    [10, 1.1],
    [10, Number.NaN],
  ])('rejects n=%s p=%s', (n, p) => {
    expect(() => sampleBinomial(createRng(1), n, p)).toThrow(RangeError);
  });
});

describe('logFactorial', () => {
  it.each([0, 1, 5, 20, 255, 256, 257, 1000])('agrees with a direct sum of logs at %i', (k) => {
    let direct = 0;
    for (let i = 2; i <= k; i++) direct += Math.log(i);
    expect(Math.abs(logFactorial(k) - direct)).toBeLessThanOrEqual(1e-12 * Math.max(1, direct));
  });
});
