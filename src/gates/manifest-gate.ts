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
 * rather than showing up as a quality delta. Evidence bound to the other package (swapped sides,
 * the parent's output offered as the candidate's) fails here too, naming which side matches
 * which package; evidence that cannot be tied to a package passes this gate but is said to be
 * unbound, and the composition root then requires an owner's approval.
 */
export function evaluateManifest(
  diff: PackageDiff,
  candidate: Manifest,
  evidence: PairedEvidence | undefined,
  policy: EffectivePolicy,
): GateResult {
  const failures: string[] = diff.problems.map(formatProblem);
  const binding = evidence?.binding;
  if (binding !== undefined) {
    for (const side of ['parent', 'candidate'] as const) {
      if (binding[side].status === 'mismatched')
        failures.push(
          `${side === 'parent' ? 'Parent' : 'Candidate'} evidence is not bound to its package: ${stripStop(binding[side].reason)}`,
        );
    }
  }
  if (evidence) {
    // Without binding facts (evidence built by hand), the package ids the records name are all there is to compare.
    if (binding === undefined && evidence.candidatePackageId !== candidate.package_id) {
      failures.push(
        `Candidate evidence is for package ${evidence.candidatePackageId}, but ${diff.manifest} declares ${candidate.package_id}`,
      );
    }
    const parentId = diff.parent?.package_id;
    if (binding === undefined && parentId !== undefined && evidence.parentPackageId !== parentId) {
      failures.push(
        `Parent evidence is for package ${evidence.parentPackageId}, but the parent manifest declares ${parentId}`,
      );
    }
    const judge = candidate.evaluation.judge;
    if (
      policy.gates.manifest.require_judge_match &&
      evidence.judge &&
      (evidence.judge.id !== judge.model || evidence.judge.version !== judge.version)
    ) {
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
    const more =
      failures.length > 1 ? ` (and ${failures.length - 1} more problem${failures.length > 2 ? 's' : ''})` : '';
    return {
      gate: 'manifest',
      verdict: 'fail',
      reason: `${first}${more}.`,
      headline: measures[0]!,
      measures,
      on_failure: 'reject',
    };
  }
  const classes = diff.classes.length > 0 ? diff.classes.join(', ') : 'new package';
  return {
    gate: 'manifest',
    verdict: 'pass',
    reason: `Every artifact matches its recorded digest (${classes})${describeEvidence(evidence)}.`,
    headline: measures[0]!,
    measures,
    on_failure: 'reject',
  };
}

/** What can truthfully be said of the evidence when the gate passes. */
function describeEvidence(evidence: PairedEvidence | undefined): string {
  if (evidence === undefined) return '; no evidence was given';
  const binding = evidence.binding;
  if (binding === undefined) return ' and the evidence names these packages';
  const unbound = (['parent', 'candidate'] as const).filter((side) => binding[side].status !== 'bound');
  if (unbound.length === 0) {
    const how = (['parent', 'candidate'] as const)
      .map((side) => `${side} by ${binding[side].by.join(' and ') || 'package'}`)
      .join(', ');
    return ` and the evidence is bound to these packages: ${how}`;
  }
  const which = unbound.length === 2 ? "neither side's evidence can" : `the ${unbound[0]} evidence cannot`;
  return `, but ${which} be tied to its package, so an owner must approve`;
}

function stripStop(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text;
}
