/**
 * Evidence stored in git by evaluation fingerprint: `refs/kaizen-gate/evidence/<hex>` points at a
 * commit whose tree holds the eval's output and a metadata.json (src/eval/stored.ts says what is in
 * it and how a stored copy is checked). A newer copy for the same fingerprint is committed on top
 * of the old one, so the ref's history keeps every copy. Pushed with the notes' retry rules: when a
 * concurrent writer got there first, fetch, put ours on top of theirs, push again.
 */
import { createHash } from 'node:crypto';
import { EVIDENCE_LIMITS, formatBytes } from '../evidence/evidence-file.ts';
import { evidenceRef, METADATA_FILE, metadataText } from '../eval/stored.ts';
import type { StoredMetadata } from '../eval/stored.ts';
import { GitError, git, readBlobs, tryGit } from './git.ts';
import { identityArgs, remoteExists, tryPush } from './notes.ts';

/** What {@link storeEvidence} needs. */
export interface StoreEvidenceOptions {
  readonly repo: string;
  readonly metadata: StoredMetadata;
  /** The evidence bytes; `metadata.evidence` describes them. */
  readonly bytes: Uint8Array;
  /** Push the ref to `remote` afterwards, retrying when a concurrent writer got there first. */
  readonly push: boolean;
  readonly remote?: string;
  /** Push attempts before giving up (each after a fetch), at least 1. */
  readonly maxAttempts?: number;
}

/** What {@link storeEvidence} did, with a sentence for the log. */
export interface StoreEvidenceOutcome {
  readonly ref: string;
  /** The commit the ref points at now. */
  readonly commit: string;
  readonly pushed: boolean;
  readonly attempts: number;
  readonly message: string;
}

/**
 * Stores evidence under its fingerprint's ref (on top of an earlier copy, if any) and, with
 * `push`, publishes the ref.
 *
 * @throws GitError when git fails, or the push is still rejected after `maxAttempts` attempts (the
 *   evidence then stays stored locally).
 */
export function storeEvidence(options: StoreEvidenceOptions): StoreEvidenceOutcome {
  const { repo, metadata, bytes, push } = options;
  const remote = options.remote ?? 'origin';
  const maxAttempts = options.maxAttempts ?? 5;
  const ref = evidenceRef(metadata.fingerprint);
  const tree = writeTree(repo, metadata, bytes);
  const identity = identityArgs(repo);
  if (push) fetchRef(repo, remote, ref);
  let commit = commitOnTop(repo, ref, tree, metadata, identity);
  const what = `stored the evidence of ${metadata.package_id} at ${metadata.commit.slice(0, 12)} as ${ref}`;
  if (!push) return { ref, commit, pushed: false, attempts: 0, message: what };
  for (let attempt = 1; ; attempt++) {
    const rejection = tryPush(repo, remote, ref);
    if (rejection === undefined) {
      const retried =
        attempt > 1 ? ` after ${attempt - 1} concurrent update${attempt > 2 ? 's' : ''} by another writer` : '';
      return { ref, commit, pushed: true, attempts: attempt, message: `${what} and pushed it to ${remote}${retried}` };
    }
    if (attempt >= maxAttempts) {
      throw new GitError(
        `Could not push ${ref} to ${remote}: it was rejected ${attempt} time${attempt === 1 ? '' : 's'} because ` +
          `other writers kept updating it (${rejection}). ` +
          `The evidence is stored locally; run \`git push ${remote} ${ref}\` to publish it.`,
      );
    }
    // Someone stored evidence for this fingerprint meanwhile: keep theirs in the history, ours on top.
    fetchRef(repo, remote, ref);
    commit = commitOnTop(repo, ref, tree, metadata, identity);
  }
}

/** The stored files of one fingerprint's ref as found, or absent. */
export interface StoredFiles {
  readonly ref: string;
  readonly commit: string;
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/**
 * Reads what the ref of a fingerprint holds: metadata.json and the files beside it, unchecked
 * (src/eval/stored.ts checks them). Undefined when nothing is stored for it.
 *
 * @throws GitError when a stored file is larger than a side's evidence may be, or git fails.
 */
export function readStoredFiles(repo: string, fingerprint: string): StoredFiles | undefined {
  const ref = evidenceRef(fingerprint);
  const commit = tryGit(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
    ?.toString()
    .trim();
  if (!commit) return undefined;
  const entries = git(repo, ['ls-tree', '-z', '-l', commit]).toString().split('\0').filter(Boolean);
  const blobs: { name: string; id: string }[] = [];
  for (const entry of entries) {
    const tab = entry.indexOf('\t');
    const [, type = '', id = '', size = ''] = entry.slice(0, tab).split(/\s+/);
    const name = entry.slice(tab + 1);
    if (type !== 'blob') continue;
    if (Number(size) > EVIDENCE_LIMITS.sideBytes) {
      throw new GitError(
        `${ref}:${name} is ${formatBytes(Number(size))}, more than a side's evidence may be ` +
          `(${formatBytes(EVIDENCE_LIMITS.sideBytes)}); delete the ref`,
      );
    }
    blobs.push({ name, id });
  }
  const read = readBlobs(
    repo,
    blobs.map((b) => b.id),
  );
  const files = new Map<string, Uint8Array>();
  for (const { name, id } of blobs) {
    const bytes = read.get(id);
    if (bytes !== undefined) files.set(name, bytes);
  }
  return { ref, commit, files };
}

/** How fetching a fingerprint's ref from the remote went. */
export type FetchOutcome =
  { readonly kind: 'fetched' | 'absent' | 'no-remote' } | { readonly kind: 'failed'; readonly reason: string };

/**
 * Fetches the ref of a fingerprint from `remote` into the same local ref (a checkout fetches no
 * kaizen-gate refs). A remote without it, or no such remote, is an outcome, not an error.
 */
export function fetchStoredRef(repo: string, fingerprint: string, remote: string): FetchOutcome {
  if (!remoteExists(repo, remote)) return { kind: 'no-remote' };
  try {
    return fetchRef(repo, remote, evidenceRef(fingerprint)) ? { kind: 'fetched' } : { kind: 'absent' };
  } catch (error: unknown) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Fetches `ref` from the remote into the same local ref; false when the remote has no such ref. */
function fetchRef(repo: string, remote: string, ref: string): boolean {
  try {
    git(repo, ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', remote, `+${ref}:${ref}`]);
    return true;
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    if (/couldn't find remote ref/i.test(message)) return false;
    throw new GitError(`Failed to fetch ${ref} from ${remote}: ${message}`);
  }
}

/** Writes the evidence and metadata blobs and the tree holding them; returns the tree id. */
function writeTree(repo: string, metadata: StoredMetadata, bytes: Uint8Array): string {
  const blob = (content: string | Uint8Array): string =>
    git(repo, ['hash-object', '-w', '--stdin'], { input: content }).toString().trim();
  const rows = [
    [METADATA_FILE, blob(metadataText(metadata))],
    [metadata.evidence.file, blob(bytes)],
  ].toSorted(([a], [b]) => (a! < b! ? -1 : 1));
  return git(repo, ['mktree'], { input: rows.map(([name, id]) => `100644 blob ${id}\t${name}\n`).join('') })
    .toString()
    .trim();
}

/** Commits `tree` on top of the ref's current commit (if any) and moves the ref there. */
function commitOnTop(
  repo: string,
  ref: string,
  tree: string,
  metadata: StoredMetadata,
  identity: readonly string[],
): string {
  const previous = tryGit(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
    ?.toString()
    .trim();
  const message =
    `kaizen-gate evidence ${metadata.fingerprint}\n\n${metadata.package_id} at ${metadata.commit}, ` +
    `produced ${metadata.produced_at} by: ${metadata.command}\n`;
  const commit = git(repo, [...identity, 'commit-tree', tree, ...(previous ? ['-p', previous] : []), '-F', '-'], {
    input: message,
  })
    .toString()
    .trim();
  git(repo, ['update-ref', ref, commit, previous ?? '']);
  return commit;
}

const STORED_NAME = /^refs\/kaizen-gate\/evidence\/[0-9a-f]{64}:[\w.-]+$/;

/**
 * The sha256 hex of a stored evidence file named as reports name it
 * (`refs/kaizen-gate/evidence/<hex>:<file>`), for verifying a signed report; undefined for any
 * other name, or when the ref is not in this clone (fetch refs/kaizen-gate/evidence/* first).
 */
export function storedEvidenceDigest(repo: string, name: string): string | undefined {
  if (!STORED_NAME.test(name)) return undefined;
  const bytes = tryGit(repo, ['cat-file', 'blob', name]);
  return bytes === undefined ? undefined : createHash('sha256').update(bytes).digest('hex');
}
