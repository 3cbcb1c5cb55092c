import { describe, expect, it } from 'vitest';
import type { PairedCase } from '../../src/evidence/pair.ts';
import { evaluateLatency } from '../../src/gates/latency.ts';
import type { Measure } from '../../src/gates/result.ts';
import { outcome, pairedCase, policyAt } from './cases.ts';

const policy = policyAt(0);
const measure = (measures: readonly Measure[], name: string): Measure => measures.find((m) => m.name === name)!;

/** Cases with parent latency 1000–2990 ms (every value once per 200) and the candidate at `factor` times it plus `shiftMs`. */
function timed(n: number, factor: number, shiftMs = 0): PairedCase[] {
  return Array.from({ length: n }, (_, i) => {
    const parent = 1000 + ((i * 37) % 200) * 10;
    return pairedCase(
      `l${i}`,
      outcome(1, { latency_ms: parent }),
      outcome(1, { latency_ms: parent * factor + shiftMs }),
    );
  });
}

/** Type-7 quantile (numpy's default), written out independently of src/stats. */
function p95(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const h = (sorted.length - 1) * 0.95;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!);
}

describe('latency gate', () => {
  it('passes an unchanged p95, with p95s computed as numpy does', () => {
    const cases = timed(400, 1.02);
    const result = evaluateLatency(cases, policy, 8000);
    expect(result.verdict).toBe('pass');
    expect(result.on_failure).toBe('hold');
    const parent = p95(cases.map((c) => c.parent.latency_ms!));
    const candidate = p95(cases.map((c) => c.candidate.latency_ms!));
    // np.percentile(1000 + ((np.arange(400)*37) % 200)*10, 95) == 2890.4999999999995
    expect(parent).toBeCloseTo(2890.5, 9);
    expect(measure(result.measures, 'parent_p95_ms').estimate).toBeCloseTo(parent, 3);
    expect(measure(result.measures, 'candidate_p95_ms').estimate).toBeCloseTo(candidate, 3);
    expect(result.headline).toMatchObject({ name: 'p95_latency_ratio', threshold: 1.2, n: 400, verdict: 'pass' });
    expect(result.headline!.estimate).toBeCloseTo(candidate / parent, 6);
    expect(result.headline).toMatchObject({ method: 'percentile-bootstrap', interval: { level: 0.96 } });
    expect(result.reason).toMatch(
      /^p95 latency changed \+2\.0 % \(2,890 ms → 2,948 ms; 96% CI ×\d\.\d+ to ×\d\.\d+\); the one-sided 98 % upper bound, ×1\.\d+, is within the 20 % limit and under the SLO\.$/,
    );
  });

  it('holds a 30 % rise', () => {
    const result = evaluateLatency(timed(400, 1.3), policy);
    expect(result.verdict).toBe('fail');
    expect(result.on_failure).toBe('hold');
    expect(result.headline!.bound_at_alpha).toBeGreaterThan(1.2);
    expect(result.reason).toMatch(
      /: a rise beyond the 20 % limit, significant at this test's α = 0\.04 of the error budget \(one-sided 96 % lower bound ×1\.\d+\)\.$/,
    );
  });

  it('holds a candidate whose p95 is over the SLO, though within the relative limit', () => {
    const result = evaluateLatency(timed(400, 1.05), policy, 3000);
    expect(result.verdict).toBe('fail');
    expect(result.on_failure).toBe('hold');
    expect(result.reason).toMatch(/, over the 3,000 ms SLO in delivery\.slo\.$/);
    expect(measure(result.measures, 'candidate_p95_ms')).toMatchObject({ threshold: 3000, verdict: 'fail' });
  });

  it('is inconclusive below min_cases and when the interval straddles the limit', () => {
    expect(evaluateLatency(timed(20, 1.5), policy).verdict).toBe('inconclusive');
    // A p95 carried by few tail cases: +15 % with a wide interval.
    const cases = Array.from({ length: 60 }, (_, i) =>
      pairedCase(
        `w${i}`,
        outcome(1, { latency_ms: i < 54 ? 1000 : 4000 + i * 100 }),
        outcome(1, { latency_ms: i < 54 ? 1000 : (4000 + i * 100) * (i % 2 === 0 ? 1.6 : 0.9) }),
      ),
    );
    const result = evaluateLatency(cases, policy);
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toMatch(
      /: the one-sided 98 % upper bound, ×\d\.\d+, is beyond the 20 % limit, and a rise beyond it is not significant\.$/,
    );
  });

  it('is not_applicable without latency_ms', () => {
    expect(evaluateLatency([pairedCase('a', 1, 1)], policy)).toMatchObject({
      verdict: 'not_applicable',
      measures: [],
      on_failure: 'hold',
    });
  });

  it('does not crash on a parent p95 of 0 ms', () => {
    const zero = Array.from({ length: 100 }, (_, i) =>
      pairedCase(`z${i}`, outcome(1, { latency_ms: 0 }), outcome(1, { latency_ms: i % 2 === 0 ? 0 : 50 })),
    );
    const result = evaluateLatency(zero, policy);
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toBe(
      'The parent p95 latency is 0 ms, so no ratio exists; check that latency_ms was recorded.',
    );
    const both = Array.from({ length: 100 }, (_, i) =>
      pairedCase(`z${i}`, outcome(1, { latency_ms: 0 }), outcome(1, { latency_ms: 0 })),
    );
    expect(evaluateLatency(both, policy).verdict).toBe('pass');
  });

  it('resamples clusters: latency that moves together inside incidents is less certain', () => {
    const cases = timed(400, 1.1).map((c, i) => ({
      ...c,
      cluster: `incident-${i % 40}`,
      candidate: { ...c.candidate, latency_ms: c.candidate.latency_ms! * (1 + ((i % 40) - 20) / 100) },
    }));
    const flat = cases.map(({ cluster: _cluster, ...rest }) => rest);
    const clustered = evaluateLatency(cases, policy).headline!;
    expect(clustered).toMatchObject({ method: 'cluster-percentile-bootstrap', clusters: 40, n: 400 });
    const plain = evaluateLatency(flat, policy).headline!;
    expect(clustered.interval!.upper - clustered.interval!.lower).toBeGreaterThan(
      plain.interval!.upper - plain.interval!.lower,
    );
  });
});
