/**
 * Publishing the later stages: the check run of a canary (or rollback) report on its commit, and
 * the rollback pull request. The check run's failures come back as PublishProblems like the gate's;
 * the pull-request calls throw, classified by the caller, since a rollback that was decided but not
 * proposed must fail the step.
 */
import { STAGE_OUTCOMES } from '../outcome.ts';
import { renderStageMarkdown } from '../report/stage-render.ts';
import { stageConclusion } from '../report/stage.ts';
import type { StageReport } from '../report/stage.ts';
import { postCheckRun } from './checks.ts';
import type { CheckLimits } from './checks.ts';
import { classifyGitHubError } from './errors.ts';
import type { TokenIdentity } from './identity.ts';
import { truncateMarkdown } from './limits.ts';
import type { Logger, Octokit } from './octokit.ts';
import type { PublishProblem } from './publish.ts';

/** GitHub's limit of a pull request's body, in characters (kept in UTF-8 bytes, which are never fewer). */
export const PULL_BODY_LIMIT = 65_536;

/** Where a stage's check run goes: the repository, the commit it is about, the workflow run. */
export interface StageCheckTarget {
  readonly owner: string;
  readonly repo: string;
  /** The release commit (a canary) or the pointer commit (a rollback). */
  readonly headSha: string;
  readonly runId: string;
  readonly runUrl?: string;
}

/** The check run's name: one per stage and application, so each application's canary has its own line. */
export function stageCheckName(report: Pick<StageReport, 'stage' | 'application'>): string {
  return `kaizen-gate ${report.stage} / ${report.application}`;
}

/** The check-run title: the summary, led by the outcome's word unless it already opens with it. */
export function stageTitleOf(report: Pick<StageReport, 'decision'>): string {
  const word = STAGE_OUTCOMES[report.decision.outcome].title;
  const summary = report.decision.summary;
  const title = summary.toLowerCase().startsWith(word.toLowerCase()) ? summary : `${word}: ${summary}`;
  return [...title].slice(0, 255).join('');
}

/** Posts the stage report as a completed check run on `target.headSha`; a failure is returned, not thrown. */
export async function publishStageCheck(
  octokit: Octokit,
  report: StageReport,
  target: StageCheckTarget,
  settings: { readonly limits: CheckLimits; readonly secrets: readonly string[]; readonly outDir: string },
  identity: TokenIdentity,
  log: Logger,
): Promise<PublishProblem[]> {
  const name = stageCheckName(report);
  const { conclusion } = stageConclusion(report);
  try {
    const posted = await postCheckRun(
      octokit,
      {
        owner: target.owner,
        repo: target.repo,
        headSha: target.headSha,
        name,
        conclusion,
        title: stageTitleOf(report),
        summary: renderStageMarkdown(report),
        annotations: [],
        ...(target.runUrl ? { detailsUrl: target.runUrl } : {}),
        // Per workflow run: a re-run attempt updates its run; the next hourly look adds a new one,
        // which GitHub shows as the commit's current check.
        externalId: `kaizen-gate:${target.runId}:${name}`,
        ...(identity.appSlug ? { appSlug: identity.appSlug } : {}),
      },
      settings.limits,
    );
    if (posted.lookupFailed)
      log.warn(`Could not list earlier check runs for "${name}" (${posted.lookupFailed}); created a new one.`);
    log.info(
      `Check run "${name}" on ${target.headSha.slice(0, 12)}: ${conclusion} (${posted.htmlUrl || `id ${posted.id}`})`,
    );
    return [];
  } catch (error: unknown) {
    const failure = classifyGitHubError(error, settings.secrets);
    if (failure.kind === 'forbidden-integration') {
      return [
        {
          permission: true,
          message: `Could not create the check run "${name}": the token lacks \`checks: write\`. The decision is in the job summary, the step result and ${settings.outDir}/. (${failure.message})`,
        },
      ];
    }
    return [{ permission: false, message: `Could not publish the check run "${name}": ${failure.message}` }];
  }
}

/** A pull request, as the rollback path needs it. */
export interface PullRequestRef {
  readonly number: number;
  readonly htmlUrl: string;
}

/**
 * The open pull request from `branch` of this repository, if any (the oldest, should there be more).
 *
 * @throws the octokit RequestError of a failed call; classify it with `classifyGitHubError`.
 */
export async function findOpenPullRequest(
  octokit: Octokit,
  where: { owner: string; repo: string; branch: string },
): Promise<PullRequestRef | undefined> {
  const pulls = await octokit.paginate(octokit.rest.pulls.list, {
    owner: where.owner,
    repo: where.repo,
    state: 'open',
    head: `${where.owner}:${where.branch}`,
    per_page: 100,
  });
  const pull = pulls.filter((p) => p.head.ref === where.branch).toSorted((a, b) => a.number - b.number)[0];
  return pull === undefined ? undefined : { number: pull.number, htmlUrl: pull.html_url };
}

/**
 * Opens a pull request from `head` into `base`; the body is fitted to GitHub's limit.
 *
 * @throws the octokit RequestError of a failed call; classify it with `classifyGitHubError`.
 */
export async function openPullRequest(
  octokit: Octokit,
  pull: { owner: string; repo: string; head: string; base: string; title: string; body: string },
): Promise<PullRequestRef> {
  const { data } = await octokit.rest.pulls.create({
    owner: pull.owner,
    repo: pull.repo,
    head: pull.head,
    base: pull.base,
    title: [...pull.title].slice(0, 256).join(''),
    body: truncateMarkdown(pull.body, PULL_BODY_LIMIT),
  });
  return { number: data.number, htmlUrl: data.html_url };
}
