// "Add cases and re-run", simulated: a first look at a pilot suite, the advised number of cases,
// and a second look at the grown suite (the pilot's cases plus new ones, as a re-run has them).
// The real quality gate decides both looks, the second with `look: 2`.
//
// Monte Carlo error: as in decision.sim.test.ts, rates are asserted against their bound with 3
// standard errors √(r(1 − r)/N) of tolerance.
import { describe, expect, it } from 'vitest';
import { evaluateQuality } from '../../src/gates/quality.ts';
import { policyForLevel } from '../../src/gates/policy.ts';
import { createRng, type Rng } from '../../src/stats/rng.ts';
import { casesFromCounts, drawCounts, mcError } from './direct-cases.ts';
import { loadDefaultPolicy } from './scenario-gates.ts';

const POLICY = loadDefaultPolicy();
// The gate alone holds the whole budget: α = 5 % for the fail test and 2.5 % for the pass test,
// over all looks; look 1 spends 80 % of each, look 2 16 %.
const ALPHA = 0.05;
const PASS_RISK = 0.025;
// A re-run never grows the suite beyond this in the simulation (an advice of more is followed up to it).
const MAX_CASES = 50_000;

interface Counts {
  regressed: number;
  fixed: number;
  both: number;
  neither: number;
}

const add = (a: Counts, b: Counts): Counts => ({
  regressed: a.regressed + b.regressed,
  fixed: a.fixed + b.fixed,
  both: a.both + b.both,
  neither: a.neither + b.neither,
});

/** Regression and fix rates for a true delta δ (pp) with 4 % of cases flipping by noise. */
function rates(deltaPp: number): { regress: number; fix: number } {
  const delta = deltaPp / 100;
  const psi = 0.04 + Math.abs(delta);
  return { regress: (psi - delta) / 2, fix: (psi + delta) / 2 };
}

interface Looks {
  readonly first: string;
  readonly advised?: number;
  readonly second?: string;
}

/** One candidate: look 1 on `pilot` cases; when inconclusive, look 2 on the advised number (at most MAX_CASES). */
function twoLooks(rng: Rng, deltaPp: number, pilot: number, seed: number): Looks {
  const { regress, fix } = rates(deltaPp);
  const policy = policyForLevel(POLICY, 0, seed);
  const first = drawCounts(rng, pilot, regress, fix);
  const look1 = evaluateQuality(casesFromCounts(first), policy).result;
  if (look1.verdict !== 'inconclusive') return { first: look1.verdict };
  const advised = look1.cases_needed!;
  const total = Math.min(advised, MAX_CASES);
  const grown = add(first, drawCounts(rng, total - pilot, regress, fix));
  return { first: look1.verdict, advised, second: evaluateQuality(casesFromCounts(grown), policy, 2).result.verdict };
}

function simulate(runs: number, seed: number, deltaPp: number, pilot: number): Looks[] {
  const rng = createRng(seed);
  return Array.from({ length: runs }, (_, run) => twoLooks(rng, deltaPp, pilot, run));
}

describe('cases needed: a re-run with the advised number of cases decides', () => {
  // Among candidates that were inconclusive at look 1, the share that pass or fail at look 2 with
  // the advised number of cases must be at least 80 % (asserted as ≥ 0.8 − 3·SE).
  it.each<[string, number, number]>([
    ['within the margin (−0.5 pp), pilot of 400', -0.5, 400],
    ['no change, pilot of 200', 0, 200],
    ['beyond the margin (−3.5 pp), pilot of 300', -3.5, 300],
  ])('%s', (_name, deltaPp, pilot) => {
    const looks = simulate(500, 60 + pilot, deltaPp, pilot).filter((l) => l.second !== undefined);
    expect(looks.length).toBeGreaterThan(200);
    const decided = looks.filter((l) => l.second === 'pass' || l.second === 'fail').length / looks.length;
    expect(decided, `decided ${decided} of ${looks.length} re-runs`).toBeGreaterThanOrEqual(
      0.8 - 3 * mcError(0.8, looks.length),
    );
  });
});

describe('a second look keeps the error rates', () => {
  // At the boundary δ = −2 pp both errors are as likely as they can be: a pass (the drop is not
  // within the margin) and a fail (the drop is not beyond it). Over both looks together each must
  // stay within its budget: pass ≤ 2.5 %, fail ≤ 5 %, with 3 Monte Carlo errors of 2,000 candidates.
  const RUNS = 2000;
  const looks = simulate(RUNS, 70, -2, 500);
  const ever = (verdict: string): number =>
    looks.filter((l) => l.first === verdict || l.second === verdict).length / RUNS;

  it('passes a drop at the margin at most 2.5 % of the time over both looks', () => {
    expect(ever('pass')).toBeLessThanOrEqual(PASS_RISK + 3 * mcError(PASS_RISK, RUNS));
  });

  it('fails a drop at the margin at most 5 % of the time over both looks', () => {
    expect(ever('fail')).toBeLessThanOrEqual(ALPHA + 3 * mcError(ALPHA, RUNS));
  });

  it('takes a second look at most of them', () => {
    expect(looks.filter((l) => l.second !== undefined).length).toBeGreaterThan(RUNS / 2);
  });
});
