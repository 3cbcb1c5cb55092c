import type { PairedCase } from '../evidence/pair.ts';
import { bootstrapQuantileRatio } from '../stats/bootstrap.ts';
import { quantileOfUnsorted } from '../stats/quantile.ts';
import { createRng } from '../stats/rng.ts';
import { formatInterval, formatRatioChange, formatValue } from './format.ts';
import { deriveSeed } from './paired.ts';
import type { EffectivePolicy } from './policy.ts';
import { reportInterval, round } from './result.ts';
import type { GateResult, Measure } from './result.ts';

/**
 * Latency gate (KAIZEN Table 4): the latency quantile (p95 by default) over all paired cases must not
 * rise by more than the limit, and must stay under the package's SLO. A failure holds the release
 * rather than rejecting it: latency is often fixed by capacity, not by changing the package.
 */
export function evaluateLatency(cases: readonly PairedCase[], policy: EffectivePolicy, sloMs?: number): GateResult {
  const timed = cases.filter((c) => c.parent.latency_ms !== undefined && c.candidate.latency_ms !== undefined);
  const { latency } = policy.gates;
  const q = latency.quantile;
  const name = `p${Math.round(q * 100)}`;
  if (timed.length === 0) {
    return { gate: 'latency', verdict: 'not_applicable', reason: 'The evidence has no latency_ms on paired cases.', measures: [], on_failure: 'hold' };
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
  if (parentQ === 0) {
    // No ratio exists; a 0 ms quantile means latency was not really measured, not that it was instant.
    const quantiles: Measure[] = [
      { name: `parent_${name}_ms`, label: `Parent ${name}`, unit: 'ms', estimate: 0, n: timed.length, verdict: 'pass' },
      { name: `candidate_${name}_ms`, label: `Candidate ${name}`, unit: 'ms', estimate: round(candidateQ, 3), ...(sloMs !== undefined ? { threshold: sloMs } : {}), n: timed.length, verdict: overSlo ? 'fail' : 'pass' },
    ];
    if (overSlo) return { gate: 'latency', verdict: 'fail', reason: `The candidate ${name} latency is ${formatValue(candidateQ, 'ms')}, over the ${formatValue(sloMs, 'ms')} SLO in delivery.slo.`, measures: quantiles, on_failure: 'hold' };
    if (candidateQ === 0) return { gate: 'latency', verdict: 'pass', reason: `Both ${name} latencies are 0 ms.`, measures: quantiles, on_failure: 'hold' };
    return { gate: 'latency', verdict: 'inconclusive', reason: `The parent ${name} latency is 0 ms, so no ratio exists; check that latency_ms was recorded.`, measures: quantiles, on_failure: 'hold' };
  }
  const rng = createRng(deriveSeed(statistics.seed, `latency:${name}`));
  const ratio = bootstrapQuantileRatio(parent, candidate, q, { resamples: statistics.resamples, level: statistics.confidence, rng });
  const limit = 1 + latency.max_increase_pct / 100;
  const enough = timed.length >= statistics.min_cases;
  const significantRise = enough && ratio.estimate > limit && ratio.interval.lower > 1;
  const withinLimit = enough && ratio.interval.upper <= limit;

  const bounded = reportInterval(ratio.interval);
  const headline: Measure = {
    name: `${name}_latency_ratio`,
    label: `${name} latency (candidate / parent)`,
    unit: 'ratio',
    estimate: round(ratio.estimate),
    ...(bounded ? { interval: bounded } : {}),
    threshold: round(limit),
    n: timed.length,
    verdict: significantRise ? 'fail' : withinLimit ? 'pass' : 'inconclusive',
  };
  const measures: Measure[] = [
    headline,
    { name: `parent_${name}_ms`, label: `Parent ${name}`, unit: 'ms', estimate: round(parentQ, 3), n: timed.length, verdict: 'pass' },
    { name: `candidate_${name}_ms`, label: `Candidate ${name}`, unit: 'ms', estimate: round(candidateQ, 3), ...(sloMs !== undefined ? { threshold: sloMs } : {}), n: timed.length, verdict: overSlo ? 'fail' : 'pass' },
  ];
  const effect = `${name} latency changed ${formatRatioChange(ratio.estimate)} (${formatValue(parentQ, 'ms')} → ${formatValue(candidateQ, 'ms')}; ${bounded ? formatInterval(bounded, 'ratio') : 'interval unbounded: some resamples had no defined ratio'})`;
  if (overSlo) {
    return { gate: 'latency', verdict: 'fail', reason: `${effect}, over the ${formatValue(sloMs, 'ms')} SLO in delivery.slo.`, headline, measures, on_failure: 'hold' };
  }
  if (significantRise) {
    return { gate: 'latency', verdict: 'fail', reason: `${effect}, above the ${latency.max_increase_pct} % limit.`, headline, measures, on_failure: 'hold' };
  }
  if (withinLimit) {
    return { gate: 'latency', verdict: 'pass', reason: `${effect}; within the ${latency.max_increase_pct} % limit${sloMs !== undefined ? ' and the SLO' : ''}.`, headline, measures, on_failure: 'hold' };
  }
  return { gate: 'latency', verdict: 'inconclusive', reason: `${effect}: the interval is too wide to tell against the ${latency.max_increase_pct} % limit.`, headline, measures, on_failure: 'hold' };
}
