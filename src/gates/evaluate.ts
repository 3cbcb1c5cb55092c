import type { PairedEvidence } from '../evidence/pair.ts';
import type { PackageDiff } from '../manifest/diff.ts';
import type { Manifest } from '../manifest/model.ts';
import { evaluateCost } from './cost.ts';
import { evaluateLatency } from './latency.ts';
import { evaluateManifest } from './manifest-gate.ts';
import type { EffectivePolicy } from './policy.ts';
import { evaluateQuality } from './quality.ts';
import type { CategoryDelta } from './quality.ts';
import type { GateResult } from './result.ts';
import { evaluateSafety } from './safety.ts';

/** What the gates need of one package: its diff, its candidate manifest and its paired evidence. */
export interface GateInput {
  readonly diff: PackageDiff;
  readonly manifest: Manifest;
  /** Undefined when no evidence was supplied for the package. */
  readonly evidence: PairedEvidence | undefined;
  readonly policy: EffectivePolicy;
}

/** Every gate's result for one package, in the report's order, plus the per-category breakdown. */
export interface GateOutcome {
  readonly gates: readonly GateResult[];
  readonly categories: readonly CategoryDelta[];
}

/** Runs the five gates of KAIZEN Table 4 on one package's paired evidence. */
export function evaluateGates(input: GateInput): GateOutcome {
  const { diff, manifest, evidence, policy } = input;
  const level = manifest.side_effect_level;
  const cases = evidence?.cases ?? [];
  const quality = evaluateQuality(cases, policy);
  const headline = quality.result.headline;
  let qualityResult = quality.result;
  // The quality gate is the heart of the decision: no golden evidence must never read as a pass.
  const goldenSuites = manifest.evaluation.suites.filter((suite) => suite.suite === 'golden').map((suite) => suite.id);
  if (!evidence && diff.problems.length === 0) {
    qualityResult = { ...qualityResult, verdict: 'inconclusive', reason: 'No evidence was supplied for this package; the quality gate cannot run.' };
  } else if (evidence && qualityResult.verdict === 'not_applicable' && goldenSuites.length > 0) {
    qualityResult = {
      ...qualityResult,
      verdict: 'inconclusive',
      reason: `The manifest declares the golden suite ${goldenSuites.join(', ')}, but the evidence has no golden cases; the quality gate cannot run.`,
    };
  }
  const gates = [
    evaluateManifest(diff, manifest, evidence, policy),
    qualityResult,
    evaluateSafety(cases, level, policy),
    evaluateCost(
      cases,
      policy,
      headline?.interval ? { estimatePp: headline.estimate, lowerPp: headline.interval.lower } : undefined,
      manifest.delivery.slo?.cost_per_success_usd,
    ),
    evaluateLatency(cases, policy, manifest.delivery.slo?.p95_latency_ms),
  ];
  return { gates, categories: quality.categories };
}
