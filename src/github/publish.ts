/**
 * Publishing a report on a pull request: one check run per package and the sticky comment. Every
 * failure is returned as a PublishProblem, never thrown, so the caller can report all of them and
 * the report files (written before any of this) are never lost.
 */
import { OUTCOMES } from '../outcome.ts';
import type { RunOutcome } from '../outcome.ts';
import { annotationsFor } from '../report/annotations.ts';
import type { LineRange } from '../report/annotations.ts';
import { renderMarkdown, renderMarkdownSections } from '../report/markdown.ts';
import type { PackageReport, Report } from '../report/model.ts';
import { postCheckRun } from './checks.ts';
import type { CheckLimits } from './checks.ts';
import { upsertStickyComment } from './comment.ts';
import { classifyGitHubError } from './errors.ts';
import type { TokenIdentity } from './identity.ts';
import type { Logger, Octokit } from './octokit.ts';

/** The sticky comment's marker: the comment the gate owns carries it. */
export const STICKY_MARKER = '<!-- kaizen-gate:sticky -->';

/** Where the report goes: the repository, the commit the checks attach to, the pull request. */
export interface PublishTarget {
  readonly owner: string;
  readonly repo: string;
  readonly headSha: string;
  readonly pullRequest?: number;
  /** The workflow run, linked from the check runs. */
  readonly runUrl?: string;
  /** Identifies this run's check runs, so a re-run updates them instead of adding more. */
  readonly runId: string;
}

/** How to publish: the check-run size limits, when to comment, and what to keep out of messages. */
export interface PublishSettings {
  readonly limits: CheckLimits;
  readonly comment: 'always' | 'on-change' | 'on-failure' | 'off';
  /** Where the report files are, for messages that point the reader there. */
  readonly outDir: string;
  /** Values never to echo (the token). */
  readonly secrets: readonly string[];
  /** The `change:` block of each candidate manifest, where gate annotations point. */
  readonly changeBlocks: ReadonlyMap<string, LineRange>;
}

/** A GitHub update that did not happen; `permission` marks a token without write access (fork PRs), an expected fallback. */
export interface PublishProblem {
  readonly message: string;
  readonly permission: boolean;
}

/** One report per package for its check run: the same report, narrowed to that package. */
function narrow(report: Report, pkg: PackageReport): Report {
  return { ...report, packages: [pkg], decision: { outcome: pkg.decision.outcome, summary: pkg.decision.summary } };
}

/** The check-run title: the decision word first, without repeating it when the summary already opens with it. */
export function titleOf(outcome: RunOutcome, summary: string): string {
  const word = OUTCOMES[outcome].title;
  const title = summary.toLowerCase().startsWith(word.toLowerCase()) ? summary : `${word}: ${summary}`;
  return [...title].slice(0, 255).join('');
}

/** Posts one check run per gated package (one named `kaizen-gate` when nothing was gated). */
export async function publishChecks(
  octokit: Octokit,
  report: Report,
  target: PublishTarget,
  settings: PublishSettings,
  identity: TokenIdentity,
  log: Logger,
): Promise<PublishProblem[]> {
  const runs =
    report.packages.length === 0
      ? [{ name: 'kaizen-gate', report }]
      : report.packages.map((pkg) => ({ name: `kaizen-gate / ${pkg.application}`, report: narrow(report, pkg) }));
  const problems: PublishProblem[] = [];
  for (const run of runs) {
    const outcome = run.report.decision.outcome;
    const conclusion = OUTCOMES[outcome].conclusion;
    try {
      const posted = await postCheckRun(
        octokit,
        {
          owner: target.owner,
          repo: target.repo,
          headSha: target.headSha,
          name: run.name,
          conclusion,
          title: titleOf(outcome, run.report.decision.summary),
          summary: renderMarkdownSections(run.report),
          text: renderMarkdown(run.report),
          annotations: annotationsFor(run.report, { changeBlocks: settings.changeBlocks }),
          ...(target.runUrl ? { detailsUrl: target.runUrl } : {}),
          externalId: `kaizen-gate:${target.runId}:${run.name}`,
          ...(identity.appSlug ? { appSlug: identity.appSlug } : {}),
        },
        settings.limits,
      );
      if (posted.lookupFailed)
        log.warn(`Could not list earlier check runs for "${run.name}" (${posted.lookupFailed}); created a new one.`);
      const omitted =
        posted.annotationsOmitted > 0
          ? `; ${posted.annotationsOmitted} annotations over the budget are only in the report`
          : '';
      log.info(`Check run "${run.name}": ${conclusion} (${posted.htmlUrl || `id ${posted.id}`}${omitted})`);
    } catch (error: unknown) {
      const failure = classifyGitHubError(error, settings.secrets);
      if (failure.kind === 'forbidden-integration') {
        problems.push({
          permission: true,
          message: `Could not create the check run "${run.name}": the token lacks \`checks: write\` (pull requests from forks get a read-only token). The verdict is in the job summary, the step result and ${settings.outDir}/; publish it with the workflow_run pattern of kaizen-gate's docs/action.md (Pull requests from forks). (${failure.message})`,
        });
        // Every other check run would be refused the same way.
        break;
      }
      problems.push({
        permission: false,
        message: `Could not publish the check run "${run.name}": ${failure.message}`,
      });
    }
  }
  return problems;
}

function changedBehaviour(report: Report): boolean {
  return report.packages.some((p) => p.diff.classes.some((c) => c !== 'no_behaviour_change'));
}

/**
 * Writes the sticky PR comment when the comment mode asks for it. When it does not, a comment an
 * earlier run left is still brought up to date, so a PR that went from reject to approve does not
 * keep showing REJECT.
 */
export async function publishComment(
  octokit: Octokit,
  report: Report,
  target: PublishTarget,
  settings: PublishSettings,
  identity: TokenIdentity,
  log: Logger,
): Promise<PublishProblem[]> {
  if (settings.comment === 'off' || target.pullRequest === undefined) return [];
  const outcome = report.decision.outcome;
  const wanted =
    settings.comment === 'always' ||
    (settings.comment === 'on-change' && changedBehaviour(report)) ||
    (settings.comment === 'on-failure' && outcome !== 'approve' && outcome !== 'nothing_to_gate');
  try {
    const result = await upsertStickyComment(
      octokit,
      {
        owner: target.owner,
        repo: target.repo,
        issueNumber: target.pullRequest,
        marker: STICKY_MARKER,
        author: identity.login,
        ...(/^[0-9a-f]{40,64}$/.test(target.headSha) ? { headSha: target.headSha } : {}),
        body: renderMarkdownSections(report),
      },
      { onlyIfPresent: !wanted },
    );
    if (result.action === 'superseded') {
      log.info(
        `PR comment left as it is: it reports on ${result.supersededBy ?? 'another head'}, and ${target.headSha} is no longer the pull request's head (${result.htmlUrl})`,
      );
    } else if (result.action !== 'absent') log.info(`PR comment ${result.action} (${result.htmlUrl})`);
    return [];
  } catch (error: unknown) {
    const failure = classifyGitHubError(error, settings.secrets);
    return [
      {
        permission: failure.kind === 'forbidden-integration',
        message: `Could not update the PR comment: ${failure.message}`,
      },
    ];
  }
}
