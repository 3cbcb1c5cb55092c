// The absolute floor by seeded simulation: candidates whose true pass rate is exactly at the floor
// (which meets it), judged by the real gates (evaluateEvidenceGates with gates/default.yaml and a
// floor) and the real decision.
//
// Monte Carlo error. A rate r estimated from N independent runs has standard error √(r(1 − r)/N);
// a claim "rate ≤ bound" is asserted as observed ≤ bound + 3·SE(bound, N), and "rate ≥ bound" as
// observed ≥ bound − 3·SE(bound, N). Seeds are fixed, so each run is the same run.
import { describe, expect, it } from 'vitest';
import type { CaseOutcome, PairedCase } from '../../src/evidence/pair.ts';
import { decide } from '../../src/gates/decide.ts';
import { evaluateEvidenceGates } from '../../src/gates/evaluate.ts';
import { policyForLevel } from '../../src/gates/policy.ts';
import { drawBinomial } from '../../src/stats/binomial.ts';
import { createRng, type Rng } from '../../src/stats/rng.ts';
import { casesFromCounts, mcError } from '../sim/direct-cases.ts';
import { loadDefaultPolicy } from '../sim/scenario-gates.ts';

const FLOOR = 0.9;
const POLICY = loadDefaultPolicy({ gates: { quality: { minimum: { pass_rate: FLOOR } } } });
const policy = policyForLevel(POLICY, 0);
// The floor's share of look 1's α (0.8 · 0.05) when it and the overall quality test are the only tests.
const FLOOR_ALPHA = (0.04 * 0.1) / 0.45;
const PASS_RISK = 0.02;

interface Tally {
  blocked: number;
  floorFailed: number;
  floorPassed: number;
}

function tally(
  runs: number,
  seed: number,
  draw: (rng: Rng) => PairedCase[],
): { blocked: number; floorFailed: number; floorPassed: number } {
  const rng = createRng(seed);
  const counts: Tally = { blocked: 0, floorFailed: 0, floorPassed: 0 };
  for (let run = 0; run < runs; run++) {
    const { gates } = evaluateEvidenceGates({ cases: draw(rng), level: 0, policy });
    const floor = gates[0]!.measures.find((m) => m.name === 'minimum:quality:pass_rate')!;
    if (floor.verdict === 'fail') counts.floorFailed++;
    if (floor.verdict === 'pass') counts.floorPassed++;
    const outcome = decide(gates, 0, ['@owner']).outcome;
    if (outcome === 'reject' || outcome === 'hold') counts.blocked++;
  }
  return {
    blocked: counts.blocked / runs,
    floorFailed: counts.floorFailed / runs,
    floorPassed: counts.floorPassed / runs,
  };
}

// Binary cases: the candidate passes each at rate p; the parent is the candidate with 4 % of cases
// flipped either way (judge and sampling noise), so nothing changed between them.
function binaryAt(n: number, p: number): (rng: Rng) => PairedCase[] {
  return (rng) => {
    const passing = drawBinomial(rng, n, p);
    const fixed = drawBinomial(rng, passing, 0.02);
    const regressed = drawBinomial(rng, n - passing, (0.02 / (1 - p)) * p);
    return casesFromCounts({ fixed, both: passing - fixed, regressed, neither: n - passing - regressed });
  };
}

// Three trials per case averaged, case difficulty varying (p_i ~ Beta(9, 1), mean 0.9): the
// fractional rates the floor judges with Wilson alone.
/** One side of a simulated case: the mean of three trials. */
const side = (pass: number): CaseOutcome => ({ trials: 3, pass, source: { file: 'sim.jsonl', line: 1 } });

function trialsAt(n: number): (rng: Rng) => PairedCase[] {
  return (rng) => {
    const cases: PairedCase[] = [];
    for (let i = 0; i < n; i++) {
      const p = betaNineOne(rng);
      const candidate = drawBinomial(rng, 3, p) / 3;
      cases.push({
        suite: 'golden',
        case_id: `c${i}`,
        category: 'general',
        critical: false,
        parent: side(candidate),
        candidate: side(candidate),
      });
    }
    return cases;
  };
}

// Beta(9, 1) by inversion: F(x) = x⁹.
function betaNineOne(rng: Rng): number {
  return rng.nextFloat() ** (1 / 9);
}

describe('absolute floor: a candidate exactly at the floor is blocked at most α of the time', () => {
  // Per configuration 2,000 runs. Decision: 0.05 + 3·√(0.05·0.95/2000) = 0.05 + 0.0146. The floor's
  // own fail test: its share FLOOR_ALPHA = 0.0089 + 3·0.0021; its pass test: 0.02 + 3·0.0031.
  const RUNS = 2_000;
  it.each([
    ['50 binary cases (where Wilson alone fails 2.6 times too often)', binaryAt(50, FLOOR), 11],
    ['300 binary cases', binaryAt(300, FLOOR), 12],
    ['2,000 binary cases', binaryAt(2_000, FLOOR), 13],
    ['300 cases of 3 averaged trials', trialsAt(300), 14],
  ] as const)('%s', (_name, draw, seed) => {
    const rates = tally(RUNS, seed, draw);
    expect(rates.blocked).toBeLessThanOrEqual(0.05 + 3 * mcError(0.05, RUNS));
    expect(rates.floorFailed).toBeLessThanOrEqual(FLOOR_ALPHA + 3 * mcError(FLOOR_ALPHA, RUNS));
    expect(rates.floorPassed).toBeLessThanOrEqual(PASS_RISK + 3 * mcError(PASS_RISK, RUNS));
  });
});

describe('absolute floor: it has teeth', () => {
  it('blocks a candidate 8 pp below the floor (n = 300) at least 90 % of the time', () => {
    // 400 runs: 0.9 − 3·√(0.9·0.1/400) = 0.9 − 0.045.
    const rates = tally(400, 21, binaryAt(300, FLOOR - 0.08));
    expect(rates.floorFailed).toBeGreaterThanOrEqual(0.9 - 3 * mcError(0.9, 400));
    expect(rates.blocked).toBeGreaterThanOrEqual(rates.floorFailed);
  });
});
