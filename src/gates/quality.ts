import type { PairedCase } from '../evidence/pair.ts';
import type { Problem } from '../problem.ts';
import type { PairedCounts } from '../stats/paired-score.ts';
import { type BudgetOutcome, type BudgetTest, finishAlone, type LookLevels, lookLevels, type PreparedGate } from './budget.ts';
import { formatCount, formatInterval, formatPp } from './format.ts';
import type { ClusterIndex, DeltaSpec } from './paired.ts';
import { boundSentence, deltaMeasure, estimateBeyond, failSentence, failTest, indexClusters, inferCounts, inferDelta, passShown, subsetClusters, unitsToDecideSpec } from './paired.ts';
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

/** The quality gate before the budget, with what the cost gate and the pipeline need from it. */
export interface PreparedQuality extends PreparedGate<QualityOutcome> {
  /** The overall delta and its shown lower bound in pp (a cost rise is justified by a gain shown this way). */
  readonly gain?: { readonly estimatePp: number; readonly lowerPp: number };
  /** Located evidence problems the policy makes errors (a missing score with `missing_score: error`). */
  readonly problems: readonly Problem[];
}

/** How many located problems about missing scores are listed before a summary line. */
const LISTED_PROBLEMS = 20;

/**
 * Quality gate (KAIZEN Table 4) on the paired golden suite, three-way against the margins
 * (docs/statistics.md): it fails when a drop beyond the margin is significant overall or in a
 * tested category, or when critical cases regress beyond their tolerance (exact one-sided McNemar
 * at the default tolerance of 0); it passes when non-inferiority is shown overall (the one-sided
 * lower bound within the margin), no tested category is estimated beyond its margin and no test
 * failed; otherwise it is inconclusive and says how many cases would decide it. Fail tests are
 * decided in the decision's error budget (see `runBudget`).
 */
export function prepareQuality(cases: readonly PairedCase[], policy: EffectivePolicy, levels: LookLevels): PreparedQuality {
  const all = cases.filter((c) => c.suite === 'golden');
  const { quality } = policy.gates;
  const { statistics } = policy;
  if (all.length === 0) return undecided('not_applicable', 'No paired golden-suite evidence was supplied.', []);
  const selected = selectCases(all, policy);
  if (selected.problems.length > 0 || selected.cases.length === 0) {
    const reason = selected.cases.length === 0 && selected.problems.length === 0 ? `No golden case has a score on both sides.${selected.note}` : `${selected.note.trim()}`;
    return undecided('inconclusive', reason, selected.problems);
  }
  const golden = selected.cases;
  const split = splitByCategory(golden, selected.valueOf);
  const margin = quality.max_drop_pp;
  const categoryMargin = quality.max_category_drop_pp;
  const criticalMargin = quality.critical_max_drop_pp;
  const label = quality.metric === 'score' ? 'Mean score' : 'Pass rate';
  const clustered = split.clusters !== undefined;
  const overall: DeltaSpec = {
    name: 'pass_rate_delta',
    label: `${label} (golden, paired)`,
    inference: split.deltas ? inferDelta({ deltas: split.deltas, ...(split.clusters ? { clusters: split.clusters } : {}), strata: split.categoryOf! }) : inferCounts(split.counts),
    threshold: -margin,
    worse: 'lower',
    clustered,
  };
  const single = split.categories.length === 1;
  const categoryMinimum = clustered ? Math.max(quality.min_category_cases, statistics.min_clusters) : quality.min_category_cases;
  const groups = split.categories.map((group) => {
    const tested = !single && categoryUnits(group) >= categoryMinimum;
    const spec: DeltaSpec = {
      name: `category:${group.category}`,
      label: group.category,
      inference: single ? overall.inference : group.deltas ? inferDelta({ deltas: group.deltas, ...(group.clusters ? { clusters: group.clusters } : {}) }) : inferCounts(group.counts),
      threshold: single ? -margin : -categoryMargin,
      worse: 'lower',
      clustered,
    };
    return { group, tested, spec, id: `quality:category:${group.category}` };
  });
  const critical: DeltaSpec | undefined =
    split.critical.n > 0
      ? {
          name: 'critical_cases',
          label: `Critical cases: ${split.critical.regressions} regressed, ${split.critical.fixes} fixed of ${split.critical.n}`,
          inference: split.critical.deltas
            ? inferDelta({ deltas: split.critical.deltas, ...(split.critical.clusters ? { clusters: split.critical.clusters } : {}) }, criticalMargin === 0)
            : inferCounts({ n: split.critical.n, fixes: split.critical.fixes, regressions: split.critical.regressions }, criticalMargin === 0),
          threshold: -criticalMargin,
          worse: 'lower',
          clustered,
        }
      : undefined;
  const tests: BudgetTest[] = [failTest(overall, 'quality:overall', 'quality')];
  for (const g of groups) if (g.tested) tests.push(failTest(g.spec, g.id, 'categories'));
  if (critical) tests.push(failTest(critical, 'quality:critical', 'critical'));
  const overallLower = overall.inference.lower(levels.passAlpha) * 100;

  const finish = (outcome: BudgetOutcome): QualityOutcome => {
    const { passAlpha } = levels;
    const overallDecision = outcome.decision('quality:overall');
    const overallFails = overallDecision.rejected;
    const units = overall.inference.units;
    const minimum = clustered ? Math.max(statistics.min_cases, statistics.min_clusters) : statistics.min_cases;
    const enough = units >= minimum;
    const overallPasses = enough && passShown(overall, passAlpha);
    const headline = deltaMeasure(overall, passAlpha, overallDecision, overallFails ? 'fail' : overallPasses ? 'pass' : 'inconclusive', golden.length);

    const judged = groups.map((g) => {
      const decision = g.tested ? outcome.decision(g.id) : undefined;
      const fails = decision?.rejected === true;
      const beyond = g.tested && !fails && estimateBeyond(g.spec);
      const verdict: Verdict = !g.tested && !single ? 'not_applicable' : single ? headline.verdict : fails ? 'fail' : beyond ? 'inconclusive' : 'pass';
      const measure = single ? { ...headline, name: g.spec.name, label: g.spec.label } : deltaMeasure(g.spec, passAlpha, decision, verdict, g.group.n);
      return { ...g, decision, fails, beyond, measure: !g.tested && !single ? { ...measure, reason: `fewer than ${categoryMinimum} ${clustered ? 'clusters' : 'cases'}: shown, not tested` } : measure };
    });
    const categories: CategoryDelta[] = judged.map((g) => ({
      category: g.group.category,
      n: g.group.n,
      parent_rate: round(g.group.parentSum / g.group.n),
      candidate_rate: round(g.group.candidateSum / g.group.n),
      measure: g.measure,
      tested: g.tested || single,
    }));

    const measures: Measure[] = [headline];
    let criticalFails = false;
    const criticalDecision = critical ? outcome.decision('quality:critical') : undefined;
    if (critical && criticalDecision) {
      criticalFails = criticalDecision.rejected;
      measures.push({
        ...deltaMeasure(critical, passAlpha, criticalDecision, criticalFails ? 'fail' : 'pass', split.critical.n),
        reason: `${criticalMargin === 0 ? 'exact one-sided McNemar' : `one-sided test against a ${criticalMargin.toFixed(1)} pp tolerance`} on ${split.critical.fixes + split.critical.regressions} discordant critical pairs${clustered ? ', cluster-adjusted' : ''}`,
      });
    }
    measures.push(...categories.map((c) => c.measure));
    const failed = judged.filter((g) => g.fails);
    const beyond = judged.filter((g) => g.beyond);

    const overallInterval = headline.interval!;
    const effect = `${label} changed ${formatPp(headline.estimate)} (${formatInterval(overallInterval, 'pp')}, n = ${formatCount(golden.length)}${clustered ? ` in ${formatCount(units)} clusters` : ''})${selected.note}`;
    let verdict: Verdict;
    let reason: string;
    let casesNeeded: number | undefined;
    if (overallFails || failed.length > 0 || criticalFails) {
      verdict = 'fail';
      const why: string[] = [];
      if (overallFails) why.push(`${effect}: a drop beyond the ${margin.toFixed(1)} pp margin, ${failSentence(overall, overallDecision)}`);
      for (const g of failed.slice(0, 3)) why.push(`category ${g.group.category} fell ${formatPp(g.measure.estimate)}, beyond its ${categoryMargin.toFixed(1)} pp margin, ${failSentence(g.spec, g.decision!)}`);
      if (failed.length > 3) why.push(`${failed.length - 3} more categories fell beyond their margin`);
      if (criticalFails && critical && criticalDecision) {
        why.push(
          `critical cases failed: ${split.critical.regressions} regressed against ${split.critical.fixes} fixed, beyond the tolerance of ${criticalMargin.toFixed(1)} pp, ${failSentence(critical, criticalDecision)}`,
        );
      }
      reason = `${capitalise(why.join('; '))}.`;
    } else if (overallPasses && beyond.length === 0) {
      verdict = 'pass';
      reason = `${effect}; ${boundSentence(overall, passAlpha, `${margin.toFixed(1)} pp margin`)}, no tested category is estimated beyond its ${categoryMargin.toFixed(1)} pp margin and no critical-case test failed.`;
    } else {
      verdict = 'inconclusive';
      const why: string[] = [];
      if (!enough) why.push(`only ${formatCount(units)} ${clustered ? 'clusters' : 'paired golden cases'} (minimum ${minimum})`);
      else if (!overallPasses) why.push(boundSentence(overall, passAlpha, `${margin.toFixed(1)} pp margin`));
      for (const g of beyond.slice(0, 3)) why.push(`category ${g.group.category} is estimated ${formatPp(g.measure.estimate)}, beyond its ${categoryMargin.toFixed(1)} pp margin, but not significantly`);
      if (beyond.length > 3) why.push(`${beyond.length - 3} more categories are estimated beyond their margin`);
      const needed = neededUnits(outcome, overallPasses, enough ? 0 : minimum, beyond);
      const ratio = golden.length / Math.max(1, units);
      casesNeeded = Math.ceil(needed * ratio);
      reason = `${effect}: ${why.join('; ')}. ${neededSentence(casesNeeded, clustered ? needed : undefined, levels.look)}`;
    }
    return {
      result: { gate: 'quality', verdict, reason, headline, measures, on_failure: 'reject', ...(casesNeeded !== undefined ? { cases_needed: casesNeeded } : {}) },
      categories,
    };
  };

  // Units (clusters, or cases) that decide every undecided part at the next look; categories scale
  // to the whole suite by their share of its units.
  const neededUnits = (outcome: BudgetOutcome, overallPasses: boolean, atLeast: number, beyond: readonly { spec: DeltaSpec; id: string }[]): number => {
    const total = Math.max(1, overall.inference.units);
    let needed = Math.max(atLeast, total + 1);
    if (!overallPasses) needed = Math.max(needed, unitsToDecideSpec(overall, levels.nextPassAlpha, outcome.nextAlpha('quality:overall')));
    for (const g of beyond) {
      const share = total / Math.max(1, g.spec.inference.units);
      needed = Math.max(needed, Math.ceil(unitsToDecideSpec(g.spec, levels.nextPassAlpha, outcome.nextAlpha(g.id), true) * share));
    }
    return needed;
  };

  return {
    tests,
    problems: [],
    gain: { estimatePp: overall.inference.estimate * 100, lowerPp: overallLower },
    finish,
  };
}

/** The quality gate alone: its tests get the whole error budget of look `look`. */
export function evaluateQuality(cases: readonly PairedCase[], policy: EffectivePolicy, look = 1): QualityOutcome {
  return finishAlone(prepareQuality(cases, policy, lookLevels(policy.statistics, look)), policy.statistics, look);
}

/** `About 4,300 paired cases (720 clusters) would decide it at look 2 with 80 % probability.` */
export function neededSentence(cases: number, clusters: number | undefined, look: number): string {
  const capped = cases >= 10_000_000;
  return `${capped ? 'More than' : 'About'} ${formatCount(cases)} paired cases${clusters !== undefined ? ` (${formatCount(clusters)} clusters)` : ''} would decide it at look ${look + 1} with 80 % probability.`;
}

// A quality gate with nothing to test.
function undecided(verdict: 'not_applicable' | 'inconclusive', reason: string, problems: readonly Problem[]): PreparedQuality {
  return { tests: [], problems, finish: () => ({ result: { gate: 'quality', verdict, reason, measures: [], on_failure: 'reject' }, categories: [] }) };
}

function categoryUnits(group: CategoryGroup): number {
  return group.clusters?.count ?? group.n;
}

function hasBothScores(c: PairedCase): boolean {
  return c.parent.score !== undefined && c.candidate.score !== undefined;
}

function scoreOf(c: PairedCase, side: 'parent' | 'candidate'): number {
  return c[side].score!;
}

function byName<T extends { category: string }>(a: T, b: T): number {
  return a.category < b.category ? -1 : 1;
}

/** The golden cases the metric can use, and how to read each side's value. */
interface SelectedCases {
  readonly cases: readonly PairedCase[];
  readonly valueOf: (c: PairedCase, side: 'parent' | 'candidate') => number;
  readonly problems: Problem[];
  /** A sentence (with a leading space) about cases left out or read differently; '' when none. */
  readonly note: string;
}

// The score metric compares scores only where both sides have one (policy `missing_score` says what
// happens to the other cases); the pass metric uses every case.
function selectCases(golden: readonly PairedCase[], policy: EffectivePolicy): SelectedCases {
  const { quality } = policy.gates;
  if (quality.metric === 'pass') return { cases: golden, valueOf: (c, side) => c[side].pass, problems: [], note: '' };
  const missing = golden.filter((c) => !hasBothScores(c));
  if (missing.length === 0) return { cases: golden, valueOf: scoreOf, problems: [], note: '' };
  const count = `${formatCount(missing.length)} golden case${missing.length === 1 ? '' : 's'}`;
  if (quality.missing_score === 'skip') {
    return { cases: golden.filter(hasBothScores), valueOf: scoreOf, problems: [], note: `; ${count} without a score on both sides left out (missing_score: skip)` };
  }
  if (quality.missing_score === 'use_pass') {
    return { cases: golden, valueOf: (c, side) => (hasBothScores(c) ? c[side].score! : c[side].pass), problems: [], note: `; ${count} compared on pass, not score, on both sides (missing_score: use_pass)` };
  }
  const problems: Problem[] = missing.slice(0, LISTED_PROBLEMS).map((c) => {
    const side = c.candidate.score === undefined ? c.candidate : c.parent;
    return { file: side.source.file, line: side.source.line, field: 'score', message: `missing for ${c.case_id}: quality.metric is score, so every golden case needs a score on both sides (or set quality.missing_score to skip or use_pass)` };
  });
  if (missing.length > LISTED_PROBLEMS) {
    const first = missing[0]!.candidate.source.file;
    problems.push({ file: first, field: 'score', message: `and ${formatCount(missing.length - LISTED_PROBLEMS)} more golden cases without a score on one side` });
  }
  return { cases: [], valueOf: scoreOf, problems, note: ` ${count} lack a score on one side; quality.missing_score is error, so the score metric cannot be computed.` };
}

/** One category's cases: counts, or deltas and clusters when clustered or not −1/0/+1. */
interface CategoryGroup {
  readonly category: string;
  readonly n: number;
  readonly parentSum: number;
  readonly candidateSum: number;
  readonly counts: PairedCounts;
  readonly deltas?: Float64Array;
  readonly clusters?: ClusterIndex;
}

/** What the gate needs from the golden cases. */
interface SplitCases {
  readonly counts: PairedCounts;
  /** Per-case deltas in input order, when clustered or not every delta is −1, 0 or +1. */
  readonly deltas?: Float64Array;
  readonly categoryOf?: Int32Array;
  readonly clusters?: ClusterIndex;
  /** Categories in code-unit order of their names. */
  readonly categories: readonly CategoryGroup[];
  readonly critical: { readonly n: number; readonly fixes: number; readonly regressions: number; readonly deltas?: Float64Array; readonly clusters?: ClusterIndex };
}

// One pass over the golden cases (100,000 in a large suite): each side's value, the category,
// rate sums and delta counts, and the critical-case counts. Unclustered binary outcomes need
// nothing more: their inference takes the counts. Otherwise the deltas are laid out by category,
// each category a contiguous view, with its own cluster numbering.
function splitByCategory(golden: readonly PairedCase[], valueOf: SelectedCases['valueOf']): SplitCases {
  const n = golden.length;
  const ids = new Map<string, number>();
  const names: string[] = [];
  const parentSums: number[] = [];
  const candidateSums: number[] = [];
  const sizes: number[] = [];
  const minus: number[] = [];
  const plus: number[] = [];
  let binary = true;
  let clustered = false;
  const criticalIndices: number[] = [];
  let fixes = 0;
  let regressions = 0;
  const categoryOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = golden[i]!;
    const parent = valueOf(c, 'parent');
    const candidate = valueOf(c, 'candidate');
    const delta = candidate - parent;
    let id = ids.get(c.category);
    if (id === undefined) {
      id = names.length;
      ids.set(c.category, id);
      names.push(c.category);
      parentSums.push(0);
      candidateSums.push(0);
      sizes.push(0);
      minus.push(0);
      plus.push(0);
    }
    categoryOf[i] = id;
    parentSums[id]! += parent;
    candidateSums[id]! += candidate;
    sizes[id]!++;
    if (delta === 1) plus[id]!++;
    else if (delta === -1) minus[id]!++;
    else if (delta !== 0) binary = false;
    if (c.cluster !== undefined) clustered = true;
    if (c.critical) {
      criticalIndices.push(i);
      // A trial-averaged critical case counts as passing when at least half its trials passed.
      const before = c.parent.pass >= 0.5;
      const after = c.candidate.pass >= 0.5;
      if (before && !after) regressions++;
      if (!before && after) fixes++;
    }
  }
  const countsOf = (id: number): PairedCounts => ({ n: sizes[id]!, fixes: plus[id]!, regressions: minus[id]! });
  const totalMinus = minus.reduce((a, b) => a + b, 0);
  const totalPlus = plus.reduce((a, b) => a + b, 0);
  const counts: PairedCounts = { n, fixes: totalPlus, regressions: totalMinus };
  const groups = names.map((category, id) => ({ category, n: sizes[id]!, parentSum: parentSums[id]!, candidateSum: candidateSums[id]!, counts: countsOf(id) }));
  const critical = { n: criticalIndices.length, fixes, regressions };
  if (binary && !clustered) return { counts, categories: groups.toSorted(byName), critical };

  const deltas = new Float64Array(n);
  for (let i = 0; i < n; i++) deltas[i] = valueOf(golden[i]!, 'candidate') - valueOf(golden[i]!, 'parent');
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
  const clusters = clustered ? indexClusters(golden.map((c) => c.cluster), n) : undefined;
  const scratch = clusters ? new Int32Array(clusters.count).fill(-1) : undefined;
  const categories = groups.map((group, id): CategoryGroup => {
    const start = starts[id]!;
    const end = starts[id + 1]!;
    const local = clusters && scratch ? subsetClusters(clusters, order.subarray(start, end), scratch) : undefined;
    return { ...group, deltas: grouped.subarray(start, end), ...(local ? { clusters: local } : {}) };
  });
  const criticalClusters = clusters && scratch ? subsetClusters(clusters, criticalIndices, scratch) : undefined;
  const criticalDeltas = clustered
    ? Float64Array.from(criticalIndices, (i) => (golden[i]!.candidate.pass >= 0.5 ? 1 : 0) - (golden[i]!.parent.pass >= 0.5 ? 1 : 0))
    : undefined;
  return {
    counts,
    deltas,
    categoryOf,
    ...(clusters ? { clusters } : {}),
    categories: categories.toSorted(byName),
    critical: { ...critical, ...(criticalDeltas ? { deltas: criticalDeltas } : {}), ...(criticalClusters ? { clusters: criticalClusters } : {}) },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
