import { pairKey } from './audit/looks.ts';
import { planRollout } from './delivery/rollout.ts';
import { bindingFields, requireOwnerWhenUnbound } from './evidence/binding.ts';
import { collectEvidence } from './evidence/collect.ts';
import { evidenceDigest } from './evidence/evidence-file.ts';
import type { CollectOptions, ParseCache } from './evidence/collect.ts';
import type { PairedCase, PairedEvidence } from './evidence/pair.ts';
import type { EvalOrigin } from './eval/origin.ts';
import { decide } from './gates/decide.ts';
import { evaluateGates } from './gates/evaluate.ts';
import { applyPolicyChange } from './gates/policy-change.ts';
import type { PolicyChange } from './gates/policy-change.ts';
import { policyForLevel } from './gates/policy.ts';
import type { GatePolicy } from './gates/policy.ts';
import { round } from './gates/result.ts';
import type { ChangeSet } from './manifest/change-set.ts';
import type { PackageDiff } from './manifest/diff.ts';
import type { Manifest } from './manifest/model.ts';
import { mostSevere } from './outcome.ts';
import { hexOf } from './digest.ts';
import { countProblems, formatProblem, InputError, sortProblems } from './problem.ts';
import type { Problem } from './problem.ts';
import { describeAnswers } from './report/answers.ts';
import type { PackageReport, RegressedCase, Report, SubjectFile } from './report/model.ts';
import { VERSION } from './version.ts';

/** Everything the gate needs, as plain values. The edges gather it; nothing here does I/O. */
export interface PipelineInput extends CollectOptions {
  readonly changeSet: ChangeSet;
  readonly policy: GatePolicy;
  /** The repository policy file as the change leaves it; a loosening needs an owner's approval. */
  readonly policyChange?: PolicyChange;
  readonly seed?: number;
  /**
   * Which look at each package pair this is (1 = the first). A number applies to every package;
   * a map gives, per parent → candidate pair (`pairKey`), how many earlier reports the audit trail
   * holds. Default 1.
   */
  readonly look?: number | ReadonlyMap<string, number>;
  /** Where each package's evidence came from when kaizen-gate ran the eval, by candidate package_id. */
  readonly evalOrigins?: ReadonlyMap<string, EvalOrigin>;
  readonly context?: { readonly repository?: string; readonly commit?: string; readonly pull_request?: number };
}

/**
 * The gate as one function: evidence → pairing → the five gates → decision and rollout plan →
 * Report. Deterministic: the same input gives a byte-identical report. Throws InputError listing
 * every evidence problem; gate failures are results, not exceptions.
 */
export function runPipeline(input: PipelineInput): Report {
  const { changeSet } = input;
  const problems: Problem[] = [];
  const packages: PackageReport[] = [];
  const subjectManifests: Report['subject']['manifests'][number][] = [];
  const artifacts = new Map<string, string>();
  const formats = new Map<string, string>();
  // Files shared by several packages are parsed once, and their problems reported once.
  const parses: ParseCache = new Map();

  for (const diff of changeSet.packages) {
    const loaded = changeSet.loaded.get(diff.manifest);
    // A package without a valid candidate (deleted, invalid …) is gated on what is known of it.
    const manifest = (loaded?.candidate.manifest ?? loaded?.standIn) as Manifest;
    const level = manifest.side_effect_level;
    const headFile = diff.failure?.kind !== 'deleted' && diff.failure?.kind !== 'renamed';
    if (headFile)
      subjectManifests.push({
        path: diff.manifest,
        sha256: hexOf(diff.digest),
        role: 'candidate',
        commit: changeSet.head.commit,
      });
    if (diff.parent)
      subjectManifests.push({
        path: diff.parent.manifest,
        sha256: hexOf(diff.parent.digest),
        role: 'parent',
        commit: diff.parent.commit,
      });
    for (const artifact of loaded?.candidate.artifacts ?? []) {
      if (artifact.actual) artifacts.set(artifact.path, hexOf(artifact.actual));
    }

    const { evidence, problems: evidenceProblems } = diff.failure
      ? { evidence: undefined, problems: [] }
      : collectEvidence(
          input,
          manifest,
          loaded?.parent?.manifest,
          diff.parent?.package_id,
          changeSet.packages.length,
          formats,
          parses,
        );
    problems.push(...nameMissingEvidence(evidenceProblems, diff, input.evidence));
    if (evidenceProblems.length > 0) continue;

    const policy = policyForLevel(input.policy, level, input.seed);
    const cases = evidence?.cases ?? [];
    const {
      gates,
      categories,
      error_budget,
      problems: gateProblems,
    } = evaluateGates({
      diff,
      manifest,
      evidence,
      policy,
      look: lookOf(input.look, diff.parent?.package_id, manifest.package_id),
    });
    // Evidence the policy cannot use (a missing score under missing_score: error) stops the run like any
    // evidence problem.
    if (gateProblems.length > 0) {
      problems.push(...gateProblems);
      continue;
    }
    const decided = requireOwnerWhenUnbound(decide(gates, level, manifest.owners), evidence?.binding, manifest.owners);
    const decision = applyPolicyChange(decided, input.policyChange, manifest.owners);
    packages.push({
      application: manifest.application,
      package_id: manifest.package_id,
      manifest: diff.manifest,
      manifest_digest: diff.digest,
      side_effect_level: level,
      owners: manifest.owners,
      change: {
        type: manifest.change.type,
        summary: manifest.change.summary,
        problem: manifest.change.problem,
        owner: manifest.change.owner,
      },
      parent: diff.parent,
      diff: {
        classes: diff.classes,
        changes: diff.changes,
        ...(diff.rollback_of ? { rollback_of: diff.rollback_of } : {}),
        warnings: diff.warnings,
        problems: sortProblems(diff.problems),
        ...(diff.failure ? { failure: diff.failure } : {}),
      },
      evidence: {
        ...summariseEvidence(evidence),
        ...bindingFields(evidence),
        ...evalField(input.evalOrigins?.get(manifest.package_id)),
      },
      gates,
      categories,
      error_budget,
      worst_cases: worstCases(cases, policy.gates.quality.metric),
      decision,
      rollout: planRollout(
        level,
        manifest.delivery.rollback_metric,
        manifest.delivery.strategy,
        policy.statistics.confidence,
      ),
    });
  }
  if (problems.length > 0) {
    const unique = [...new Map(problems.map((p) => [formatProblem(p), p])).values()];
    const total = countProblems(unique);
    throw new InputError(unique, `${total} evidence problem${total === 1 ? '' : 's'}`);
  }

  const outcome = packages.length === 0 ? 'nothing_to_gate' : mostSevere(packages.map((p) => p.decision.outcome));
  const summary =
    packages.length === 0
      ? 'No package manifest is touched by this change; nothing to gate.'
      : packages.length === 1
        ? packages[0]!.decision.summary
        : `${packages
            .filter((p) => p.decision.outcome === outcome)
            .map((p) => p.application)
            .join(', ')}: ${outcome.replace('_', ' ')}.`;
  const statistics = policyForLevel(input.policy, 0, input.seed).statistics;
  return {
    schema: 'kaizen-gate/report/v1',
    tool: { name: 'kaizen-gate', version: VERSION },
    inputs: {
      base: changeSet.base,
      head: changeSet.head,
      policy: input.policy.sources,
      statistics,
      evidence: input.evidence.map((e) => ({ path: e.path, side: e.side, format: formats.get(e.path) ?? 'unknown' })),
    },
    subject: {
      ...(input.context?.repository !== undefined ? { repository: input.context.repository } : {}),
      ...(input.context?.commit !== undefined
        ? { commit: input.context.commit }
        : changeSet.head.commit
          ? { commit: changeSet.head.commit }
          : {}),
      ...(input.context?.pull_request !== undefined ? { pull_request: input.context.pull_request } : {}),
      manifests: subjectManifests,
      evidence: input.evidence.map((e) => ({ path: e.path, sha256: hexOf(evidenceDigest(e)) })),
      artifacts: [...artifacts.entries()]
        .toSorted(([a], [b]) => (a < b ? -1 : 1))
        .map(([path, sha256]): SubjectFile => ({ path, sha256 })),
    },
    decision: { outcome, summary },
    packages,
    unreferenced_changes: changeSet.unreferenced_changes.filter((path) => path !== input.policyChange?.file),
    ...(input.policyChange ? { policy_change: input.policyChange } : {}),
    signature: { status: 'unsigned', reason: 'not signed yet' },
  };
}

/** Pairing's "no records" names neither the package nor the files searched; a run of several packages needs both. */
function nameMissingEvidence(
  problems: readonly Problem[],
  diff: PackageDiff,
  files: PipelineInput['evidence'],
): Problem[] {
  const parent =
    diff.parent && diff.parent.package_id !== diff.package_id ? ` or its parent ${diff.parent.package_id}` : '';
  const searched = files.map((f) => f.path).join(', ');
  return problems.map((p) =>
    /no evidence records/.test(p.message)
      ? {
          file: diff.manifest,
          message: `no evidence record is for package ${diff.package_id}${parent}; files searched: ${searched}`,
        }
      : p,
  );
}

function summariseEvidence(evidence: PairedEvidence | undefined): PackageReport['evidence'] {
  const bySuite: Record<string, number> = {};
  let maxTrials = 0;
  let clustered = false;
  for (const c of evidence?.cases ?? []) {
    bySuite[c.suite] = (bySuite[c.suite] ?? 0) + 1;
    maxTrials = Math.max(maxTrials, c.parent.trials, c.candidate.trials);
    if (c.cluster !== undefined) clustered = true;
  }
  return {
    paired_cases: evidence?.cases.length ?? 0,
    by_suite: bySuite,
    clustered,
    max_trials: maxTrials,
    ...(evidence && evidence.unpaired.parentOnly + evidence.unpaired.candidateOnly > 0
      ? { unpaired: { parent_only: evidence.unpaired.parentOnly, candidate_only: evidence.unpaired.candidateOnly } }
      : {}),
    ...(evidence?.judge ? { judge: { id: evidence.judge.id, version: evidence.judge.version } } : {}),
  };
}

/** The cases that got most worse (pass rate, then score), critical first on ties, at most `limit`, with their answers. */
export function worstCases(cases: readonly PairedCase[], metric: 'pass' | 'score', limit = 10): RegressedCase[] {
  const value = (o: PairedCase['parent']): number => (metric === 'score' ? (o.score ?? o.pass) : o.pass);
  return cases
    .map((c) => ({ c, delta: value(c.candidate) - value(c.parent) }))
    .filter(({ delta }) => delta < 0)
    .toSorted(
      (a, b) =>
        a.delta - b.delta ||
        Number(b.c.critical) - Number(a.c.critical) ||
        (a.c.case_id < b.c.case_id ? -1 : a.c.case_id > b.c.case_id ? 1 : 0),
    )
    .slice(0, limit)
    .map(({ c, delta }) => {
      const answers = describeAnswers(c, metric);
      return {
        suite: c.suite,
        case_id: c.case_id,
        category: c.category,
        critical: c.critical,
        parent: round(value(c.parent)),
        candidate: round(value(c.candidate)),
        delta: round(delta),
        source: `${c.candidate.source.file}:${c.candidate.source.line}`,
        ...(answers === undefined ? {} : { answers }),
      };
    });
}

/** This run's look at a package pair: the one given, or one more than the earlier reports of the pair. */
function lookOf(look: PipelineInput['look'], parentId: string | undefined, candidateId: string): number {
  if (typeof look === 'number') return look;
  return (look?.get(pairKey(parentId, candidateId)) ?? 0) + 1;
}

/** The report's `evidence.eval` field, when the eval made the package's evidence. */
function evalField(origin: EvalOrigin | undefined): { eval?: EvalOrigin } {
  return origin === undefined ? {} : { eval: origin };
}
