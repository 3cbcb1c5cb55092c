import { describe, expect, it } from 'vitest';
import type { PairedCase } from '../../src/evidence/pair.ts';
import { evaluateCost } from '../../src/gates/cost.ts';
import { outcome, pairedCase, policyAt } from './cases.ts';

const policy = policyAt(0);

/**
 * Golden cases with costs: the first `fail` of every ten fail on both sides; the parent costs
 * 1–1.9 cents; the candidate costs `factor` times that, times a per-case wobble of ±`noise`.
 */
function costed(
  n: number,
  factor: number,
  options: { noise?: number; fail?: number; candidateFails?: boolean } = {},
): PairedCase[] {
  const noise = options.noise ?? 0.1;
  return Array.from({ length: n }, (_, i) => {
    const pass = i % 10 < (options.fail ?? 1) ? 0 : 1;
    const parentCost = 0.01 + (i % 10) * 0.001;
    const wobble = 1 + (((i * 7) % 5) - 2) * (noise / 2);
    return pairedCase(
      `c${i}`,
      outcome(pass, { cost_usd: parentCost }),
      outcome(options.candidateFails ? 0 : pass, { cost_usd: parentCost * factor * wobble }),
    );
  });
}

/** (Σ candidate cost / Σ candidate passes) / (Σ parent cost / Σ parent passes), computed directly. */
function ratioOf(cases: readonly PairedCase[]): number {
  const sum = (f: (c: PairedCase) => number): number => cases.reduce((acc, c) => acc + f(c), 0);
  return (
    sum((c) => c.candidate.cost_usd!) /
    sum((c) => c.candidate.pass) /
    (sum((c) => c.parent.cost_usd!) / sum((c) => c.parent.pass))
  );
}

describe('cost gate', () => {
  it('passes a small rise, with the exact ratio of costs per success as the estimate', () => {
    const cases = costed(200, 1.05);
    const result = evaluateCost(cases, policy, undefined);
    expect(result.verdict).toBe('pass');
    expect(result.headline!.estimate).toBeCloseTo(ratioOf(cases), 6);
    expect(result.headline).toMatchObject({
      name: 'cost_per_success_ratio',
      unit: 'ratio',
      threshold: 1.2,
      n: 200,
      verdict: 'pass',
    });
    expect(result.headline!.interval!.upper).toBeLessThanOrEqual(1.2);
    expect(result.headline!.interval!.lower).toBeLessThan(result.headline!.estimate);
    expect(result.headline).toMatchObject({ method: 'bca-bootstrap', interval: { level: 0.96 } });
    expect(result.reason).toMatch(
      /^Cost per successful task changed \+\d\.\d % \(\$0\.0\d+ → \$0\.0\d+; 96% CI ×1\.\d+ to ×1\.\d+\); the one-sided 98 % upper bound, ×1\.\d+, is within the 20 % limit\.$/,
    );
  });

  it('fails a 50 % rise without a quality gain', () => {
    const result = evaluateCost(costed(200, 1.5), policy, undefined);
    expect(result.verdict).toBe('fail');
    expect(result.on_failure).toBe('reject');
    expect(result.headline!.bound_at_alpha).toBeGreaterThan(1.2);
    expect(result.reason).toMatch(
      /: a rise beyond the 20 % limit, significant at this test's α = 0\.04 of the error budget \(one-sided 96 % lower bound ×1\.\d+\) without a 3\.0 pp quality gain shown to justify it\.$/,
    );
  });

  it.each<[string, { estimatePp: number; lowerPp: number }, 'pass' | 'fail']>([
    ['a gain shown to be at least 3 pp offsets it', { estimatePp: 6, lowerPp: 3.4 }, 'pass'],
    ['a lower bound of exactly 3 pp offsets it', { estimatePp: 5, lowerPp: 3 }, 'pass'],
    ['a 4 pp gain not shown to reach 3 pp does not', { estimatePp: 4, lowerPp: 1 }, 'fail'],
  ])('a 50 %% rise: %s', (_name, quality, verdict) => {
    const result = evaluateCost(costed(200, 1.5), policy, quality);
    expect(result.verdict).toBe(verdict);
    if (verdict === 'pass')
      expect(result.reason).toMatch(
        /; justified by a quality gain shown to be at least 3\.0 pp \(one-sided 98 % lower bound \+3\.\d pp\)\.$/,
      );
  });

  it('is inconclusive when the interval straddles the limit', () => {
    const result = evaluateCost(costed(40, 1.1, { noise: 1 }), policy, undefined);
    expect(result.verdict).toBe('inconclusive');
    expect(result.headline!.interval!.lower).toBeLessThan(1.1);
    expect(result.headline!.interval!.upper).toBeGreaterThan(1.2);
    expect(result.reason).toMatch(
      /: the one-sided 98 % upper bound, ×1\.\d+, is beyond the 20 % limit, and a rise beyond it is not significant\.$/,
    );
  });

  it('is inconclusive below min_cases even for a large rise', () => {
    expect(evaluateCost(costed(20, 1.5), policy, undefined).verdict).toBe('inconclusive');
  });

  it('is not_applicable without cost_usd', () => {
    const cases = [pairedCase('a', 1, 1), pairedCase('b', 0, 1)];
    expect(evaluateCost(cases, policy, undefined)).toEqual({
      gate: 'cost',
      verdict: 'not_applicable',
      reason: 'The evidence has no cost_usd on paired golden cases.',
      measures: [],
      on_failure: 'reject',
    });
  });

  it('is inconclusive when the candidate has no successful case', () => {
    const result = evaluateCost(costed(100, 1, { candidateFails: true }), policy, undefined);
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toBe('Cost per successful task is undefined: the candidate has no successful golden case.');
  });

  it('does not crash when the parent cost nothing (cached or free), and fails a candidate that now costs', () => {
    const cases = Array.from({ length: 100 }, (_, i) =>
      pairedCase(`z${i}`, outcome(1, { cost_usd: 0 }), outcome(1, { cost_usd: 0.002 })),
    );
    const result = evaluateCost(cases, policy, undefined);
    expect(result.verdict).toBe('fail');
    expect(result.reason).toBe(
      'Cost per successful task rose from $0 to $0.00200: the parent cost nothing, so any cost is an unbounded increase.',
    );
    const free = Array.from({ length: 100 }, (_, i) =>
      pairedCase(`z${i}`, outcome(1, { cost_usd: 0 }), outcome(1, { cost_usd: 0 })),
    );
    expect(evaluateCost(free, policy, undefined)).toMatchObject({
      verdict: 'pass',
      reason: 'Neither package costs anything per successful task.',
    });
  });

  it('fails a candidate over the cost ceiling in delivery.slo, whatever the ratio', () => {
    const cases = costed(200, 1);
    const result = evaluateCost(cases, policy, undefined, 0.01);
    expect(result.verdict).toBe('fail');
    expect(result.reason).toMatch(/, above the \$0\.0100 ceiling in delivery\.slo\.$/);
    expect(result.measures.find((m) => m.name === 'candidate_cost_per_success')).toMatchObject({
      threshold: 0.01,
      verdict: 'fail',
    });
  });

  it('uses trial-averaged pass fractions as the successes', () => {
    const cases = Array.from({ length: 100 }, (_, i) =>
      pairedCase(`t${i}`, outcome(1, { trials: 3, cost_usd: 0.01 }), outcome(2 / 3, { trials: 3, cost_usd: 0.01 })),
    );
    // Same cost, two thirds of the successes: ×1.5 per success.
    const result = evaluateCost(cases, policy, undefined);
    expect(result.headline!.estimate).toBeCloseTo(1.5, 6);
    expect(result.verdict).toBe('fail');
  });

  it('resamples clusters, not cases, when cases come in incidents', () => {
    const cases = costed(300, 1.05).map((c, i) => ({ ...c, cluster: `incident-${i % 30}` }));
    const result = evaluateCost(cases, policy, undefined);
    expect(result.headline).toMatchObject({ method: 'cluster-bca-bootstrap', clusters: 30, n: 300 });
    expect(result.verdict).toBe('pass');
  });
});
