import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findRepoRoot, readerAtWorktree } from '../git/git.ts';
import { resolveChangeSet } from '../git/resolve.ts';
import { isManifestCandidate, loadManifest } from '../manifest/manifest.ts';
import { lockManifest } from '../manifest/lock.ts';
import { renderDiffText } from '../manifest/render-diff.ts';
import type { DiffDocument } from '../manifest/render-diff.ts';
import { formatProblem, InputError, sortProblems } from '../problem.ts';
import type { Problem } from '../problem.ts';
import { readInputFile, toRepoPath, writeFileAtomic } from '../io/files.ts';
import { expandYamlPaths, UsageError } from './io.ts';

/** Where a command runs: the repository root and the streams it writes to. */
export interface CommandContext {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** The repository root for a command: git's top level, or the working directory outside git. */
export function repoRootOf(cwd: string, explicit?: string): string {
  if (explicit) return resolve(cwd, explicit);
  return findRepoRoot(cwd) ?? cwd;
}

/**
 * `validate [path…]`: schema and artifact checks for manifest files or directories. Exit 0 when
 * every manifest is valid, 2 with every problem listed when not.
 */
export function runValidate(ctx: CommandContext, paths: readonly string[], repoFlag?: string): number {
  const root = repoRootOf(ctx.cwd, repoFlag);
  const targets = paths.length > 0 ? paths : [resolve(root, 'manifests')];
  const explicitFiles = new Set(targets.map((p) => resolve(ctx.cwd, p)));
  const files = expandYamlPaths(targets, ctx.cwd);
  const reader = readerAtWorktree(root);
  const problems: Problem[] = [];
  let checked = 0;
  for (const file of files) {
    const bytes = readInputFile(file, 'manifest');
    // In a directory scan, YAML files that are not manifests (CI configs, policies) are skipped;
    // a file named explicitly is always validated.
    if (!explicitFiles.has(file) && !isManifestCandidate(bytes)) continue;
    checked += 1;
    problems.push(...loadManifest(bytes, toRepoPath(root, file), { readFile: reader }).problems);
  }
  if (checked === 0) throw new InputError([{ file: paths.join(' ') || 'manifests', message: 'no kaizen-gate manifests found' }]);
  if (problems.length > 0) throw new InputError(problems, `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${checked} manifest${checked === 1 ? '' : 's'}`);
  ctx.stdout(`${checked} manifest${checked === 1 ? '' : 's'} valid\n`);
  return 0;
}

/** `lock [manifest…]`: rewrite recorded digests in place, preserving the file's layout. */
export function runLock(ctx: CommandContext, paths: readonly string[], options: { check: boolean; repo?: string }): number {
  const root = repoRootOf(ctx.cwd, options.repo);
  const files = expandYamlPaths(paths.length > 0 ? paths : [resolve(root, 'manifests')], ctx.cwd).filter(
    (file) => paths.some((p) => resolve(ctx.cwd, p) === file) || isManifestCandidate(readFileSync(file)),
  );
  const reader = readerAtWorktree(root);
  const problems: Problem[] = [];
  const writes: { file: string; text: string }[] = [];
  for (const file of files) {
    const name = toRepoPath(root, file);
    const result = lockManifest(readInputFile(file, 'manifest'), name, reader);
    problems.push(...result.problems);
    for (const update of result.updates) {
      ctx.stdout(`${name} ${update.field}: ${update.old ?? '∅'} → ${update.new}\n`);
    }
    if (result.changed) writes.push({ file, text: result.text });
  }
  // Nothing is written unless every manifest could be locked: no half-updated set of files.
  if (problems.length > 0) throw new InputError(problems);
  if (options.check) {
    ctx.stdout(writes.length === 0 ? 'all digests up to date\n' : `${writes.length} manifest(s) need \`kaizen-gate lock\`\n`);
    return writes.length === 0 ? 0 : 1;
  }
  for (const write of writes) writeFileAtomic(write.file, write.text);
  ctx.stdout(writes.length === 0 ? 'all digests up to date\n' : `locked ${writes.length} manifest${writes.length === 1 ? '' : 's'}\n`);
  return 0;
}

/** `diff --base REF [--head REF] [--json] [manifest…]`: artifact diff, change classes, manifest failures. */
export function runDiff(
  ctx: CommandContext,
  paths: readonly string[],
  options: { base?: string; head?: string; json: boolean; repo?: string },
): number {
  if (!options.base) throw new UsageError('diff needs --base <git-ref> (the commit to compare against)');
  const root = repoRootOf(ctx.cwd, options.repo);
  if (!findRepoRoot(root)) throw new InputError([{ file: root, message: 'not inside a git repository; diff compares git commits' }]);
  const changeSet = resolveChangeSet({
    repo: root,
    base: options.base,
    ...(options.head !== undefined ? { head: options.head } : {}),
    ...(paths.length > 0 ? { manifests: paths.map((p) => toRepoPath(root, resolve(ctx.cwd, p))) } : {}),
  });
  const doc: DiffDocument = {
    schema: 'kaizen-gate/diff/v1',
    base: changeSet.base,
    head: changeSet.head,
    packages: changeSet.packages.map((p) => ({ ...p, problems: sortProblems(p.problems) })),
    changed_files: changeSet.changed_files,
    unreferenced_changes: changeSet.unreferenced_changes,
    failed: changeSet.packages.some((p) => p.problems.length > 0),
  };
  ctx.stdout(options.json ? `${JSON.stringify(doc, null, 2)}\n` : renderDiffText(doc));
  if (doc.failed && options.json) {
    for (const pkg of doc.packages) for (const problem of pkg.problems) ctx.stderr(`${formatProblem(problem)}\n`);
  }
  return doc.failed ? 1 : 0;
}
