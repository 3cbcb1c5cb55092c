import { describeKind, isBlankYaml, isYamlPath, packageFacts } from '../manifest/discover.ts';
import type { YamlKind } from '../manifest/discover.ts';
import { diffPackage } from '../manifest/diff.ts';
import type { DiffInput, HistoricalPackage, ManifestFailure, PackageDiff, ParentResolution } from '../manifest/diff.ts';
import { failedPackage } from '../manifest/failure.ts';
import { loadManifest } from '../manifest/manifest.ts';
import type { LoadedManifest } from '../manifest/manifest.ts';
import type { ChangeSet, LoadedPair } from '../manifest/change-set.ts';
import { behaviourFingerprint } from '../manifest/model.ts';
import type { Manifest } from '../manifest/model.ts';
import { planScope, selectionOf } from '../manifest/scope.ts';
import { locate } from '../manifest/verify.ts';
import type { ReadFile } from '../manifest/verify.ts';
import { InputError } from '../problem.ts';
import type { Problem } from '../problem.ts';
import { discoverAtCommits, discoverInWorktree, renamesBetween } from './discover.ts';
import type { DiscoveredTree, KindCache } from './discover.ts';
import { changedPaths, commitsTouching, prefetchFiles, readerAtCommit, resolveCommits } from './git.ts';
import { digestOf } from '../digest.ts';

/** What `diff` and `check` compare: a base commit against a head commit or the working tree. */
export interface ChangeSetOptions {
  readonly repo: string;
  readonly base: string;
  /** A git ref; undefined means the working tree. */
  readonly head?: string;
  /**
   * Limits discovery to these repository paths: globs, files or folders (manifest arguments, the
   * `manifests` input). Undefined: the whole repository.
   */
  readonly manifests?: readonly string[];
  /** Gate every selected package, not only those the change touches (`--all`, `gate-untouched`). */
  readonly all?: boolean;
  /** How many earlier versions to scan for rollbacks. */
  readonly historyDepth?: number;
}

type ValidManifest = LoadedManifest & { readonly manifest: Manifest };

/**
 * Resolves which packages a change touches, anchored at the base, and diffs each against its
 * parent. Every YAML file of both trees is classified by parsing it (src/manifest/discover.ts);
 * a base package the change touches must remain a valid package at the head, at the same path or
 * renamed to a new manifest of the same application. A deleted, emptied, re-encoded, replaced or
 * invalid manifest, and a touched file that names kaizen-gate but cannot be read, become packages
 * with `failure` set: manifest-gate failures, never a silent "nothing to gate". Files the change
 * does not touch are not checked for errors.
 *
 * @throws InputError when a selection entry matches no package manifest in either tree.
 */
export function resolveChangeSet(options: ChangeSetOptions): ChangeSet {
  const { repo } = options;
  const [baseCommit, headCommit] = resolveCommits(repo, [
    { ref: options.base, flag: '--base' },
    ...(options.head === undefined ? [] : [{ ref: options.head, flag: '--head' }]),
  ]) as [string, string | undefined];
  const changed = changedPaths(repo, baseCommit, headCommit);
  const changedSet = new Set(changed);
  const select = options.manifests === undefined ? undefined : selectionOf(options.manifests);
  const cache: KindCache = new Map();
  const [baseTree, headAtCommit] = discoverAtCommits(repo, headCommit ? [baseCommit, headCommit] : [baseCommit], {
    ...(select ? { select } : {}),
    cache,
  }) as [DiscoveredTree, DiscoveredTree | undefined];
  const headTree =
    headAtCommit ??
    discoverInWorktree(repo, {
      ...(select ? { select } : {}),
      unchanged: { kinds: baseTree.kinds, changed: changedSet },
    });
  if (options.manifests !== undefined) checkSelection(options.manifests, baseTree.kinds, headTree.kinds);

  const plan = planScope({
    base: baseTree.kinds,
    head: headTree.kinds,
    changed: changedSet,
    ...(options.all ? { all: true } : {}),
  });
  prefetchPackages(
    repo,
    plan.candidates,
    { commit: baseCommit, kinds: baseTree.kinds },
    { commit: headCommit, kinds: headTree.kinds },
  );
  const baseCache = new Map<string, LoadedManifest>();
  const headCache = new Map<string, LoadedManifest>();
  const loadBase = (path: string): LoadedManifest | undefined => readManifest(path, baseTree.read, baseCache);
  const findById = (packageId: string): ValidManifest | undefined => {
    for (const [path, kind] of baseTree.kinds) {
      if (kind.kind !== 'package' || packageFacts(kind.value).package_id !== packageId) continue;
      const loaded = loadBase(path);
      if (loaded?.manifest) return loaded as ValidManifest;
    }
    return undefined;
  };

  const packages: PackageDiff[] = [];
  const loadedPairs = new Map<string, LoadedPair>();
  const addFailure = (
    path: string,
    result: ReturnType<typeof failedPackage>,
    candidate: LoadedManifest,
    parent?: LoadedManifest,
  ): void => {
    packages.push(result.diff);
    loadedPairs.set(path, { candidate, ...(parent ? { parent } : {}), standIn: result.standIn });
  };

  for (const scoped of plan.candidates) {
    const candidate = readManifest(scoped.path, headTree.read, headCache);
    const continued = scoped.basePath === undefined ? undefined : loadBase(scoped.basePath);
    if (!candidate?.manifest) {
      const headRead = headTree.read(scoped.path);
      const bytes = headRead.kind === 'file' ? headRead.bytes : undefined;
      const problems = candidate?.problems ?? [];
      const failure: ManifestFailure = {
        kind: 'invalid',
        message:
          `${scoped.path} is not a valid package manifest at the head (${problems.length} problem${problems.length === 1 ? '' : 's'}, ` +
          'listed with it); the package cannot be gated until it is fixed',
      };
      const parent = continued?.manifest ? (continued as ValidManifest) : undefined;
      const kind = headTree.kinds.get(scoped.path);
      addFailure(
        scoped.path,
        failedPackage({
          manifest: scoped.path,
          failure,
          problems,
          ...(bytes ? { headBytes: bytes } : {}),
          headValue: candidate?.yaml?.value ?? (kind?.kind === 'package' ? kind.value : undefined),
          ...(parent ? { parent, parentCommit: baseCommit } : { baseValue: continued?.yaml?.value }),
        }),
        candidate ?? syntheticLoaded(scoped.path, bytes),
        parent,
      );
      continue;
    }
    const valid = candidate as ValidManifest;
    const {
      parent,
      resolution,
      problems: resolveProblems,
      warnings,
    } = chooseParent(valid, continued, scoped.renamed, findById, baseCommit);
    const baseDigests = new Map<string, string | undefined>();
    for (const artifact of valid.artifacts) {
      const atBase = baseTree.read(artifact.path);
      baseDigests.set(artifact.path, atBase.kind === 'file' ? digestOf(atBase.bytes) : undefined);
    }
    const input: DiffInput = {
      candidate: valid,
      ...(parent ? { parent, parentCommit: baseCommit } : {}),
      resolution,
      baseDigests,
      history: parent ? readHistory(repo, baseCommit, parent.file, options.historyDepth ?? 200) : [],
      resolveProblems,
      resolveWarnings: warnings,
    };
    packages.push(diffPackage(input));
    loadedPairs.set(valid.file, { candidate: valid, ...(parent ? { parent } : {}) });
  }

  const renames = plan.missing.length > 0 ? renamesBetween(repo, baseCommit, headCommit) : new Map<string, string>();
  for (const missing of plan.missing) {
    const base = loadBase(missing.basePath);
    const parent = base?.manifest ? (base as ValidManifest) : undefined;
    const headRead = headTree.read(missing.basePath);
    const bytes = headRead.kind === 'file' ? headRead.bytes : undefined;
    const facts = packageFacts(base?.yaml?.value);
    const was = `at the base commit it holds package ${facts.package_id ?? '(no package_id)'} of ${facts.application ?? '(no application)'}`;
    const { failure, problems } = describeMissing(
      missing.basePath,
      was,
      bytes,
      missing.head,
      renames.get(missing.basePath),
      headTree,
    );
    addFailure(
      missing.basePath,
      failedPackage({
        manifest: missing.basePath,
        failure,
        problems,
        ...(bytes ? { headBytes: bytes } : {}),
        ...(parent ? { parent, parentCommit: baseCommit } : { baseValue: base?.yaml?.value }),
      }),
      syntheticLoaded(missing.basePath, bytes),
      parent,
    );
  }

  for (const problem of plan.unreadable) {
    const headRead = headTree.read(problem.file);
    const bytes = headRead.kind === 'file' ? headRead.bytes : undefined;
    const failure: ManifestFailure = {
      kind: 'unreadable',
      message:
        `${problem.file} names kaizen-gate but cannot be read as YAML, so it may be a damaged package manifest; ` +
        'fix it, or leave it out of discovery with manifest arguments or the `manifests` input',
    };
    const result = failedPackage({
      manifest: problem.file,
      failure,
      problems: [problem],
      ...(bytes ? { headBytes: bytes } : {}),
    });
    addFailure(problem.file, result, syntheticLoaded(problem.file, bytes));
  }

  const referenced = new Set<string>();
  for (const tree of [baseTree, headTree]) {
    for (const [path, kind] of tree.kinds) {
      if (kind.kind !== 'package') continue;
      referenced.add(path);
      for (const artifact of packageFacts(kind.value).artifacts) referenced.add(artifact);
    }
  }
  for (const pair of loadedPairs.values()) {
    for (const loaded of [pair.candidate, pair.parent]) {
      if (!loaded) continue;
      referenced.add(loaded.file);
      for (const artifact of loaded.artifacts) referenced.add(artifact.path);
    }
  }
  return {
    base: { ref: options.base, commit: baseCommit },
    head: { ref: options.head ?? 'WORKTREE', commit: headCommit ?? null },
    packages: packages.toSorted((a, b) => (a.manifest < b.manifest ? -1 : a.manifest > b.manifest ? 1 : 0)),
    loaded: loadedPairs,
    changed_files: changed,
    unreferenced_changes: changed.filter((p) => !referenced.has(p)),
  };
}

/** A package manifest's path and the artifacts it names; nothing for any other file. */
function filesOf(kinds: ReadonlyMap<string, YamlKind>, path: string | undefined): string[] {
  const kind = path === undefined ? undefined : kinds.get(path);
  return kind?.kind === 'package' ? [path!, ...packageFacts(kind.value).artifacts] : [];
}

/**
 * Reads the manifests of the candidates and their parents and every artifact they name, at the head
 * and at the base, in one git call: the loads and digests below then find them in the blob cache.
 */
function prefetchPackages(
  repo: string,
  candidates: readonly { readonly path: string; readonly basePath?: string }[],
  base: { readonly commit: string; readonly kinds: ReadonlyMap<string, YamlKind> },
  head: { readonly commit: string | undefined; readonly kinds: ReadonlyMap<string, YamlKind> },
): void {
  const atBase = new Set<string>();
  const atHead = new Set<string>();
  for (const candidate of candidates) {
    const candidateFiles = filesOf(head.kinds, candidate.path);
    for (const path of [...candidateFiles, ...filesOf(base.kinds, candidate.basePath)]) atBase.add(path);
    for (const path of candidateFiles) atHead.add(path);
  }
  // A work-tree head is read from disk, not from git.
  prefetchFiles(repo, [
    { commit: base.commit, paths: atBase },
    ...(head.commit ? [{ commit: head.commit, paths: atHead }] : []),
  ]);
}

/** Each selection entry must match a package manifest in the base or the head; all misses at once. */
function checkSelection(
  patterns: readonly string[],
  base: ReadonlyMap<string, YamlKind>,
  head: ReadonlyMap<string, YamlKind>,
): void {
  const problems: Problem[] = [];
  for (const pattern of patterns) {
    const matches = selectionOf([pattern]);
    const paths = [...new Set([...base.keys(), ...head.keys()])].filter(matches);
    if (paths.some((p) => base.get(p)?.kind === 'package' || head.get(p)?.kind === 'package')) continue;
    const single = paths.length === 1 ? (head.get(paths[0]!) ?? base.get(paths[0]!)) : undefined;
    const message = single
      ? `is ${describeKind(single)}; name package manifests (apiVersion kaizen-gate/v1, kind Package)`
      : paths.length > 0
        ? `matches ${paths.length} YAML files, none of them a kaizen-gate Package manifest at the base or the head`
        : 'matches no YAML file (*.yaml, *.yml) at the base or the head';
    problems.push({ file: pattern, message });
  }
  if (problems.length > 0) throw new InputError(problems);
}

/** What happened to a base manifest that is no package at the head, as a failure and its located problems. */
function describeMissing(
  path: string,
  was: string,
  bytes: Uint8Array | undefined,
  head: YamlKind | undefined,
  renamedTo: string | undefined,
  headTree: DiscoveredTree,
): { failure: ManifestFailure; problems: Problem[] } {
  const keep =
    'a package manifest cannot leave the gate: restore it, or move it together with a new manifest of the same application';
  if (bytes === undefined) {
    if (renamedTo !== undefined) {
      const target = headTree.kinds.get(renamedTo);
      const what = !isYamlPath(renamedTo)
        ? 'not a file kaizen-gate reads as a manifest (*.yaml, *.yml)'
        : target === undefined
          ? 'outside the manifests selected for discovery'
          : target.kind === 'package'
            ? `a manifest of another application (${packageFacts(target.value).application ?? 'none'})`
            : describeKind(target);
      return {
        failure: { kind: 'renamed', message: `${path} was renamed to ${renamedTo}, which is ${what}; ${was}; ${keep}` },
        problems: [],
      };
    }
    return { failure: { kind: 'deleted', message: `${path} was deleted; ${was}; ${keep}` }, problems: [] };
  }
  const strict = loadManifest(bytes, path).problems;
  if (isBlankYaml(bytes))
    return { failure: { kind: 'emptied', message: `${path} was emptied; ${was}; ${keep}` }, problems: [] };
  if (head?.kind === 'unreadable' || head === undefined) {
    const reason = head?.kind === 'unreadable' ? head.problem.message : (strict[0]?.message ?? 'cannot be read');
    const problems = head?.kind === 'unreadable' ? [head.problem] : strict;
    const message = `${path} can no longer be read as a manifest (${reason}); ${was}; ${keep}`;
    return { failure: { kind: 'unreadable', message }, problems: problems.slice(0, 20) };
  }
  return {
    failure: { kind: 'not_a_package', message: `${path} is now ${describeKind(head)}; ${was}; ${keep}` },
    problems: [],
  };
}

/** A LoadedManifest for a file with no valid manifest in it (or no file): its digest and nothing else. */
function syntheticLoaded(file: string, bytes: Uint8Array | undefined): LoadedManifest {
  return { file, digest: digestOf(bytes ?? new Uint8Array()), artifacts: [], problems: [] };
}

/**
 * Picks the parent of a candidate at the base commit. An explicit `parent_package_id` wins when a
 * manifest with that id exists there; otherwise the base manifest the candidate continues (the
 * same file, or the file it was renamed from) is the parent, since the id usually names the
 * package before base (the example manifests record their own history). Only a candidate with
 * neither is a new application — or, if it names a parent, a broken one.
 */
function chooseParent(
  candidate: ValidManifest,
  continued: LoadedManifest | undefined,
  renamed: boolean,
  findById: (packageId: string) => ValidManifest | undefined,
  baseCommit: string,
): { parent?: ValidManifest; resolution: ParentResolution; problems: Problem[]; warnings: string[] } {
  const c = candidate.manifest;
  const atBase = continued?.manifest ? (continued as ValidManifest) : undefined;
  const warnings: string[] = [];
  if (continued && !atBase) {
    warnings.push(
      `${continued.file} at the base commit is not a valid manifest (${continued.problems.length} problem(s)); it cannot be the parent`,
    );
  }
  const wanted = c.parent_package_id;
  if (wanted !== undefined && atBase?.manifest.package_id !== wanted) {
    const byId = findById(wanted);
    if (byId) return { parent: byId, resolution: 'parent_package_id', problems: [], warnings };
    if (atBase && atBase.manifest.package_id !== c.package_id) {
      warnings.push(
        `parent_package_id is ${wanted}, but the base commit has ${atBase.manifest.package_id} in ${atBase.file}; comparing against ${atBase.manifest.package_id}`,
      );
    }
  }
  if (atBase) return { parent: atBase, resolution: renamed ? 'renamed' : 'same_path', problems: [], warnings };
  if (wanted === undefined) return { resolution: 'new_application', problems: [], warnings };
  const message = `no manifest with package_id ${wanted} exists at the base commit ${baseCommit.slice(0, 12)}, and ${candidate.file} is new; fix parent_package_id or remove it for a new application`;
  const problem: Problem = candidate.yaml
    ? locate(candidate.yaml, '/parent_package_id', message)
    : { file: candidate.file, field: 'parent_package_id', message };
  return { resolution: 'new_application', problems: [problem], warnings };
}

/** Loads a manifest through `read`, once per path. */
function readManifest(path: string, read: ReadFile, cache: Map<string, LoadedManifest>): LoadedManifest | undefined {
  if (cache.has(path)) return cache.get(path);
  const file = read(path);
  if (file.kind !== 'file') return undefined;
  const loaded = loadManifest(file.bytes, path, { readFile: read });
  cache.set(path, loaded);
  return loaded;
}

/** Earlier versions of a manifest path before the parent (newest first), for rollback detection. */
function readHistory(repo: string, baseCommit: string, path: string, depth: number): HistoricalPackage[] {
  const out: HistoricalPackage[] = [];
  for (const commit of commitsTouching(repo, baseCommit, path).slice(0, depth)) {
    const read = readerAtCommit(repo, commit)(path);
    if (read.kind !== 'file') continue;
    const loaded = loadManifest(read.bytes, path);
    if (loaded.manifest)
      out.push({ package_id: loaded.manifest.package_id, commit, fingerprint: behaviourFingerprint(loaded.manifest) });
  }
  return out;
}
