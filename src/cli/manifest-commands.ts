import { resolve } from 'node:path';
import { findRepoRoot, readerAtWorktree } from '../git/git.ts';
import { listWorktreeFiles } from '../git/discover.ts';
import { resolveChangeSet } from '../git/resolve.ts';
import { classifyYaml, describeKind, isYamlPath } from '../manifest/discover.ts';
import type { YamlKind } from '../manifest/discover.ts';
import { loadYaml } from '../yaml/load.ts';
import { loadManifest } from '../manifest/manifest.ts';
import { lockManifest } from '../manifest/lock.ts';
import { renderDiffText } from '../manifest/render-diff.ts';
import type { DiffDocument } from '../manifest/render-diff.ts';
import { formatProblem, InputError, sortProblems } from '../problem.ts';
import type { Problem } from '../problem.ts';
import { readInputFile, toRepoPath, writeFileAtomic } from '../io/files.ts';
import { expandYamlPaths, UsageError } from './io.ts';
import { EXIT } from '../outcome.ts';

/** Where a command runs: the repository root and the streams it writes to. */
export interface CommandContext {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The time now; the process clock when absent (tests pass a fixed one). */
  readonly clock?: () => Date;
  /** The environment commands run by kaizen-gate start from; the process's when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** ANSI colour in text meant for a terminal (stdout is one and NO_COLOR is unset); off when absent. */
  readonly colour?: boolean;
}

/** The repository root for a command: git's top level, or the working directory outside git. */
export function repoRootOf(cwd: string, explicit?: string): string {
  if (explicit) return resolve(cwd, explicit);
  return findRepoRoot(cwd) ?? cwd;
}

/** A YAML file of the work tree as discovery sees it. */
interface WorkFile {
  /** Absolute path. */
  readonly file: string;
  /** Repository-relative path, as problems name it. */
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly kind: YamlKind;
  /** Named on the command line, not found in a folder. */
  readonly explicit: boolean;
}

/**
 * The YAML files `validate` and `lock` look at: the files and folders named, or else every YAML
 * file of the repository (tracked and untracked, not ignored) — the same discovery rule as
 * `diff`, `check` and the Action. Classified once each.
 */
function discoverWorkFiles(ctx: CommandContext, root: string, paths: readonly string[]): WorkFile[] {
  const explicit = new Set(paths.map((p) => resolve(ctx.cwd, p)));
  const inGit = paths.length === 0 && findRepoRoot(root) !== undefined;
  const files = inGit
    ? listWorktreeFiles(root)
        .filter(isYamlPath)
        .map((p) => resolve(root, p))
    : expandYamlPaths(paths.length > 0 ? paths : [root], ctx.cwd);
  return files.flatMap((file) => {
    const name = toRepoPath(root, file);
    let bytes: Uint8Array;
    try {
      bytes = readInputFile(file, 'manifest');
    } catch (error: unknown) {
      // A file listed by git but deleted from the work tree is simply not there any more.
      if (!explicit.has(file) && error instanceof InputError) return [];
      throw error;
    }
    return [{ file, name, bytes, kind: classifyYaml(bytes, name), explicit: explicit.has(file) }];
  });
}

/** Whether a discovered file is one to check: a package, or unreadable where a manifest may be. */
function isToCheck(work: WorkFile, scannedFolder: boolean): boolean {
  if (work.kind.kind === 'package' || work.kind.kind === 'unreadable') return true;
  // In a folder the user named, YAML that cannot be read at all (empty, broken, binary) is
  // reported; across the whole repository only what names kaizen-gate (classified above).
  return scannedFolder && work.kind.kind === 'foreign' && loadYaml(work.bytes, work.name).loaded === undefined;
}

/** A file named on the command line that is not a Package manifest, said so. */
function notAPackage(work: WorkFile, command: string): Problem {
  const message = `is ${describeKind(work.kind)}; ${command} works on Package manifests (apiVersion kaizen-gate/v1, kind Package)`;
  return { file: work.name, message };
}

/**
 * `validate [path…]`: schema and artifact checks for manifest files or directories (default: the
 * whole repository). Exit 0 when every manifest is valid, 2 with every problem listed when not.
 */
export function runValidate(ctx: CommandContext, paths: readonly string[], repoFlag?: string): number {
  const root = repoRootOf(ctx.cwd, repoFlag);
  const reader = readerAtWorktree(root);
  const problems: Problem[] = [];
  let checked = 0;
  for (const work of discoverWorkFiles(ctx, root, paths)) {
    if (work.explicit && work.kind.kind === 'kaizen-other') {
      problems.push(notAPackage(work, 'validate'));
      continue;
    }
    // A file named explicitly is always validated; in a scan, YAML that is not ours is skipped.
    if (!work.explicit && !isToCheck(work, paths.length > 0)) continue;
    checked += 1;
    problems.push(...loadManifest(work.bytes, work.name, { readFile: reader }).problems);
  }
  if (checked === 0 && problems.length === 0)
    throw new InputError([{ file: paths.join(' ') || '.', message: 'no kaizen-gate manifests found' }]);
  if (problems.length > 0)
    throw new InputError(
      problems,
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${checked} manifest${checked === 1 ? '' : 's'}`,
    );
  ctx.stdout(`${checked} manifest${checked === 1 ? '' : 's'} valid\n`);
  return EXIT.ok;
}

/** `lock [manifest…]`: rewrite recorded digests in place, preserving the file's layout. */
export function runLock(
  ctx: CommandContext,
  paths: readonly string[],
  options: { check: boolean; repo?: string },
): number {
  const root = repoRootOf(ctx.cwd, options.repo);
  const discovered = discoverWorkFiles(ctx, root, paths);
  const wrongKind = discovered.filter((w) => w.explicit && w.kind.kind !== 'package' && w.kind.kind !== 'unreadable');
  if (wrongKind.length > 0) throw new InputError(wrongKind.map((w) => notAPackage(w, 'lock')));
  const files = discovered.filter((w) => w.explicit || isToCheck(w, paths.length > 0));
  if (files.length === 0)
    throw new InputError([{ file: paths.join(' ') || '.', message: 'no kaizen-gate manifests found' }]);
  const reader = readerAtWorktree(root);
  const problems: Problem[] = [];
  const writes: { file: string; text: string }[] = [];
  for (const { file, name, bytes } of files) {
    const result = lockManifest(bytes, name, reader);
    problems.push(...result.problems);
    for (const update of result.updates) {
      ctx.stdout(`${name} ${update.field}: ${update.old ?? '∅'} → ${update.new}\n`);
    }
    if (result.changed) writes.push({ file, text: result.text });
  }
  // Nothing is written unless every manifest could be locked: no half-updated set of files.
  if (problems.length > 0) throw new InputError(problems);
  if (options.check) {
    ctx.stdout(
      writes.length === 0 ? 'all digests up to date\n' : `${writes.length} manifest(s) need \`kaizen-gate lock\`\n`,
    );
    return writes.length === 0 ? EXIT.ok : EXIT.failed;
  }
  for (const write of writes) writeFileAtomic(write.file, write.text);
  ctx.stdout(
    writes.length === 0
      ? 'all digests up to date\n'
      : `locked ${writes.length} manifest${writes.length === 1 ? '' : 's'}\n`,
  );
  return EXIT.ok;
}

/** `diff --base REF [--head REF] [--json] [manifest…]`: artifact diff, change classes, manifest failures. */
export function runDiff(
  ctx: CommandContext,
  paths: readonly string[],
  options: { base?: string; head?: string; json: boolean; repo?: string; all?: boolean },
): number {
  if (!options.base) throw new UsageError('diff needs --base <git-ref> (the commit to compare against)');
  const root = repoRootOf(ctx.cwd, options.repo);
  if (!findRepoRoot(root))
    throw new InputError([{ file: root, message: 'not inside a git repository; diff compares git commits' }]);
  const changeSet = resolveChangeSet({
    repo: root,
    base: options.base,
    ...(options.head !== undefined ? { head: options.head } : {}),
    ...(paths.length > 0 ? { manifests: paths.map((p) => toRepoPath(root, resolve(ctx.cwd, p))) } : {}),
    ...(options.all ? { all: true } : {}),
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
  return doc.failed ? EXIT.failed : EXIT.ok;
}
