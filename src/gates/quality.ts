import type { PairedCase } from '../evidence/pair.ts';
import type { DeltaCounts } from '../stats/bootstrap.ts';
import { mcnemarExact } from '../stats/mcnemar.ts';
import { adjustWeightedHolm, estimateCasesNeeded, oneSidedZ, twoSidedZ } from './family.ts';
import { formatCount, formatInterval, formatP, formatPp } from './format.ts';
import type { ClusterIndex, PairedDeltaTest, TestSettings } from './paired.ts';
import { indexClusters, intervalPp, ppMeasure, testCounts, testDeltas } from './paired.ts';
import type { EffectivePolicy } from './policy.ts';
import { round } from './result.ts';
import type { GateResult, Measure, Verdict } from './result.ts';

/** Paired delta of one category, for the report's per-category table. */
export interface CategoryDelta {
  readonly category: string;
  readonly n: number;
  readonly parent_rate: number;
  readonly candidate_rate: number;
  readonly measure: Measure;
  readonly tested: boolean;
}

/** The quality gate's result plus its per-category breakdown. */
export interface QualityOutcome {
  readonly result: GateResult;
  readonly categories: readonly CategoryDelta[];
}

/**
 * Quality gate (KAIZEN Table 4): the paired golden-suite pass rate (or score) must not drop by more
 * than the margin, no category may regress significantly beyond it, and critical cases must not
 * regress (exact McNemar). All regression tests form one weighted-Holm family at `alpha`, so a
 * candidate that changes nothing is blocked at most at that rate however many categories there
 * are; the critical-case test keeps half of `alpha` for itself, so its power does not fall as
 * categories are added (the overall and category tests share the other half equally).
 * Fail needs both significance and an estimate beyond the margin; pass needs the interval's
 * lower bound within the margin (non-inferiority shown); anything else is inconclusive.
 */
export function evaluateQuality(cases: readonly PairedCase[], policy: EffectivePolicy): QualityOutcome {
  const golden = cases.filter((c) => c.suite === 'golden');
  const { quality } = policy.gates;
  const { statistics } = policy;
  const margin = quality.max_drop_pp;
  if (golden.length === 0) {
    return { result: { gate: 'quality', verdict: 'not_applicable', reason: 'No paired golden-suite evidence was supplied.', measures: [], on_failure: 'reject' }, categories: [] };
  }
  const settings = (name: string): TestSettings => ({ resamples: statistics.resamples, level: statistics.confidence, seed: statistics.seed, name: `quality:${name}` });
  const label = quality.metric === 'score' ? 'Mean score' : 'Pass rate';
  const split = splitByCategory(golden, quality.metric);
  const overall =
    split.deltas === undefined
      ? testCounts(split.counts, settings('overall'), 'lower')
      : testDeltas(split.deltas, split.clustered ? indexClusters(golden.map((c) => c.cluster), golden.length) : undefined, settings('overall'), 'lower');
  // A lone category is the overall delta again: testing it twice would only cost power.
  const single = split.categories.length === 1;
  const categoryTests = split.categories.map((group) => {
    const name = settings(`category:${group.category}`);
    return {
      ...group,
      tested: group.n >= quality.min_category_cases,
      test: single ? overall : group.deltas === undefined ? testCounts(group.counts, name, 'lower') : testDeltas(group.deltas, group.clusters, name, 'lower'),
    };
  });
  const { critical, fixes, regressions } = split;
  const mcnemar = critical > 0 ? mcnemarExact(fixes, regressions, 'greater') : undefined;

  // One weighted-Holm family: overall and each tested category share half of alpha when
  // critical cases exist (all of it otherwise); the critical-case McNemar test has the other half.
  const family: number[] = [overall.pWorse];
  const tested = single ? [] : categoryTests.filter((t) => t.tested);
  for (const t of tested) family.push(t.test.pWorse);
  const shared = 1 + tested.length;
  const weights: number[] = family.map(() => (mcnemar ? 0.5 : 1) / shared);
  if (mcnemar) {
    family.push(mcnemar.pValue);
    weights.push(0.5);
  }
  const adjusted = adjustWeightedHolm(family, weights);
  const alpha = statistics.alpha;

  const enough = golden.length >= statistics.min_cases;
  const overallFails = enough && adjusted[0]! < alpha && overall.estimate * 100 < -margin;
  const overallPasses = enough && overall.interval.lower * 100 >= -margin;
  const headline = ppMeasure('pass_rate_delta', `${label} (golden, paired)`, overall, -margin, overall.pWorse, adjusted[0]!, overallFails ? 'fail' : overallPasses ? 'pass' : 'inconclusive');

  const categories: CategoryDelta[] = categoryTests.map((t) => {
    const index = single && t.tested ? -1 : tested.indexOf(t);
    const adj = single && t.tested ? adjusted[0]! : index >= 0 ? adjusted[1 + index]! : undefined;
    const fails = adj !== undefined && adj < alpha && t.test.estimate * 100 < -margin;
    const verdict: Verdict = !t.tested ? 'not_applicable' : fails ? 'fail' : 'pass';
    const measure = ppMeasure(`category:${t.category}`, t.category, t.test, -margin, adj !== undefined ? t.test.pWorse : undefined, adj, verdict);
    return {
      category: t.category,
      n: t.n,
      parent_rate: round(t.parentSum / t.n),
      candidate_rate: round(t.candidateSum / t.n),
      measure: !t.tested ? { ...measure, reason: `fewer than ${quality.min_category_cases} cases: shown, not tested` } : measure,
      tested: t.tested,
    };
  });

  const measures: Measure[] = [headline];
  let criticalFails = false;
  if (mcnemar) {
    const adj = adjusted[family.length - 1]!;
    criticalFails = adj < alpha && regressions > fixes;
    measures.push({
      name: 'critical_mcnemar',
      label: `Critical cases: ${regressions} regressed, ${fixes} fixed of ${critical}`,
      unit: 'count',
      estimate: regressions - fixes,
      p_value: round(mcnemar.pValue, 8),
      adjusted_p: round(adj, 8),
      n: critical,
      verdict: criticalFails ? 'fail' : 'pass',
      reason: `exact McNemar (one-sided) on ${fixes + regressions} discordant critical pairs`,
    });
  }
  // A lone category's failure is the overall failure; say it once.
  const failedCategories = single ? [] : categories.filter((c) => c.measure.verdict === 'fail');
  measures.push(...categories.map((c) => c.measure));

  const effect = `${label} changed ${formatPp(overall.estimate * 100)} (${formatInterval(intervalPp(overall), 'pp')}, n = ${formatCount(overall.n)}${overall.clustered ? ` in ${formatCount(overall.units)} clusters` : ''})`;
  let verdict: Verdict;
  let reason: string;
  let casesNeeded: number | undefined;
  if (overallFails || failedCategories.length > 0 || criticalFails) {
    verdict = 'fail';
    const why: string[] = [];
    if (overallFails) why.push(`${effect}, a significant drop beyond the ${margin.toFixed(1)} pp margin`);
    for (const c of failedCategories.slice(0, 3)) {
      why.push(`category ${c.category} fell ${formatPp(c.measure.estimate)} (Holm-adjusted p = ${formatP(c.measure.adjusted_p!)})`);
    }
    if (failedCategories.length > 3) why.push(`${failedCategories.length - 3} more categories regressed`);
    if (criticalFails) why.push(`${regressions} critical cases regressed against ${fixes} fixed (McNemar p = ${formatP(adjusted[family.length - 1]!)})`);
    reason = `${capitalise(why.join('; '))}.`;
  } else if (!enough) {
    verdict = 'inconclusive';
    casesNeeded = Math.max(statistics.min_cases, neededCases(overall, margin, statistics.confidence, alpha * weights[0]!));
    reason = `Only ${golden.length} paired golden cases (minimum ${statistics.min_cases}): ${effect.charAt(0).toLowerCase()}${effect.slice(1)}. About ${formatCount(casesNeeded)} paired cases would decide it.`;
  } else if (overallPasses) {
    verdict = 'pass';
    reason = `${effect}; the interval stays within the ${margin.toFixed(1)} pp margin and no category or critical case regressed significantly.`;
  } else {
    verdict = 'inconclusive';
    casesNeeded = neededCases(overall, margin, statistics.confidence, alpha * weights[0]!);
    reason = `${effect}: the interval is too wide to show the drop is within the ${margin.toFixed(1)} pp margin. About ${formatCount(casesNeeded)} paired cases would decide it.`;
  }
  return {
    result: { gate: 'quality', verdict, reason, headline, measures, on_failure: 'reject', ...(casesNeeded !== undefined ? { cases_needed: casesNeeded } : {}) },
    categories,
  };
}

/** One category's cases, ready to test: delta counts, or deltas and clusters (see SplitCases). */
interface CategoryGroup {
  readonly category: string;
  readonly n: number;
  readonly parentSum: number;
  readonly candidateSum: number;
  readonly counts: DeltaCounts;
  /** Deltas in input order; only when some delta is not −1, 0 or +1, or cases are clustered. */
  readonly deltas?: Float64Array;
  readonly clusters?: ClusterIndex;
}

/** What the gate needs from the golden cases. */
interface SplitCases {
  /** Counts of −1/0/+1 deltas over all cases (meaningful when every delta is one of them). */
  readonly counts: DeltaCounts;
  /** Per-case delta in input order; absent for unclustered binary outcomes, where counts suffice. */
  readonly deltas?: Float64Array;
  /** Categories in code-unit order of their names. */
  readonly categories: readonly CategoryGroup[];
  readonly clustered: boolean;
  readonly critical: number;
  readonly fixes: number;
  readonly regressions: number;
}

// One pass over the golden cases (100,000 of them in a large suite): the metric's value on each
// side, the category, rate sums and delta counts, and the critical-case counts. Unclustered
// binary outcomes need nothing more: their tests take the counts. Otherwise a second pass lays
// the deltas out by category, each category a contiguous view in input order (the order its
// bootstrap draws from); sums run in input order too.
function splitByCategory(golden: readonly PairedCase[], metric: 'pass' | 'score'): SplitCases {
  const n = golden.length;
  const score = metric === 'score';
  const valueOf = (outcome: PairedCase['parent']): number => (score ? (outcome.score ?? outcome.pass) : outcome.pass);
  const ids = new Map<string, number>();
  const names: string[] = [];
  const parentSums: number[] = [];
  const candidateSums: number[] = [];
  const sizes: number[] = [];
  const minus: number[] = [];
  const plus: number[] = [];
  let binary = true;
  let clustered = false;
  let critical = 0;
  let fixes = 0;
  let regressions = 0;
  const idOf = (category: string): number => {
    let id = ids.get(category);
    if (id === undefined) {
      id = names.length;
      ids.set(category, id);
      names.push(category);
      parentSums.push(0);
      candidateSums.push(0);
      sizes.push(0);
      minus.push(0);
      plus.push(0);
    }
    return id;
  };
  for (let i = 0; i < n; i++) {
    const c = golden[i]!;
    const parent = valueOf(c.parent);
    const candidate = valueOf(c.candidate);
    const delta = candidate - parent;
    const id = idOf(c.category);
    parentSums[id]! += parent;
    candidateSums[id]! += candidate;
    sizes[id]!++;
    if (delta === 1) plus[id]!++;
    else if (delta === -1) minus[id]!++;
    else if (delta !== 0) binary = false;
    if (c.cluster !== undefined) clustered = true;
    if (c.critical) {
      critical++;
      // A trial-averaged critical case counts as passing when at least half its trials passed.
      const before = c.parent.pass >= 0.5;
      const after = c.candidate.pass >= 0.5;
      if (before && !after) regressions++;
      if (!before && after) fixes++;
    }
  }
  const countsOf = (id: number): DeltaCounts => ({ minus: minus[id]!, zero: sizes[id]! - minus[id]! - plus[id]!, plus: plus[id]! });
  const groups = names.map((category, id): CategoryGroup => ({ category, n: sizes[id]!, parentSum: parentSums[id]!, candidateSum: candidateSums[id]!, counts: countsOf(id) }));
  const totalMinus = minus.reduce((a, b) => a + b, 0);
  const totalPlus = plus.reduce((a, b) => a + b, 0);
  const counts: DeltaCounts = { minus: totalMinus, zero: n - totalMinus - totalPlus, plus: totalPlus };
  if (binary && !clustered) return { counts, categories: groups.toSorted(byName), clustered, critical, fixes, regressions };

  const deltas = new Float64Array(n);
  const categoryOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = golden[i]!;
    deltas[i] = valueOf(c.candidate) - valueOf(c.parent);
    categoryOf[i] = ids.get(c.category)!;
  }
  const starts = new Int32Array(names.length + 1);
  for (let id = 0; id < names.length; id++) starts[id + 1] = starts[id]! + sizes[id]!;
  const next = starts.slice(0, names.length);
  const grouped = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const slot = next[categoryOf[i]!]!++;
    grouped[slot] = deltas[i]!;
    order[slot] = i;
  }
  const categories = groups.map((group, id): CategoryGroup => {
    const start = starts[id]!;
    const end = starts[id + 1]!;
    const clusters = clustered ? indexClusters(Array.from(order.subarray(start, end), (i) => golden[i]!.cluster), end - start) : undefined;
    return { ...group, deltas: grouped.subarray(start, end), ...(clusters ? { clusters } : {}) };
  });
  return { counts, deltas, categories: categories.toSorted(byName), clustered, critical, fixes, regressions };
}

/**
 * Roughly how many paired cases would decide an inconclusive overall test. Above the margin, more
 * cases can show non-inferiority: the interval's lower bound must clear it, so the half-width must
 * shrink below estimate + margin. At or beyond the margin they can show the drop: the one-sided test
 * at the overall test's worst-case Holm share of alpha must reject, so the estimate must lie that
 * many standard errors below zero. Standard errors are the seed-free analytic ones (cluster-robust
 * when clustered), so clustering and trial averaging count and the answer does not move with the seed.
 */
function neededCases(test: PairedDeltaTest, margin: number, level: number, worstAlpha: number): number {
  const estimate = test.estimate * 100;
  const undecided = { estimate, standardError: test.analyticError * 100, sd: test.sd * 100, n: test.n };
  return estimate > -margin
    ? estimateCasesNeeded(undecided, estimate + margin, twoSidedZ(level))
    : estimateCasesNeeded(undecided, -estimate, oneSidedZ(worstAlpha));
}




function byName(a: CategoryGroup, b: CategoryGroup): number {
  return a.category < b.category ? -1 : 1;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
