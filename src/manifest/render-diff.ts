import { formatProblem } from '../problem.ts';
import type { PackageDiff } from './diff.ts';
import { shortDigest } from '../digest.ts';

/** The change set as `diff --json` prints it (schema: manifests/schema/diff.schema.json). */
export interface DiffDocument {
  readonly schema: 'kaizen-gate/diff/v1';
  readonly base: { readonly ref: string; readonly commit: string };
  readonly head: { readonly ref: string; readonly commit: string | null };
  readonly packages: readonly PackageDiff[];
  readonly changed_files: readonly string[];
  readonly unreferenced_changes: readonly string[];
  /** True when any package has a manifest problem (the CLI exits 1). */
  readonly failed: boolean;
}

/** Renders a diff document as plain terminal text. Pure. */
export function renderDiffText(doc: DiffDocument): string {
  const lines: string[] = [];
  lines.push(
    `base ${doc.base.ref} (${doc.base.commit.slice(0, 12)}) → head ${doc.head.ref}${doc.head.commit ? ` (${doc.head.commit.slice(0, 12)})` : ''}`,
  );
  if (doc.packages.length === 0) lines.push('', 'No package manifest is touched by this change.');
  for (const pkg of doc.packages) {
    lines.push('');
    const how =
      pkg.parent?.resolution === 'parent_package_id'
        ? ` (parent by parent_package_id, ${pkg.parent.manifest})`
        : pkg.parent?.resolution === 'renamed'
          ? ` (renamed from ${pkg.parent.manifest})`
          : '';
    const parent = pkg.failure
      ? `${pkg.package_id}: no valid candidate manifest (${pkg.failure.kind.replace('_', ' ')})`
      : pkg.parent
        ? `${pkg.parent.package_id} → ${pkg.package_id}${how}`
        : `${pkg.package_id} (new application: no parent at base)`;
    lines.push(`${pkg.manifest}  ${pkg.application}  level ${pkg.side_effect_level}`);
    lines.push(`  package: ${parent}`);
    lines.push(
      `  classes: ${pkg.classes.length > 0 ? pkg.classes.join(', ') : '—'}${pkg.rollback_of ? ` (rollback to ${pkg.rollback_of.package_id} @ ${pkg.rollback_of.commit.slice(0, 12)})` : ''}`,
    );
    if (pkg.changes.length > 0) {
      lines.push('  changes:');
      for (const change of pkg.changes) {
        const what = change.field ? `${change.key} ${change.field}` : change.key;
        const from = change.old !== undefined ? short(change.old) : '∅';
        const to = change.new !== undefined ? short(change.new) : '∅';
        lines.push(
          `    ${change.change.padEnd(8)} ${what}: ${from} → ${to}${change.untracked ? ' (on disk, not in the manifest)' : ''}`,
        );
      }
    } else if (pkg.parent && !pkg.failure) {
      lines.push('  changes: none');
    }
    for (const warning of pkg.warnings) lines.push(`  warning: ${warning}`);
    for (const problem of pkg.problems) lines.push(`  FAIL ${formatProblem(problem)}`);
  }
  if (doc.unreferenced_changes.length > 0) {
    lines.push('', 'Changed files no manifest references:');
    for (const path of doc.unreferenced_changes) lines.push(`  ${path}`);
  }
  lines.push('', doc.failed ? 'manifest check: FAILED' : 'manifest check: ok');
  return `${lines.join('\n')}\n`;
}

function short(value: string): string {
  if (value.startsWith('sha256:')) return shortDigest(value);
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
