import { weightedHolm } from '../stats/holm.ts';
import { lookShare } from '../stats/sequential.ts';
import type { AlphaWeights, StatisticsPolicy } from './policy.ts';
import { round } from './result.ts';

/** The groups the decision's error budget is split between (policy `statistics.alpha_weights`). */
export type BudgetGroup = keyof AlphaWeights;

/** One fail test of the decision: a regression beyond its threshold. */
export interface BudgetTest {
  /** Unique in the decision, e.g. `quality:overall`, `quality:category:refunds`, `cost`. */
  readonly id: string;
  readonly group: BudgetGroup;
  /** Whether the test rejects at this level (monotone in the level). */
  rejectsAt(level: number): boolean;
}

/** What the budget decided for one test. */
export interface TestDecision {
  readonly rejected: boolean;
  /** The level it was decided at: its weighted-Holm level at this look. */
  readonly alpha: number;
}

/** One line of the split, as the report records it. */
export interface BudgetShare {
  readonly test: string;
  readonly group: BudgetGroup;
  /** Share of this look's alpha (the Bonferroni level before Holm hands on rejected weight). */
  readonly share: number;
  /** The level the test was decided at. */
  readonly alpha: number;
  readonly rejected: boolean;
}

/** The decision's error budget as the report records it. */
export interface ErrorBudget {
  /** Chance that a candidate that changes nothing is rejected or held, over all gates, categories and looks. */
  readonly alpha: number;
  /** Which run of the same package pair this is: 1 for the first, 2 after adding cases, … */
  readonly look: number;
  /** The part of `alpha` this look spends. */
  readonly look_alpha: number;
  /** Chance that a candidate beyond a margin passes, over all looks: (1 − confidence) / 2. */
  readonly pass_risk: number;
  /** The part of `pass_risk` this look spends: every pass test and every shown bound is one-sided at 1 − this. */
  readonly look_pass_risk: number;
  readonly split: readonly BudgetShare[];
}

/** The levels a gate needs before the budget is run: pass tests and shown intervals, now and at the next look. */
export interface LookLevels {
  readonly look: number;
  readonly passAlpha: number;
  readonly nextPassAlpha: number;
}

/** The levels at look `look` under the policy. */
export function lookLevels(statistics: StatisticsPolicy, look: number): LookLevels {
  const passRisk = (1 - statistics.confidence) / 2;
  return {
    look,
    passAlpha: passRisk * lookShare(look, statistics.first_look_share),
    nextPassAlpha: passRisk * lookShare(look + 1, statistics.first_look_share),
  };
}

/** A gate whose statistics are computed and whose fail tests wait for the decision's error budget. */
export interface PreparedGate<T> {
  readonly tests: readonly BudgetTest[];
  finish(outcome: BudgetOutcome): T;
}

/** A gate on its own: its tests get the whole budget of look `look` (for tests and benchmarks of one gate). */
export function finishAlone<T>(prepared: PreparedGate<T>, statistics: StatisticsPolicy, look = 1): T {
  return prepared.finish(runBudget(prepared.tests, statistics, look));
}

/** The outcome of the budget for the gates to finish with. */
export interface BudgetOutcome {
  readonly budget: ErrorBudget;
  decision(id: string): TestDecision;
  /** The test's level at the next look before any rejection: what a re-run will be held to. */
  nextAlpha(id: string): number;
}

/**
 * Runs every fail test of one decision as one weighted-Holm family at this look's share of alpha:
 * each group of `alpha_weights` that has tests gets its weight, split equally between its tests,
 * and groups without tests drop out (the rest are rescaled, so the whole budget is used). The
 * family-wise error of the decision — any gate, any category — is then at most alpha over all looks.
 *
 * @throws {RangeError} when two tests share an id or `look` is not a positive integer.
 */
export function runBudget(tests: readonly BudgetTest[], statistics: StatisticsPolicy, look: number): BudgetOutcome {
  const ids = new Set<string>();
  for (const test of tests) {
    if (ids.has(test.id)) throw new RangeError(`Two budget tests share the id ${test.id}.`);
    ids.add(test.id);
  }
  const perGroup = new Map<BudgetGroup, number>();
  for (const test of tests) perGroup.set(test.group, (perGroup.get(test.group) ?? 0) + 1);
  const weightOf = (test: BudgetTest): number => statistics.alpha_weights[test.group] / perGroup.get(test.group)!;
  const weighted = tests.filter((test) => weightOf(test) > 0);
  const totalWeight = weighted.reduce((sum, test) => sum + weightOf(test), 0);
  const lookAlpha = statistics.alpha * lookShare(look, statistics.first_look_share);
  const nextLookAlpha = statistics.alpha * lookShare(look + 1, statistics.first_look_share);
  const outcome =
    weighted.length > 0
      ? weightedHolm(
          weighted.map((test) => ({ weight: weightOf(test), rejectsAt: (level: number) => test.rejectsAt(level) })),
          lookAlpha,
        )
      : { rejected: [], levels: [] };
  const decisions = new Map<string, TestDecision>();
  const nextLevels = new Map<string, number>();
  const split: BudgetShare[] = [];
  weighted.forEach((test, i) => {
    const decision = { rejected: outcome.rejected[i]!, alpha: outcome.levels[i]! };
    decisions.set(test.id, decision);
    nextLevels.set(test.id, (nextLookAlpha * weightOf(test)) / totalWeight);
    split.push({
      test: test.id,
      group: test.group,
      share: round(weightOf(test) / totalWeight, 8),
      alpha: round(decision.alpha, 10),
      rejected: decision.rejected,
    });
  });
  const passRisk = (1 - statistics.confidence) / 2;
  const levels = lookLevels(statistics, look);
  return {
    budget: {
      alpha: statistics.alpha,
      look,
      look_alpha: round(lookAlpha, 10),
      pass_risk: round(passRisk, 10),
      look_pass_risk: round(levels.passAlpha, 10),
      split,
    },
    // A test with no weight never rejects.
    decision: (id) => decisions.get(id) ?? { rejected: false, alpha: 0 },
    nextAlpha: (id) => nextLevels.get(id) ?? 0,
  };
}
