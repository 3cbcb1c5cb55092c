import { describe, expect, it } from 'vitest';
import {
  bootstrapBinaryDelta,
  bootstrapClusteredBinaryDelta,
  bootstrapMeanDelta,
  bootstrapPValue,
  bootstrapQuantileRatio,
  bootstrapRatioOfRatios,
  DEFAULT_MEAN_MAX_DRAWS,
  DEFAULT_RATIO_MAX_DRAWS,
  type BootstrapOptions,
  type BootstrapResult,
} from '../../src/stats/bootstrap.ts';
import { bootstrapQuantileRatioInWindow } from '../../src/stats/bootstrap-quantile.ts';
import { ratioDrawsFor } from '../../src/stats/bootstrap-ratio.ts';
import { normalQuantile } from '../../src/stats/normal.ts';
import { createRng } from '../../src/stats/rng.ts';
import { readFixture } from './fixtures.ts';

interface ScipyInterval {
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly scipyResamples: number;
  readonly standardError: number;
  readonly densityAtLower: number;
  readonly densityAtUpper: number;
}

interface BootstrapFixture {
  readonly meanDelta: {
    readonly parent: number[];
    readonly candidate: number[];
    readonly estimate: number;
    readonly analyticStandardError: number;
    readonly reference: ScipyInterval;
  };
  readonly binaryDelta: { readonly minus: number; readonly zero: number; readonly plus: number; readonly estimate: number; readonly reference: ScipyInterval };
  readonly ratioOfRatios: {
    readonly parentNumerator: number[];
    readonly parentDenominator: number[];
    readonly candidateNumerator: number[];
    readonly candidateDenominator: number[];
    readonly estimate: number;
    readonly reference: ScipyInterval;
  };
  readonly quantileRatio: { readonly parent: number[]; readonly candidate: number[]; readonly q: number; readonly estimate: number; readonly reference: ScipyInterval };
}

const fixture = readFixture<BootstrapFixture>('bootstrap.json');
const RESAMPLES = 20_000;

function options(seed: number, extra: Partial<BootstrapOptions> = {}): BootstrapOptions {
  return { resamples: RESAMPLES, level: 0.95, rng: createRng(seed), ...extra };
}

/**
 * Both percentile bounds estimate quantiles of the same bootstrap distribution from B and B_scipy
 * replicates. A sample α-quantile has standard error √(α(1−α)/B) / f(x_α) (f the density there),
 * so the two estimates differ by at most 4·√(α(1−α)(1/B + 1/B_scipy)) / f except with probability
 * ~6e-5. `lattice` adds the spacing of a discrete bootstrap distribution.
 */
function expectCloseToScipy(result: BootstrapResult, reference: ScipyInterval, lattice = 0): void {
  const alpha = (1 - reference.level) / 2;
  const spread = Math.sqrt(alpha * (1 - alpha) * (1 / result.resamples + 1 / reference.scipyResamples));
  expect(Math.abs(result.interval.lower - reference.lower)).toBeLessThan((4 * spread) / reference.densityAtLower + lattice);
  expect(Math.abs(result.interval.upper - reference.upper)).toBeLessThan((4 * spread) / reference.densityAtUpper + lattice);
  // The SE of a standard deviation estimated from B replicates is about SE·√(1/(2B)) for a near-normal
  // bootstrap distribution; 4 of them, doubled for skewed ratios, is the tolerance.
  const seTolerance = 8 * reference.standardError * Math.sqrt(1 / (2 * result.resamples) + 1 / (2 * reference.scipyResamples));
  expect(Math.abs(result.standardError - reference.standardError)).toBeLessThan(seTolerance);
}

describe('bootstrapMeanDelta against references', () => {
  const deltas = Float64Array.from(fixture.meanDelta.candidate, (c, i) => c - fixture.meanDelta.parent[i]!);

  it('has the analytic bootstrap SE √(Σ(d − d̄)²)/n within Monte Carlo error', () => {
    const result = bootstrapMeanDelta(deltas, options(1));
    expect(result.method).toBe('index');
    expect(result.estimate).toBeCloseTo(fixture.meanDelta.estimate, 14);
    // Relative SE of a bootstrap SE from B replicates of a near-normal mean is √(1/(2B)) = 0.5 %; allow 4.
    expect(Math.abs(result.standardError / fixture.meanDelta.analyticStandardError - 1)).toBeLessThan(4 * Math.sqrt(1 / (2 * RESAMPLES)));
  });

  it('matches scipy.stats.bootstrap percentile interval (paired)', () => {
    expectCloseToScipy(bootstrapMeanDelta(deltas, options(2)), fixture.meanDelta.reference);
  });

  it('gives the same distribution through the multinomial path on few distinct values', () => {
    // 2,000 deltas on an 11-value grid: the multinomial path; SE must still be √(Σ(d − d̄)²)/n.
    const rng = createRng(9);
    const grid = Float64Array.from({ length: 2000 }, () => (rng.nextInt(11) - 5) / 10);
    const mean = grid.reduce((sum, value) => sum + value, 0) / grid.length;
    const analytic = Math.sqrt(grid.reduce((sum, value) => sum + (value - mean) ** 2, 0)) / grid.length;
    const result = bootstrapMeanDelta(grid, options(10));
    expect(result.method).toBe('multinomial');
    expect(Math.abs(result.standardError / analytic - 1)).toBeLessThan(4 * Math.sqrt(1 / (2 * RESAMPLES)));
    // The percentile bounds of a near-normal mean sit at ±z·SE around the estimate.
    const z = normalQuantile(0.975);
    expect(Math.abs(result.interval.upper - mean - z * analytic)).toBeLessThan(0.05 * z * analytic);
    expect(Math.abs(mean - result.interval.lower - z * analytic)).toBeLessThan(0.05 * z * analytic);
  });

  it('treats singleton clusters like cases', () => {
    const singletons = Int32Array.from(deltas, (_, index) => index);
    const result = bootstrapMeanDelta(deltas, options(3), singletons);
    expect(result.n).toBe(deltas.length);
    expect(Math.abs(result.standardError / fixture.meanDelta.analyticStandardError - 1)).toBeLessThan(4 * Math.sqrt(1 / (2 * RESAMPLES)));
  });
});

describe('bootstrapBinaryDelta against references', () => {
  const { minus, zero, plus, reference } = fixture.binaryDelta;

  it('matches scipy.stats.bootstrap on the expanded −1/0/+1 cases', () => {
    const result = bootstrapBinaryDelta({ minus, zero, plus }, options(4));
    const n = minus + zero + plus;
    expect(result).toMatchObject({ estimate: fixture.binaryDelta.estimate, n, method: 'multinomial' });
    // The binary bootstrap distribution is a lattice of step 1/n: use the normal density for the
    // Monte Carlo part and allow one lattice step.
    const density = Math.exp(-(normalQuantile(0.975) ** 2) / 2) / (Math.sqrt(2 * Math.PI) * reference.standardError);
    expectCloseToScipy(result, { ...reference, densityAtLower: density, densityAtUpper: density }, 1 / n);
  });

  it('merges identical clusters without changing the distribution', () => {
    // 200 singleton clusters are the unclustered bootstrap: same SE as the counts version.
    const clusters = [
      ...Array.from({ length: minus }, () => ({ minus: 1, zero: 0, plus: 0 })),
      ...Array.from({ length: zero }, () => ({ minus: 0, zero: 1, plus: 0 })),
      ...Array.from({ length: plus }, () => ({ minus: 0, zero: 0, plus: 1 })),
    ];
    const result = bootstrapClusteredBinaryDelta(clusters, options(5));
    expect(result.method).toBe('multinomial');
    expect(Math.abs(result.standardError / reference.standardError - 1)).toBeLessThan(4 * Math.sqrt(1 / (2 * RESAMPLES) + 1 / (2 * reference.scipyResamples)));
  });
});

describe('bootstrapRatioOfRatios against references', () => {
  const data = {
    parentNumerator: Float64Array.from(fixture.ratioOfRatios.parentNumerator),
    parentDenominator: Float64Array.from(fixture.ratioOfRatios.parentDenominator),
    candidateNumerator: Float64Array.from(fixture.ratioOfRatios.candidateNumerator),
    candidateDenominator: Float64Array.from(fixture.ratioOfRatios.candidateDenominator),
  };

  it('matches scipy.stats.bootstrap (paired) for cost per success', () => {
    const result = bootstrapRatioOfRatios(data, options(6));
    expect(result.method).toBe('index');
    expect(result.estimate).toBeCloseTo(fixture.ratioOfRatios.estimate, 12);
    expect(result.undefinedResamples).toBe(0);
    expectCloseToScipy(result, fixture.ratioOfRatios.reference);
  });
});

describe('bootstrapQuantileRatio against references', () => {
  const parent = Float64Array.from(fixture.quantileRatio.parent);
  const candidate = Float64Array.from(fixture.quantileRatio.candidate);
  const { q, reference } = fixture.quantileRatio;

  it('matches scipy.stats.bootstrap (paired) for the p90 ratio', () => {
    const result = bootstrapQuantileRatio(parent, candidate, q, options(7));
    expect(result.estimate).toBeCloseTo(fixture.quantileRatio.estimate, 12);
    expectCloseToScipy(result, reference);
  });

  it('ranks tied values at the window edges as the full ranking does (heavy ties)', () => {
    // Latencies in whole 10 ms steps: hundreds of cases share each value, including the values at
    // the window's edges. The window path (ranks worked out only near the window) and the slow
    // path (all ranks) must give the same distribution: equal SEs and bounds within Monte Carlo error.
    const rng = createRng(31);
    const tiedParent = Float64Array.from({ length: 5000 }, () => 10 * Math.round(20 * Math.exp(0.4 * (rng.nextFloat() + rng.nextFloat() - 1))));
    const tiedCandidate = tiedParent.map((value) => value + 10 * rng.nextInt(3));
    const windowed = bootstrapQuantileRatio(tiedParent, tiedCandidate, 0.95, options(32));
    // 4,000 slow resamples (each draws all 5,000 cases) keep the test quick. The SEs of a lattice
    // distribution this coarse vary by about 2 % between seeds at that B (measured), so 8 % is 4 of those.
    const slow = bootstrapQuantileRatioInWindow(tiedParent, tiedCandidate, 0.95, options(33, { resamples: 4000 }), { spreads: 0.3, slack: 0 });
    expect(windowed.estimate).toBe(slow.estimate);
    expect(Math.abs(windowed.standardError / slow.standardError - 1)).toBeLessThan(0.08);
    // A lattice distribution: the bounds are the same lattice values, or neighbours.
    expect(Math.abs(windowed.interval.lower - slow.interval.lower)).toBeLessThanOrEqual(0.021);
    expect(Math.abs(windowed.interval.upper - slow.interval.upper)).toBeLessThanOrEqual(0.021);
  });

  it('gives the same distribution when the rank window is too narrow and the slow path runs', () => {
    const narrow = bootstrapQuantileRatioInWindow(parent, candidate, q, options(8), { spreads: 0.5, slack: 0 });
    expectCloseToScipy(narrow, reference);
  });
});

describe('bootstrap results', () => {
  const deltas = Float64Array.from({ length: 500 }, (_, i) => Math.sin(i) * 0.3);

  it.each([
    ['binary', (seed: number) => bootstrapBinaryDelta({ minus: 10, zero: 80, plus: 15 }, options(seed, { resamples: 500, keepSamples: true }))],
    ['mean', (seed: number) => bootstrapMeanDelta(deltas, options(seed, { resamples: 500, keepSamples: true }))],
    ['quantile', (seed: number) => bootstrapQuantileRatio(deltas.map(Math.abs), deltas.map((d) => Math.abs(d) + 0.1), 0.9, options(seed, { resamples: 500, keepSamples: true }))],
  ] as const)('%s: the same seed gives bit-identical results, another seed does not', (_, run) => {
    const first = run(11);
    const again = run(11);
    expect(again).toEqual(first);
    expect(Array.from(again.samples!)).toEqual(Array.from(first.samples!));
    expect(Array.from(run(12).samples!)).not.toEqual(Array.from(first.samples!));
  });

  it('returns sorted samples only when asked', () => {
    const without = bootstrapMeanDelta(deltas, options(1, { resamples: 100 }));
    expect(without.samples).toBeUndefined();
    const samples = bootstrapMeanDelta(deltas, options(1, { resamples: 100, keepSamples: true })).samples!;
    expect(samples).toHaveLength(100);
    expect(Array.from(samples)).toEqual(Array.from(samples).toSorted((a, b) => a - b));
  });

  it('switches to the rescaled subsample above maxDrawsPerResample and keeps the SE', () => {
    const exact = bootstrapMeanDelta(deltas, options(2, { resamples: 4000 }));
    const sub = bootstrapMeanDelta(deltas, options(2, { resamples: 4000, maxDrawsPerResample: 100 }));
    expect(exact).toMatchObject({ method: 'index', drawsPerResample: 500 });
    expect(sub).toMatchObject({ method: 'subsample', drawsPerResample: 100, n: 500 });
    // Two independent SE estimates from 4,000 replicates: relative SE √(1/8000) each.
    expect(Math.abs(sub.standardError / exact.standardError - 1)).toBeLessThan(4 * Math.sqrt(2 / 8000));
  });

  it('subsamples ratios above DEFAULT_RATIO_MAX_DRAWS cases unless told otherwise', () => {
    const n = DEFAULT_RATIO_MAX_DRAWS + 2000;
    const ones = new Float64Array(n).fill(1);
    const costs = Float64Array.from({ length: n }, (_, i) => 1 + (i % 7));
    const data = { parentNumerator: costs, parentDenominator: ones, candidateNumerator: costs, candidateDenominator: ones };
    expect(bootstrapRatioOfRatios(data, options(1, { resamples: 20 }))).toMatchObject({
      method: 'subsample',
      drawsPerResample: DEFAULT_RATIO_MAX_DRAWS,
      n,
      estimate: 1,
    });
    expect(bootstrapRatioOfRatios(data, options(1, { resamples: 2, maxDrawsPerResample: Number.POSITIVE_INFINITY }))).toMatchObject({
      method: 'index',
      drawsPerResample: n,
    });
  });

  it.each([
    ['binary', (extra: Partial<BootstrapOptions>) => bootstrapBinaryDelta({ minus: 10, zero: 80, plus: 15 }, options(21, { resamples: 999, ...extra }))],
    ['mean', (extra: Partial<BootstrapOptions>) => bootstrapMeanDelta(deltas, options(22, { resamples: 1000, ...extra }))],
    ['quantile', (extra: Partial<BootstrapOptions>) => bootstrapQuantileRatio(deltas.map(Math.abs), deltas.map((d) => Math.abs(d) + 0.1), 0.9, options(23, { resamples: 1001, ...extra }))],
  ] as const)('%s: selection gives the interval sorting gives, and pValueAt the p-value bootstrapPValue gives', (_, run) => {
    const sorted = run({ keepSamples: true });
    for (const alternative of ['less', 'greater'] as const) {
      const threshold = sorted.estimate;
      const selected = run({ pValueAt: { threshold, alternative } });
      expect(selected.interval).toEqual(sorted.interval);
      expect(selected.standardError).toBe(sorted.standardError);
      expect(selected.samples).toBeUndefined();
      expect(selected.pValue).toBe(bootstrapPValue(sorted, threshold, alternative));
    }
  });

  it('selection handles undefined ratio replicates like the padded sort', () => {
    const n = 20;
    const parentDenominator = new Float64Array(n);
    parentDenominator[3] = 1;
    parentDenominator[7] = 1;
    const data = { parentNumerator: new Float64Array(n).fill(1), parentDenominator, candidateNumerator: Float64Array.from({ length: n }, (_, i) => 1 + i), candidateDenominator: new Float64Array(n).fill(1) };
    for (const level of [0.5, 0.8, 0.95]) {
      const sorted = bootstrapRatioOfRatios(data, options(5, { resamples: 500, level, keepSamples: true }));
      const selected = bootstrapRatioOfRatios(data, options(5, { resamples: 500, level, pValueAt: { threshold: 10, alternative: 'less' } }));
      expect(sorted.undefinedResamples).toBeGreaterThan(0);
      expect(selected.interval).toEqual(sorted.interval);
      expect(selected.pValue).toBe(bootstrapPValue(sorted, 10, 'less'));
    }
  });

  it('subsamples mean deltas above DEFAULT_MEAN_MAX_DRAWS cases unless told otherwise', () => {
    const n = DEFAULT_MEAN_MAX_DRAWS + 5000;
    const many = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 0.3);
    expect(bootstrapMeanDelta(many, options(1, { resamples: 20 }))).toMatchObject({ method: 'subsample', drawsPerResample: DEFAULT_MEAN_MAX_DRAWS, n });
    expect(bootstrapMeanDelta(many, options(1, { resamples: 2, maxDrawsPerResample: Number.POSITIVE_INFINITY }))).toMatchObject({ method: 'index', drawsPerResample: n });
    // Clusters too: n singleton clusters are n units.
    const clusters = Int32Array.from(many, (_, i) => i);
    expect(bootstrapMeanDelta(many, options(1, { resamples: 2 }), clusters)).toMatchObject({ method: 'subsample', drawsPerResample: DEFAULT_MEAN_MAX_DRAWS });
  });

  it('raises the ratio subsample for rare successes and uneven costs', () => {
    const n = 50_000;
    const ones = new Float64Array(n).fill(1);
    const rare = Float64Array.from({ length: n }, (_, i) => (i % 100 === 0 ? 1 : 0));
    // Successes at 1 %: cv² = 99, so m >= 19,800.
    expect(ratioDrawsFor([ones, rare, ones, ones], Float64Array.of(n, n / 100, n, n))).toBe(19_800);
    // Even data keep the default.
    expect(ratioDrawsFor([ones, ones, ones, ones], Float64Array.of(n, n, n, n))).toBe(DEFAULT_RATIO_MAX_DRAWS);
    const data = { parentNumerator: ones, parentDenominator: rare, candidateNumerator: ones, candidateDenominator: ones };
    expect(bootstrapRatioOfRatios(data, options(1, { resamples: 2 }))).toMatchObject({ method: 'subsample', drawsPerResample: 19_800 });
  });

  it('computes the one-sided p-value as (1 + #replicates on the null side) / (B + 1)', () => {
    const result = bootstrapBinaryDelta({ minus: 30, zero: 150, plus: 20 }, options(3, { resamples: 999, keepSamples: true }));
    const samples = Array.from(result.samples!);
    for (const threshold of [-0.1, -0.05, -0.02, 0, 0.02]) {
      const atOrAbove = samples.filter((value) => value >= threshold).length;
      const atOrBelow = samples.filter((value) => value <= threshold).length;
      expect(bootstrapPValue(result, threshold, 'less')).toBe((1 + atOrAbove) / 1000);
      expect(bootstrapPValue(result, threshold, 'greater')).toBe((1 + atOrBelow) / 1000);
    }
    expect(() => bootstrapPValue(bootstrapBinaryDelta({ minus: 1, zero: 1, plus: 1 }, options(1, { resamples: 10 })), 0, 'less')).toThrow(RangeError);
  });

  it('agrees with the percentile interval: p < (1 − level)/2 iff the upper bound is below the threshold', () => {
    const result = bootstrapBinaryDelta({ minus: 40, zero: 140, plus: 20 }, options(4, { resamples: 4000, keepSamples: true }));
    const upper = result.interval.upper;
    expect(bootstrapPValue(result, upper + 1e-9, 'less')).toBeLessThan(0.03);
    expect(bootstrapPValue(result, upper - 0.006, 'less')).toBeGreaterThan(0.025);
  });
});

describe('undefined ratios', () => {
  it('counts resamples without a parent success and widens the interval to unbounded', () => {
    const n = 20;
    const parentDenominator = new Float64Array(n);
    parentDenominator[3] = 1;
    const data = {
      parentNumerator: new Float64Array(n).fill(1),
      parentDenominator,
      candidateNumerator: new Float64Array(n).fill(1),
      candidateDenominator: new Float64Array(n).fill(1),
    };
    const result = bootstrapRatioOfRatios(data, options(1, { resamples: 2000, keepSamples: true }));
    // P(case 3 never drawn) = (19/20)^20 = 0.358.
    expect(result.undefinedResamples / 2000).toBeGreaterThan(0.3);
    expect(result.undefinedResamples / 2000).toBeLessThan(0.42);
    expect(result.interval.lower).toBe(Number.NEGATIVE_INFINITY);
    expect(result.interval.upper).toBe(Number.POSITIVE_INFINITY);
    expect(result.samples).toHaveLength(2000 - result.undefinedResamples);
    expect(bootstrapPValue(result, 1e9, 'less')).toBeGreaterThan(0.3);
  });

  it('rejects an undefined point estimate', () => {
    const zeros = new Float64Array(3);
    const ones = new Float64Array(3).fill(1);
    expect(() =>
      bootstrapRatioOfRatios({ parentNumerator: ones, parentDenominator: zeros, candidateNumerator: ones, candidateDenominator: ones }, options(1)),
    ).toThrow(/undefined/);
    expect(() => bootstrapQuantileRatio(zeros, ones, 0.5, options(1))).toThrow(/undefined/);
  });
});

describe('argument checks', () => {
  const good = options(1, { resamples: 10 });
  it.each([
    ['resamples below 2', () => bootstrapBinaryDelta({ minus: 1, zero: 1, plus: 1 }, { ...good, resamples: 1 })],
    ['level of 1', () => bootstrapBinaryDelta({ minus: 1, zero: 1, plus: 1 }, { ...good, level: 1 })],
    ['fractional cap', () => bootstrapMeanDelta(Float64Array.of(1, 2), { ...good, maxDrawsPerResample: 1.5 })],
    ['negative count', () => bootstrapBinaryDelta({ minus: -1, zero: 1, plus: 1 }, good)],
    ['no cases', () => bootstrapBinaryDelta({ minus: 0, zero: 0, plus: 0 }, good)],
    ['no clusters', () => bootstrapClusteredBinaryDelta([], good)],
    ['empty cluster', () => bootstrapClusteredBinaryDelta([{ minus: 0, zero: 0, plus: 0 }], good)],
    ['empty deltas', () => bootstrapMeanDelta(new Float64Array(0), good)],
    ['NaN delta', () => bootstrapMeanDelta(Float64Array.of(0, Number.NaN), good)],
    ['cluster length', () => bootstrapMeanDelta(Float64Array.of(0, 1), good, Int32Array.of(0))],
    ['negative cluster', () => bootstrapMeanDelta(Float64Array.of(0, 1), good, Int32Array.of(0, -1))],
    ['negative cost', () => bootstrapQuantileRatio(Float64Array.of(1, -1), Float64Array.of(1, 1), 0.5, good)],
    ['length mismatch', () => bootstrapQuantileRatio(Float64Array.of(1, 1), Float64Array.of(1), 0.5, good)],
    ['q above 1', () => bootstrapQuantileRatio(Float64Array.of(1), Float64Array.of(1), 1.5, good)],
    [
      'ratio lengths',
      () =>
        bootstrapRatioOfRatios(
          { parentNumerator: Float64Array.of(1), parentDenominator: Float64Array.of(1, 1), candidateNumerator: Float64Array.of(1), candidateDenominator: Float64Array.of(1) },
          good,
        ),
    ],
  ])('throws a RangeError for %s', (_, call) => {
    expect(call).toThrow(RangeError);
  });
});
