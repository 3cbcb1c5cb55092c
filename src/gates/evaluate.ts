import type { PairedCase, PairedEvidence } from '../evidence/pair.ts';
import type { PackageDiff } from '../manifest/diff.ts';
import type { Manifest, SideEffectLevel } from '../manifest/model.ts';
import type { Problem } from '../problem.ts';
import { type ErrorBudget, lookLevels, runBudget } from './budget.ts';
import { prepareCost } from './cost.ts';
import { prepareLatency } from './latency.ts';
import { evaluateManifest } from './manifest-gate.ts';
import type { EffectivePolicy } from './policy.ts';
import { prepareQuality } from './quality.ts';
import type { CategoryDelta } from './quality.ts';
import type { GateResult } from './result.ts';
import { prepareSafety } from './safety.ts';

/** What the gates need of one package: its diff, its candidate manifest and its paired evidence. */
export interface GateInput {
  readonly diff: PackageDiff;
  readonly manifest: Manifest;
  /** Undefined when no evidence was supplied for the package. */
  readonly evidence: PairedEvidence | undefined;
  readonly policy: EffectivePolicy;
  /**
   * Which run of this package pair this is: 1 (the default) for the first, 2 after cases were added
   * and the check re-run, and so on. Each look spends its share of both error budgets
   * (`statistics.first_look_share`), so re-running with more cases keeps the error rates; the
   * composition root is to find earlier reports of the same pair in the audit trail and pass it.
   */
  readonly look?: number;
}

/** Every gate's result for one package, in the report's order, plus what the report shows beside them. */
export interface GateOutcome {
  readonly gates: readonly GateResult[];
  readonly categories: readonly CategoryDelta[];
  /** How alpha was split between the decision's tests at this look, and what each decided. */
  readonly error_budget: ErrorBudget;
  /** Located evidence problems the policy makes errors (e.g. a missing score); the run must stop on them. */
  readonly problems: readonly Problem[];
}

/** Runs the five gates of KAIZEN Table 4 on one package's paired evidence, with one error budget. */
export function evaluateGates(input: GateInput): GateOutcome {
  const { diff, manifest, evidence, policy } = input;
  const outcome = evaluateEvidenceGates({
    cases: evidence?.cases ?? [],
    level: manifest.side_effect_level,
    policy,
    ...(input.look !== undefined ? { look: input.look } : {}),
    ...(manifest.delivery.slo?.cost_per_success_usd !== undefined
      ? { costCeilingUsd: manifest.delivery.slo.cost_per_success_usd }
      : {}),
    ...(manifest.delivery.slo?.p95_latency_ms !== undefined
      ? { latencySloMs: manifest.delivery.slo.p95_latency_ms }
      : {}),
  });
  const [quality, ...rest] = outcome.gates;
  let qualityResult = quality!;
  // The quality gate is the heart of the decision: no golden evidence must never read as a pass.
  const goldenSuites = manifest.evaluation.suites.filter((suite) => suite.suite === 'golden').map((suite) => suite.id);
  if (!evidence && diff.problems.length === 0) {
    qualityResult = {
      ...qualityResult,
      verdict: 'inconclusive',
      reason: 'No evidence was supplied for this package; the quality gate cannot run.',
    };
  } else if (evidence && qualityResult.verdict === 'not_applicable' && goldenSuites.length > 0) {
    qualityResult = {
      ...qualityResult,
      verdict: 'inconclusive',
      reason: `The manifest declares the golden suite ${goldenSuites.join(', ')}, but the evidence has no golden cases; the quality gate cannot run.`,
    };
  }
  return { ...outcome, gates: [evaluateManifest(diff, manifest, evidence, policy), qualityResult, ...rest] };
}

/** The evidence gates of one package, without manifest or diff: what simulations and benchmarks call. */
export interface EvidenceGateInput {
  readonly cases: readonly PairedCase[];
  readonly level: SideEffectLevel;
  readonly policy: EffectivePolicy;
  readonly look?: number;
  readonly costCeilingUsd?: number;
  readonly latencySloMs?: number;
}

/**
 * Quality, safety, cost and latency on paired cases, in that order, with every fail test decided in
 * one weighted-Holm family at this look's share of alpha: a candidate that changes nothing is
 * rejected or held at most alpha of the time over the whole decision (docs/statistics.md).
 *
 * @throws {RangeError} when `look` is not a positive integer.
 */
export function evaluateEvidenceGates(input: EvidenceGateInput): GateOutcome {
  const { cases, level, policy } = input;
  const look = input.look ?? 1;
  const levels = lookLevels(policy.statistics, look);
  const quality = prepareQuality(cases, policy, levels);
  const safety = prepareSafety(cases, level, policy, levels);
  const cost = prepareCost(cases, policy, levels, quality.gain, input.costCeilingUsd);
  const latency = prepareLatency(cases, policy, levels, input.latencySloMs);
  const outcome = runBudget(
    [...quality.tests, ...safety.tests, ...cost.tests, ...latency.tests],
    policy.statistics,
    look,
  );
  const judged = quality.finish(outcome);
  return {
    gates: [judged.result, safety.finish(outcome), cost.finish(outcome), latency.finish(outcome)],
    categories: judged.categories,
    error_budget: outcome.budget,
    problems: quality.problems,
  };
}
