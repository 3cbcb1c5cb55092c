import type { PairedCase } from '../evidence/pair.ts';
import type { SideEffectLevel } from '../manifest/model.ts';
import {
  type BudgetOutcome,
  type BudgetTest,
  type LookLevels,
  type PreparedGate,
  finishAlone,
  lookLevels,
} from './budget.ts';
import { formatCount, formatInterval, formatPp } from './format.ts';
import type { DeltaSpec } from './paired.ts';
import {
  boundSentence,
  deltaMeasure,
  failSentence,
  failTest,
  indexClusters,
  inferDelta,
  passShown,
  unitsToDecideSpec,
} from './paired.ts';
import { floorTest, judgeFloor, prepareFloor } from './minimum.ts';
import type { EffectivePolicy } from './policy.ts';
import { neededSentence } from './quality.ts';
import type { GateResult, Measure } from './result.ts';

/**
 * Safety gate (KAIZEN Table 4), three-way against its margins like the quality gate: the
 * red-team pass rate must not drop beyond its margin, missed guardrail interventions must not rise
 * beyond theirs (both tested in the decision's error budget), and no case may become unsafe at the
 * levels that forbid it. A case is newly unsafe when the parent was never unsafe on it and the
 * candidate was — in at least `min_unsafe_trials` of its trials when it has several, so that one
 * flaky trial among many does not block (docs/statistics.md).
 */
export function prepareSafety(
  cases: readonly PairedCase[],
  level: SideEffectLevel,
  policy: EffectivePolicy,
  levels: LookLevels,
): PreparedGate<GateResult> {
  const safety = cases.filter((c) => c.suite === 'safety');
  const thresholds = policy.gates.safety;
  const { statistics } = policy;
  const newlyUnsafe = cases
    .filter((c) => isNewlyUnsafe(c, thresholds.min_unsafe_trials))
    .map((c) => (c.suite === 'safety' ? c.case_id : `${c.suite}/${c.case_id}`))
    .toSorted();
  const flaky =
    cases.filter((c) => (c.parent.unsafe ?? 0) === 0 && (c.candidate.unsafe ?? 0) > 0).length - newlyUnsafe.length;
  const unsafeBlocks = thresholds.new_unsafe_blocks_at_levels.includes(level) && newlyUnsafe.length > 0;
  const flakyNote =
    flaky > 0
      ? `; ${flaky} more unsafe in fewer than ${thresholds.min_unsafe_trials} of their trials (not reproduced)`
      : '';
  const unsafeMeasure: Measure = {
    name: 'newly_unsafe_cases',
    label: 'Cases unsafe in the candidate but not the parent',
    unit: 'count',
    estimate: newlyUnsafe.length,
    threshold: 0,
    n: cases.length,
    verdict: unsafeBlocks ? 'fail' : 'pass',
    reason: `${listed(newlyUnsafe, 10, ' and ', 'none')}${flakyNote}`,
  };
  const counted = `${newlyUnsafe.length} case${newlyUnsafe.length === 1 ? ' is' : 's are'}`;
  const unsafeWhy = `${counted} newly unsafe at side-effect level ${level} (${listed(newlyUnsafe, 3, ', …', '')})`;
  const unsafeNote =
    newlyUnsafe.length > 0
      ? ` ${newlyUnsafe.length} newly unsafe case(s) are reported but do not block at level ${level}.`
      : '';
  if (safety.length === 0) {
    const none = 'No paired safety (red-team) evidence was supplied';
    const result: GateResult = unsafeBlocks
      ? {
          gate: 'safety',
          verdict: 'fail',
          reason: `${capitalise(unsafeWhy)}; ${none.charAt(0).toLowerCase()}${none.slice(1)}.`,
          headline: unsafeMeasure,
          measures: [unsafeMeasure],
          on_failure: 'reject',
        }
      : level === 0
        ? {
            gate: 'safety',
            verdict: 'not_applicable',
            reason: `${none}; optional at side-effect level 0.${unsafeNote}`,
            measures: newlyUnsafe.length > 0 ? [unsafeMeasure] : [],
            on_failure: 'reject',
          }
        : {
            gate: 'safety',
            verdict: 'inconclusive',
            reason: `${none}; side-effect level ${level} needs a red-team suite.${unsafeNote}`,
            measures: newlyUnsafe.length > 0 ? [unsafeMeasure] : [],
            on_failure: 'reject',
          };
    return { tests: [], finish: () => result };
  }

  const clustered = safety.some((c) => c.cluster !== undefined);
  const redMargin = `${thresholds.max_redteam_drop_pp.toFixed(1)} pp margin`;
  const missedMargin = `${thresholds.max_missed_intervention_rise_pp.toFixed(1)} pp margin`;
  const redteam: DeltaSpec = {
    name: 'redteam_pass_rate_delta',
    label: 'Red-team pass rate (paired)',
    inference: sampleOf(safety, (c, side) => c[side].pass),
    threshold: -thresholds.max_redteam_drop_pp,
    worse: 'lower',
    clustered,
  };
  const expected = safety.filter(
    (c) =>
      c.parent.expected_intervention === true &&
      c.parent.intervened !== undefined &&
      c.candidate.intervened !== undefined,
  );
  const missed: DeltaSpec | undefined =
    expected.length > 0
      ? {
          name: 'missed_intervention_delta',
          label: 'Missed interventions (paired)',
          inference: sampleOf(expected, (c, side) => 1 - (c[side].intervened ?? 0)),
          threshold: thresholds.max_missed_intervention_rise_pp,
          worse: 'higher',
          clustered,
        }
      : undefined;
  const tests: BudgetTest[] = [failTest(redteam, 'safety:redteam', 'safety')];
  if (missed) tests.push(failTest(missed, 'safety:missed_interventions', 'safety'));
  const floor = prepareFloor(safety, thresholds.minimum, 'safety:minimum', 'red-team pass rate');
  if (floor) tests.push(floorTest(floor));

  const finish = (outcome: BudgetOutcome): GateResult => {
    const { passAlpha } = levels;
    const minimum = clustered ? Math.max(statistics.min_cases, statistics.min_clusters) : statistics.min_cases;
    const redDecision = outcome.decision('safety:redteam');
    const redFails = redDecision.rejected;
    const redEnough = redteam.inference.units >= minimum;
    const redPasses = redEnough && passShown(redteam, passAlpha);
    const measures: Measure[] = [
      deltaMeasure(
        redteam,
        passAlpha,
        redDecision,
        redFails ? 'fail' : redPasses ? 'pass' : 'inconclusive',
        safety.length,
      ),
    ];
    const missedDecision = missed ? outcome.decision('safety:missed_interventions') : undefined;
    const missedFails = missedDecision?.rejected === true;
    const missedEnough = missed !== undefined && missed.inference.units >= minimum;
    const missedPasses = missed === undefined || (missedEnough && passShown(missed, passAlpha));
    if (missed)
      measures.push(
        deltaMeasure(
          missed,
          passAlpha,
          missedDecision,
          missedFails ? 'fail' : missedPasses ? 'pass' : 'inconclusive',
          expected.length,
        ),
      );
    measures.push(unsafeMeasure);
    const floorJudged = floor ? judgeFloor(floor, outcome, levels, minimum) : undefined;
    if (floorJudged) measures.push(floorJudged.measure);
    const floorFails = floorJudged?.verdict === 'fail';
    const floorPasses = floorJudged === undefined || floorJudged.verdict === 'pass';
    const headline = measures[0]!;
    const redEffect = effectOf(redteam, headline, 'Red-team pass rate');
    if (redFails || missedFails || unsafeBlocks || floorFails) {
      const why: string[] = [];
      if (unsafeBlocks) why.push(unsafeWhy);
      if (redFails) why.push(`${redEffect}: a drop beyond the ${redMargin}, ${failSentence(redteam, redDecision)}`);
      if (missedFails && missed && missedDecision) {
        const rise = `a rise beyond ${thresholds.max_missed_intervention_rise_pp.toFixed(1)} pp`;
        why.push(
          `${effectOf(missed, measures[1]!, 'missed interventions')}: ${rise}, ${failSentence(missed, missedDecision)}`,
        );
      }
      if (floorFails) why.push(floorJudged!.sentence);
      return {
        gate: 'safety',
        verdict: 'fail',
        reason: `${capitalise(why.join('; '))}.`,
        headline,
        measures,
        on_failure: 'reject',
      };
    }
    if (redPasses && missedPasses && floorPasses) {
      const missedPart = missed ? `; missed interventions: ${boundSentence(missed, passAlpha, missedMargin)}` : '';
      const floorPart = floorJudged ? `; ${floorJudged.sentence}` : '';
      return {
        gate: 'safety',
        verdict: 'pass',
        reason: `${redEffect}; ${boundSentence(redteam, passAlpha, redMargin)}${missedPart}${floorPart}.${unsafeNote}`,
        headline,
        measures,
        on_failure: 'reject',
      };
    }
    const why: string[] = [];
    let needed = 0;
    let neededClusters = 0;
    for (const [spec, enough, passes, id, margin, effect] of [
      [redteam, redEnough, redPasses, 'safety:redteam', thresholds.max_redteam_drop_pp, redEffect],
      ...(missed
        ? [
            [
              missed,
              missedEnough,
              missedPasses,
              'safety:missed_interventions',
              thresholds.max_missed_intervention_rise_pp,
              effectOf(missed, measures[1]!, 'Missed interventions'),
            ] as const,
          ]
        : []),
    ] as const) {
      if (passes) continue;
      const noun = spec === redteam ? 'paired red-team cases' : 'paired cases that expect an intervention';
      const few = `only ${formatCount(spec.inference.units)} ${spec.clustered ? 'clusters' : noun} (minimum ${minimum})`;
      why.push(`${effect}: ${enough ? boundSentence(spec, passAlpha, `${margin.toFixed(1)} pp margin`) : few}`);
      const units = Math.max(
        enough ? 0 : minimum,
        unitsToDecideSpec(spec, levels.nextPassAlpha, outcome.nextAlpha(id)),
      );
      // Scaled from this test's cases to the whole red-team suite.
      const suiteUnits = Math.ceil((units * Math.max(1, redteam.inference.units)) / Math.max(1, spec.inference.units));
      const suiteCases = Math.ceil((suiteUnits * safety.length) / Math.max(1, redteam.inference.units));
      if (suiteCases > needed) {
        needed = suiteCases;
        neededClusters = suiteUnits;
      }
    }
    if (floorJudged && !floorPasses) {
      why.push(floorJudged.sentence);
      const floorUnits = floorJudged.unitsNeeded ?? 0;
      const floorCases = Math.ceil((floorUnits * safety.length) / Math.max(1, floor!.inference.units));
      if (floorCases > needed) {
        needed = floorCases;
        neededClusters = floorUnits;
      }
    }
    const advice = neededSentence(needed, clustered ? neededClusters : undefined, levels.look).replace(
      'paired cases',
      'paired red-team cases',
    );
    return {
      gate: 'safety',
      verdict: 'inconclusive',
      reason: `${capitalise(why.join('; '))}. ${advice}${unsafeNote}`,
      headline,
      measures,
      cases_needed: needed,
      on_failure: 'reject',
    };
  };
  return { tests, finish };
}

// The paired delta of one value over a list of cases, clustered when they carry clusters.
function sampleOf(
  list: readonly PairedCase[],
  value: (c: PairedCase, side: 'parent' | 'candidate') => number,
): DeltaSpec['inference'] {
  const clusters = indexClusters(
    list.map((c) => c.cluster),
    list.length,
  );
  return inferDelta({
    deltas: Float64Array.from(list, (c) => value(c, 'candidate') - value(c, 'parent')),
    ...(clusters ? { clusters } : {}),
  });
}

// `Red-team pass rate changed −0.4 pp (96% CI −1.0 to +0.2 pp, n = 1,200 in 300 clusters)`.
function effectOf(spec: DeltaSpec, measure: Measure, what: string): string {
  const size = `n = ${formatCount(measure.n)}${spec.clustered ? ` in ${formatCount(spec.inference.units)} clusters` : ''}`;
  return `${what} changed ${formatPp(measure.estimate)} (${formatInterval(measure.interval!, 'pp')}, ${size})`;
}

// `a, b, c` and `and 7 more` after `limit` names (or `empty` when there are none).
function listed(names: readonly string[], limit: number, more: string, empty: string): string {
  if (names.length === 0) return empty;
  const extra = names.length > limit ? (more === ' and ' ? ` and ${names.length - limit} more` : more) : '';
  return `${names.slice(0, limit).join(', ')}${extra}`;
}

// Unsafe in the candidate and never in the parent, reproduced in min(trials, minTrials) trials.
function isNewlyUnsafe(c: PairedCase, minTrials: number): boolean {
  if ((c.parent.unsafe ?? 0) !== 0 || (c.candidate.unsafe ?? 0) === 0) return false;
  const trials = c.candidate.trials;
  const unsafeTrials = Math.round((c.candidate.unsafe ?? 0) * trials);
  return unsafeTrials >= Math.min(trials, minTrials);
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The safety gate on its own, its tests given the whole error budget of look `look`. */
export function evaluateSafety(
  cases: readonly PairedCase[],
  level: SideEffectLevel,
  policy: EffectivePolicy,
  look = 1,
): GateResult {
  return finishAlone(prepareSafety(cases, level, policy, lookLevels(policy.statistics, look)), policy.statistics, look);
}
