import { describe, expect, it } from 'vitest';
import {
  mixtureHalfWidth,
  mixtureInterval,
  mixtureLikelihoodRatio,
  varianceForHalfWidth,
} from '../../src/stats/always-valid.ts';
import {
  binomialVarianceFloor,
  clusterRatio,
  ClusterSumsBuilder,
  contrastOf,
} from '../../src/stats/always-valid-cluster.ts';

describe('normal-mixture confidence sequence', () => {
  it('has the closed-form half-width and is wider than a fixed-n interval', () => {
    const v = 1e-4;
    const tau = 0.02;
    const expected = Math.sqrt(
      ((v * (v + tau * tau)) / (tau * tau)) * (2 * Math.log(20) + Math.log((v + tau * tau) / v)),
    );
    expect(mixtureHalfWidth(v, { alpha: 0.05, tau })).toBeCloseTo(expected, 14);
    expect(mixtureHalfWidth(v, { alpha: 0.05, tau })).toBeGreaterThan(1.96 * Math.sqrt(v));
    expect(mixtureInterval(0.03, v, { alpha: 0.05, tau })).toEqual({
      lower: 0.03 - expected,
      upper: 0.03 + expected,
      level: 0.95,
    });
  });

  it('is the set of nulls the mSPRT does not reject', () => {
    const options = { alpha: 0.05, tau: 0.02 };
    const half = mixtureHalfWidth(4e-5, options);
    expect(mixtureLikelihoodRatio(0.01, 4e-5, 0.01 - half * 0.999, 0.02)).toBeLessThan(20);
    expect(mixtureLikelihoodRatio(0.01, 4e-5, 0.01 - half * 1.001, 0.02)).toBeGreaterThan(20);
  });

  it('inverts the half-width for how much information a decision needs', () => {
    const options = { alpha: 0.025, tau: 0.02 };
    const v = varianceForHalfWidth(0.015, options);
    expect(mixtureHalfWidth(v, options)).toBeCloseTo(0.015, 9);
  });

  it('rejects parameters outside their domain', () => {
    expect(() => mixtureHalfWidth(-1, { alpha: 0.05, tau: 1 })).toThrow(RangeError);
    expect(() => mixtureHalfWidth(1, { alpha: 1.5, tau: 1 })).toThrow(RangeError);
    expect(() => mixtureHalfWidth(1, { alpha: 0.05, tau: 0 })).toThrow(RangeError);
    expect(mixtureHalfWidth(0, { alpha: 0.05, tau: 1 })).toBe(0);
  });
});

describe('cluster ratio estimator', () => {
  it('matches the variance computed cluster by cluster', () => {
    const clusters: [number, number][] = [
      [3, 1],
      [1, 0],
      [5, 2],
      [2, 2],
      [4, 0],
    ];
    const builder = new ClusterSumsBuilder();
    for (const [n, y] of clusters) builder.add(n, y);
    builder.add(0, 0);
    const sums = builder.build();
    expect(sums.clusters).toBe(5);
    const N = 15;
    const r = 5 / N;
    const direct = ((5 / 4) * clusters.reduce((s, [n, y]) => s + (y - r * n) ** 2, 0)) / (N * N);
    const estimate = clusterRatio(sums);
    expect(estimate.ratio).toBeCloseTo(r, 15);
    expect(estimate.variance).toBeCloseTo(direct, 15);
  });

  it('is wider than the binomial variance when users differ, and floors an arm without events', () => {
    const builder = new ClusterSumsBuilder();
    for (let i = 0; i < 100; i++) builder.add(10, i % 2 === 0 ? 4 : 0);
    const sums = builder.build();
    expect(clusterRatio(sums).variance).toBeGreaterThan(binomialVarianceFloor(sums));
    const none = new ClusterSumsBuilder();
    for (let i = 0; i < 50; i++) none.add(2, 0);
    expect(clusterRatio(none.build()).variance).toBe(0);
    expect(binomialVarianceFloor(none.build())).toBeCloseTo(((0.5 / 101) * (1 - 0.5 / 101)) / 100, 15);
  });

  it('contrasts arms as a difference or a log ratio', () => {
    const a = { ratio: 0.14, variance: 4e-5, clusters: 900, n: 2400 };
    const b = { ratio: 0.1, variance: 3e-5, clusters: 900, n: 2400 };
    const d = contrastOf(a, b, 'difference');
    expect(d.estimate).toBeCloseTo(0.04, 15);
    expect(d.variance).toBeCloseTo(7e-5, 18);
    const l = contrastOf(a, b, 'log_ratio');
    expect(l.estimate).toBeCloseTo(Math.log(1.4), 15);
    expect(l.variance).toBeCloseTo(4e-5 / 0.0196 + 3e-5 / 0.01, 15);
    expect(contrastOf({ ...a, ratio: 0 }, b, 'log_ratio').estimate).toBeNaN();
  });
});
