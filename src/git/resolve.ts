import { loadManifest, looksLikeManifest } from '../manifest/manifest.ts';
import type { LoadedManifest } from '../manifest/manifest.ts';
import { diffPackage } from '../manifest/diff.ts';
import type { DiffInput, HistoricalPackage, PackageDiff, ParentResolution } from '../manifest/diff.ts';
import { behaviourFingerprint, digestOf } from '../manifest/model.ts';
import type { Manifest } from '../manifest/model.ts';
import { locate } from '../manifest/verify.ts';
import type { ReadFile } from '../manifest/verify.ts';
import { InputError } from '../problem.ts';
import type { Problem } from '../problem.ts';
import { changedPaths, commitsTouching, git, listFilesAt, readerAtCommit, readerAtWorktree, resolveCommit } from './git.ts';

/** What `diff` and `check` compare: a base commit against a head commit or the working tree. */
export interface ChangeSetOptions {
  readonly repo: string;
  readonly base: string;
  /** A git ref; undefined means the working tree. */
  readonly head?: string;
  /** Candidate manifests (repository-relative). Undefined: every manifest the change touches. */
  readonly manifests?: readonly string[];
  /** How many earlier versions to scan for rollbacks. */
  readonly historyDepth?: number;
}

/** The resolved change: each touched package's diff, plus changed files no manifest references. */
export interface ChangeSet {
  readonly base: { readonly ref: string; readonly commit: string };
  readonly head: { readonly ref: string; readonly commit: string | null };
  readonly packages: readonly PackageDiff[];
  /** Loaded candidate and parent manifests, for later stages (gates, report subjects). */
  readonly loaded: ReadonlyMap<string, { readonly candidate: LoadedManifest; readonly parent?: LoadedManifest }>;
  readonly changed_files: readonly string[];
  readonly unreferenced_changes: readonly string[];
}

type ValidManifest = LoadedManifest & { readonly manifest: Manifest };

/**
 * Resolves which packages a change touches and diffs each against its parent at the base commit.
 * Throws InputError when a candidate manifest is itself invalid (that is bad input, not a gate
 * failure); artifact and parent problems become part of each PackageDiff.
 */
export function resolveChangeSet(options: ChangeSetOptions): ChangeSet {
  const { repo } = options;
  const baseCommit = resolveCommit(repo, options.base, '--base');
  const headCommit = options.head === undefined ? undefined : resolveCommit(repo, options.head, '--head');
  const readHead = headCommit ? readerAtCommit(repo, headCommit) : readerAtWorktree(repo);
  const readBase = readerAtCommit(repo, baseCommit);
  const changed = changedPaths(repo, baseCommit, headCommit);
  const headFiles = headCommit ? listFilesAt(repo, headCommit) : listWorktreeFiles(repo);

  const headManifests = new Map<string, LoadedManifest>();
  const manifestPaths = options.manifests ?? headFiles.filter((p) => /\.ya?ml$/i.test(p) && isManifestFile(readHead, p));
  const problems: Problem[] = [];
  const candidates: ValidManifest[] = [];
  const changedSet = new Set(changed);
  for (const path of manifestPaths) {
    const loaded = readManifest(path, readHead, headManifests);
    if (!loaded) {
      problems.push({ file: path, message: `manifest not found${headCommit ? ` at ${options.head}` : ''}` });
      continue;
    }
    if (!loaded.manifest) {
      problems.push(...loaded.problems);
      continue;
    }
    const touched =
      options.manifests !== undefined ||
      changedSet.has(path) ||
      loaded.artifacts.some((a) => changedSet.has(a.path));
    if (touched) candidates.push(loaded as ValidManifest);
  }
  if (problems.length > 0) throw new InputError(problems);

  const baseManifestCache = new Map<string, LoadedManifest>();
  const baseManifestPaths = listFilesAt(repo, baseCommit).filter((p) => /\.ya?ml$/i.test(p));
  const findById = (packageId: string): ValidManifest | undefined => {
    for (const path of baseManifestPaths) {
      if (!isManifestFile(readBase, path)) continue;
      const loaded = readManifest(path, readBase, baseManifestCache);
      if (loaded?.manifest?.package_id === packageId) return loaded as ValidManifest;
    }
    return undefined;
  };

  const packages: PackageDiff[] = [];
  const loadedPairs = new Map<string, { candidate: LoadedManifest; parent?: LoadedManifest }>();
  const referenced = new Set<string>();
  for (const candidate of candidates) {
    const samePath = readManifest(candidate.file, readBase, baseManifestCache);
    const { parent, resolution, problems: resolveProblems, warnings: resolveWarnings } = chooseParent(
      candidate,
      samePath,
      findById,
      baseCommit,
    );
    const baseDigests = new Map<string, string | undefined>();
    for (const artifact of candidate.artifacts) {
      referenced.add(artifact.path);
      const atBase = readBase(artifact.path);
      baseDigests.set(artifact.path, atBase.kind === 'file' ? digestOf(atBase.bytes) : undefined);
    }
    for (const artifact of parent?.artifacts ?? []) referenced.add(artifact.path);
    referenced.add(candidate.file);
    if (parent) referenced.add(parent.file);
    const input: DiffInput = {
      candidate,
      ...(parent ? { parent, parentCommit: baseCommit } : {}),
      resolution,
      baseDigests,
      history: parent ? readHistory(repo, baseCommit, parent.file, options.historyDepth ?? 200) : [],
      resolveProblems,
      resolveWarnings,
    };
    packages.push(diffPackage(input));
    loadedPairs.set(candidate.file, { candidate, ...(parent ? { parent } : {}) });
  }

  for (const loaded of headManifests.values()) {
    referenced.add(loaded.file);
    for (const artifact of loaded.artifacts) referenced.add(artifact.path);
  }
  return {
    base: { ref: options.base, commit: baseCommit },
    head: { ref: options.head ?? 'WORKTREE', commit: headCommit ?? null },
    packages: packages.toSorted((a, b) => (a.manifest < b.manifest ? -1 : 1)),
    loaded: loadedPairs,
    changed_files: changed,
    unreferenced_changes: changed.filter((p) => !referenced.has(p)),
  };
}

/**
 * Picks the parent of a candidate at the base commit. An explicit `parent_package_id` wins when a
 * manifest with that id exists there; otherwise the same file at base is the parent, since the
 * id usually names the package before base (the example manifests record their own history).
 * Only a candidate with neither is a new application — or, if it names a parent, a broken one.
 */
function chooseParent(
  candidate: ValidManifest,
  samePath: LoadedManifest | undefined,
  findById: (packageId: string) => ValidManifest | undefined,
  baseCommit: string,
): { parent?: ValidManifest; resolution: ParentResolution; problems: Problem[]; warnings: string[] } {
  const c = candidate.manifest;
  const atBase = samePath?.manifest ? (samePath as ValidManifest) : undefined;
  const warnings: string[] = [];
  if (samePath && !atBase) {
    warnings.push(`${candidate.file} at the base commit is not a valid manifest (${samePath.problems.length} problem(s)); it cannot be the parent`);
  }
  const wanted = c.parent_package_id;
  if (wanted !== undefined && atBase?.manifest.package_id !== wanted) {
    const byId = findById(wanted);
    if (byId) return { parent: byId, resolution: 'parent_package_id', problems: [], warnings };
    if (atBase && atBase.manifest.package_id !== c.package_id) {
      warnings.push(`parent_package_id is ${wanted}, but the base commit has ${atBase.manifest.package_id} in ${candidate.file}; comparing against ${atBase.manifest.package_id}`);
    }
  }
  if (atBase) return { parent: atBase, resolution: 'same_path', problems: [], warnings };
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

function isManifestFile(read: ReadFile, path: string): boolean {
  const file = read(path);
  return file.kind === 'file' && looksLikeManifest(file.bytes);
}

function listWorktreeFiles(repo: string): string[] {
  return git(repo, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).toString().split('\0').filter(Boolean);
}

/** Earlier versions of a manifest path before the parent (newest first), for rollback detection. */
function readHistory(repo: string, baseCommit: string, path: string, depth: number): HistoricalPackage[] {
  const out: HistoricalPackage[] = [];
  for (const commit of commitsTouching(repo, baseCommit, path).slice(0, depth)) {
    const read = readerAtCommit(repo, commit)(path);
    if (read.kind !== 'file') continue;
    const loaded = loadManifest(read.bytes, path);
    if (loaded.manifest) out.push({ package_id: loaded.manifest.package_id, commit, fingerprint: behaviourFingerprint(loaded.manifest) });
  }
  return out;
}
