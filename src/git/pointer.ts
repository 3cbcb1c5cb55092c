/**
 * Rollback's git edge: the releases of an application on the mainline with what their verified
 * records say, the pointer file at HEAD, the rehearsal's reads at the target commit, and the pointer
 * commit (and push). Verification is the audit's (verifyRecord against trusted keys); this module
 * only reads and writes git.
 */
import { digestOf } from '../digest.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readStageReport, statementDigestOfEnvelope } from '../report/stage.ts';
import type { StageReport } from '../report/stage.ts';
import { verifyRecord } from '../audit/verify-record.ts';
import type { RecordResult } from '../audit/verify-record.ts';
import { classifyYaml } from '../manifest/discover.ts';
import { loadManifest } from '../manifest/manifest.ts';
import type { TrustedKey } from '../report/verify-envelope.ts';
import type { ApprovalStatus, RehearsalCheck, Release } from '../delivery/rollback.ts';
import { parsePointer } from '../delivery/pointer.ts';
import type { Pointer } from '../delivery/pointer.ts';
import { digestsAtCommits, GitError, git, readerAtCommit, tryGit } from './git.ts';
import { readYamlHistory } from './history.ts';
import { readAllNotes } from './notes.ts';
import type { NoteLine } from './notes.ts';

/** A verified stage record found in the notes. */
export interface StageRecord {
  readonly commit: string;
  readonly report: StageReport;
  readonly statement_sha256: string;
}

/** Everything the notes say about one application: its releases and its verified stage records. */
export interface ReleaseHistory {
  /** Releases oldest first; `approval` is `unrecorded` until {@link ReleaseHistory.resolve} verifies it. */
  readonly releases: Release[];
  readonly stageRecords: StageRecord[];
  /** The release with what its verified records say (cached). */
  readonly resolve: (release: Release) => Release;
}

const OUTCOME_STATUS: Readonly<Record<string, ApprovalStatus>> = {
  approve: 'approved',
  reject: 'rejected',
  hold: 'held',
  needs_approval: 'needs_approval',
};

function digestOfPayload(text: string): string | undefined {
  try {
    const payload = (JSON.parse(text) as { payload?: unknown }).payload;
    return typeof payload === 'string' ? statementDigestOfEnvelope({ payload }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the application's releases (oldest first) and the verified stage records of its packages;
 * releases' own records are verified on demand (`resolve`). A release's approval comes from the best record on
 * its commit for its package: verified beats
 * unsigned beats invalid; among verified ones the most severe decision counts.
 */
export function readReleaseHistory(
  repo: string,
  application: string,
  trusted: readonly TrustedKey[],
  revokedIds?: ReadonlySet<string>,
): ReleaseHistory {
  const notes = readAllNotes(repo);
  const digestAt = digestsAtCommits(repo);
  const verify = (commit: string, line: NoteLine): RecordResult =>
    verifyRecord(line.text, { trusted, ...(revokedIds ? { revokedIds } : {}), commit, digestAt });
  const releases: Release[] = [];
  for (const change of readYamlHistory(repo)) {
    if (change.bytes === undefined || classifyYaml(change.bytes, change.path).kind !== 'package') continue;
    if (change.previous !== undefined && Buffer.from(change.previous).equals(Buffer.from(change.bytes))) continue;
    const manifest = loadManifest(change.bytes, change.path).manifest;
    if (manifest === undefined || manifest.application !== application) continue;
    releases.push({
      commit: change.commit,
      committed_at: change.committedAt,
      manifest: change.path,
      package_id: manifest.package_id,
      manifest_sha256: digestOf(change.bytes),
      approval: 'unrecorded',
      approval_detail: 'not verified yet',
    });
  }
  const stageRecords: StageRecord[] = [];
  for (const [commit, lines] of notes) {
    for (const line of lines) {
      const value = line.value as { payload?: unknown } | undefined;
      if (value === undefined || typeof value.payload !== 'string') continue;
      const decoded = decodePredicate(value.payload);
      if (decoded === undefined || typeof readStageReport(decoded) === 'string') continue;
      const report = decoded as StageReport;
      if (report.application !== application) continue;
      const result = verify(commit, line);
      if (result.kind !== 'verified') continue;
      stageRecords.push({ commit, report, statement_sha256: digestOfPayload(line.text) ?? '' });
    }
  }
  const rolledBack = new Map<string, string>();
  for (const record of stageRecords) {
    const r = record.report;
    if (r.stage === 'canary' && r.decision.outcome === 'rollback')
      rolledBack.set(r.package_id, `canary report on ${record.commit.slice(0, 12)}: ${r.decision.summary}`);
    if (r.stage === 'rollback' && r.decision.outcome === 'rolled_back' && r.rollback?.from)
      rolledBack.set(
        r.rollback.from.package_id,
        `rollback on ${record.commit.slice(0, 12)} to ${r.rollback.to?.package_id ?? 'an earlier package'}`,
      );
  }
  const resolved = new Map<Release, Release>();
  const resolve = (release: Release): Release => {
    let done = resolved.get(release);
    if (done === undefined) {
      const results = (notes.get(release.commit) ?? []).map((line) => ({ line, result: verify(release.commit, line) }));
      done = { ...release, ...approvalOf(results, release.package_id) };
      resolved.set(release, done);
    }
    return done;
  };
  return {
    releases: releases.map((r) =>
      rolledBack.has(r.package_id) ? { ...r, rolled_back: rolledBack.get(r.package_id)! } : r,
    ),
    stageRecords,
    resolve,
  };
}

function decodePredicate(payload: string): unknown {
  try {
    return (JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { predicate?: unknown }).predicate;
  } catch {
    return undefined;
  }
}

function approvalOf(
  results: readonly { line: NoteLine; result: RecordResult }[],
  packageId: string,
): Pick<Release, 'approval' | 'approval_detail' | 'statement_sha256'> {
  const mine = results.filter(
    ({ result }) => result.kind === 'invalid' || result.report.packages.some((p) => p.package_id === packageId),
  );
  const verified = mine.filter((m) => m.result.kind === 'verified');
  if (verified.length > 0) {
    const ranked = verified
      .map((m) => {
        const pkg =
          m.result.kind === 'verified' ? m.result.report.packages.find((p) => p.package_id === packageId) : undefined;
        return { m, status: OUTCOME_STATUS[pkg?.decision.outcome ?? ''] ?? ('invalid' as ApprovalStatus) };
      })
      .toSorted((a, b) => severity(a.status) - severity(b.status));
    const best = ranked[0]!;
    const keyid = best.m.result.kind === 'verified' ? best.m.result.keyid : '';
    return {
      approval: best.status,
      approval_detail: `signed by ${keyid}`,
      ...(digestOfPayload(best.m.line.text) ? { statement_sha256: digestOfPayload(best.m.line.text)! } : {}),
    };
  }
  const unsigned = mine.find((m) => m.result.kind === 'unsigned');
  if (unsigned && unsigned.result.kind === 'unsigned')
    return { approval: 'unsigned', approval_detail: unsigned.result.reason };
  const invalid = mine.find((m) => m.result.kind === 'invalid');
  if (invalid && invalid.result.kind === 'invalid')
    return { approval: 'invalid', approval_detail: invalid.result.reason };
  return { approval: 'unrecorded', approval_detail: 'no record' };
}

function severity(status: ApprovalStatus): number {
  return ['rejected', 'held', 'needs_approval', 'approved'].indexOf(status) + 0;
}

/** The pointer file at HEAD, or undefined when it does not exist yet. @throws InputError when it is malformed. */
export function readPointerAtHead(repo: string, path: string): { pointer: Pointer; text: string } | undefined {
  const read = readerAtCommit(repo, 'HEAD')(path);
  if (read.kind !== 'file') return undefined;
  const text = Buffer.from(read.bytes).toString('utf8');
  return { pointer: parsePointer(text, path), text };
}

/** The rehearsal's checks for a target: today's schema, and every artifact at its digest, at the target commit. */
export function rehearseTarget(repo: string, target: Release): RehearsalCheck[] {
  const reader = readerAtCommit(repo, target.commit);
  const read = reader(target.manifest);
  if (read.kind !== 'file')
    return [
      {
        check: 'manifest exists',
        ok: false,
        detail: `${target.manifest} is not in commit ${target.commit.slice(0, 12)}`,
      },
    ];
  const schemaOnly = loadManifest(read.bytes, target.manifest);
  const full = loadManifest(read.bytes, target.manifest, { readFile: reader });
  const schemaProblems = schemaOnly.problems;
  const artifactProblems = full.problems.filter(
    (p) => !schemaProblems.some((s) => s.field === p.field && s.message === p.message),
  );
  const digestOk = digestOf(read.bytes) === target.manifest_sha256;
  return [
    {
      check: 'manifest at its digest',
      ok: digestOk,
      detail: digestOk
        ? `${target.manifest} at ${target.commit.slice(0, 12)} is ${target.manifest_sha256.slice(0, 19)}…`
        : `${target.manifest} changed since the release was recorded`,
    },
    {
      check: "valid under today's schema",
      ok: schemaProblems.length === 0,
      detail:
        schemaProblems.length === 0
          ? 'the manifest validates against the schema this kaizen-gate ships'
          : describe(schemaProblems),
    },
    {
      check: 'every artifact at its digest',
      ok: schemaProblems.length === 0 && artifactProblems.length === 0,
      detail:
        schemaProblems.length > 0
          ? 'not checked: the manifest does not validate'
          : artifactProblems.length === 0
            ? `${full.artifacts.length} artifact${full.artifacts.length === 1 ? '' : 's'} exist at their recorded sha256`
            : describe(artifactProblems),
    },
  ];
}

function describe(list: readonly { field?: string; message: string }[]): string {
  return (
    list
      .slice(0, 5)
      .map((p) => `${p.field ?? ''}: ${p.message}`)
      .join('; ') + (list.length > 5 ? `; and ${list.length - 5} more` : '')
  );
}

/** Whether the working tree has changes to `path` (a rollback commit must not sweep them in). */
export function hasLocalChanges(repo: string, path: string): boolean {
  return git(repo, ['status', '--porcelain', '--', path]).toString().trim() !== '';
}

/**
 * Writes the new pointer and commits it on the current branch (or a new branch) and optionally pushes it;
 * `replace` pushes over whatever the remote branch holds (a branch only kaizen-gate writes).
 *
 * @throws GitError when git fails (nothing to commit, no remote, rejected push).
 */
export function commitPointer(
  repo: string,
  path: string,
  text: string,
  message: string,
  options: { branch?: string; push?: string; replace?: boolean },
): { commit: string; pushed?: { remote: string; ref: string } } {
  if (options.branch !== undefined) git(repo, ['checkout', '--quiet', options.replace ? '-B' : '-b', options.branch]);
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
  git(repo, ['add', '--', path]);
  const identity =
    tryGit(repo, ['config', '--get', 'user.email']) === undefined && !process.env['GIT_COMMITTER_EMAIL']
      ? ['-c', 'user.name=kaizen-gate', '-c', 'user.email=kaizen-gate@noreply.invalid']
      : [];
  git(repo, [...identity, 'commit', '--quiet', '--no-verify', '-m', message, '--', path]);
  const commit = git(repo, ['rev-parse', 'HEAD']).toString().trim();
  if (options.push === undefined) return { commit };
  const ref = git(repo, ['symbolic-ref', '--short', 'HEAD']).toString().trim();
  try {
    git(repo, ['push', '--quiet', ...(options.replace ? ['--force'] : []), options.push, `HEAD:refs/heads/${ref}`]);
  } catch (error: unknown) {
    throw new GitError(
      `The pointer commit ${commit.slice(0, 12)} was made but not pushed to ${options.push}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { commit, pushed: { remote: options.push, ref } };
}
