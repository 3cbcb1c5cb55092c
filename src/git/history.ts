/**
 * The release history of manifests, read off the mainline: every commit on the first-parent chain
 * of a revision that adds or changes a YAML file, with the file's old and new bytes. The audit log
 * (src/audit/log.ts) turns this into Kaizen entries; this module only reads git.
 */
import { InputError } from '../problem.ts';
import { git, readBlobs, resolveCommit, tryGit } from './git.ts';

/** One changed YAML file in one mainline commit, oldest commit first. */
export interface FileVersion {
  readonly commit: string;
  /** Committer date, ISO 8601 as git prints it (`%cI`). */
  readonly committedAt: string;
  /** Position of the commit on the first-parent chain, 0 for the oldest commit shown. */
  readonly sequence: number;
  readonly path: string;
  /** The path before a rename in this commit, when git detected one. */
  readonly renamedFrom?: string;
  /** Bytes after the commit; undefined when the file was deleted. */
  readonly bytes?: Uint8Array;
  /** Bytes at the commit's first parent; undefined when the file was added. */
  readonly previous?: Uint8Array;
}

const NULL_OID = /^0+$/;

/**
 * Changes to YAML files on the first-parent history of `rev`, oldest first; within a commit, by path.
 * Merge commits count as one change against their first parent — the mainline view, in which a
 * merged pull request is one release. Renames are detected (`-M`) so that a file's history can be
 * followed across them.
 *
 * @throws InputError when `rev` names no commit or the clone is shallow; GitError when git fails.
 */
export function readYamlHistory(repo: string, rev = 'HEAD'): FileVersion[] {
  if (tryGit(repo, ['rev-parse', '--is-shallow-repository'])?.toString().trim() === 'true') {
    // Releases before the cut would be missing and every KZ id after them would shift.
    throw new InputError([
      {
        file: repo,
        message:
          'the clone is shallow, so the release history would be incomplete and the KZ ids wrong; fetch the full history (actions/checkout with `fetch-depth: 0`, or `git fetch --unshallow`)',
      },
    ]);
  }
  const head = resolveCommit(repo, rev, '--rev');
  const out = git(repo, [
    '-c',
    'core.quotePath=false',
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--root',
    '-M',
    '--raw',
    '--no-abbrev',
    '-z',
    '--format=%x1e%H%x1f%cI',
    head,
    '--',
    ':(icase)*.yaml',
    ':(icase)*.yml',
  ]).toString('utf8');

  interface RawChange {
    commit: string;
    committedAt: string;
    status: string;
    oldOid: string;
    newOid: string;
    path: string;
    renamedFrom?: string;
  }
  const commits: RawChange[][] = [];
  for (const chunk of out.split('\x1e')) {
    if (chunk === '') continue;
    const tokens = chunk.split('\0');
    const [commit = '', committedAt = ''] = (tokens[0] ?? '').split('\x1f');
    const changes: RawChange[] = [];
    for (let i = 1; i < tokens.length; i++) {
      const meta = (tokens[i] ?? '').replace(/^\n/, '');
      if (!meta.startsWith(':')) continue;
      const [, , oldOid = '', newOid = '', status = ''] = meta.slice(1).split(' ');
      if (status.startsWith('R') || status.startsWith('C')) {
        changes.push({
          commit,
          committedAt,
          status,
          oldOid,
          newOid,
          path: tokens[i + 2] ?? '',
          renamedFrom: tokens[i + 1] ?? '',
        });
        i += 2;
      } else {
        changes.push({ commit, committedAt, status, oldOid, newOid, path: tokens[i + 1] ?? '' });
        i += 1;
      }
    }
    commits.push(changes.toSorted((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  }
  commits.reverse();

  const oids = commits
    .flat()
    .flatMap((c) => [c.oldOid, c.newOid])
    .filter((oid) => !NULL_OID.test(oid));
  const blobs = readBlobs(repo, oids);
  const versions: FileVersion[] = [];
  commits.forEach((changes, sequence) => {
    for (const change of changes) {
      const bytes = NULL_OID.test(change.newOid) ? undefined : blobs.get(change.newOid);
      const previous = NULL_OID.test(change.oldOid) ? undefined : blobs.get(change.oldOid);
      versions.push({
        commit: change.commit,
        committedAt: change.committedAt,
        sequence,
        path: change.path,
        ...(change.renamedFrom !== undefined && change.status.startsWith('R')
          ? { renamedFrom: change.renamedFrom }
          : {}),
        ...(bytes !== undefined ? { bytes: new Uint8Array(bytes) } : {}),
        ...(previous !== undefined ? { previous: new Uint8Array(previous) } : {}),
      });
    }
  });
  return versions;
}
