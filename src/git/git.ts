import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import posix from 'node:path/posix';
import { InputError } from '../problem.ts';
import type { FileRead, ReadFile } from '../manifest/verify.ts';
import { sha256Hex } from '../digest.ts';

/** Thrown when git fails for a reason that is not the user's input (corrupt repo, git missing). */
export class GitError extends Error {
  override readonly name = 'GitError';
}

const MAX_BUFFER = 256 * 1024 * 1024;

/** Runs git in `cwd` and returns stdout as bytes; throws GitError with git's own message on failure. */
export function git(cwd: string, args: readonly string[], options: { input?: string | Uint8Array } = {}): Buffer {
  try {
    return execFileSync('git', args, {
      cwd,
      maxBuffer: MAX_BUFFER,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.input !== undefined ? { input: options.input } : {}),
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
  } catch (error: unknown) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new GitError(`git ${args[0]} failed: ${stderr || (error instanceof Error ? error.message : String(error))}`);
  }
}

/** Like {@link git} but returns undefined instead of throwing (for probes such as rev-parse --verify). */
export function tryGit(cwd: string, args: readonly string[]): Buffer | undefined {
  try {
    return git(cwd, args);
  } catch {
    return undefined;
  }
}

// Directories found to be the top level of their work tree. Commands ask for the root of the
// directory they run in several times; a root stays one while its `.git` is there.
const knownRoots = new Set<string>();

/** The top level of the git work tree containing `dir`, or undefined outside a repository. */
export function findRepoRoot(dir: string): string | undefined {
  if (knownRoots.has(dir) && existsSync(join(dir, '.git'))) return dir;
  const root = tryGit(dir, ['rev-parse', '--show-toplevel'])?.toString().trim() || undefined;
  if (root !== undefined && root === dir) knownRoots.add(dir);
  return root;
}

const knownCommits = new Set<string>();

/**
 * Resolves a ref to a commit SHA. A missing ref in a shallow clone gets the fix users need
 * (`fetch-depth: 0`), not git's bare "unknown revision".
 */
export function resolveCommit(repo: string, ref: string, flag = '--base'): string {
  if (ref.startsWith('-')) throw new InputError([{ file: flag, message: `"${ref}" is not a git ref` }]);
  // A full hash once found to name a commit always does: no git process to confirm it again.
  if (knownCommits.has(`${repo}\0${ref}`)) return ref;
  const sha = tryGit(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
    ?.toString()
    .trim();
  if (sha) {
    if (sha === ref) knownCommits.add(`${repo}\0${ref}`);
    return sha;
  }
  const shallow = tryGit(repo, ['rev-parse', '--is-shallow-repository'])?.toString().trim() === 'true';
  const message = shallow
    ? `${ref} is not in this clone, which is shallow (history was not fetched); check out with full history: actions/checkout with \`fetch-depth: 0\`, or \`git fetch --unshallow\``
    : `${ref} does not name a commit in ${repo}; fetch it first (e.g. \`git fetch origin ${ref}\`)`;
  throw new InputError([{ file: flag, message }]);
}

/**
 * Resolves several refs as {@link resolveCommit} does each, in one git process when all of them
 * name commits; a ref that does not is resolved on its own, for its own message.
 */
export function resolveCommits(repo: string, refs: readonly { ref: string; flag: string }[]): string[] {
  const resolved = new Map<string, string>();
  const pending = [
    ...new Set(
      refs.map(({ ref }) => ref).filter((ref) => !ref.startsWith('-') && !knownCommits.has(`${repo}\0${ref}`)),
    ),
  ];
  if (pending.length > 1) {
    // Without --verify (which takes one ref), rev-parse echoes what is not a revision (including
    // --end-of-options, so refs starting with "-" are left out above) and expands ranges: only one
    // full hash per ref, in order, is an answer.
    const lines = tryGit(repo, ['rev-parse', ...pending.map((ref) => `${ref}^{commit}`)])
      ?.toString()
      .split('\n')
      .filter(Boolean);
    if (lines?.length === pending.length && lines.every((line) => FULL_HASH.test(line))) {
      pending.forEach((ref, i) => {
        resolved.set(ref, lines[i]!);
        if (lines[i] === ref) knownCommits.add(`${repo}\0${ref}`);
      });
    }
  }
  return refs.map(({ ref, flag }) => resolved.get(ref) ?? resolveCommit(repo, ref, flag));
}

const FULL_HASH = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

// What git says about commits named by their hashes never changes: the change between two of them,
// the history behind one. Remembered per process (bounded), for commands run many times in one.
const byHashes = new Map<string, readonly string[]>();
const BY_HASHES_LIMIT = 256;

function rememberedByHashes(key: readonly string[], compute: () => string[]): string[] {
  if (!key.slice(1).every((part) => FULL_HASH.test(part))) return compute();
  const id = key.join('\0');
  const known = byHashes.get(id);
  if (known) return [...known];
  const value = compute();
  if (byHashes.size >= BY_HASHES_LIMIT) byHashes.clear();
  byHashes.set(id, value);
  return [...value];
}

/** Paths changed between two commits (or from `base` to the working tree when `head` is undefined). */
export function changedPaths(repo: string, base: string, head: string | undefined): string[] {
  if (head) {
    // From the two commits' listings, which discovery reads anyway: no `git diff` process.
    return rememberedByHashes([`${repo}\0diff`, base, head], () =>
      changedEntries(listTree(repo, base), listTree(repo, head)),
    );
  }
  const tracked = git(repo, ['diff', '--name-only', '-z', '--no-renames', base]).toString().split('\0').filter(Boolean);
  const untracked = git(repo, ['ls-files', '-z', '--others', '--exclude-standard'])
    .toString()
    .split('\0')
    .filter(Boolean);
  return [...new Set([...tracked, ...untracked])].toSorted();
}

/**
 * The paths whose entry differs between two tree listings (added, removed, or another object or
 * mode), as `git diff --name-only --no-renames` names them: files, symlinks and submodules, not
 * folders. Sorted by code unit.
 */
function changedEntries(base: ReadonlyMap<string, TreeEntry>, head: ReadonlyMap<string, TreeEntry>): string[] {
  const changed: string[] = [];
  for (const [path, entry] of head) {
    if (entry.type === 'tree') continue;
    const before = base.get(path);
    if (before === undefined || before.type === 'tree' || before.object !== entry.object || before.mode !== entry.mode)
      changed.push(path);
  }
  for (const [path, entry] of base) {
    if (entry.type === 'tree') continue;
    const after = head.get(path);
    if (after === undefined || after.type === 'tree') changed.push(path);
  }
  return changed.toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Files under `dir` at a commit (repository-relative). */
export function listFilesAt(repo: string, commit: string, dir = '.'): string[] {
  return git(repo, ['ls-tree', '-r', '-z', '--name-only', commit, '--', dir]).toString().split('\0').filter(Boolean);
}

/** Commits reachable from `from` that touched `path`, newest first. */
export function commitsTouching(repo: string, from: string, path: string): string[] {
  // rev-list, not log: plumbing output that user config (log.showSignature, …) cannot change.
  return rememberedByHashes([`${repo}\0rev-list\0${path}`, from], () =>
    git(repo, ['--literal-pathspecs', 'rev-list', from, '--', path]).toString().split('\n').filter(Boolean),
  );
}

/** The newest first-parent commit from `from` that changed `path` (a release on the mainline), or undefined. */
export function lastMainlineCommitTouching(repo: string, from: string, path: string): string | undefined {
  const out = git(repo, ['--literal-pathspecs', 'rev-list', '--first-parent', '--max-count=1', from, '--', path])
    .toString()
    .trim();
  return out === '' ? undefined : out;
}

/** The checked-out branch, or undefined on a detached HEAD. */
export function currentBranch(repo: string): string | undefined {
  return tryGit(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD'])?.toString().trim() || undefined;
}

/** Checks out a branch or commit (to go back to where a job started after committing on another branch). */
export function checkoutRef(repo: string, ref: string): void {
  git(repo, ['checkout', '--quiet', ref, '--']);
}

const MAX_SYMLINK_HOPS = 8;

/** One entry of a commit's tree. */
export interface TreeEntry {
  readonly mode: string;
  /** `blob`, `tree` or `commit` (a submodule). */
  readonly type: string;
  readonly object: string;
  /** Bytes of a blob; -1 for folders and submodules. */
  readonly size: number;
}

// A commit named by its hash never changes, so its tree listing is shared by every reader of it in
// this process (the change set, the package files, the policy and the history each make one).
const treeCache = new Map<string, Map<string, TreeEntry>>();
const TREE_CACHE_LIMIT = 32;

/** Every entry (files, links, folders) of a commit's tree, by repository path: one git call per commit. */
function listTree(repo: string, commit: string): Map<string, TreeEntry> {
  const byHash = FULL_HASH.test(commit);
  const key = `${repo}\0${commit}`;
  const cached = byHash ? treeCache.get(key) : undefined;
  if (cached) return cached;
  const tree = readTree(repo, commit);
  if (byHash) {
    if (treeCache.size >= TREE_CACHE_LIMIT) treeCache.delete(treeCache.keys().next().value!);
    treeCache.set(key, tree);
  }
  return tree;
}

function readTree(repo: string, commit: string): Map<string, TreeEntry> {
  const tree = new Map<string, TreeEntry>();
  for (const record of git(repo, ['ls-tree', '-r', '-t', '-l', '-z', '--full-tree', commit]).toString().split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    // `-l` pads the size column with spaces; folders and submodules have `-` there.
    const [mode = '', type = '', object = '', size = '-'] = record.slice(0, tab).split(/ +/);
    tree.set(record.slice(tab + 1), { mode, type, object, size: size === '-' ? -1 : Number(size) });
  }
  return tree;
}

/** Every entry of a commit's tree by repository path (shared, read once per commit): do not modify. */
export function treeEntries(repo: string, commit: string): ReadonlyMap<string, TreeEntry> {
  return listTree(repo, commit);
}

// Blobs are immutable (named by their hash), so base, head and history readers can share them.
const blobCache = new Map<string, Buffer>();
let blobCacheBytes = 0;
const BLOB_CACHE_LIMIT = 64 * 1024 * 1024;

function cacheBlob(repo: string, object: string, bytes: Buffer): void {
  if (blobCacheBytes + bytes.length > BLOB_CACHE_LIMIT) {
    blobCache.clear();
    blobCacheBytes = 0;
  }
  blobCache.set(`${repo}\0${object}`, bytes);
  blobCacheBytes += bytes.length;
}

function readBlob(repo: string, object: string): Buffer {
  const cached = blobCache.get(`${repo}\0${object}`);
  if (cached) return cached;
  const bytes = git(repo, ['cat-file', 'blob', object]);
  cacheBlob(repo, object, bytes);
  return bytes;
}

/**
 * Reads many objects in one `git cat-file --batch` call: object id → bytes (missing ids are absent).
 * Blobs are remembered, so later readers of them start no git process, and blobs already
 * remembered are not asked for again.
 *
 * @throws GitError when git fails or its output cannot be parsed.
 */
export function readBlobs(repo: string, ids: readonly string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const unique: string[] = [];
  for (const id of new Set(ids)) {
    const cached = blobCache.get(`${repo}\0${id}`);
    if (cached) out.set(id, cached);
    else unique.push(id);
  }
  if (unique.length === 0) return out;
  const data = git(repo, ['cat-file', '--batch'], { input: `${unique.join('\n')}\n` });
  let offset = 0;
  while (offset < data.length) {
    const end = data.indexOf(0x0a, offset);
    if (end < 0) throw new GitError('git cat-file --batch gave output that ends mid-header');
    const header = data.subarray(offset, end).toString();
    offset = end + 1;
    const [id = '', type = '', size = ''] = header.split(' ');
    if (type === 'missing') continue;
    const length = Number(size);
    if (!Number.isInteger(length)) throw new GitError(`git cat-file --batch gave an unexpected header: ${header}`);
    const bytes = data.subarray(offset, offset + length);
    out.set(id, bytes);
    if (type === 'blob') cacheBlob(repo, id, bytes);
    offset += length + 1;
  }
  return out;
}

/**
 * Reads the files at `paths` of `commit` into the blob cache in one git call, so the readers that
 * follow (the manifests and artifacts of a change set) do not start a git process per file.
 * Symlinks, folders and paths not in the tree are left to the reader.
 */
export function prefetchFiles(
  repo: string,
  wanted: readonly { readonly commit: string; readonly paths: Iterable<string> }[],
): void {
  const objects: string[] = [];
  for (const { commit, paths } of wanted) {
    const tree = listTree(repo, commit);
    for (const path of paths) {
      const entry = tree.get(posix.normalize(path).replace(/^(\.\/)+/, ''));
      if (entry?.type === 'blob' && entry.mode !== '120000' && !blobCache.has(`${repo}\0${entry.object}`))
        objects.push(entry.object);
    }
  }
  readBlobs(repo, objects);
}

/** A reader of files as they are in a commit; symlinks (to files or folders) are followed inside the tree only. */
export function readerAtCommit(repo: string, commit: string): ReadFile {
  let tree: Map<string, TreeEntry> | undefined;
  const cache = new Map<string, FileRead>();
  const blob = (object: string): Buffer => readBlob(repo, object);
  const follow = (link: string, target: string, rest: string, hops: number): FileRead => {
    if (hops >= MAX_SYMLINK_HOPS) return { kind: 'escapes', reason: 'is a symlink chain that is too long' };
    const next = posix.normalize(posix.join(posix.dirname(link), target, rest));
    if (posix.isAbsolute(target) || next === '..' || next.startsWith('../')) {
      return { kind: 'escapes', reason: `is a symlink pointing outside the repository (${target})` };
    }
    return read(next, hops + 1);
  };
  const read = (path: string, hops: number): FileRead => {
    tree ??= listTree(repo, commit);
    const clean = posix
      .normalize(path)
      .replace(/^(\.\/)+/, '')
      .replace(/\/+$/, '');
    const entry = tree.get(clean);
    if (!entry) {
      // Maybe a folder on the way is a symlink: git stores it as a link blob, not a tree.
      const segments = clean.split('/');
      for (let i = 1; i < segments.length; i++) {
        const prefix = segments.slice(0, i).join('/');
        const parent = tree.get(prefix);
        if (!parent) return { kind: 'missing' };
        if (parent.mode === '120000')
          return follow(prefix, blob(parent.object).toString(), segments.slice(i).join('/'), hops);
      }
      return { kind: 'missing' };
    }
    if (entry.type !== 'blob') return { kind: 'not-a-file' };
    const bytes = blob(entry.object);
    if (entry.mode !== '120000') return { kind: 'file', bytes };
    return follow(clean, bytes.toString(), '', hops);
  };
  return (path) => {
    let result = cache.get(path);
    if (!result) {
      result = read(path, 0);
      cache.set(path, result);
    }
    return result;
  };
}

/** A reader of files in the working tree under `root`; anything resolving outside `root` is refused. */
export function readerAtWorktree(root: string): ReadFile {
  const realRoot = realpathSync(root);
  return (path) => {
    const full = resolve(realRoot, path);
    let real: string;
    try {
      real = realpathSync(full);
    } catch {
      return { kind: 'missing' };
    }
    const rel = relative(realRoot, real);
    // `..notes.md` is a file in the root, not a way out; only a whole `..` segment leaves.
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      return { kind: 'escapes', reason: `resolves outside the repository (symlink to ${real})` };
    }
    if (!lstatSync(real).isFile()) return { kind: 'not-a-file' };
    return { kind: 'file', bytes: readFileSync(join(realRoot, rel)) };
  };
}

/** The bytes of `path` at `commit`, or undefined when it does not exist there. */
export function showFile(repo: string, commit: string, path: string): Uint8Array | undefined {
  const read = readerAtCommit(repo, commit)(path);
  return read.kind === 'file' ? read.bytes : undefined;
}

/** sha256 hex of files at commits, one tree listing per commit; undefined when absent. */
export function digestsAtCommits(repo: string): (commit: string, path: string) => string | undefined {
  const readers = new Map<string, ReturnType<typeof readerAtCommit>>();
  return (commit, path) => {
    let reader = readers.get(commit);
    if (!reader) {
      reader = readerAtCommit(repo, commit);
      readers.set(commit, reader);
    }
    try {
      const read = reader(path);
      return read.kind === 'file' ? sha256Hex(read.bytes) : undefined;
    } catch {
      // A commit this clone does not have holds nothing to compare.
      return undefined;
    }
  };
}
