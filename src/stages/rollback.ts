/**
 * Rollback end to end (the CLI's `rollback` and the Action's `mode: rollback`): read the live
 * pointer and the application's release history with verified records, choose the target, rehearse
 * it, and unless it is a dry run (or the rehearsal failed) rewrite the pointer, commit, push, and
 * record a signed rollback report on the pointer commit.
 */
import {
  commitPointer,
  hasLocalChanges,
  readPointerAtHead,
  readReleaseHistory,
  rehearseTarget,
} from '../git/pointer.ts';
import { InputError } from '../problem.ts';
import { attestStageReport } from '../report/stage.ts';
import type { AttestedStageReport, PreviousStage, StageReport } from '../report/stage.ts';
import type { TrustedKey } from '../report/verify-envelope.ts';
import { VERSION } from '../version.ts';
import { defaultPointerPath, diffLines, renderPointer } from '../delivery/pointer.ts';
import { chooseRollbackTarget } from '../delivery/rollback.ts';
import type { RollbackResult } from '../delivery/rollback.ts';
import { recordStageReport } from './run.ts';
import { hexOf, sha256Hex } from '../digest.ts';

/** Options of {@link runRollbackStage}. */
export interface RollbackRunOptions {
  readonly repo: string;
  readonly application: string;
  readonly to?: string;
  readonly dryRun: boolean;
  readonly pointerPath?: string;
  readonly trusted: readonly TrustedKey[];
  readonly revokedIds?: ReadonlySet<string>;
  /** Commit on a new branch (for a pull request) instead of the current one. */
  readonly branch?: string;
  /** Push the pointer commit (and the note) to this remote. */
  readonly push?: string;
  /**
   * The pushed branch may replace the remote one: it is kaizen-gate's own and no open pull request
   * uses it (a closed one left it behind).
   */
  readonly replaceBranch?: boolean;
  readonly record: boolean;
  readonly signingKey?: string;
  readonly unsignedReason?: string;
}

/** What a rollback did: the attested report and where things were written. */
export interface RollbackRun {
  readonly attested: AttestedStageReport;
  readonly result: RollbackResult;
  readonly noteMessage?: string;
}

/**
 * Rolls back (or rehearses rolling back) an application.
 *
 * @throws InputError when there are no trusted keys or the pointer file has local changes.
 * @throws GitError when committing or pushing fails.
 */
export function runRollbackStage(options: RollbackRunOptions): RollbackRun {
  const { repo, application } = options;
  const pointerPath = options.pointerPath ?? defaultPointerPath(application);
  if (options.trusted.length === 0)
    throw new InputError([
      {
        file: '--key',
        message:
          'rollback only trusts releases whose signed records verify; give trusted public keys (--key, --keys-dir, or .kaizen-gate/keys/)',
      },
    ]);
  const current = readPointerAtHead(repo, pointerPath);
  const history = readReleaseHistory(repo, application, options.trusted, options.revokedIds);
  const choice = chooseRollbackTarget(history.releases, current?.pointer, options.to, history.resolve);
  const from = current ? { package_id: current.pointer.package_id, commit: current.pointer.commit } : undefined;
  const liveRecords = history.stageRecords.filter((r) => r.report.package_id === current?.pointer.package_id);
  const liveStub = history.releases.findLast((r) => r.package_id === current?.pointer.package_id);
  const liveRelease = liveStub ? history.resolve(liveStub) : undefined;
  const previous: PreviousStage | null = liveRecords.at(-1)
    ? {
        stage: liveRecords.at(-1)!.report.stage,
        statement_sha256: liveRecords.at(-1)!.statement_sha256,
        commit: liveRecords.at(-1)!.commit,
      }
    : liveRelease?.statement_sha256
      ? { stage: 'offline', statement_sha256: liveRelease.statement_sha256, commit: liveRelease.commit }
      : null;
  const base = {
    schema: 'kaizen-gate/report/v1' as const,
    stage: 'rollback' as const,
    tool: { name: 'kaizen-gate' as const, version: VERSION },
    previous,
    application,
    package_id: choice.ok ? choice.target.package_id : (current?.pointer.package_id ?? application),
    ...(from ? { parent_package_id: from.package_id } : {}),
    inputs: {
      telemetry: [],
      policy: {
        pointer: pointerPath,
        dry_run: options.dryRun,
        ...(options.to !== undefined ? { to: options.to } : {}),
      },
    },
    packages: [] as const,
    unreferenced_changes: [] as const,
    signature: { status: 'unsigned' as const },
  };

  if (!choice.ok) {
    const result: RollbackResult = {
      application,
      pointer_path: pointerPath,
      ...(from ? { from } : {}),
      dry_run: options.dryRun,
      rehearsal: [],
      pointer_diff: [],
      skipped: choice.skipped,
      refused: choice.reason,
    };
    const report: StageReport = {
      ...base,
      subject: { manifests: [], evidence: [], artifacts: [] },
      decision: {
        outcome: 'refused',
        summary: choice.reason,
        reasons: choice.skipped.map((s) => `${s.package_id}: ${s.reason}`),
      },
      rollback: result,
    };
    return {
      attested: attestStageReport(report, options.signingKey, options.unsignedReason ?? 'no signing key given'),
      result,
    };
  }
  const target = choice.target;
  const rehearsal = rehearseTarget(repo, target);
  const after = renderPointer({
    application,
    package_id: target.package_id,
    manifest: target.manifest,
    commit: target.commit,
    manifest_sha256: target.manifest_sha256,
  });
  const diff = diffLines(current?.text ?? null, after);
  const to = {
    package_id: target.package_id,
    commit: target.commit,
    manifest: target.manifest,
    manifest_sha256: target.manifest_sha256,
  };
  const failed = rehearsal.filter((c) => !c.ok);
  const subject = {
    manifests: [
      {
        path: target.manifest,
        sha256: hexOf(target.manifest_sha256),
        role: 'candidate' as const,
        commit: target.commit,
      },
    ],
    evidence: [],
    artifacts: [],
  };
  const reasons = choice.skipped.map((s) => `skipped ${s.package_id}: ${s.reason}`);
  if (failed.length > 0 || options.dryRun) {
    const outcome = failed.length > 0 ? 'refused' : 'rehearsed';
    const summary =
      failed.length > 0
        ? `Refusing to roll back ${application} to ${target.package_id}: the rehearsal failed (${failed.map((c) => c.check).join(', ')}).`
        : `Rehearsed: ${application} would go from ${from?.package_id ?? '(no pointer yet)'} to ${target.package_id} (${target.commit.slice(0, 12)}); every check passed and nothing was written.`;
    const result: RollbackResult = {
      application,
      pointer_path: pointerPath,
      ...(from ? { from } : {}),
      to,
      dry_run: options.dryRun,
      rehearsal,
      pointer_diff: diff,
      skipped: choice.skipped,
      ...(failed.length > 0 ? { refused: summary } : {}),
    };
    const report: StageReport = {
      ...base,
      subject,
      decision: { outcome, summary, reasons: [...failed.map((c) => `${c.check}: ${c.detail}`), ...reasons] },
      rollback: result,
    };
    return {
      attested: attestStageReport(report, options.signingKey, options.unsignedReason ?? 'no signing key given'),
      result,
    };
  }
  if (hasLocalChanges(repo, pointerPath))
    throw new InputError([
      { file: pointerPath, message: 'has uncommitted changes; commit or discard them before rolling back' },
    ]);
  const committed = commitPointer(
    repo,
    pointerPath,
    after,
    `Roll back ${application} to ${target.package_id}\n\nFrom ${from?.package_id ?? '(none)'}; target release ${target.commit} (verified signed approval).`,
    {
      ...(options.branch ? { branch: options.branch } : {}),
      ...(options.push ? { push: options.push } : {}),
      ...(options.replaceBranch ? { replace: true } : {}),
    },
  );
  const summary = `Rolled back ${application} from ${from?.package_id ?? '(none)'} to ${target.package_id} (${target.commit.slice(0, 12)}) in pointer commit ${committed.commit.slice(0, 12)}${committed.pushed ? `, pushed to ${committed.pushed.remote} ${committed.pushed.ref}` : ''}.`;
  const result: RollbackResult = {
    application,
    pointer_path: pointerPath,
    ...(from ? { from } : {}),
    to,
    dry_run: false,
    rehearsal,
    pointer_diff: diff,
    skipped: choice.skipped,
    commit: committed.commit,
    ...(committed.pushed ? { pushed: committed.pushed } : {}),
  };
  const report: StageReport = {
    ...base,
    subject: { ...subject, commit: committed.commit, artifacts: [{ path: pointerPath, sha256: sha256Hex(after) }] },
    decision: { outcome: 'rolled_back', summary, reasons },
    rollback: result,
  };
  const attested = attestStageReport(report, options.signingKey, options.unsignedReason ?? 'no signing key given');
  const noteMessage = options.record
    ? recordStageReport(repo, committed.commit, attested, options.push !== undefined)
    : undefined;
  return { attested, result, ...(noteMessage ? { noteMessage } : {}) };
}
