// Absolute floors beside the paired verdicts: "the candidate's golden pass rate is at least 90 %",
// judged on the candidate alone, three-way like every measure (docs/statistics.md, absolute
// floors): it fails when the rate is significantly below the floor at its share of the decision's
// error budget, passes when the one-sided lower bound at the pass level reaches the floor, and is
// inconclusive otherwise, with the cases that would decide it.
import type { PairedCase } from '../evidence/pair.ts';
import { normalQuantile } from '../stats/normal.ts';
import { unitsToDecide } from '../stats/power.ts';
import { inferRate, type RateInference } from '../stats/rate-inference.ts';
import type { BudgetOutcome, BudgetTest, LookLevels } from './budget.ts';
import { formatConfidence, formatCount } from './format.ts';
import { formatAlpha, indexClusters } from './paired.ts';
import type { Minimum } from './policy.ts';
import { round } from './result.ts';
import type { Measure, Verdict } from './result.ts';

/** One gate's floor, computed and waiting for the error budget. */
export interface FloorSpec {
  /** The budget test's id: `quality:minimum`, `safety:minimum`. */
  readonly id: string;
  /** What the floor is on, for sentences: `golden pass rate`. */
  readonly what: string;
  /** The floor as a fraction. */
  readonly floor: number;
  readonly inference: RateInference;
  readonly clustered: boolean;
}

/** What a floor decided, for its gate to combine with the paired verdict. */
export interface JudgedFloor {
  readonly verdict: Verdict;
  readonly measure: Measure;
  /** One clause for the gate's reason, e.g. "the candidate's golden pass rate, 93.0 % (n = 400), reaches the 90.0 % minimum …". */
  readonly sentence: string;
  /** Independent units at which a re-run decides the floor (inconclusive only). */
  readonly unitsNeeded?: number;
}

/** The floor of a gate on these cases, or undefined when the policy sets none or there are no cases. */
export function prepareFloor(
  cases: readonly PairedCase[],
  minimum: Minimum | undefined,
  id: string,
  what: string,
): FloorSpec | undefined {
  const floor = minimum?.pass_rate;
  if (floor === undefined || cases.length === 0) return undefined;
  const values = Float64Array.from(cases, (c) => c.candidate.pass);
  const clusters = indexClusters(
    cases.map((c) => c.cluster),
    cases.length,
  );
  return { id, what, floor, inference: inferRate(values, clusters), clustered: clusters !== undefined };
}

/** The floor's fail test for the error budget: the rate is below the floor (budget group `minimum`). */
export function floorTest(spec: FloorSpec): BudgetTest {
  let p: number | undefined;
  return { id: spec.id, group: 'minimum', rejectsAt: (level) => (p ??= spec.inference.pBelow(spec.floor)) <= level };
}

/**
 * The floor's verdict, measure and sentence once the budget has run. `minimumUnits` is the
 * fewest independent units a pass needs (min_cases, or min_clusters when clustered), as for the
 * paired measures.
 */
export function judgeFloor(
  spec: FloorSpec,
  outcome: BudgetOutcome,
  levels: LookLevels,
  minimumUnits: number,
): JudgedFloor {
  const { inference, floor } = spec;
  const decision = outcome.decision(spec.id);
  const lower = inference.lower(levels.passAlpha);
  const enough = inference.units >= minimumUnits;
  const verdict: Verdict = decision.rejected ? 'fail' : enough && lower >= floor ? 'pass' : 'inconclusive';
  const rate = `the candidate’s ${spec.what}, ${percent(inference.estimate)} (n = ${formatCount(inference.cases)}${spec.clustered ? ` in ${formatCount(inference.units)} clusters` : ''})`;
  const minimum = `the ${percent(floor)} minimum`;
  const passBound = `its one-sided ${formatConfidence(1 - levels.passAlpha)} lower bound is ${percent(lower)}`;
  let sentence: string;
  let unitsNeeded: number | undefined;
  if (verdict === 'fail') {
    const bound = inference.upper(decision.alpha);
    sentence = `${rate}, is below ${minimum}: significant at this test’s α = ${formatAlpha(decision.alpha)} of the error budget (one-sided ${formatConfidence(1 - decision.alpha)} upper bound ${percent(bound)})`;
  } else if (verdict === 'pass') {
    sentence = `${rate}, reaches ${minimum}: ${passBound}`;
  } else {
    sentence = enough
      ? `${rate}, is not shown to reach ${minimum}: ${passBound}`
      : `${rate}, cannot be judged against ${minimum} with only ${formatCount(inference.units)} ${spec.clustered ? 'clusters' : 'cases'} (minimum ${minimumUnits})`;
    unitsNeeded = floorUnitsNeeded(spec, outcome, levels, enough ? 0 : minimumUnits);
  }
  const hasAlpha = decision.alpha > 0;
  const measure: Measure = {
    name: `minimum:${spec.id.split(':')[0]}:pass_rate`,
    label: `Minimum ${spec.what} (candidate alone)`,
    unit: 'percent',
    estimate: round(inference.estimate * 100),
    interval: {
      lower: round(lower * 100),
      upper: round(inference.upper(levels.passAlpha) * 100),
      level: round(1 - 2 * levels.passAlpha, 10),
    },
    threshold: round(floor * 100),
    worse: 'lower',
    p_value: round(inference.pBelow(floor), 10),
    ...(hasAlpha
      ? { alpha: round(decision.alpha, 10), bound_at_alpha: round(inference.upper(decision.alpha) * 100) }
      : {}),
    method: inference.method,
    n: inference.cases,
    ...(spec.clustered ? { clusters: inference.units } : {}),
    verdict,
    reason: sentence,
  };
  return { verdict, measure, sentence, ...(unitsNeeded === undefined ? {} : { unitsNeeded }) };
}

// Units at which a re-run at the next look decides the floor with 80 % probability (src/stats/power.ts).
function floorUnitsNeeded(spec: FloorSpec, outcome: BudgetOutcome, levels: LookLevels, atLeast: number): number {
  const { inference } = spec;
  const units = Math.max(1, inference.units);
  const p = inference.estimate;
  // A rate of 0 or 1 has no spread; plan as if one unit in `units` had gone the other way.
  const perUnit = Math.max(
    Number.isFinite(inference.standardError) ? inference.standardError * Math.sqrt(units) : 0,
    Math.sqrt(p * (1 - p)),
    1 / Math.sqrt(units),
  );
  const nextAlpha = outcome.nextAlpha(spec.id);
  const needed = unitsToDecide({
    distance: (p - spec.floor) * 100,
    sd: perUnit * 100,
    units,
    passZ: normalQuantile(1 - levels.nextPassAlpha),
    failZ: nextAlpha > 0 ? normalQuantile(1 - nextAlpha) : Number.POSITIVE_INFINITY,
  });
  return Math.max(atLeast, needed);
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`;
}
