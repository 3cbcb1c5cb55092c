// Whole-decision release calls by seeded simulation: the real gates (evaluateEvidenceGates with
// gates/default.yaml) and the real decision, on candidates drawn from a known truth.
//
// Monte Carlo error. A rate r estimated from N independent decisions has standard error
// √(r(1 − r)/N). A claim "rate ≤ bound" is asserted as observed ≤ bound + 3·SE(bound, N), and a
// claim "rate ≥ bound" as observed ≥ bound − 3·SE(bound, N): a correct gate fails such an
// assertion about 1 time in 700, and the seeds are fixed, so each run is the same run. Where the
// observed rate is 0 or 1 the exact Clopper–Pearson bound is asserted instead.
import { describe, expect, it } from 'vitest';
import type { PairedCase } from '../../src/evidence/pair.ts';
import { decide } from '../../src/gates/decide.ts';
import type { DecisionOutcome } from '../../src/outcome.ts';
import { evaluateEvidenceGates } from '../../src/gates/evaluate.ts';
import { policyForLevel } from '../../src/gates/policy.ts';
import type { SideEffectLevel } from '../../src/manifest/model.ts';
import { createRng } from '../../src/stats/rng.ts';
import { clopperPearson } from '../stats/simulate.ts';
import { casesFromCounts, drawCounts, drawDirectCases, mcError, type DirectParams } from './direct-cases.ts';
import { loadDefaultPolicy } from './scenario-gates.ts';

const ALPHA = 0.05;
// Cost and latency use the bootstrap; 400 resamples keep the file fast. Their tests cannot reject
// in these runs whatever B is (the truth is 20 % from their limits); their validity is checked in
// test/stats/coverage-*.sim.test.ts.
const POLICY = loadDefaultPolicy({ statistics: { resamples: 400 } });

interface Call {
  readonly outcome: DecisionOutcome;
  readonly failed: string[];
  readonly reasons: string;
}

function decideCases(cases: readonly PairedCase[], level: SideEffectLevel, seed: number, look = 1): Call {
  const policy = policyForLevel(POLICY, level, seed);
  const { gates } = evaluateEvidenceGates({ cases, level, policy, look });
  const decision = decide(gates, level, ['@owner']);
  return {
    outcome: decision.outcome,
    failed: gates.filter((g) => g.verdict === 'fail').map((g) => g.gate),
    reasons: gates.map((g) => g.reason).join(' | '),
  };
}

/** Share of `runs` simulated candidates whose decision `counts` says yes to. */
function rateOf(
  runs: number,
  seed: number,
  draw: (run: number, rng: ReturnType<typeof createRng>) => Call,
  counts: (call: Call) => boolean,
): number {
  const rng = createRng(seed);
  let hits = 0;
  for (let run = 0; run < runs; run++) if (counts(draw(run, rng))) hits++;
  return hits / runs;
}

const rejected = (call: Call): boolean => call.outcome === 'reject' || call.outcome === 'hold';
const approved = (call: Call): boolean => call.outcome === 'approve';

describe('no change: the whole decision is rejected or held at most α of the time', () => {
  // 12 configurations × 300 candidates that change nothing (4 % of cases flip either way, as judge
  // and sampling noise do). Clustered: incidents of 2 that tilt together towards regressing or
  // fixing (log-sd 0.8), with 15 % critical cases — the setting where McNemar alone, ignoring the
  // incidents, rejected 18 % of such candidates. Safety: 1,200 red-team cases at level 1. Golden
  // cases carry cost and latency at 12 and 40 categories (200 would only slow the file down).
  // Per configuration: α + 3·SE = 0.05 + 3·0.0126 = 0.0878; pooled over 3,600: 0.05 + 0.0109.
  const RUNS = 300;
  const configs = [12, 40, 200].flatMap((categories) =>
    [false, true].flatMap((safety) => [false, true].map((clustered) => ({ categories, safety, clustered }))),
  );
  const rates: number[] = [];
  it.each(configs)(
    '$categories categories, safety suite $safety, clustered $clustered',
    ({ categories, safety, clustered }) => {
      // Every category has the 20 units (cases, or incidents of 2) it needs to be tested.
      const params: DirectParams = {
        cases: categories * (clustered ? 40 : 25),
        categories,
        ...(clustered ? { clusterSize: 2, criticalShare: 0.15 } : {}),
        ...(safety ? { redteam: 1200 } : {}),
        usage: categories <= 40,
      };
      const level: SideEffectLevel = safety ? 1 : 0;
      const rate = rateOf(
        RUNS,
        1000 + categories + (safety ? 1 : 0) * 7 + (clustered ? 1 : 0) * 13,
        (run, rng) => decideCases(drawDirectCases(params, rng), level, run),
        rejected,
      );
      rates.push(rate);
      expect(rate, `false rejects ${rate} over ${RUNS}`).toBeLessThanOrEqual(ALPHA + 3 * mcError(ALPHA, RUNS));
    },
  );

  it('pooled over every configuration', () => {
    expect(rates).toHaveLength(configs.length);
    const pooled = rates.reduce((a, b) => a + b, 0) / rates.length;
    expect(pooled).toBeLessThanOrEqual(ALPHA + 3 * mcError(ALPHA, RUNS * rates.length));
  });
});

/** 100,000 cases in 12 categories with a uniform drop. */
const big = (deltaPp: number, criticalShare = 0): DirectParams => ({
  cases: 100_000,
  categories: 12,
  deltaPp,
  criticalShare,
});

describe('100,000 cases', () => {
  // 12 categories; 75 candidates each, the fewest for which 0 of N (or N of N) has an exact 95 %
  // bound within 5 % of it (4.8 %).
  const RUNS = 75;

  it('a 1.5 pp drop, inside the 2 pp margin, is rejected at most 5 % of the time', () => {
    const rate = rateOf(RUNS, 21, (run, rng) => decideCases(drawDirectCases(big(-1.5), rng), 0, run), rejected);
    expect(clopperPearson(Math.round(rate * RUNS), RUNS, 0.95).upper).toBeLessThanOrEqual(0.05);
  });

  it('with 15 % critical cases the same drop fails on the critical-case tolerance, and the report says so', () => {
    const rng = createRng(22);
    for (let run = 0; run < 5; run++) {
      const call = decideCases(drawDirectCases(big(-1.5, 0.15), rng), 0, run);
      expect(call.outcome).toBe('reject');
      expect(call.reasons).toMatch(
        /^Critical cases failed: \d+ regressed against \d+ fixed, beyond the tolerance of 0\.0 pp/,
      );
      expect(call.reasons).not.toMatch(/a drop beyond the 2\.0 pp margin/);
    }
  });

  it('a 2.5 pp drop is rejected at least 95 % of the time', () => {
    const rate = rateOf(RUNS, 23, (run, rng) => decideCases(drawDirectCases(big(-2.5), rng), 0, run), rejected);
    expect(clopperPearson(Math.round(rate * RUNS), RUNS, 0.95).lower).toBeGreaterThanOrEqual(0.95);
  });
});

describe('power and small suites', () => {
  it('a 5 pp drop at n = 2,000 is rejected at least 90 % of the time', () => {
    const RUNS = 400;
    const rate = rateOf(
      RUNS,
      31,
      (run, rng) => decideCases(drawDirectCases({ cases: 2000, categories: 12, deltaPp: -5 }, rng), 0, run),
      rejected,
    );
    expect(rate).toBeGreaterThanOrEqual(0.9 - 3 * mcError(0.9, RUNS));
  });

  it('a 12 pp drop in one of 12 categories (n = 3,000) is approved at most 1 % of the time', () => {
    // 0 approvals of 500 has an exact 95 % upper bound of 0.74 %.
    const RUNS = 500;
    const rate = rateOf(
      RUNS,
      32,
      (run, rng) =>
        decideCases(drawDirectCases({ cases: 3000, categories: 12, firstCategoryDeltaPp: -12 }, rng), 0, run),
      approved,
    );
    expect(clopperPearson(Math.round(rate * RUNS), RUNS, 0.95).upper).toBeLessThanOrEqual(0.01);
  });

  it('thirty tied cases are not approved', () => {
    expect(decideCases(casesFromCounts({ regressed: 0, fixed: 0, both: 30, neither: 0 }), 0, 1).outcome).not.toBe(
      'approve',
    );
  });

  it('a true 5 pp drop at n = 30 on a saturated suite is approved at most 2.5 % of the time', () => {
    // Every case passes in the parent; the candidate fails each with probability 5 %.
    const RUNS = 2000;
    const rate = rateOf(
      RUNS,
      33,
      (run, rng) => decideCases(casesFromCounts(drawCounts(rng, 30, 0.05, 0, 1)), 0, run),
      approved,
    );
    expect(clopperPearson(Math.round(rate * RUNS), RUNS, 0.95).upper).toBeLessThanOrEqual(0.025);
  });

  it('three incidents of 1,000 cases are not approved', () => {
    const rate = rateOf(
      50,
      34,
      (run, rng) => decideCases(drawDirectCases({ cases: 3000, categories: 1, clusterSize: 1000 }, rng), 0, run),
      approved,
    );
    expect(rate).toBe(0);
  });

  it.each([200, 500, 1000])(
    'a drop exactly at the 2 pp margin, n = %i, is approved at most 2.5 per cent of the time',
    (n) => {
      // 6 % of cases disagree; 2,000 candidates; 2.5 % + 3·SE = 0.0355.
      const RUNS = 2000;
      const rate = rateOf(
        RUNS,
        40 + n,
        (run, rng) => decideCases(casesFromCounts(drawCounts(rng, n, 0.04, 0.02)), 0, run),
        approved,
      );
      expect(rate).toBeLessThanOrEqual(0.025 + 3 * mcError(0.025, RUNS));
    },
  );
});

describe('newly unsafe cases need reproduction across trials', () => {
  it('at a 0.1 % per-trial unsafe rate, 5 trials × 400 cases, a candidate that changes nothing is blocked at most α of the time', () => {
    // Each trial of each side is unsafe with probability 0.001, independently. A case is newly
    // unsafe when unsafe in at least 2 of its 5 candidate trials and in none of the parent's.
    const RUNS = 2000;
    const rng = createRng(50);
    const policy = policyForLevel(POLICY, 2, 1);
    let blocked = 0;
    const safe = {
      trials: 5,
      pass: 1,
      source: { file: 'sim.jsonl', line: 1 },
      intervened: 1,
      expected_intervention: true,
    };
    for (let run = 0; run < RUNS; run++) {
      const cases: PairedCase[] = [];
      for (let i = 0; i < 400; i++) {
        const unsafeTrials = (): number => {
          let count = 0;
          for (let t = 0; t < 5; t++) if (rng.nextFloat() < 0.001) count++;
          return count;
        };
        const parent = unsafeTrials();
        const candidate = unsafeTrials();
        cases.push({
          suite: 'safety',
          case_id: `rt-${i}`,
          category: 'attack',
          critical: false,
          parent: { ...safe, unsafe: parent / 5 },
          candidate: { ...safe, unsafe: candidate / 5 },
        });
      }
      const { gates } = evaluateEvidenceGates({ cases, level: 2, policy });
      if (
        gates
          .find((g) => g.gate === 'safety')!
          .measures.some((m) => m.name === 'newly_unsafe_cases' && m.verdict === 'fail')
      )
        blocked++;
    }
    expect(blocked / RUNS).toBeLessThanOrEqual(ALPHA + 3 * mcError(ALPHA, RUNS));
  });
});
