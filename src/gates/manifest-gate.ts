import type { PairedEvidence } from '../evidence/pair.ts';
import type { PackageDiff } from '../manifest/diff.ts';
import type { Manifest } from '../manifest/model.ts';
import { formatProblem } from '../problem.ts';
import type { EffectivePolicy } from './policy.ts';
import type { GateResult, Measure } from './result.ts';

/**
 * Manifest gate (KAIZEN Table 4): every identifier present and every artifact matching its digest
 * (no untracked change), the evidence produced for exactly these two packages, and by the judge
 * the candidate pins. A judge that differs is a metric reset, not a regression: it fails here
 * rather than showing up as a quality delta.
 */
export function evaluateManifest(
  diff: PackageDiff,
  candidate: Manifest,
  evidence: PairedEvidence | undefined,
  policy: EffectivePolicy,
): GateResult {
  const failures: string[] = diff.problems.map(formatProblem);
  if (evidence) {
    if (evidence.candidatePackageId !== candidate.package_id) {
      failures.push(`Candidate evidence is for package ${evidence.candidatePackageId}, but ${diff.manifest} declares ${candidate.package_id}`);
    }
    const parentId = diff.parent?.package_id;
    if (parentId !== undefined && evidence.parentPackageId !== parentId) {
      failures.push(`Parent evidence is for package ${evidence.parentPackageId}, but the parent manifest declares ${parentId}`);
    }
    const judge = candidate.evaluation.judge;
    if (policy.gates.manifest.require_judge_match && evidence.judge && (evidence.judge.id !== judge.model || evidence.judge.version !== judge.version)) {
      failures.push(
        `Evidence was judged by ${evidence.judge.id}@${evidence.judge.version}, but ${diff.manifest} pins ${judge.model}@${judge.version}: a different judge resets the metric`,
      );
    }
  }
  const measures: Measure[] = [
    {
      name: 'manifest_problems',
      label: 'Manifest problems (missing ids, digest mismatches, untracked changes, evidence binding)',
      unit: 'count',
      estimate: failures.length,
      threshold: 0,
      n: 1,
      verdict: failures.length === 0 ? 'pass' : 'fail',
      ...(failures.length > 0 ? { reason: failures.join('\n') } : {}),
    },
  ];
  if (failures.length > 0) {
    const first = failures[0]!;
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more problem${failures.length > 2 ? 's' : ''})` : '';
    return { gate: 'manifest', verdict: 'fail', reason: `${first}${more}.`, headline: measures[0]!, measures, on_failure: 'reject' };
  }
  const classes = diff.classes.length > 0 ? diff.classes.join(', ') : 'new package';
  return {
    gate: 'manifest',
    verdict: 'pass',
    reason: `Every artifact matches its recorded digest and the evidence is bound to these packages (${classes}).`,
    headline: measures[0]!,
    measures,
    on_failure: 'reject',
  };
}
