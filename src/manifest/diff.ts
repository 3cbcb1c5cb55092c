import type { Problem } from '../problem.ts';
import type { LoadedManifest } from './manifest.ts';
import { stableJson } from '../stable-json.ts';
import { behaviourFingerprint } from './model.ts';
import type { Component, Manifest } from './model.ts';
import { locate } from './verify.ts';
import { shortDigest } from '../digest.ts';

/** The change classes of the KAIZEN decision policy, as read off an artifact diff. */
export type ChangeClass =
  | 'prompt_patch'
  | 'retrieval_refresh'
  | 'tool_schema_repair'
  | 'route_change'
  | 'guardrail_update'
  | 'model_change'
  | 'rollback'
  | 'no_behaviour_change';

/** Components whose change alters what users get, and the class each maps to. */
const CLASS_OF: Partial<Record<Component, ChangeClass>> = {
  prompt: 'prompt_patch',
  retrieval: 'retrieval_refresh',
  tool: 'tool_schema_repair',
  routing: 'route_change',
  guardrail: 'guardrail_update',
  model: 'model_change',
};

/** One field of one artifact that differs between parent and candidate. */
export interface ArtifactChange {
  readonly component: Component | 'delivery' | 'metadata';
  /** Which artifact: `prompt:system`, `tool:sql_readonly`, `model`, `judge`. */
  readonly key: string;
  /** The field that changed (`sha256`, `version`, `params.temperature`), or undefined for add/remove. */
  readonly field?: string;
  readonly change: 'added' | 'removed' | 'modified';
  readonly old?: string;
  readonly new?: string;
  /** True when the file changed on disk but the manifest still records the old digest (a manifest failure). */
  readonly untracked?: boolean;
}

/** How the parent package was found: the same file at base, renamed from another file, or by parent_package_id. */
export type ParentResolution = 'same_path' | 'renamed' | 'parent_package_id' | 'new_application';

/**
 * Why a package touched by the change has no valid candidate manifest: its file was deleted,
 * renamed away, emptied, re-encoded, turned into another kind of document, cannot be read, or
 * is not a valid manifest. Always a manifest-gate failure.
 */
export interface ManifestFailure {
  readonly kind: 'deleted' | 'renamed' | 'emptied' | 'unreadable' | 'not_a_package' | 'invalid';
  /** One sentence: the file and what happened to it. */
  readonly message: string;
}

/** The parent side of a diff. */
export interface ParentRef {
  readonly package_id: string;
  readonly manifest: string;
  readonly digest: string;
  readonly commit: string;
}

/** An earlier package version, for recognising rollbacks. */
export interface HistoricalPackage {
  readonly package_id: string;
  readonly commit: string;
  readonly fingerprint: string;
}

/** Everything {@link diffPackage} needs, gathered by the edges from git and the working tree. */
export interface DiffInput {
  readonly candidate: LoadedManifest & { readonly manifest: Manifest };
  readonly parent?: LoadedManifest & { readonly manifest: Manifest };
  readonly parentCommit?: string;
  readonly resolution: ParentResolution;
  /** Digest of each candidate-referenced path as it was at the base commit (undefined: absent). */
  readonly baseDigests: ReadonlyMap<string, string | undefined>;
  /** Earlier versions of this application before the parent, newest first. */
  readonly history: readonly HistoricalPackage[];
  /** Problems found while resolving the parent (e.g. parent_package_id not found). */
  readonly resolveProblems?: readonly Problem[];
  /** Notes from resolving the parent that do not block (e.g. parent_package_id names an older package). */
  readonly resolveWarnings?: readonly string[];
}

/** The diff of one candidate package against its parent, with change classes and manifest failures. */
export interface PackageDiff {
  readonly manifest: string;
  readonly application: string;
  readonly package_id: string;
  readonly side_effect_level: number;
  readonly digest: string;
  readonly fingerprint: string;
  readonly parent: (ParentRef & { readonly resolution: Exclude<ParentResolution, 'new_application'> }) | null;
  readonly new_application: boolean;
  readonly declared_change: string;
  readonly changes: readonly ArtifactChange[];
  readonly classes: readonly ChangeClass[];
  readonly rollback_of?: { readonly package_id: string; readonly commit: string };
  /** Manifest-gate failures: untracked artifact changes, digest mismatches, unresolvable parent. */
  readonly problems: readonly Problem[];
  /** Worth a reviewer's attention but not blocking (e.g. declared class differs from the diff). */
  readonly warnings: readonly string[];
  /** Set when there is no valid candidate manifest: the package fails the manifest gate. */
  readonly failure?: ManifestFailure;
}

/** Diffs a candidate package against its parent and classifies the change. Pure. */
export function diffPackage(input: DiffInput): PackageDiff {
  const { candidate, parent } = input;
  const c = candidate.manifest;
  const fingerprint = behaviourFingerprint(c);
  const changes = parent ? diffManifests(parent.manifest, c) : [];
  // A file edited without `lock` still changes behaviour: classify it, and fail it below.
  for (const artifact of parent ? candidate.artifacts : []) {
    if (!artifact.mismatch || changes.some((ch) => ch.key === artifact.key && ch.field === 'sha256')) continue;
    changes.push({
      component: artifact.component,
      key: artifact.key,
      field: 'sha256',
      change: 'modified',
      ...(artifact.recorded !== undefined ? { old: artifact.recorded } : {}),
      ...(artifact.actual !== undefined ? { new: artifact.actual } : {}),
      untracked: true,
    });
  }
  const classes = new Set<ChangeClass>();
  for (const change of changes) {
    const cls = change.component in CLASS_OF ? CLASS_OF[change.component as Component] : undefined;
    if (cls) classes.add(cls);
  }
  const parentFingerprint = parent ? behaviourFingerprint(parent.manifest) : undefined;
  const earlier = input.history.find((h) => h.fingerprint === fingerprint && h.fingerprint !== parentFingerprint);
  if (parent && earlier) classes.add('rollback');
  if (parent && classes.size === 0) classes.add('no_behaviour_change');

  const problems: Problem[] = [...(input.resolveProblems ?? [])];
  const mismatches = new Set(candidate.artifacts.filter((a) => a.mismatch).map((a) => a.problem));
  problems.push(...candidate.problems.filter((p) => !mismatches.has(p)));
  for (const artifact of candidate.artifacts) {
    if (!artifact.mismatch || !candidate.yaml) continue;
    const atBase = input.baseDigests.get(artifact.path);
    const message =
      atBase !== undefined && atBase === artifact.recorded
        ? `${artifact.path} changed but ${candidate.file} still records ${shortDigest(artifact.recorded)}; run \`kaizen-gate lock\` and give the package a new package_id`
        : `${artifact.path} has ${shortDigest(artifact.actual ?? '')} but ${candidate.file} records ${shortDigest(artifact.recorded ?? '')}; run \`kaizen-gate lock\``;
    problems.push(locate(candidate.yaml, artifact.digestPointer, message));
  }

  const warnings: string[] = [...(input.resolveWarnings ?? [])];
  if (
    parent &&
    parent.manifest.package_id === c.package_id &&
    classes.size > 0 &&
    !classes.has('no_behaviour_change')
  ) {
    warnings.push(
      `package_id ${c.package_id} is unchanged although behaviour changed; give each package version its own id`,
    );
  }
  const declared = c.change.type;
  if (parent && declared !== 'initial' && !classes.has(declared as ChangeClass)) {
    warnings.push(`change.type says ${declared} but the diff classifies it as ${[...classes].join(', ')}`);
  }

  return {
    manifest: candidate.file,
    application: c.application,
    package_id: c.package_id,
    side_effect_level: c.side_effect_level,
    digest: candidate.digest,
    fingerprint,
    parent:
      parent && input.resolution !== 'new_application'
        ? {
            package_id: parent.manifest.package_id,
            manifest: parent.file,
            digest: parent.digest,
            commit: input.parentCommit ?? '',
            resolution: input.resolution,
          }
        : null,
    new_application: !parent,
    declared_change: declared,
    changes,
    classes: [...classes].toSorted(),
    ...(parent && earlier ? { rollback_of: { package_id: earlier.package_id, commit: earlier.commit } } : {}),
    problems,
    warnings,
  };
}

/** Field-level differences between two manifests, grouped by component. */
export function diffManifests(parent: Manifest, candidate: Manifest): ArtifactChange[] {
  const out: ArtifactChange[] = [];
  diffRecord(out, 'model', 'model', flatten(parent.model), flatten(candidate.model));
  diffById(out, 'prompt', parent.prompts, candidate.prompts, (p) => ({ path: p.path, sha256: p.sha256 }));
  diffRecord(out, 'retrieval', 'retrieval', flatten(parent.retrieval ?? {}), flatten(candidate.retrieval ?? {}));
  diffById(out, 'tool', parent.tools ?? [], candidate.tools ?? [], (t) => ({
    version: t.version,
    schema: t.schema,
    sha256: t.sha256,
    mutating: t.mutating,
  }));
  diffRecord(out, 'routing', 'routing', flatten(parent.routing ?? {}), flatten(candidate.routing ?? {}));
  diffById(out, 'guardrail', parent.guardrails ?? [], candidate.guardrails ?? [], (g) => ({
    path: g.path,
    sha256: g.sha256,
  }));
  diffById(
    out,
    'evaluation',
    parent.evaluation.suites,
    candidate.evaluation.suites,
    (s) => ({ suite: s.suite, path: s.path, sha256: s.sha256 }),
    'suite',
  );
  diffRecord(out, 'judge', 'judge', flatten(parent.evaluation.judge), flatten(candidate.evaluation.judge));
  diffRecord(out, 'delivery', 'delivery', flatten(parent.delivery), flatten(candidate.delivery));
  diffRecord(
    out,
    'metadata',
    'package',
    flatten({ side_effect_level: parent.side_effect_level, owners: parent.owners.join(',') }),
    flatten({ side_effect_level: candidate.side_effect_level, owners: candidate.owners.join(',') }),
  );
  return out;
}

function diffById<T extends { readonly id: string }>(
  out: ArtifactChange[],
  component: Component,
  before: readonly T[],
  after: readonly T[],
  fields: (item: T) => Record<string, unknown>,
  keyPrefix: string = component,
): void {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  for (const [id, item] of now) {
    const key = `${keyPrefix}:${id}`;
    const previous = old.get(id);
    if (!previous) out.push({ component, key, change: 'added', new: describe(fields(item)) });
    else diffRecord(out, component, key, flatten(fields(previous)), flatten(fields(item)));
  }
  for (const [id, item] of old) {
    if (!now.has(id))
      out.push({ component, key: `${keyPrefix}:${id}`, change: 'removed', old: describe(fields(item)) });
  }
}

function diffRecord(
  out: ArtifactChange[],
  component: ArtifactChange['component'],
  key: string,
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): void {
  const fields = [...new Set([...before.keys(), ...after.keys()])].toSorted();
  for (const field of fields) {
    const o = before.get(field);
    const n = after.get(field);
    if (o === n) continue;
    const change: ArtifactChange['change'] = o === undefined ? 'added' : n === undefined ? 'removed' : 'modified';
    out.push({
      component,
      key,
      field,
      change,
      ...(o !== undefined ? { old: o } : {}),
      ...(n !== undefined ? { new: n } : {}),
    });
  }
}

/** Flattens nested values into `a.b` → string, so any nested difference is one readable line. */
function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    }
  } else if (value !== undefined) {
    out.set(prefix, typeof value === 'string' ? value : stableJson(value));
  }
  return out;
}

function describe(fields: Record<string, unknown>): string {
  return typeof fields.sha256 === 'string' ? fields.sha256 : stableJson(fields);
}
