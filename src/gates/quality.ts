import type { PairedCase } from '../evidence/pair.ts';
import type { Problem } from '../problem.ts';
import {
  type BudgetOutcome,
  type BudgetTest,
  finishAlone,
  type LookLevels,
  lookLevels,
  type PreparedGate,
} from './budget.ts';
import { formatCount, formatInterval, formatPp } from './format.ts';
import { type CategoryGroup, selectCases, splitByCategory } from './golden-cases.ts';
import type { DeltaSpec } from './paired.ts';
import {
  boundSentence,
  deltaMeasure,
  estimateBeyond,
  failSentence,
  failTest,
  inferCounts,
  inferDelta,
  passShown,
  unitsToDecideSpec,
} from './paired.ts';
import { floorTest, judgeFloor, prepareFloor } from './minimum.ts';
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

/**
 * Quality gate (KAIZEN Table 4) on the paired golden suite, three-way against the margins
 * (docs/statistics.md): it fails when a drop beyond the margin is significant overall or in a
 * tested category, or when critical cases regress beyond their tolerance (exact one-sided McNemar
 * at the default tolerance of 0); it passes when non-inferiority is shown overall (the one-sided
 * lower bound within the margin), no tested category is estimated beyond its margin and no test
 * failed; otherwise it is inconclusive and says how many cases would decide it. Fail tests are
 * decided in the decision's error budget (see `runBudget`).
 */
export function prepareQuality(
  cases: readonly PairedCase[],
  policy: EffectivePolicy,
  levels: LookLevels,
): PreparedQuality {
  const all = cases.filter((c) => c.suite === 'golden');
  const { quality } = policy.gates;
  const { statistics } = policy;
  if (all.length === 0) return undecided('not_applicable', 'No paired golden-suite evidence was supplied.', []);
  const selected = selectCases(all, policy);
  if (selected.problems.length > 0 || selected.cases.length === 0) {
    const reason =
      selected.cases.length === 0 && selected.problems.length === 0
        ? `No golden case has a score on both sides.${selected.note}`
        : `${selected.note.trim()}`;
    return undecided('inconclusive', reason, selected.problems);
  }
  const golden = selected.cases;
  const split = splitByCategory(golden, selected.valueOf);
  const margin = quality.max_drop_pp;
  const categoryMargin = quality.max_category_drop_pp;
  const criticalMargin = quality.critical_max_drop_pp;
  const marginText = `${margin.toFixed(1)} pp margin`;
  const categoryMarginText = `${categoryMargin.toFixed(1)} pp margin`;
  const criticalTolerance = `tolerance of ${criticalMargin.toFixed(1)} pp`;
  const label = quality.metric === 'score' ? 'Mean score' : 'Pass rate';
  const clustered = split.clusters !== undefined;
  const overall: DeltaSpec = {
    name: 'pass_rate_delta',
    label: `${label} (golden, paired)`,
    inference: split.deltas
      ? inferDelta({
          deltas: split.deltas,
          ...(split.clusters ? { clusters: split.clusters } : {}),
          strata: split.categoryOf!,
        })
      : inferCounts(split.counts),
    threshold: -margin,
    worse: 'lower',
    clustered,
  };
  const single = split.categories.length === 1;
  const categoryMinimum = clustered
    ? Math.max(quality.min_category_cases, statistics.min_clusters)
    : quality.min_category_cases;
  const groups = split.categories.map((group) => {
    const tested = !single && categoryUnits(group) >= categoryMinimum;
    const spec: DeltaSpec = {
      name: `category:${group.category}`,
      label: group.category,
      inference: single
        ? overall.inference
        : group.deltas
          ? inferDelta({ deltas: group.deltas, ...(group.clusters ? { clusters: group.clusters } : {}) })
          : inferCounts(group.counts),
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
            ? inferDelta(
                {
                  deltas: split.critical.deltas,
                  ...(split.critical.clusters ? { clusters: split.critical.clusters } : {}),
                },
                criticalMargin === 0,
              )
            : inferCounts(
                { n: split.critical.n, fixes: split.critical.fixes, regressions: split.critical.regressions },
                criticalMargin === 0,
              ),
          threshold: -criticalMargin,
          worse: 'lower',
          clustered,
        }
      : undefined;
  // The absolute floor is on every golden case the candidate ran, whatever the metric selects.
  const floor = prepareFloor(all, quality.minimum, 'quality:minimum', 'golden pass rate');
  const tests: BudgetTest[] = [failTest(overall, 'quality:overall', 'quality')];
  if (floor) tests.push(floorTest(floor));
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
    const headline = deltaMeasure(
      overall,
      passAlpha,
      overallDecision,
      overallFails ? 'fail' : overallPasses ? 'pass' : 'inconclusive',
      golden.length,
    );

    const judged = groups.map((g) => {
      const decision = g.tested ? outcome.decision(g.id) : undefined;
      const fails = decision?.rejected === true;
      const beyond = g.tested && !fails && estimateBeyond(g.spec);
      const verdict: Verdict =
        !g.tested && !single
          ? 'not_applicable'
          : single
            ? headline.verdict
            : fails
              ? 'fail'
              : beyond
                ? 'inconclusive'
                : 'pass';
      const measure = single
        ? { ...headline, name: g.spec.name, label: g.spec.label }
        : deltaMeasure(g.spec, passAlpha, decision, verdict, g.group.n);
      return {
        ...g,
        decision,
        fails,
        beyond,
        measure:
          !g.tested && !single
            ? {
                ...measure,
                reason: `fewer than ${categoryMinimum} ${clustered ? 'clusters' : 'cases'}: shown, not tested`,
              }
            : measure,
      };
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
      const test = criticalMargin === 0 ? 'exact one-sided McNemar' : `one-sided test against a ${criticalTolerance}`;
      const discordant = split.critical.fixes + split.critical.regressions;
      measures.push({
        ...deltaMeasure(critical, passAlpha, criticalDecision, criticalFails ? 'fail' : 'pass', split.critical.n),
        reason: `${test} on ${discordant} discordant critical pairs${clustered ? ', cluster-adjusted' : ''}`,
      });
    }
    measures.push(...categories.map((c) => c.measure));
    const floorJudged = floor ? judgeFloor(floor, outcome, levels, minimum) : undefined;
    if (floorJudged) measures.push(floorJudged.measure);
    const floorFails = floorJudged?.verdict === 'fail';
    const floorPasses = floorJudged === undefined || floorJudged.verdict === 'pass';
    const failed = judged.filter((g) => g.fails);
    const beyond = judged.filter((g) => g.beyond);

    const size = `n = ${formatCount(golden.length)}${clustered ? ` in ${formatCount(units)} clusters` : ''}`;
    const effect = `${label} changed ${formatPp(headline.estimate)} (${formatInterval(headline.interval!, 'pp')}, ${size})${selected.note}`;
    let verdict: Verdict;
    let reason: string;
    let casesNeeded: number | undefined;
    if (overallFails || failed.length > 0 || criticalFails || floorFails) {
      verdict = 'fail';
      const why: string[] = [];
      if (overallFails)
        why.push(`${effect}: a drop beyond the ${marginText}, ${failSentence(overall, overallDecision)}`);
      for (const g of failed.slice(0, 3)) {
        const fell = `category ${g.group.category} fell ${formatPp(g.measure.estimate)}`;
        why.push(`${fell}, beyond its ${categoryMarginText}, ${failSentence(g.spec, g.decision!)}`);
      }
      if (failed.length > 3) why.push(`${failed.length - 3} more categories fell beyond their margin`);
      if (criticalFails && critical && criticalDecision) {
        const counts = `${split.critical.regressions} regressed against ${split.critical.fixes} fixed`;
        why.push(
          `critical cases failed: ${counts}, beyond the ${criticalTolerance}, ${failSentence(critical, criticalDecision)}`,
        );
      }
      if (floorFails) why.push(floorJudged!.sentence);
      reason = `${capitalise(why.join('; '))}.`;
    } else if (overallPasses && beyond.length === 0 && floorPasses) {
      verdict = 'pass';
      const rest = `no tested category is estimated beyond its ${categoryMarginText} and no critical-case test failed`;
      const floorPart = floorJudged ? `; ${floorJudged.sentence}` : '';
      reason = `${effect}; ${boundSentence(overall, passAlpha, marginText)}, ${rest}${floorPart}.`;
    } else {
      verdict = 'inconclusive';
      const why: string[] = [];
      if (!enough)
        why.push(`only ${formatCount(units)} ${clustered ? 'clusters' : 'paired golden cases'} (minimum ${minimum})`);
      else if (!overallPasses) why.push(boundSentence(overall, passAlpha, marginText));
      for (const g of beyond.slice(0, 3)) {
        const estimated = `category ${g.group.category} is estimated ${formatPp(g.measure.estimate)}`;
        why.push(`${estimated}, beyond its ${categoryMarginText}, but not significantly`);
      }
      if (beyond.length > 3) why.push(`${beyond.length - 3} more categories are estimated beyond their margin`);
      if (floorJudged && !floorPasses) why.push(floorJudged.sentence);
      const pairedUndecided = !(overallPasses && beyond.length === 0);
      const pairedNeeded = pairedUndecided ? neededUnits(outcome, overallPasses, enough ? 0 : minimum, beyond) : 0;
      const needed = Math.max(pairedNeeded, floorJudged?.unitsNeeded ?? 0);
      const ratio = golden.length / Math.max(1, units);
      casesNeeded = Math.ceil(needed * ratio);
      reason = `${effect}: ${why.join('; ')}. ${neededSentence(casesNeeded, clustered ? needed : undefined, levels.look)}`;
    }
    return {
      result: {
        gate: 'quality',
        verdict,
        reason,
        headline,
        measures,
        on_failure: 'reject',
        ...(casesNeeded !== undefined ? { cases_needed: casesNeeded } : {}),
      },
      categories,
    };
  };

  // Units (clusters, or cases) that decide every undecided part at the next look; categories scale
  // to the whole suite by their share of its units.
  const neededUnits = (
    outcome: BudgetOutcome,
    overallPasses: boolean,
    atLeast: number,
    beyond: readonly { spec: DeltaSpec; id: string }[],
  ): number => {
    const total = Math.max(1, overall.inference.units);
    let needed = Math.max(atLeast, total + 1);
    if (!overallPasses)
      needed = Math.max(needed, unitsToDecideSpec(overall, levels.nextPassAlpha, outcome.nextAlpha('quality:overall')));
    for (const g of beyond) {
      const share = total / Math.max(1, g.spec.inference.units);
      needed = Math.max(
        needed,
        Math.ceil(unitsToDecideSpec(g.spec, levels.nextPassAlpha, outcome.nextAlpha(g.id), true) * share),
      );
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
  const units = `${formatCount(cases)} paired cases${clusters !== undefined ? ` (${formatCount(clusters)} clusters)` : ''}`;
  const capped = cases >= 10_000_000;
  return `${capped ? 'More than' : 'About'} ${units} would decide it at look ${look + 1} with 80 % probability.`;
}

// A quality gate with nothing to test.
function undecided(
  verdict: 'not_applicable' | 'inconclusive',
  reason: string,
  problems: readonly Problem[],
): PreparedQuality {
  return {
    tests: [],
    problems,
    finish: () => ({
      result: { gate: 'quality', verdict, reason, measures: [], on_failure: 'reject' },
      categories: [],
    }),
  };
}

function categoryUnits(group: CategoryGroup): number {
  return group.clusters?.count ?? group.n;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
