/**
 * A rollback proposed as a pull request, for `mode: rollback` and for a canary that decided to roll
 * back: the rollback stage commits the pointer on its own branch, pushes it with the signed record,
 * and the pull request is opened from it. One branch per live release, so a second run for the same
 * release finds the open pull request and opens no other.
 */
import { defaultPointerPath } from '../delivery/pointer.ts';
import { rollbackPullRequestBody } from '../delivery/rollback.ts';
import { classifyGitHubError } from '../github/errors.ts';
import type { Octokit } from '../github/octokit.ts';
import { findOpenPullRequest, openPullRequest } from '../github/stage-publish.ts';
import type { PullRequestRef } from '../github/stage-publish.ts';
import { checkoutRef, currentBranch, resolveCommit } from '../git/git.ts';
import { readPointerAtHead } from '../git/pointer.ts';
import type { Keyring } from '../io/keyring-files.ts';
import type { AttestedStageReport } from '../report/stage.ts';
import { runRollbackStage } from '../stages/rollback.ts';

/** The client and the repository pull requests go to; `secrets` are kept out of messages. */
export interface GitHubTarget {
  readonly octokit: Octokit;
  readonly owner: string;
  readonly repo: string;
  readonly secrets: readonly string[];
}

/** What the rollback needs: the application, where to go, and how to reach GitHub. */
export interface RollbackProposal {
  readonly workspace: string;
  readonly application: string;
  readonly target?: string;
  readonly dryRun: boolean;
  readonly pointer?: string;
  readonly keyring: Keyring;
  readonly signingKey?: string;
  /** Only roll back while the pointer names this package (a canary rolls back its own release, nothing older). */
  readonly expectLive?: string;
  /** Absent without a token: then nothing is committed, since no pull request could be opened. */
  readonly github?: GitHubTarget;
  /** The branch the pull request goes into when the checkout is a detached HEAD (GITHUB_REF_NAME). */
  readonly fallbackBase?: string;
}

/** How it ended: `failed` when the step must fail; the message is true of what happened. */
export interface RollbackOutcome {
  readonly failed: boolean;
  readonly message: string;
  readonly attested?: AttestedStageReport;
  readonly pull?: PullRequestRef;
  /** What recording the signed rollback report on the pointer commit did. */
  readonly noteMessage?: string;
}

/** A package id or application name as one ref-safe path component. */
function refSafe(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/\.\.+/g, '.')
      .replace(/^[.-]+|[.-]+$/g, '')
      .replace(/\.lock$/, '-lock') || 'x'
  );
}

/** The rollback branch of a live release: `kaizen-gate/rollback/APPLICATION/PACKAGE_ID`, each part made ref-safe. */
export function rollbackBranchOf(application: string, livePackage: string | undefined): string {
  return `kaizen-gate/rollback/${refSafe(application)}/${refSafe(livePackage ?? 'no-pointer')}`;
}

/**
 * Rolls back through a pull request (or rehearses, with `dryRun`). Input problems the stage finds
 * (a malformed pointer, uncommitted changes to it) are thrown as InputError; everything else is an outcome.
 */
export async function proposeRollback(proposal: RollbackProposal): Promise<RollbackOutcome> {
  const { workspace, application, github } = proposal;
  const pointerPath = proposal.pointer ?? defaultPointerPath(application);
  if (proposal.keyring.trusted.length === 0) {
    return {
      failed: true,
      message: `No rollback: no trusted public keys (input public-keys), and a rollback only goes to a release whose signed record verifies.`,
    };
  }
  const live = readPointerAtHead(workspace, pointerPath)?.pointer;
  if (proposal.expectLive !== undefined && live?.package_id !== proposal.expectLive) {
    const names =
      live === undefined
        ? `${pointerPath} does not exist at HEAD`
        : `${pointerPath} names ${live.package_id}, not ${proposal.expectLive}`;
    return {
      failed: true,
      message: `No rollback pull request: ${names}, so there is no live release of ${proposal.expectLive} to roll back.`,
    };
  }
  const branch = rollbackBranchOf(application, live?.package_id);
  const options = {
    repo: workspace,
    application,
    pointerPath,
    trusted: proposal.keyring.trusted,
    revokedIds: proposal.keyring.revoked,
    ...(proposal.target !== undefined ? { to: proposal.target } : {}),
    ...(proposal.signingKey !== undefined ? { signingKey: proposal.signingKey } : {}),
    unsignedReason: 'no signing-key input',
  };
  // Rehearse first: a refused target or a failed rehearsal is reported before GitHub is asked
  // anything or a commit is made, and a dry run ends here.
  const rehearsal = runRollbackStage({ ...options, dryRun: true, record: false });
  const rehearsed = rehearsal.attested.report.decision;
  if (proposal.dryRun || rehearsed.outcome !== 'rehearsed') {
    return { failed: rehearsed.outcome === 'refused', message: rehearsed.summary, attested: rehearsal.attested };
  }
  if (github === undefined) {
    return {
      failed: true,
      attested: rehearsal.attested,
      message: `${rehearsed.summary} No pull request: without a github-token it could not be opened, so nothing was committed or pushed.`,
    };
  }
  const started = currentBranch(workspace);
  const base = started ?? proposal.fallbackBase;
  if (base === undefined) {
    return {
      failed: true,
      attested: rehearsal.attested,
      message: `${rehearsed.summary} No pull request: the checkout is a detached HEAD and GITHUB_REF_NAME names no branch to open it against.`,
    };
  }
  try {
    const open = await findOpenPullRequest(github.octokit, { owner: github.owner, repo: github.repo, branch });
    if (open !== undefined) {
      return {
        failed: false,
        pull: open,
        message: `A rollback pull request for ${live?.package_id ?? application} is already open (#${open.number}, ${open.htmlUrl}); not opening another.`,
      };
    }
  } catch (error: unknown) {
    return {
      failed: true,
      message: `No rollback pull request: could not look for an open one from ${branch} (${classifyGitHubError(error, github.secrets).message}); nothing was committed or pushed.`,
    };
  }
  const head = started ?? resolveCommit(workspace, 'HEAD', 'HEAD');
  let run;
  try {
    // No open pull request uses the branch (looked up above): one a closed pull request left
    // behind holds an older proposal, and is replaced rather than refusing the push.
    run = runRollbackStage({ ...options, dryRun: false, record: true, branch, push: 'origin', replaceBranch: true });
  } finally {
    // The job's later steps expect the checkout they started with, not the rollback branch.
    if (currentBranch(workspace) !== started) checkoutRef(workspace, head);
  }
  const report = run.attested.report;
  // The rehearsal passed a moment ago; only a change between the two runs could end here.
  if (report.decision.outcome !== 'rolled_back')
    return { failed: true, message: report.decision.summary, attested: run.attested };
  const ref = run.result.pushed?.ref ?? branch;
  const to = run.result.to!;
  const from = run.result.from?.package_id ?? '(no pointer yet)';
  const why =
    proposal.target !== undefined
      ? 'as asked; its signed approval verifies'
      : 'the newest earlier release with a verified signed approval that was not rolled back';
  const body = `Merging this pull request points ${application} back from ${from} to ${to.package_id} (${to.commit.slice(0, 12)}), ${why}.`;
  const proposed = `Rollback of ${application} from ${from} to ${to.package_id} proposed: pointer commit ${run.result.commit?.slice(0, 12) ?? ''} pushed to ${ref}`;
  try {
    const pull = await openPullRequest(github.octokit, {
      owner: github.owner,
      repo: github.repo,
      head: ref,
      base,
      title: `Roll back ${application} to ${to.package_id}`,
      body: rollbackPullRequestBody(run.result, body),
    });
    return {
      failed: false,
      pull,
      attested: run.attested,
      ...(run.noteMessage ? { noteMessage: run.noteMessage } : {}),
      message: `${proposed}; pull request #${pull.number} opened (${pull.htmlUrl}). Merging it rolls back.`,
    };
  } catch (error: unknown) {
    const failure = classifyGitHubError(error, github.secrets).message;
    return {
      failed: true,
      attested: run.attested,
      ...(run.noteMessage ? { noteMessage: run.noteMessage } : {}),
      message: `${proposed}, but the pull request into ${base} could not be opened (${failure}); open it by hand.`,
    };
  }
}
