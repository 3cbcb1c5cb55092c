// Statistical validity of the quality gate, checked by seeded simulation (issue 3, item 9): the
// real gate (evaluateQuality with gates/default.yaml) on evidence from the workload generator,
// parsed into records and paired by the real pairing code.
//
// Monte Carlo error. A rate estimated from N independent simulations has standard error
// sqrt(r(1 − r)/N); every claim below allows 3 such errors (a false alarm about 1 run in 700).
//
// Resamples. The policy is overridden to B = 1,000 resamples (default 10,000) to keep the file fast.
// That coarsens the bootstrap p-value to steps of 1/(B + 1), smallest 1/1001 ≈ 0.001. With the
// gate's weighted Holm (critical cases keep α/2, the overall and the 12 categories share the other
// half) the first step compares a category's p with α/2/13 ≈ 0.0019, which 1/1001 can still reach;
// a category count K needs B ≥ 2(K + 1)/α − 1 for that (K = 20: B ≥ 839). Percentile intervals from
// 1,000 resamples lose a little precision at the 2.5 % and 97.5 % tails; the coverage check below
// measures what the gate actually reports with that B.
import { describe, expect, it } from 'vitest';
import { pairEvidence } from '../../src/evidence/pair.ts';
import type { EvidenceRecord } from '../../src/evidence/record.ts';
import type { GatePolicy } from '../../src/gates/policy.ts';
import { policyForLevel } from '../../src/gates/policy.ts';
import { evaluateQuality } from '../../src/gates/quality.ts';
import type { QualityOutcome } from '../../src/gates/quality.ts';
import { generateEvidence } from '../../src/sim/workload.ts';
import type { WorkloadParams, WorkloadRecord } from '../../src/sim/workload.ts';
import { wilsonInterval } from '../../src/stats/wilson.ts';
import { loadDefaultPolicy } from '../sim/scenario-gates.ts';

const ALPHA = 0.05;
const RESAMPLES = 1000;
const TWELVE = Array.from({ length: 12 }, (_, i) => `category_${String(i + 1).padStart(2, '0')}`);

/** Monte Carlo standard error of a rate r estimated from n simulations. */
const mcError = (r: number, n: number): number => Math.sqrt((r * (1 - r)) / n);

function withSource(records: readonly WorkloadRecord[], file: string): EvidenceRecord[] {
  return records.map((r, i) => ({ ...r, source: { file, line: i + 1 } }));
}

/** One simulated candidate: fresh cases (seeded by `run`), paired, gated with its own bootstrap seed. */
function simulate(params: Omit<WorkloadParams, 'application' | 'parentPackageId' | 'candidatePackageId'>, policy: GatePolicy, run: number): { outcome: QualityOutcome; truthPp: number } {
  const generated = generateEvidence({ application: 'policy_qa', parentPackageId: 'parent', candidatePackageId: 'candidate', ...params }, 7_000_000 + run);
  const paired = pairEvidence(withSource(generated.parent, 'parent.jsonl'), withSource(generated.candidate, 'candidate.jsonl'));
  expect(paired.problems).toEqual([]);
  const outcome = evaluateQuality(paired.paired.cases, policyForLevel(policy, 0, 9_000_000 + run));
  return { outcome, truthPp: generated.expected.deltaPp };
}

function failRate(runs: number, params: Parameters<typeof simulate>[0], policy: GatePolicy): number {
  let fails = 0;
  for (let run = 0; run < runs; run++) if (simulate(params, policy, run).outcome.result.verdict === 'fail') fails += 1;
  return fails / runs;
}

describe('quality gate under no change: blocked at most at α', () => {
  // 600 candidates whose parent and candidate outcomes have the same distribution (the candidate
  // re-draws 15 % of outcomes: judge and sampling noise), 1,200 cases in 12 categories.
  // Tolerance: α + 3·sqrt(α(1 − α)/600) = 0.05 + 0.0267 = 0.0767.
  const RUNS = 600;
  const limit = ALPHA + 3 * mcError(ALPHA, RUNS);

  it.each<[string, Record<string, unknown>, Partial<WorkloadParams>]>([
    // The default policy: a failure also needs an estimate beyond the 2 pp margin, so the rate is well below α.
    ['default policy (2 pp margin)', {}, {}],
    // No margin: a failure is significance alone, which is what Holm's family-wise guarantee is about.
    ['no margin: the Holm family alone', { gates: { quality: { max_drop_pp: 0 } } }, {}],
    ['no margin, cases clustered in incidents of 5 (clustered bootstrap)', { gates: { quality: { max_drop_pp: 0 } } }, { clusterSize: 5 }],
  ])('%s', (_name, override, extra) => {
    const policy = loadDefaultPolicy({ statistics: { resamples: RESAMPLES } }, override);
    const rate = failRate(RUNS, { goldenCases: 1200, categories: TWELVE, ...extra }, policy);
    expect(rate, `false-block rate ${rate.toFixed(4)} over ${RUNS} candidates, limit ${limit.toFixed(4)}`).toBeLessThanOrEqual(limit);
  }, 120_000);
});

describe('quality gate under a real regression: power', () => {
  it('fails a 5 pp overall drop at n = 2000 at least 90 % of the time', () => {
    // 200 candidates, 2,000 cases in 12 categories, every category down 5 pp. Asserted on the Wilson
    // 95 % lower bound of the observed rate, so the claim holds beyond Monte Carlo error: with all
    // 200 failing that bound is 0.981.
    const RUNS = 200;
    const policy = loadDefaultPolicy({ statistics: { resamples: RESAMPLES } });
    const rate = failRate(RUNS, { goldenCases: 2000, categories: TWELVE, effects: { overallDeltaPp: -5 } }, policy);
    const lower = wilsonInterval(Math.round(rate * RUNS), RUNS, 0.95).lower;
    expect(lower, `power ${rate.toFixed(3)} over ${RUNS} candidates, Wilson 95 % lower bound ${lower.toFixed(3)}`).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});

describe('quality gate intervals: coverage of the headline delta', () => {
  // The truth is the generator's expected delta over the simulated cases (its target, −3 pp, up to
  // rounding). The issue asks for coverage in [94 %, 96 %]. That band is ±1 pp around 95 %, which is
  // 3 Monte Carlo errors (sqrt(0.95·0.05/N)) only from N ≈ 4,275 on; below that a correct interval
  // would fail it too often. So N = 4,300 for n = 200 and the asserted band is the stated one widened
  // by 3 MC errors: [0.94 − 0.0100, 0.96 + 0.0100]. n = 1,000 costs more per run; N = 2,000 there,
  // band widened by 3·0.0049.
  it.each<[number, number]>([
    [200, 4300],
    [1000, 2000],
  ])('95 per cent intervals at n = %i cover 94–96 per cent of the time (%i runs, ± Monte Carlo error)', (n, runs) => {
    const policy = loadDefaultPolicy({ statistics: { resamples: RESAMPLES } });
    let covered = 0;
    for (let run = 0; run < runs; run++) {
      // One category, so the run costs one bootstrap; the headline interval is the same computation.
      const { outcome, truthPp } = simulate({ goldenCases: n, categories: ['all'], effects: { overallDeltaPp: -3 } }, policy, run);
      const interval = outcome.result.headline!.interval!;
      expect(interval.level).toBe(0.95);
      if (interval.lower <= truthPp && truthPp <= interval.upper) covered += 1;
    }
    const coverage = covered / runs;
    const slack = 3 * mcError(0.95, runs);
    expect(coverage, `coverage ${coverage.toFixed(4)} over ${runs} runs, band [${(0.94 - slack).toFixed(4)}, ${(0.96 + slack).toFixed(4)}]`).toBeGreaterThanOrEqual(0.94 - slack);
    expect(coverage).toBeLessThanOrEqual(0.96 + slack);
  }, 120_000);
});
