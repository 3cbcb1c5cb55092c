/**
 * Lists the YAML files of a commit or of the work tree and classifies each with the one discovery
 * rule (src/manifest/discover.ts). Blobs are classified once per object id, so the base and the
 * head share the work for every file the change does not touch, and read in bounded batches.
 */
import { CLASSIFY_LIMIT, classifyYaml, isYamlPath } from '../manifest/discover.ts';
import type { YamlKind } from '../manifest/discover.ts';
import type { ReadFile } from '../manifest/verify.ts';
import { git, readBlobs, readerAtCommit, readerAtWorktree, treeEntries } from './git.ts';

/** The classified YAML files of one tree, and a reader of any file in it. */
export interface DiscoveredTree {
  readonly kinds: ReadonlyMap<string, YamlKind>;
  readonly read: ReadFile;
}

/** Classifications by blob id, shared between trees of one repository. */
export type KindCache = Map<string, YamlKind>;

/** Bytes read per `git cat-file --batch` call: keeps memory bounded in a repository full of YAML. */
const BATCH_BYTES = 32 * 1024 * 1024;

/**
 * Classifies the YAML files that `select` keeps (default: all) of several commits (a change's base
 * and head): the blobs none of them has classified yet are read together, in as few git processes
 * as the batch size allows.
 */
export function discoverAtCommits(
  repo: string,
  commits: readonly string[],
  options: { select?: (path: string) => boolean; cache?: KindCache } = {},
): DiscoveredTree[] {
  const cache = options.cache ?? new Map<string, YamlKind>();
  const listed = commits.map((commit) =>
    listTreeBlobs(repo, commit).filter((e) => isYamlPath(e.path) && (options.select?.(e.path) ?? true)),
  );
  const wanted = new Map<string, TreeBlob>();
  for (const entry of listed.flat()) {
    if (entry.mode !== '120000' && entry.size <= CLASSIFY_LIMIT && !cache.has(entry.object))
      wanted.set(entry.object, entry);
  }
  for (const batch of batches([...wanted.values()])) {
    const blobs = readBlobs(
      repo,
      batch.map((e) => e.object),
    );
    for (const entry of batch) {
      const bytes = blobs.get(entry.object);
      if (bytes) cache.set(entry.object, classifyYaml(bytes, entry.path));
    }
  }
  return commits.map((commit, i) => {
    const read = readerAtCommit(repo, commit);
    const kinds = new Map<string, YamlKind>();
    for (const entry of listed[i]!) {
      let kind: YamlKind;
      if (entry.mode === '120000') {
        // A symlink is what it points to inside the repository; one pointing outside is not read.
        const target = read(entry.path);
        kind = target.kind === 'file' ? classifyYaml(target.bytes, entry.path) : { kind: 'foreign' };
      } else {
        kind = cache.get(entry.object) ?? { kind: 'foreign' };
      }
      kinds.set(entry.path, refile(kind, entry.path));
    }
    return { kinds, read };
  });
}

/**
 * Classifies the YAML files of the work tree (tracked and untracked, not ignored) that `select`
 * keeps. Files the change does not touch are taken from `unchanged` (the base's classes) unread.
 */
export function discoverInWorktree(
  repo: string,
  options: {
    select?: (path: string) => boolean;
    unchanged?: { readonly kinds: ReadonlyMap<string, YamlKind>; readonly changed: ReadonlySet<string> };
  } = {},
): DiscoveredTree {
  const read = readerAtWorktree(repo);
  const kinds = new Map<string, YamlKind>();
  for (const path of listWorktreeFiles(repo)) {
    if (!isYamlPath(path) || !(options.select?.(path) ?? true)) continue;
    const known =
      options.unchanged && !options.unchanged.changed.has(path) ? options.unchanged.kinds.get(path) : undefined;
    if (known) {
      kinds.set(path, known);
      continue;
    }
    const file = read(path);
    if (file.kind === 'file') kinds.set(path, classifyYaml(file.bytes, path));
  }
  return { kinds, read };
}

/** Tracked and untracked (not ignored) files of the work tree, repository-relative, sorted. */
export function listWorktreeFiles(repo: string): string[] {
  const listed = git(repo, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'])
    .toString()
    .split('\0')
    .filter(Boolean);
  return [...new Set(listed)].toSorted();
}

/** Renames git detects between two commits (or a commit and the work tree): old path → new path. */
export function renamesBetween(repo: string, base: string, head: string | undefined): Map<string, string> {
  const args = ['diff', '-M', '--name-status', '-z', base, ...(head ? [head] : [])];
  const tokens = git(repo, args).toString().split('\0');
  const out = new Map<string, string>();
  for (let i = 0; i < tokens.length; i++) {
    const status = tokens[i] ?? '';
    if (status.startsWith('R')) {
      out.set(tokens[i + 1] ?? '', tokens[i + 2] ?? '');
      i += 2;
    } else if (status !== '') {
      i += 1;
    }
  }
  return out;
}

interface TreeBlob {
  readonly mode: string;
  readonly object: string;
  readonly size: number;
  readonly path: string;
}

function listTreeBlobs(repo: string, commit: string): TreeBlob[] {
  const out: TreeBlob[] = [];
  for (const [path, entry] of treeEntries(repo, commit)) {
    if (entry.type === 'blob') out.push({ mode: entry.mode, object: entry.object, size: entry.size, path });
  }
  return out;
}

function* batches(entries: readonly TreeBlob[]): Generator<TreeBlob[]> {
  let batch: TreeBlob[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (batch.length > 0 && bytes + entry.size > BATCH_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(entry);
    bytes += entry.size;
  }
  if (batch.length > 0) yield batch;
}

/** A cached class names the file it was first seen as; problems must name this path. */
function refile(kind: YamlKind, path: string): YamlKind {
  return kind.kind === 'unreadable' && kind.problem.file !== path
    ? { ...kind, problem: { ...kind.problem, file: path } }
    : kind;
}
