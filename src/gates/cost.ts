import type { PairedCase } from '../evidence/pair.ts';
import { bootstrapRatioOfRatios } from '../stats/bootstrap.ts';
import { createRng } from '../stats/rng.ts';
import { formatInterval, formatRatioChange, formatValue } from './format.ts';
import { deriveSeed } from './paired.ts';
import type { EffectivePolicy } from './policy.ts';
import { reportInterval, round } from './result.ts';
import type { GateResult, Measure } from './result.ts';

/**
 * Cost gate (KAIZEN Table 4): cost per successful golden task must not rise by more than the limit
 * unless quality rose by at least the offsetting gain. The ratio (candidate / parent) and its
 * interval come from a paired bootstrap. `qualityGainPp` is the quality gate's estimate and
 * interval lower bound, in percentage points.
 */
export function evaluateCost(
  cases: readonly PairedCase[],
  policy: EffectivePolicy,
  quality: { readonly estimatePp: number; readonly lowerPp: number } | undefined,
  ceilingUsd?: number,
): GateResult {
  const golden = cases.filter((c) => c.suite === 'golden' && c.parent.cost_usd !== undefined && c.candidate.cost_usd !== undefined);
  const { cost } = policy.gates;
  if (golden.length === 0) {
    return { gate: 'cost', verdict: 'not_applicable', reason: 'The evidence has no cost_usd on paired golden cases.', measures: [], on_failure: 'reject' };
  }
  const { statistics } = policy;
  // One plain loop: Float64Array.from with a mapping function goes through the iterator protocol.
  const data = {
    parentNumerator: new Float64Array(golden.length),
    parentDenominator: new Float64Array(golden.length),
    candidateNumerator: new Float64Array(golden.length),
    candidateDenominator: new Float64Array(golden.length),
  };
  golden.forEach((c, i) => {
    data.parentNumerator[i] = c.parent.cost_usd!;
    data.parentDenominator[i] = c.parent.pass;
    data.candidateNumerator[i] = c.candidate.cost_usd!;
    data.candidateDenominator[i] = c.candidate.pass;
  });
  const parentSuccesses = sum(data.parentDenominator);
  const candidateSuccesses = sum(data.candidateDenominator);
  if (parentSuccesses === 0 || candidateSuccesses === 0) {
    return {
      gate: 'cost',
      verdict: 'inconclusive',
      reason: `Cost per successful task is undefined: the ${parentSuccesses === 0 ? 'parent' : 'candidate'} has no successful golden case.`,
      measures: [],
      on_failure: 'reject',
    };
  }
  const parentCps = sum(data.parentNumerator) / parentSuccesses;
  const candidateCps = sum(data.candidateNumerator) / candidateSuccesses;
  // A gain offsets a cost rise only when it reaches the policy's size and is itself significant:
  // the same "beyond the threshold and significant" rule the gate uses for the rise.
  const offset = quality !== undefined && quality.estimatePp >= cost.offsetting_quality_gain_pp && quality.lowerPp > 0;
  const overCeiling = ceilingUsd !== undefined && candidateCps > ceilingUsd;
  const cpsMeasures: Measure[] = [
    { name: 'parent_cost_per_success', label: 'Parent cost per successful task', unit: 'usd', estimate: round(parentCps, 8), n: golden.length, verdict: 'pass' },
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
    if (overCeiling) return { gate: 'cost', verdict: 'fail', reason: `${change}, above the ${formatValue(ceilingUsd, 'usd')} ceiling in delivery.slo.`, measures: cpsMeasures, on_failure: 'reject' };
    if (candidateCps === 0) return { gate: 'cost', verdict: 'pass', reason: 'Neither package costs anything per successful task.', measures: cpsMeasures, on_failure: 'reject' };
    if (offset) return { gate: 'cost', verdict: 'pass', reason: `${change}; justified by a quality gain of ${quality.estimatePp.toFixed(1)} pp.`, measures: cpsMeasures, on_failure: 'reject' };
    return { gate: 'cost', verdict: 'fail', reason: `${change}: the parent cost nothing, so any cost is an unbounded increase.`, measures: cpsMeasures, on_failure: 'reject' };
  }
  const rng = createRng(deriveSeed(statistics.seed, 'cost:per_success'));
  const ratio = bootstrapRatioOfRatios(data, { resamples: statistics.resamples, level: statistics.confidence, rng });
  const limit = 1 + cost.max_cost_per_success_increase_pct / 100;
  const enough = golden.length >= statistics.min_cases;
  const significantRise = enough && ratio.estimate > limit && ratio.interval.lower > 1;
  const withinLimit = enough && ratio.interval.upper <= limit;

  const bounded = reportInterval(ratio.interval);
  const headline: Measure = {
    name: 'cost_per_success_ratio',
    label: 'Cost per successful task (candidate / parent)',
    unit: 'ratio',
    estimate: round(ratio.estimate),
    ...(bounded ? { interval: bounded } : {}),
    threshold: round(limit),
    n: golden.length,
    verdict: significantRise && !offset ? 'fail' : withinLimit || offset ? 'pass' : 'inconclusive',
  };
  const measures: Measure[] = [headline, ...cpsMeasures];
  const effect = `Cost per successful task changed ${formatRatioChange(ratio.estimate)} (${formatValue(parentCps, 'usd')} → ${formatValue(candidateCps, 'usd')}; ${bounded ? formatInterval(bounded, 'ratio') : 'interval unbounded: some resamples had no defined ratio'})`;
  if (overCeiling) {
    return { gate: 'cost', verdict: 'fail', reason: `${effect}, above the ${formatValue(ceilingUsd, 'usd')} ceiling in delivery.slo.`, headline, measures, on_failure: 'reject' };
  }
  if (significantRise && !offset) {
    return {
      gate: 'cost',
      verdict: 'fail',
      reason: `${effect}, above the ${cost.max_cost_per_success_increase_pct} % limit without a ${cost.offsetting_quality_gain_pp.toFixed(1)} pp quality gain to justify it.`,
      headline,
      measures,
      on_failure: 'reject',
    };
  }
  if (withinLimit || offset) {
    const why = offset && !withinLimit ? `; justified by a quality gain of ${quality!.estimatePp.toFixed(1)} pp` : `; within the ${cost.max_cost_per_success_increase_pct} % limit`;
    return { gate: 'cost', verdict: 'pass', reason: `${effect}${why}.`, headline, measures, on_failure: 'reject' };
  }
  return {
    gate: 'cost',
    verdict: 'inconclusive',
    reason: `${effect}: the interval is too wide to tell against the ${cost.max_cost_per_success_increase_pct} % limit.`,
    headline,
    measures,
    on_failure: 'reject',
  };
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}
