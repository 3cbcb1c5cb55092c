import type { PairedCase } from '../evidence/pair.ts';
import { bootstrapBounds } from '../stats/bootstrap-bca.ts';
import { bootstrapClusteredQuantileRatio } from '../stats/bootstrap-quantile-clustered.ts';
import { bootstrapQuantileRatio } from '../stats/bootstrap.ts';
import { quantileOfUnsorted } from '../stats/quantile.ts';
import { createRng } from '../stats/rng.ts';
import { type BudgetOutcome, type LookLevels, type PreparedGate, finishAlone, lookLevels } from './budget.ts';
import { formatRatioChange, formatValue } from './format.ts';
import { deriveSeed, indexClusters } from './paired.ts';
import type { EffectivePolicy } from './policy.ts';
import { judgeRatio, ratioTest } from './ratio-gate.ts';
import type { RatioSpec } from './ratio-gate.ts';
import { round } from './result.ts';
import type { GateResult, Measure } from './result.ts';

/**
 * Latency gate (KAIZEN Table 4): the latency quantile (p95 by default) over all paired cases must not
 * rise beyond the limit, and must stay under the package's SLO. The ratio comes from a paired
 * percentile bootstrap (clusters resampled when clustered; BCa's jackknife acceleration is not
 * consistent for quantiles). A failure holds the release rather than rejecting it: latency is
 * often fixed by capacity, not by changing the package.
 */
export function prepareLatency(
  cases: readonly PairedCase[],
  policy: EffectivePolicy,
  levels: LookLevels,
  sloMs?: number,
): PreparedGate<GateResult> {
  const timed = cases.filter((c) => c.parent.latency_ms !== undefined && c.candidate.latency_ms !== undefined);
  const { latency } = policy.gates;
  const q = latency.quantile;
  const name = `p${Math.round(q * 100)}`;
  if (timed.length === 0) {
    return done({
      gate: 'latency',
      verdict: 'not_applicable',
      reason: 'The evidence has no latency_ms on paired cases.',
      measures: [],
      on_failure: 'hold',
    });
  }
  const { statistics } = policy;
  const parent = new Float64Array(timed.length);
  const candidate = new Float64Array(timed.length);
  timed.forEach((c, i) => {
    parent[i] = c.parent.latency_ms!;
    candidate[i] = c.candidate.latency_ms!;
  });
  const parentQ = quantileOfUnsorted(parent, q);
  const candidateQ = quantileOfUnsorted(candidate, q);
  const overSlo = sloMs !== undefined && candidateQ > sloMs;
  const quantiles: Measure[] = [
    {
      name: `parent_${name}_ms`,
      label: `Parent ${name}`,
      unit: 'ms',
      estimate: round(parentQ, 3),
      n: timed.length,
      verdict: 'pass',
    },
    {
      name: `candidate_${name}_ms`,
      label: `Candidate ${name}`,
      unit: 'ms',
      estimate: round(candidateQ, 3),
      ...(sloMs !== undefined ? { threshold: sloMs } : {}),
      n: timed.length,
      verdict: overSlo ? 'fail' : 'pass',
    },
  ];
  if (parentQ === 0) {
    // No ratio exists; a 0 ms quantile means latency was not really measured, not that it was instant.
    if (overSlo)
      return done({
        gate: 'latency',
        verdict: 'fail',
        reason: `The candidate ${name} latency is ${formatValue(candidateQ, 'ms')}, over the ${formatValue(sloMs, 'ms')} SLO in delivery.slo.`,
        measures: quantiles,
        on_failure: 'hold',
      });
    if (candidateQ === 0)
      return done({
        gate: 'latency',
        verdict: 'pass',
        reason: `Both ${name} latencies are 0 ms.`,
        measures: quantiles,
        on_failure: 'hold',
      });
    return done({
      gate: 'latency',
      verdict: 'inconclusive',
      reason: `The parent ${name} latency is 0 ms, so no ratio exists; check that latency_ms was recorded.`,
      measures: quantiles,
      on_failure: 'hold',
    });
  }
  const clusters = indexClusters(
    timed.map((c) => c.cluster),
    timed.length,
  );
  const rng = createRng(deriveSeed(statistics.seed, `latency:${name}`));
  const options = { resamples: statistics.resamples, level: statistics.confidence, rng, keepSamples: true };
  const result = clusters
    ? bootstrapClusteredQuantileRatio(parent, candidate, clusters.index, q, options)
    : bootstrapQuantileRatio(parent, candidate, q, options);
  const spec: RatioSpec = {
    name: `${name}_latency_ratio`,
    label: `${name} latency (candidate / parent)`,
    bounds: bootstrapBounds(result, 0, false),
    limit: 1 + latency.max_increase_pct / 100,
    method: clusters ? 'cluster-percentile-bootstrap' : 'percentile-bootstrap',
    n: timed.length,
    ...(clusters ? { clusters: clusters.count } : {}),
  };
  const units = clusters?.count ?? timed.length;
  const minimum = clusters ? Math.max(statistics.min_cases, statistics.min_clusters) : statistics.min_cases;
  return {
    // The bootstrap is not trusted below the minimum: such a ratio can be inconclusive, never fail.
    tests: units >= minimum ? [ratioTest(spec, 'latency', 'latency')] : [],
    finish: (outcome: BudgetOutcome): GateResult => {
      const judged = judgeRatio(spec, outcome.decision('latency'), levels.passAlpha, {
        enough: units >= minimum,
        minimum,
        limitText: `${latency.max_increase_pct} % limit`,
      });
      const change = `${formatValue(parentQ, 'ms')} → ${formatValue(candidateQ, 'ms')}; ${judged.interval}`;
      const effect = `${name} latency changed ${formatRatioChange(spec.bounds.estimate)} (${change})`;
      const measures = [judged.headline, ...quantiles];
      if (overSlo)
        return {
          gate: 'latency',
          verdict: 'fail',
          reason: `${effect}, over the ${formatValue(sloMs, 'ms')} SLO in delivery.slo.`,
          headline: judged.headline,
          measures,
          on_failure: 'hold',
        };
      const slo = judged.verdict === 'pass' && sloMs !== undefined ? ' and under the SLO' : '';
      return {
        gate: 'latency',
        verdict: judged.verdict,
        reason: `${effect}${judged.why}${slo}.`,
        headline: judged.headline,
        measures,
        on_failure: 'hold',
      };
    },
  };
}

/** The latency gate on its own, its tests given the whole error budget of look `look`. */
export function evaluateLatency(
  cases: readonly PairedCase[],
  policy: EffectivePolicy,
  sloMs?: number,
  look = 1,
): GateResult {
  return finishAlone(
    prepareLatency(cases, policy, lookLevels(policy.statistics, look), sloMs),
    policy.statistics,
    look,
  );
}

// A gate decided without any test in the budget.
function done(result: GateResult): PreparedGate<GateResult> {
  return { tests: [], finish: () => result };
}
