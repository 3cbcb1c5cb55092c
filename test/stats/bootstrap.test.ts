import { describe, expect, it } from 'vitest';
import {
  bootstrapClusteredQuantileRatio,
  bootstrapQuantileRatio,
  bootstrapRatioOfRatios,
  DEFAULT_RATIO_MAX_DRAWS,
  type BootstrapOptions,
  type BootstrapResult,
} from '../../src/stats/bootstrap.ts';
import { bootstrapQuantileRatioInWindow } from '../../src/stats/bootstrap-quantile.ts';
import { ratioDrawsFor } from '../../src/stats/bootstrap-ratio.ts';
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
  readonly binaryDelta: {
    readonly minus: number;
    readonly zero: number;
    readonly plus: number;
    readonly estimate: number;
    readonly reference: ScipyInterval;
  };
  readonly ratioOfRatios: {
    readonly parentNumerator: number[];
    readonly parentDenominator: number[];
    readonly candidateNumerator: number[];
    readonly candidateDenominator: number[];
    readonly estimate: number;
    readonly reference: ScipyInterval;
  };
  readonly quantileRatio: {
    readonly parent: number[];
    readonly candidate: number[];
    readonly q: number;
    readonly estimate: number;
    readonly reference: ScipyInterval;
  };
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
  expect(Math.abs(result.interval.lower - reference.lower)).toBeLessThan(
    (4 * spread) / reference.densityAtLower + lattice,
  );
  expect(Math.abs(result.interval.upper - reference.upper)).toBeLessThan(
    (4 * spread) / reference.densityAtUpper + lattice,
  );
  // The SE of a standard deviation estimated from B replicates is about SE·√(1/(2B)) for a near-normal
  // bootstrap distribution; 4 of them, doubled for skewed ratios, is the tolerance.
  const seTolerance =
    8 * reference.standardError * Math.sqrt(1 / (2 * result.resamples) + 1 / (2 * reference.scipyResamples));
  expect(Math.abs(result.standardError - reference.standardError)).toBeLessThan(seTolerance);
}

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
    const tiedParent = Float64Array.from(
      { length: 5000 },
      () => 10 * Math.round(20 * Math.exp(0.4 * (rng.nextFloat() + rng.nextFloat() - 1))),
    );
    const tiedCandidate = tiedParent.map((value) => value + 10 * rng.nextInt(3));
    const windowed = bootstrapQuantileRatio(tiedParent, tiedCandidate, 0.95, options(32));
    // 4,000 slow resamples (each draws all 5,000 cases) keep the test quick. The SEs of a lattice
    // distribution this coarse vary by about 2 % between seeds at that B (measured), so 8 % is 4 of those.
    const slow = bootstrapQuantileRatioInWindow(tiedParent, tiedCandidate, 0.95, options(33, { resamples: 4000 }), {
      spreads: 0.3,
      slack: 0,
    });
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

  const clusterOf = Int32Array.from(deltas, (_, i) => Math.floor(i / 5));
  it.each([
    [
      'quantile',
      (seed: number) =>
        bootstrapQuantileRatio(
          deltas.map(Math.abs),
          deltas.map((d) => Math.abs(d) + 0.1),
          0.9,
          options(seed, { resamples: 500, keepSamples: true }),
        ),
    ],
    [
      'clustered quantile',
      (seed: number) =>
        bootstrapClusteredQuantileRatio(
          deltas.map(Math.abs),
          deltas.map((d) => Math.abs(d) + 0.1),
          clusterOf,
          0.9,
          options(seed, { resamples: 500, keepSamples: true }),
        ),
    ],
  ] as const)('%s: the same seed gives bit-identical results, another seed does not', (_, run) => {
    const first = run(11);
    const again = run(11);
    expect(again).toEqual(first);
    expect(Array.from(again.samples!)).toEqual(Array.from(first.samples!));
    expect(Array.from(run(12).samples!)).not.toEqual(Array.from(first.samples!));
  });

  it('returns sorted samples only when asked', () => {
    const parent = deltas.map(Math.abs);
    const candidate = deltas.map((d) => Math.abs(d) + 0.1);
    expect(bootstrapQuantileRatio(parent, candidate, 0.9, options(1, { resamples: 100 })).samples).toBeUndefined();
    const samples = bootstrapQuantileRatio(
      parent,
      candidate,
      0.9,
      options(1, { resamples: 100, keepSamples: true }),
    ).samples!;
    expect(samples).toHaveLength(100);
    expect(Array.from(samples)).toEqual(Array.from(samples).toSorted((a, b) => a - b));
  });

  it('subsamples ratios above DEFAULT_RATIO_MAX_DRAWS cases unless told otherwise', () => {
    const n = DEFAULT_RATIO_MAX_DRAWS + 2000;
    const ones = new Float64Array(n).fill(1);
    const costs = Float64Array.from({ length: n }, (_, i) => 1 + (i % 7));
    const data = {
      parentNumerator: costs,
      parentDenominator: ones,
      candidateNumerator: costs,
      candidateDenominator: ones,
    };
    expect(bootstrapRatioOfRatios(data, options(1, { resamples: 20 }))).toMatchObject({
      method: 'subsample',
      drawsPerResample: DEFAULT_RATIO_MAX_DRAWS,
      n,
      estimate: 1,
    });
    expect(
      bootstrapRatioOfRatios(data, options(1, { resamples: 2, maxDrawsPerResample: Number.POSITIVE_INFINITY })),
    ).toMatchObject({
      method: 'index',
      drawsPerResample: n,
    });
  });

  it('selection gives the interval sorting gives', () => {
    const run = (extra: Partial<BootstrapOptions>) =>
      bootstrapQuantileRatio(
        deltas.map(Math.abs),
        deltas.map((d) => Math.abs(d) + 0.1),
        0.9,
        options(23, { resamples: 1001, ...extra }),
      );
    const sorted = run({ keepSamples: true });
    const selected = run({});
    expect(selected.interval).toEqual(sorted.interval);
    expect(selected.standardError).toBe(sorted.standardError);
    expect(selected.samples).toBeUndefined();
  });

  it('selection handles undefined ratio replicates like the padded sort', () => {
    const n = 20;
    const parentDenominator = new Float64Array(n);
    parentDenominator[3] = 1;
    parentDenominator[7] = 1;
    const data = {
      parentNumerator: new Float64Array(n).fill(1),
      parentDenominator,
      candidateNumerator: Float64Array.from({ length: n }, (_, i) => 1 + i),
      candidateDenominator: new Float64Array(n).fill(1),
    };
    for (const level of [0.5, 0.8, 0.95]) {
      const sorted = bootstrapRatioOfRatios(data, options(5, { resamples: 500, level, keepSamples: true }));
      const selected = bootstrapRatioOfRatios(data, options(5, { resamples: 500, level }));
      expect(sorted.undefinedResamples).toBeGreaterThan(0);
      expect(selected.interval).toEqual(sorted.interval);
    }
  });

  it('raises the ratio subsample for rare successes and uneven costs', () => {
    const n = 50_000;
    const ones = new Float64Array(n).fill(1);
    const rare = Float64Array.from({ length: n }, (_, i) => (i % 100 === 0 ? 1 : 0));
    // Successes at 1 %: cv² = 99, so m >= 19,800.
    expect(ratioDrawsFor([ones, rare, ones, ones], Float64Array.of(n, n / 100, n, n))).toBe(19_800);
    // Even data keep the default.
    expect(ratioDrawsFor([ones, ones, ones, ones], Float64Array.of(n, n, n, n))).toBe(DEFAULT_RATIO_MAX_DRAWS);
    const data = {
      parentNumerator: ones,
      parentDenominator: rare,
      candidateNumerator: ones,
      candidateDenominator: ones,
    };
    expect(bootstrapRatioOfRatios(data, options(1, { resamples: 2 }))).toMatchObject({
      method: 'subsample',
      drawsPerResample: 19_800,
    });
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
  });

  it('rejects an undefined point estimate', () => {
    const zeros = new Float64Array(3);
    const ones = new Float64Array(3).fill(1);
    expect(() =>
      bootstrapRatioOfRatios(
        { parentNumerator: ones, parentDenominator: zeros, candidateNumerator: ones, candidateDenominator: ones },
        options(1),
      ),
    ).toThrow(/undefined/);
    expect(() => bootstrapQuantileRatio(zeros, ones, 0.5, options(1))).toThrow(/undefined/);
  });
});

describe('argument checks', () => {
  const good = options(1, { resamples: 10 });
  it.each([
    [
      'resamples below 2',
      () => bootstrapQuantileRatio(Float64Array.of(1, 2), Float64Array.of(1, 2), 0.5, { ...good, resamples: 1 }),
    ],
    [
      'level of 1',
      () => bootstrapQuantileRatio(Float64Array.of(1, 2), Float64Array.of(1, 2), 0.5, { ...good, level: 1 }),
    ],
    [
      'fractional cap',
      () =>
        bootstrapRatioOfRatios(
          {
            parentNumerator: Float64Array.of(1),
            parentDenominator: Float64Array.of(1),
            candidateNumerator: Float64Array.of(1),
            candidateDenominator: Float64Array.of(1),
          },
          { ...good, maxDrawsPerResample: 1.5 },
        ),
    ],
    [
      'cluster length',
      () => bootstrapClusteredQuantileRatio(Float64Array.of(1, 2), Float64Array.of(1, 2), Int32Array.of(0), 0.5, good),
    ],
    [
      'negative cluster',
      () =>
        bootstrapClusteredQuantileRatio(Float64Array.of(1, 2), Float64Array.of(1, 2), Int32Array.of(0, -1), 0.5, good),
    ],
    [
      'clustered parent quantile 0',
      () =>
        bootstrapClusteredQuantileRatio(Float64Array.of(0, 0), Float64Array.of(1, 2), Int32Array.of(0, 1), 0.5, good),
    ],
    ['negative cost', () => bootstrapQuantileRatio(Float64Array.of(1, -1), Float64Array.of(1, 1), 0.5, good)],
    ['length mismatch', () => bootstrapQuantileRatio(Float64Array.of(1, 1), Float64Array.of(1), 0.5, good)],
    ['q above 1', () => bootstrapQuantileRatio(Float64Array.of(1), Float64Array.of(1), 1.5, good)],
    [
      'ratio lengths',
      () =>
        bootstrapRatioOfRatios(
          {
            parentNumerator: Float64Array.of(1),
            parentDenominator: Float64Array.of(1, 1),
            candidateNumerator: Float64Array.of(1),
            candidateDenominator: Float64Array.of(1),
          },
          good,
        ),
    ],
  ])('throws a RangeError for %s', (_, call) => {
    expect(call).toThrow(RangeError);
  });
});

describe('bootstrapClusteredQuantileRatio', () => {
  it('is the case bootstrap when every case is its own cluster: the same estimate and, within Monte Carlo error, the same interval', () => {
    const rng = createRng(40);
    const parent = Float64Array.from(
      { length: 600 },
      () => 1000 * Math.exp(0.4 * (rng.nextFloat() + rng.nextFloat() - 1)),
    );
    const candidate = parent.map((p) => p * (1 + 0.1 * (rng.nextFloat() - 0.3)));
    const singletons = Int32Array.from(parent, (_, i) => i);
    const clustered = bootstrapClusteredQuantileRatio(parent, candidate, singletons, 0.9, options(41));
    const plain = bootstrapQuantileRatio(parent, candidate, 0.9, options(42));
    expect(clustered.estimate).toBe(plain.estimate);
    expect(clustered.n).toBe(600);
    // Two estimates of the same percentile bounds from 20,000 replicates each: within 10 % of the width.
    const width = plain.interval.upper - plain.interval.lower;
    expect(Math.abs(clustered.interval.lower - plain.interval.lower)).toBeLessThan(0.1 * width);
    expect(Math.abs(clustered.interval.upper - plain.interval.upper)).toBeLessThan(0.1 * width);
  });

  it('widens the interval when latency moves together inside clusters', () => {
    const rng = createRng(43);
    const clusterOf = Int32Array.from({ length: 1200 }, (_, i) => Math.floor(i / 20));
    const shift = Float64Array.from({ length: 60 }, () => Math.exp(0.3 * (rng.nextFloat() - 0.5)));
    const parent = Float64Array.from(clusterOf, () => 800 + 400 * rng.nextFloat());
    const candidate = Float64Array.from(parent, (p, i) => p * shift[clusterOf[i]!]!);
    const clustered = bootstrapClusteredQuantileRatio(
      parent,
      candidate,
      clusterOf,
      0.95,
      options(44, { resamples: 4000 }),
    );
    const plain = bootstrapQuantileRatio(parent, candidate, 0.95, options(45, { resamples: 4000 }));
    expect(clustered.n).toBe(60);
    expect(clustered.interval.upper - clustered.interval.lower).toBeGreaterThan(
      1.5 * (plain.interval.upper - plain.interval.lower),
    );
  });

  it('ignores cluster numbers without cases', () => {
    const result = bootstrapClusteredQuantileRatio(
      Float64Array.of(1, 2, 3, 4),
      Float64Array.of(2, 3, 4, 5),
      Int32Array.of(0, 0, 7, 7),
      0.5,
      options(46, { resamples: 50 }),
    );
    expect(result.n).toBe(2);
  });
});
