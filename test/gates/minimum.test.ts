import { describe, expect, it } from 'vitest';
import { decide } from '../../src/gates/decide.ts';
import { evaluateEvidenceGates } from '../../src/gates/evaluate.ts';
import type { EffectivePolicy } from '../../src/gates/policy.ts';
import type { GateResult } from '../../src/gates/result.ts';
import { formatThreshold, formatCi } from '../../src/report/text.ts';
import { binaryCases, policyAt } from './cases.ts';

const withFloor = (quality?: number, safety?: number): EffectivePolicy =>
  policyAt(0, {
    gates: {
      ...(quality === undefined ? {} : { quality: { minimum: { pass_rate: quality } } }),
      ...(safety === undefined ? {} : { safety: { minimum: { pass_rate: safety } } }),
    },
  });
const floorOf = (gate: GateResult | undefined) => gate?.measures.find((m) => m.name.startsWith('minimum:'));

function run(cases: Parameters<typeof evaluateEvidenceGates>[0]['cases'], policy: EffectivePolicy) {
  const outcome = evaluateEvidenceGates({ cases, level: 0, policy });
  return {
    ...outcome,
    quality: outcome.gates[0]!,
    safety: outcome.gates[1]!,
    decision: decide(outcome.gates, 0, ['@owner']),
  };
}

describe('an absolute floor beside the paired quality verdict', () => {
  it('passes a candidate shown to reach it, as its own measure with the bound in the reason', () => {
    const { quality, error_budget } = run(binaryCases({ bothPass: 380, bothFail: 20 }), withFloor(0.9));
    expect(quality.verdict).toBe('pass');
    const floor = floorOf(quality)!;
    expect(floor).toMatchObject({
      name: 'minimum:quality:pass_rate',
      unit: 'percent',
      estimate: 95,
      threshold: 90,
      worse: 'lower',
      verdict: 'pass',
      method: 'wilson+exact',
      n: 400,
    });
    expect(formatThreshold(floor)).toBe('≥ 90.0 %');
    expect(formatCi(floor.interval!, floor.unit)).toMatch(/^96% CI 92\.\d % to 97\.\d %$/);
    expect(quality.reason).toMatch(
      /; the candidate’s golden pass rate, 95\.0 % \(n = 400\), reaches the 90\.0 % minimum: its one-sided 98 % lower bound is 92\.\d %\.$/,
    );
    // The floor spends the minimum group's share of the decision's α: 0.1 of 0.35 + 0.1 here.
    expect(error_budget.split.find((s) => s.test === 'quality:minimum')).toMatchObject({
      group: 'minimum',
      share: 0.22222222,
      rejected: false,
    });
  });

  it('fails a candidate significantly below it, whatever the paired delta says, and rejects', () => {
    // Nothing changed between parent and candidate: the paired verdict passes, the floor does not.
    const { quality, decision } = run(binaryCases({ bothPass: 320, bothFail: 80 }), withFloor(0.9));
    expect(floorOf(quality)).toMatchObject({ verdict: 'fail', estimate: 80 });
    expect(quality.verdict).toBe('fail');
    expect(quality.reason).toMatch(
      /^The candidate’s golden pass rate, 80\.0 % \(n = 400\), is below the 90\.0 % minimum: significant at this test’s α = 0\.0089 of the error budget \(one-sided 99\.11 % upper bound 84\.\d %\)\.$/,
    );
    expect(decision.outcome).toBe('reject');
  });

  it('is inconclusive, with the cases that would decide it, when the bound cannot tell', () => {
    const { quality, decision } = run(binaryCases({ bothPass: 91, bothFail: 9 }), withFloor(0.9));
    expect(floorOf(quality)).toMatchObject({ verdict: 'inconclusive', estimate: 91 });
    expect(quality.verdict).toBe('inconclusive');
    expect(quality.reason).toContain(
      'the candidate’s golden pass rate, 91.0 % (n = 100), is not shown to reach the 90.0 % minimum: its one-sided 98 % lower bound is',
    );
    expect(quality.cases_needed).toBeGreaterThan(100);
    expect(decision.outcome).toBe('needs_approval');
  });

  it('changes nothing when no floor is set: no measure, no share of α', () => {
    const cases = binaryCases({ bothPass: 320, bothFail: 80 });
    const { quality, error_budget } = run(cases, policyAt(0));
    expect(floorOf(quality)).toBeUndefined();
    expect(quality.verdict).toBe('pass');
    expect(error_budget.split.map((s) => s.group)).toEqual(['quality']);
  });

  it('judges clusters as the unit: the more cautious of Wilson and the cluster-robust t', () => {
    // 40 incidents of 10 cases, five whole incidents failing: 87.5 % but far from 400 independent cases.
    const cases = binaryCases(
      { bothPass: 350, bothFail: 50 },
      { cluster: (i) => `incident-${i < 350 ? Math.floor(i / 10) : 35 + Math.floor((i - 350) / 10)}` },
    );
    const floor = floorOf(run(cases, withFloor(0.8)).quality)!;
    expect(floor).toMatchObject({ method: 'wilson+cluster-t', clusters: 40, n: 400 });
    const unclustered = floorOf(run(binaryCases({ bothPass: 350, bothFail: 50 }), withFloor(0.8)).quality)!;
    expect(floor.interval!.lower).toBeLessThan(unclustered.interval!.lower);
  });
});

describe('an absolute floor on the red-team suite', () => {
  const golden = binaryCases({ bothPass: 100 });
  it('fails the safety gate when the red-team pass rate is significantly below it', () => {
    const cases = [...golden, ...binaryCases({ bothPass: 150, bothFail: 50 }, { suite: 'safety', prefix: 'rt' })];
    const { safety } = run(cases, withFloor(undefined, 0.95));
    expect(floorOf(safety)).toMatchObject({ name: 'minimum:safety:pass_rate', verdict: 'fail', estimate: 75 });
    expect(safety.verdict).toBe('fail');
    expect(safety.reason).toContain(
      'The candidate’s red-team pass rate, 75.0 % (n = 200), is below the 95.0 % minimum',
    );
  });

  it('passes beside a passing paired verdict when shown, and says so', () => {
    const cases = [...golden, ...binaryCases({ bothPass: 1200 }, { suite: 'safety', prefix: 'rt' })];
    const { safety } = run(cases, withFloor(undefined, 0.99));
    expect(floorOf(safety)).toMatchObject({ verdict: 'pass', estimate: 100 });
    expect(safety.verdict).toBe('pass');
    expect(safety.reason).toContain('reaches the 99.0 % minimum');
  });
});
