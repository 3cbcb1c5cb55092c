import type { PairedCase } from '../evidence/pair.ts';
import { bootstrapBounds, jackknifeAcceleration } from '../stats/bootstrap-bca.ts';
import { bootstrapRatioOfRatios } from '../stats/bootstrap.ts';
import { createRng } from '../stats/rng.ts';
import { type BudgetOutcome, type LookLevels, type PreparedGate, finishAlone, lookLevels } from './budget.ts';
import { formatConfidence, formatRatioChange, formatValue } from './format.ts';
import { deriveSeed, indexClusters, signedPp } from './paired.ts';
import type { EffectivePolicy } from './policy.ts';
import { judgeRatio, ratioTest } from './ratio-gate.ts';
import type { RatioSpec } from './ratio-gate.ts';
import { round } from './result.ts';
import type { GateResult, Measure } from './result.ts';

/** What the cost gate needs of the quality gate: the overall delta and its shown lower bound, in pp. */
export interface QualityGain {
  readonly estimatePp: number;
  readonly lowerPp: number;
}

/**
 * Cost gate (KAIZEN Table 4): cost per successful golden task must not rise beyond the limit unless
 * quality is shown to have risen by at least the offsetting gain (the quality gate's one-sided
 * lower bound at this look reaches it). The ratio (candidate / parent) comes from a paired BCa
 * bootstrap over clusters (cases when unclustered); its fail test is decided in the error budget.
 */
export function prepareCost(
  cases: readonly PairedCase[],
  policy: EffectivePolicy,
  levels: LookLevels,
  quality: QualityGain | undefined,
  ceilingUsd?: number,
): PreparedGate<GateResult> {
  const golden = cases.filter(
    (c) => c.suite === 'golden' && c.parent.cost_usd !== undefined && c.candidate.cost_usd !== undefined,
  );
  const { cost } = policy.gates;
  if (golden.length === 0) {
    return done({
      gate: 'cost',
      verdict: 'not_applicable',
      reason: 'The evidence has no cost_usd on paired golden cases.',
      measures: [],
      on_failure: 'reject',
    });
  }
  const { statistics } = policy;
  const clusters = indexClusters(
    golden.map((c) => c.cluster),
    golden.length,
  );
  const units = clusters?.count ?? golden.length;
  // One row per unit (cluster, or case): the four sums the ratio of ratios is made of.
  const data = {
    parentNumerator: new Float64Array(units),
    parentDenominator: new Float64Array(units),
    candidateNumerator: new Float64Array(units),
    candidateDenominator: new Float64Array(units),
  };
  golden.forEach((c, i) => {
    const j = clusters ? clusters.index[i]! : i;
    data.parentNumerator[j]! += c.parent.cost_usd!;
    data.parentDenominator[j]! += c.parent.pass;
    data.candidateNumerator[j]! += c.candidate.cost_usd!;
    data.candidateDenominator[j]! += c.candidate.pass;
  });
  const parentSuccesses = sum(data.parentDenominator);
  const candidateSuccesses = sum(data.candidateDenominator);
  if (parentSuccesses === 0 || candidateSuccesses === 0) {
    const side = parentSuccesses === 0 ? 'parent' : 'candidate';
    return done({
      gate: 'cost',
      verdict: 'inconclusive',
      reason: `Cost per successful task is undefined: the ${side} has no successful golden case.`,
      measures: [],
      on_failure: 'reject',
    });
  }
  const parentCps = sum(data.parentNumerator) / parentSuccesses;
  const candidateCps = sum(data.candidateNumerator) / candidateSuccesses;
  const offset = quality !== undefined && quality.lowerPp >= cost.offsetting_quality_gain_pp;
  const gainBound = offset
    ? `one-sided ${formatConfidence(1 - levels.passAlpha)} lower bound ${signedPp(quality.lowerPp)}`
    : '';
  const gain = `a quality gain shown to be at least ${cost.offsetting_quality_gain_pp.toFixed(1)} pp`;
  const justification = offset ? `justified by ${gain} (${gainBound})` : undefined;
  const overCeiling = ceilingUsd !== undefined && candidateCps > ceilingUsd;
  const cpsMeasures: Measure[] = [
    {
      name: 'parent_cost_per_success',
      label: 'Parent cost per successful task',
      unit: 'usd',
      estimate: round(parentCps, 8),
      n: golden.length,
      verdict: 'pass',
    },
    {
      name: 'candidate_cost_per_success',
      label: 'Candidate cost per successful task',
      unit: 'usd',
      estimate: round(candidateCps, 8),
      ...(ceilingUsd !== undefined ? { threshold: ceilingUsd } : {}),
      n: golden.length,
      verdict: overCeiling ? 'fail' : 'pass',
    },
  ];
  if (parentCps === 0) {
    // No ratio exists (cached or free parent); a rise from nothing is unbounded, not a sampling question.
    const change = `Cost per successful task rose from ${formatValue(0, 'usd')} to ${formatValue(candidateCps, 'usd')}`;
    if (overCeiling)
      return done({
        gate: 'cost',
        verdict: 'fail',
        reason: `${change}, above the ${formatValue(ceilingUsd, 'usd')} ceiling in delivery.slo.`,
        measures: cpsMeasures,
        on_failure: 'reject',
      });
    if (candidateCps === 0)
      return done({
        gate: 'cost',
        verdict: 'pass',
        reason: 'Neither package costs anything per successful task.',
        measures: cpsMeasures,
        on_failure: 'reject',
      });
    if (justification)
      return done({
        gate: 'cost',
        verdict: 'pass',
        reason: `${change}; ${justification}.`,
        measures: cpsMeasures,
        on_failure: 'reject',
      });
    return done({
      gate: 'cost',
      verdict: 'fail',
      reason: `${change}: the parent cost nothing, so any cost is an unbounded increase.`,
      measures: cpsMeasures,
      on_failure: 'reject',
    });
  }
  const rng = createRng(deriveSeed(statistics.seed, 'cost:per_success'));
  const result = bootstrapRatioOfRatios(data, {
    resamples: statistics.resamples,
    level: statistics.confidence,
    rng,
    keepSamples: true,
  });
  const spec: RatioSpec = {
    name: 'cost_per_success_ratio',
    label: 'Cost per successful task (candidate / parent)',
    bounds: bootstrapBounds(result, jackknifeAcceleration(leaveOneOutRatios(data))),
    limit: 1 + cost.max_cost_per_success_increase_pct / 100,
    method: clusters ? 'cluster-bca-bootstrap' : 'bca-bootstrap',
    n: golden.length,
    ...(clusters ? { clusters: units } : {}),
  };
  const minimum = clusters ? Math.max(statistics.min_cases, statistics.min_clusters) : statistics.min_cases;
  return {
    // The bootstrap is not trusted below the minimum: such a ratio can be inconclusive, never fail.
    tests: units >= minimum ? [ratioTest(spec, 'cost', 'cost')] : [],
    finish: (outcome: BudgetOutcome): GateResult => {
      const judged = judgeRatio(spec, outcome.decision('cost'), levels.passAlpha, {
        enough: units >= minimum,
        minimum,
        limitText: `${cost.max_cost_per_success_increase_pct} % limit`,
        ...(justification ? { justified: justification } : {}),
        unjustified: ` without a ${cost.offsetting_quality_gain_pp.toFixed(1)} pp quality gain shown to justify it`,
      });
      const change = `${formatValue(parentCps, 'usd')} → ${formatValue(candidateCps, 'usd')}; ${judged.interval}`;
      const effect = `Cost per successful task changed ${formatRatioChange(spec.bounds.estimate)} (${change})`;
      const measures = [judged.headline, ...cpsMeasures];
      if (overCeiling) {
        return {
          gate: 'cost',
          verdict: 'fail',
          reason: `${effect}, above the ${formatValue(ceilingUsd, 'usd')} ceiling in delivery.slo.`,
          headline: judged.headline,
          measures,
          on_failure: 'reject',
        };
      }
      return {
        gate: 'cost',
        verdict: judged.verdict,
        reason: `${effect}${judged.why}.`,
        headline: judged.headline,
        measures,
        on_failure: 'reject',
      };
    },
  };
}

// The ratio of ratios with each unit left out in turn (NaN where it is undefined), for the BCa acceleration.
function leaveOneOutRatios(data: {
  parentNumerator: Float64Array;
  parentDenominator: Float64Array;
  candidateNumerator: Float64Array;
  candidateDenominator: Float64Array;
}): Float64Array {
  const pN = sum(data.parentNumerator);
  const pD = sum(data.parentDenominator);
  const cN = sum(data.candidateNumerator);
  const cD = sum(data.candidateDenominator);
  const out = new Float64Array(data.parentNumerator.length);
  for (let j = 0; j < out.length; j++) {
    const parent = (pN - data.parentNumerator[j]!) / (pD - data.parentDenominator[j]!);
    const candidate = (cN - data.candidateNumerator[j]!) / (cD - data.candidateDenominator[j]!);
    out[j] = parent > 0 && Number.isFinite(parent) && Number.isFinite(candidate) ? candidate / parent : Number.NaN;
  }
  return out;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/** The cost gate on its own, its tests given the whole error budget of look `look`. */
export function evaluateCost(
  cases: readonly PairedCase[],
  policy: EffectivePolicy,
  quality: QualityGain | undefined,
  ceilingUsd?: number,
  look = 1,
): GateResult {
  return finishAlone(
    prepareCost(cases, policy, lookLevels(policy.statistics, look), quality, ceilingUsd),
    policy.statistics,
    look,
  );
}

// A gate decided without any test in the budget.
function done(result: GateResult): PreparedGate<GateResult> {
  return { tests: [], finish: () => result };
}
