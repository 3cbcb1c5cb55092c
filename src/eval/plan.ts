// Which eval runs a change needs: one per gated package and side, each at its side's commit with
// its evaluation fingerprint, and for the parent whether stored evidence can stand in for a run.
// Pure: the change set is resolved, stored evidence looked up and the clock read by the caller.
import type { ChangeSet } from '../manifest/change-set.ts';
import type { Problem } from '../problem.ts';
import type { SideName } from '../evidence/side.ts';
import { evaluationFingerprint } from './fingerprint.ts';
import type { VerifiedStored } from './stored.ts';

/** One side of one gated package that the eval command can be run for. */
export interface EvalTarget {
  /** The candidate's package_id: the gated package this evidence is for. */
  readonly forPackage: string;
  readonly side: SideName;
  /** The side's own package_id (for the parent, the parent's). */
  readonly packageId: string;
  /** Repository path of the side's manifest. */
  readonly manifest: string;
  /** The commit the side is evaluated at. */
  readonly commit: string;
  /** Undefined when a file the manifest references cannot be read at the commit. */
  readonly fingerprint: string | undefined;
  /** Output and log files, relative to the eval folder: `<forPackage>/<side>.json`, `.log`. */
  readonly output: string;
  readonly log: string;
}

/** How the targets are chosen. */
export interface TargetOptions {
  readonly command: string;
  /** `.json` (default: what promptfoo writes its JSON output to) or `.jsonl`. */
  readonly extension: '.json' | '.jsonl';
  /** The parent's evidence comes from files the user gave: no parent targets. */
  readonly parentFromFiles: boolean;
}

/**
 * The eval targets of a change: the candidate of every gated package with a valid manifest, and
 * its parent unless it is a new application or its evidence is given as files. Packages whose
 * manifest failed are gated without evidence, so they get none.
 *
 * @returns problems when the candidate is the work tree, which has no commit to check out.
 */
export function listEvalTargets(
  changeSet: ChangeSet,
  options: TargetOptions,
): { targets: EvalTarget[]; problems: Problem[] } {
  const targets: EvalTarget[] = [];
  const problems: Problem[] = [];
  const head = changeSet.head.commit;
  for (const diff of changeSet.packages) {
    const loaded = changeSet.loaded.get(diff.manifest);
    const candidate = loaded?.candidate;
    if (diff.failure !== undefined || candidate?.manifest === undefined) continue;
    if (head === null) {
      problems.push({
        file: diff.manifest,
        message:
          'the eval runs each side in a clean checkout of its commit, but the candidate is the work tree with ' +
          'uncommitted changes; commit them (or pass --head REF) and run again',
      });
      continue;
    }
    const forPackage = candidate.manifest.package_id;
    const outputName = `candidate${options.extension}`;
    targets.push({
      forPackage,
      side: 'candidate',
      packageId: forPackage,
      manifest: diff.manifest,
      commit: head,
      fingerprint: evaluationFingerprint({
        manifest: candidate.manifest,
        manifestDigest: candidate.digest,
        artifacts: candidate.artifacts,
        command: options.command,
        outputName: `evidence${options.extension}`,
      }),
      output: `${forPackage}/${outputName}`,
      log: `${forPackage}/candidate.log`,
    });
    const parent = loaded?.parent;
    if (options.parentFromFiles || diff.parent === null || parent?.manifest === undefined) continue;
    targets.push({
      forPackage,
      side: 'parent',
      packageId: parent.manifest.package_id,
      manifest: diff.parent.manifest,
      commit: diff.parent.commit,
      fingerprint: evaluationFingerprint({
        manifest: parent.manifest,
        manifestDigest: parent.digest,
        artifacts: parent.artifacts,
        command: options.command,
        outputName: `evidence${options.extension}`,
      }),
      output: `${forPackage}/parent${options.extension}`,
      log: `${forPackage}/parent.log`,
    });
  }
  return { targets, problems };
}

/** What the store holds for a fingerprint, as the edge found it. */
export type StoredLookup =
  | { readonly kind: 'none'; readonly note?: string }
  | {
      readonly kind: 'found';
      readonly ref: string;
      readonly commit: string;
      readonly stored: VerifiedStored;
      readonly note?: string;
    };

/** Where a parent's evidence comes from: a run (and why), or stored evidence that is fresh enough. */
export type ParentSource =
  | { readonly kind: 'run'; readonly reason: string }
  | { readonly kind: 'reuse'; readonly ref: string; readonly commit: string; readonly stored: VerifiedStored };

/**
 * Whether the parent is run or its stored evidence reused: reused when stored for its fingerprint
 * and produced less than `maxAgeMs` before `now`. `maxAgeMs` 0 turns reuse off.
 */
export function chooseParentSource(
  target: EvalTarget,
  lookup: StoredLookup | undefined,
  maxAgeMs: number,
  now: Date,
): ParentSource {
  if (maxAgeMs === 0) return { kind: 'run', reason: 'reuse of stored parent evidence is off (max-parent-age 0)' };
  if (target.fingerprint === undefined) {
    return {
      kind: 'run',
      reason: 'a file the parent manifest references cannot be read, so it has no evaluation fingerprint to look up',
    };
  }
  const note = lookup?.note === undefined ? '' : ` (${lookup.note})`;
  if (lookup === undefined || lookup.kind === 'none') {
    return { kind: 'run', reason: `no evidence is stored for its evaluation fingerprint${note}` };
  }
  const produced = Date.parse(lookup.stored.metadata.produced_at);
  const age = now.getTime() - produced;
  if (age >= maxAgeMs) {
    return {
      kind: 'run',
      reason:
        `the stored evidence was produced ${lookup.stored.metadata.produced_at}, ${formatDuration(age)} ago, ` +
        `more than max-parent-age ${formatDuration(maxAgeMs)}`,
    };
  }
  return { kind: 'reuse', ref: lookup.ref, commit: lookup.commit, stored: lookup.stored };
}

/** A duration for messages in its largest whole unit: `7d`, `36h`, `90s`, `250ms`. */
export function formatDuration(ms: number): string {
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ];
  for (const [unit, size] of units) {
    if (ms >= size && (ms % size === 0 || ms >= 2 * size)) return `${Math.floor(ms / size)}${unit}`;
  }
  return `${Math.max(0, Math.round(ms))}ms`;
}
