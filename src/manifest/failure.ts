/**
 * A package the change touches but that has no valid candidate manifest — deleted, renamed away,
 * emptied, re-encoded, replaced or invalid — still goes through the gate, as a manifest-gate
 * failure that names the file and what happened. Pure.
 */
import type { Problem } from '../problem.ts';
import type { ManifestFailure, PackageDiff } from './diff.ts';
import type { LoadedManifest } from './manifest.ts';
import { behaviourFingerprint } from './model.ts';
import type { Manifest, SideEffectLevel } from './model.ts';
import { digestOf } from '../digest.ts';

/** What is known of a failed package. */
export interface FailedPackageInput {
  /** The path the report names: the candidate's, or the base manifest's when nothing replaced it. */
  readonly manifest: string;
  readonly failure: ManifestFailure;
  /** Located problems found on the way (the strict loader's), after the headline. */
  readonly problems?: readonly Problem[];
  /** The file at `manifest` in the head, when there is one. */
  readonly headBytes?: Uint8Array;
  /** The head document as plain values, when it could be read. */
  readonly headValue?: unknown;
  /** The valid base manifest the package continues, if any. */
  readonly parent?: LoadedManifest & { readonly manifest: Manifest };
  readonly parentCommit?: string;
  /** The base document as plain values, when the base version is not valid either. */
  readonly baseValue?: unknown;
}

/**
 * The diff of a failed package, and a stand-in manifest with what is known of it (ids, owners,
 * level, change note: the head's where readable, else the base's) for the gates and the report.
 * A deleted file's digest is that of no bytes, as git diffs a deleted file against /dev/null.
 */
export function failedPackage(input: FailedPackageInput): { diff: PackageDiff; standIn: Manifest } {
  const standIn = standInManifest(input.headValue, input.parent?.manifest ?? input.baseValue, input.manifest);
  // The problem is printed after its file name; the failure's own sentence starts with it.
  const { message } = input.failure;
  const sentence = message.startsWith(`${input.manifest} `) ? message.slice(input.manifest.length + 1) : message;
  const headline: Problem = {
    file: input.manifest,
    ...(input.headBytes ? { line: 1, column: 1 } : {}),
    message: sentence,
  };
  const parent = input.parent;
  return {
    standIn,
    diff: {
      manifest: input.manifest,
      application: standIn.application,
      package_id: standIn.package_id,
      side_effect_level: standIn.side_effect_level,
      digest: digestOf(input.headBytes ?? new Uint8Array()),
      fingerprint: behaviourFingerprint(standIn),
      parent: parent
        ? {
            package_id: parent.manifest.package_id,
            manifest: parent.file,
            digest: parent.digest,
            commit: input.parentCommit ?? '',
            resolution: 'same_path',
          }
        : null,
      new_application: parent === undefined,
      declared_change: standIn.change.type,
      changes: [],
      classes: [],
      problems: [headline, ...(input.problems ?? [])],
      warnings: [],
      failure: input.failure,
    },
  };
}

/** A schema-shaped manifest built leniently from what the head and base documents say. */
function standInManifest(headValue: unknown, baseValue: unknown, path: string): Manifest {
  const head = asRecord(headValue);
  const base = asRecord(baseValue);
  const pick = (field: string): unknown => head[field] ?? base[field];
  const level = pick('side_effect_level');
  // An unknown level is treated as the most consequential: the rollout plan must not understate it.
  const sideEffect = (level === 0 || level === 1 || level === 2 || level === 3 ? level : 3) as SideEffectLevel;
  const owners = [pick('owners')].flatMap((o) =>
    Array.isArray(o) ? o.filter((x): x is string => typeof x === 'string') : [],
  );
  // The change note is the head's claim; the base's note describes an earlier release, not this change.
  const change = asRecord(head['change']);
  const delivery = asRecord(pick('delivery'));
  return {
    apiVersion: 'kaizen-gate/v1',
    kind: 'Package',
    package_id: text(pick('package_id'), '(unknown package)'),
    application: text(pick('application'), path),
    side_effect_level: sideEffect,
    owners,
    change: {
      type: text(change['type'], 'unknown'),
      summary: text(change['summary'], 'no readable change note'),
      problem: text(change['problem'], ''),
      owner: text(change['owner'], 'unknown'),
    },
    model: { provider: '', endpoint: '', version: '' },
    prompts: [],
    evaluation: { suites: [], judge: { model: '', version: '', rubric: { path: '', sha256: '' } } },
    delivery: {
      rollback_metric: text(delivery['rollback_metric'], ''),
      ...(typeof delivery['strategy'] === 'string' ? { strategy: delivery['strategy'] } : {}),
    },
  };
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
