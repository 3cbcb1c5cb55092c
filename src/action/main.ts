/**
 * The Action's run: read the inputs and the event, run the gate through the composition root, then
 * present the result — report files, outputs, job summary, check runs and the sticky comment on a
 * pull request, or the git note on a push — and fail the step when the decision says so. The
 * canary and rollback modes run in src/action/stage-mode.ts.
 */
import * as core from '@actions/core';
import { context } from '@actions/github';
import { readChangeBlocks } from './change-blocks.ts';
import { eventOf } from './event.ts';
import { parseInputs } from './inputs.ts';
import { runStageMode } from './stage-mode.ts';
import type { StageModeResult } from './stage-mode.ts';
import { stageConclusion } from '../report/stage.ts';
import { checkLimitsOf, requestOf } from './request.ts';
import { runGateCheck } from '../check.ts';
import { fitMarkdown } from '../github/limits.ts';
import { lookupTokenIdentity } from '../github/identity.ts';
import { ACTION_LOG, actionOctokit } from './github-client.ts';
import { publishChecks, publishComment } from '../github/publish.ts';
import type { PublishProblem } from '../github/publish.ts';
import { recordNote } from '../git/notes.ts';
import { describeProgress } from '../eval/progress.ts';
import type { EvalProgress } from '../eval/progress.ts';
import { storeRunEvidence } from '../eval-runs.ts';
import { toRepoPath } from '../io/files.ts';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { OUTCOMES } from '../outcome.ts';
import { formatProblem, InputError } from '../problem.ts';
import { renderMarkdownSections } from '../report/markdown.ts';
import type { Report } from '../report/model.ts';

/** Bound of the job summary GitHub accepts per step (1 MiB); we stay under it with room to spare. */
const JOB_SUMMARY_LIMIT = 1_000_000;

async function run(): Promise<void> {
  const inputs = parseInputs((name) => core.getInput(name));
  maskSecret(inputs.signingKey);
  const event = eventOf({
    eventName: context.eventName,
    payload: context.payload,
    sha: context.sha,
    runId: context.runId,
    serverUrl: context.serverUrl,
    repository: process.env.GITHUB_REPOSITORY,
  });
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  if (inputs.stage !== undefined) {
    const staged = await runStageMode(inputs, event, workspace);
    setStageOutputs(staged);
    if (staged.reasons.length > 0) core.setFailed(`kaizen-gate: ${staged.reasons.join(' ')}`);
    return;
  }
  const mode = inputs.mode === 'auto' ? (event.name === 'push' ? 'record' : 'gate') : inputs.mode;
  const request = requestOf(inputs, event, workspace, {
    env: process.env,
    clock: () => new Date(),
    onEvent: (progress) => showProgress(progress, workspace),
  });

  const result = await runGateCheck(request);
  const { report } = result;
  // Files first: whatever happens with the GitHub API afterwards, the report is on disk.
  core.info(`kaizen-gate: ${report.decision.summary}`);
  core.info(`Report written to ${result.files?.json}${result.envelope ? ' (signed)' : ' (unsigned)'}`);
  setOutputs(report, result.files?.json ?? '', result.envelope !== undefined);
  await writeJobSummary(report);

  const unpublished: PublishProblem[] = [];
  if (mode === 'gate' && !inputs.token) {
    core.warning(
      'No github-token: no check runs and no PR comment; the verdict is in the job summary, the step result and the report files.',
    );
  } else if (mode === 'gate' && event.owner) {
    const octokit = actionOctokit(inputs.token!);
    const target = {
      owner: event.owner,
      repo: event.repo,
      headSha: event.headSha,
      runId: process.env.GITHUB_RUN_ID ?? 'local',
      ...(event.pullRequest !== undefined ? { pullRequest: event.pullRequest } : {}),
      ...(event.runUrl ? { runUrl: event.runUrl } : {}),
    };
    const settings = {
      limits: checkLimitsOf(process.env.KAIZEN_GATE_SUMMARY_LIMIT),
      comment: inputs.comment,
      outDir: inputs.outDir,
      secrets: inputs.token ? [inputs.token] : [],
      changeBlocks: readChangeBlocks(report, workspace, core.debug),
    };
    const log = ACTION_LOG;
    // Looked up once: only comments and check runs of this identity are ever adopted.
    const identity = await lookupTokenIdentity(octokit, settings.secrets);
    if (identity.source === 'fallback')
      core.debug(`Token identity: ${identity.login} (${identity.note ?? 'fallback'})`);
    unpublished.push(...(await publishChecks(octokit, report, target, settings, identity, log)));
    unpublished.push(...(await publishComment(octokit, report, target, settings, identity, log)));
  }
  if (mode === 'record') {
    if (!result.envelope)
      core.warning('Recording an unsigned report: set the signing-key input so auditors can verify it.');
    const note = result.envelope ? JSON.stringify(result.envelope) : JSON.stringify({ unsigned: true, report });
    const commit = report.subject.commit ?? process.env.GITHUB_SHA;
    if (!commit) throw new Error('record mode needs the merge commit (GITHUB_SHA)');
    core.info(`kaizen-gate: ${recordNote({ repo: workspace, commit, note, push: true }).message}`);
    // The merged candidate's evidence becomes the parent evidence of the next pull request.
    if (inputs.eval !== undefined && result.evalRuns !== undefined) {
      for (const stored of storeRunEvidence(workspace, result.evalRuns, inputs.eval.command, { push: true })) {
        core.info(`kaizen-gate: ${'skipped' in stored ? stored.skipped : stored.outcome.message}`);
      }
    }
  }

  for (const problem of unpublished) core.warning(problem.message);
  const decision = report.decision.outcome;
  const failedPosts = unpublished.filter((p) => !p.permission).length;
  const reasons = [
    ...(result.signingError !== undefined
      ? [`The signing key could not be used, so the report is unsigned: ${result.signingError}.`]
      : []),
    ...(decision !== 'approve' && decision !== 'nothing_to_gate' && inputs.failOn.has(decision)
      ? [report.decision.summary]
      : []),
    // A check run or comment that GitHub did not take is a failed step, not a footnote: nobody
    // would notice a missing check otherwise. A token without write access is the fork fallback.
    ...(failedPosts > 0
      ? [
          `Publishing to GitHub failed (${failedPosts} update${failedPosts === 1 ? '' : 's'}, see the warnings above); the decision was ${decision} and the report is in ${inputs.outDir}/ and the job summary.`,
        ]
      : []),
  ];
  if (reasons.length > 0) {
    core.setFailed(`kaizen-gate: ${reasons.join(' ')}`);
  } else if (unpublished.length > 0) {
    core.info(
      `kaizen-gate: the decision is ${decision}; without write access to checks or comments it is reported in the job summary, the step result and ${inputs.outDir}/.`,
    );
  }
}

/** One line per eval event; a finished or failed run's log follows in a collapsed group. */
function showProgress(progress: EvalProgress, workspace: string): void {
  core.info(`kaizen-gate ${describeProgress(progress, (path) => toRepoPath(workspace, path))}`);
  const ended =
    progress.kind === 'finish'
      ? { log: progress.result.logPath, target: progress.result.target }
      : progress.kind === 'fail' && progress.failure.log !== undefined
        ? { log: `${workspace}/${progress.failure.log}`, target: progress.failure.target }
        : undefined;
  if (ended === undefined) return;
  const { log, target } = ended;
  let text: string;
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    return;
  }
  const LIMIT = 200_000;
  core.startGroup(`eval log: ${target.forPackage} ${target.side}${text.length > LIMIT ? ' (the end)' : ''}`);
  // The log is the eval command's output, written by code the pull request controls: the runner
  // must not take its `::error::`, `::add-mask::` or `::endgroup::` lines for workflow commands.
  const resume = `kaizen-gate-${randomUUID()}`;
  core.info(`::stop-commands::${resume}`);
  core.info(text.length > LIMIT ? text.slice(-LIMIT) : text);
  core.info(`::${resume}::`);
  core.endGroup();
}

/** Masks the signing key in the log: as a whole, and each line of the PEM body, so a line echoed on its own never shows. */
function maskSecret(secret: string | undefined): void {
  if (!secret) return;
  core.setSecret(secret);
  for (const line of secret.split(/\r?\n/))
    if (line.trim() !== '' && !line.startsWith('-----')) core.setSecret(line.trim());
}

function setOutputs(report: Report, reportPath: string, signed: boolean): void {
  const conclusion = OUTCOMES[report.decision.outcome].conclusion;
  core.setOutput('decision', report.decision.outcome);
  core.setOutput('conclusion', conclusion);
  core.setOutput('report-path', reportPath);
  core.setOutput('signed', String(signed));
  core.setOutput(
    'report-json',
    JSON.stringify({
      decision: report.decision.outcome,
      conclusion,
      packages: report.packages.map((p) => ({
        application: p.application,
        package_id: p.package_id,
        decision: p.decision.outcome,
        conclusion: OUTCOMES[p.decision.outcome].conclusion,
        gates: Object.fromEntries(p.gates.map((g) => [g.gate, g.verdict])),
      })),
    }),
  );
}

function setStageOutputs(result: StageModeResult): void {
  if (result.attested !== undefined) {
    const { report } = result.attested;
    const { conclusion } = stageConclusion(report);
    core.setOutput('decision', report.decision.outcome);
    core.setOutput('conclusion', conclusion);
    core.setOutput('report-path', result.reportPath ?? '');
    core.setOutput('signed', String(result.attested.envelope !== undefined));
    core.setOutput(
      'report-json',
      JSON.stringify({
        stage: report.stage,
        application: report.application,
        package_id: report.package_id,
        decision: report.decision.outcome,
        conclusion,
      }),
    );
  }
  if (result.pullUrl !== undefined) core.setOutput('pull-request-url', result.pullUrl);
}

async function writeJobSummary(report: Report): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(fitMarkdown(renderMarkdownSections(report), JOB_SUMMARY_LIMIT), true).write();
}

function handleError(error: unknown): void {
  if (error instanceof InputError) {
    for (const problem of error.problems) {
      core.error(formatProblem(problem), {
        ...(problem.file && !problem.file.startsWith('input ') ? { file: problem.file } : {}),
        ...(problem.line !== undefined ? { startLine: problem.line } : {}),
        ...(problem.column !== undefined ? { startColumn: problem.column } : {}),
      });
    }
    core.setFailed(`kaizen-gate: invalid input: ${error.problems.length} problem(s), listed above.`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  core.setFailed(`kaizen-gate: ${message}`);
  if (error instanceof Error && error.stack) core.debug(error.stack);
}

/** Runs the Action; every failure ends as a failed step with a message, never a stack trace. */
export async function main(): Promise<void> {
  process.on('unhandledRejection', handleError);
  await run().catch(handleError);
}
