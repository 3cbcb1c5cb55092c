import { describe, expect, it } from 'vitest';
import { fillIndices, sumRowsOfDraws } from '../../src/stats/resample.ts';
import { createRng } from '../../src/stats/rng.ts';

// The index loops draw block by block (a multinomial split over blocks of 4,096, uniform draws
// inside) and two indices per generator output. That must be the same distribution as `draws`
// independent uniform indices: an indicator of a set of indices S then sums to Binomial(draws,
// |S|/n). Checked by mean and variance over many resamples (4 standard errors) for sets inside the
// first block, straddling a block edge and inside the partial last block, for n that is a multiple
// of the block, one that is not, and one below it.
const RESAMPLES = 4000;

function expectBinomialCounts(sample: () => number, draws: number, share: number): void {
  let sum = 0;
  let squares = 0;
  for (let r = 0; r < RESAMPLES; r++) {
    const count = sample();
    sum += count;
    squares += count * count;
  }
  const mean = sum / RESAMPLES;
  const variance = squares / RESAMPLES - mean * mean;
  const expectedMean = draws * share;
  const expectedVariance = draws * share * (1 - share);
  expect(Math.abs(mean - expectedMean)).toBeLessThan(4 * Math.sqrt(expectedVariance / RESAMPLES));
  // sd of a sample variance ≈ σ²·√(2/R) for near-normal counts.
  expect(Math.abs(variance - expectedVariance)).toBeLessThan(4 * expectedVariance * Math.sqrt(2 / RESAMPLES));
}

const SIZES = [8192, 9001, 3000];

describe('sumRowsOfDraws', () => {
  it.each(SIZES)('draws rows uniformly and sums every column of the same rows, n = %i', (n) => {
    const rng = createRng(n + 1);
    for (const width of [2, 4] as const) {
      // Column 0 marks 300 rows across the block edge, the other columns are 1, 2, 3: their sums
      // are fixed multiples of the draw count, which shows each column read the drawn row.
      const edge = Math.min(4000, n - 700);
      const rows = new Float64Array(n * width);
      for (let i = 0; i < n; i++) {
        rows[i * width] = i >= edge && i < edge + 300 ? 1 : 0;
        for (let c = 1; c < width; c++) rows[i * width + c] = c;
      }
      const out = new Float64Array(width);
      const share = 300 / n;
      const draws = 777;
      expectBinomialCounts(
        () => {
          sumRowsOfDraws(rng, rows, width, draws, out);
          expect(Array.from(out.subarray(1))).toEqual(Array.from({ length: width - 1 }, (_, c) => (c + 1) * draws));
          return out[0]!;
        },
        draws,
        share,
      );
    }
  });
});

describe('fillIndices', () => {
  it.each([7, 1000, 65_536, 100_000])('fills uniform indices in [0, %i) (chi-square over 10 bins)', (bound) => {
    const rng = createRng(bound);
    const count = 50_000;
    const out = new Int32Array(count);
    fillIndices(rng, bound, out, count);
    const bins = new Float64Array(Math.min(10, bound));
    // One assertion over all 50,000 indices (an expect per index costs more than the fill).
    expect(out.filter((index) => index < 0 || index >= bound)).toEqual(new Int32Array(0));
    for (const index of out) bins[Math.floor((index * bins.length) / bound)]!++;
    let chiSquare = 0;
    bins.forEach((observed, bin) => {
      const width = Math.ceil(((bin + 1) * bound) / bins.length) - Math.ceil((bin * bound) / bins.length);
      const expected = (count * width) / bound;
      chiSquare += (observed - expected) ** 2 / expected;
    });
    // 9 degrees of freedom: the 1e-4 critical value is 33.7 (6 degrees, bound 7: 27.9).
    expect(chiSquare).toBeLessThan(bins.length === 10 ? 33.7 : 27.9);
  });
});
