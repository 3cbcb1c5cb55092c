/**
 * `mode: canary` and `mode: rollback`. A canary run (normally scheduled, hourly) analyses the canary
 * against the holdout on the release commit, writes the report files, records the signed report as
 * a git note on the release commit, posts a check run there, and when the decision is to roll back
 * proposes the rollback as a pull request. A rollback run proposes (or rehearses) a rollback to a
 * signed, approved release.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { DEFAULT_KEYS_DIR } from '../audit/keyring.ts';
import { DEFAULT_CANARY_POLICY } from '../delivery/canary-policy.ts';
import { lookupTokenIdentity } from '../github/identity.ts';
import { truncateMarkdown } from '../github/limits.ts';
import { publishStageCheck } from '../github/stage-publish.ts';
import { lastMainlineCommitTouching, resolveCommit } from '../git/git.ts';
import { writeReportFiles } from '../io/report-files.ts';
import { loadKeyring } from '../io/keyring-files.ts';
import type { Keyring } from '../io/keyring-files.ts';
import { toRepoPath } from '../io/files.ts';
import { InputError } from '../problem.ts';
import type { Problem } from '../problem.ts';
import { escapeMarkdown } from '../report/escape.ts';
import { renderStageMarkdown } from '../report/stage-render.ts';
import { stageConclusion } from '../report/stage.ts';
import type { AttestedStageReport } from '../report/stage.ts';
import { loadStagePackage, recordStageReport, runCanaryStage } from '../stages/run.ts';
import type { TelemetryFile } from '../telemetry/read.ts';
import type { EventContext } from './event.ts';
import { ACTION_LOG, actionOctokit } from './github-client.ts';
import type { ActionInputs } from './inputs.ts';
import { checkLimitsOf, expandInput } from './request.ts';
import { proposeRollback } from './rollback-pr.ts';
import type { GitHubTarget, RollbackOutcome } from './rollback-pr.ts';
import type { CanaryInputs, RollbackInputs } from './stage-inputs.ts';

/** Bound of the job summary GitHub accepts per step (1 MiB), with room to spare. */
const JOB_SUMMARY_LIMIT = 1_000_000;

/** What a stage run leaves for the entry to present: the report for the outputs, and why the step fails. */
export interface StageModeResult {
  /** The canary report, or the rollback report (absent when the rollback stopped before its stage ran). */
  readonly attested?: AttestedStageReport;
  readonly reportPath?: string;
  /** The rollback pull request opened, or the one already open. */
  readonly pullUrl?: string;
  /** Empty when the step succeeds. */
  readonly reasons: readonly string[];
}

/** Runs a stage mode: report files, note, check run, job summary, rollback pull request. */
export async function runStageMode(
  inputs: ActionInputs,
  event: EventContext,
  workspace: string,
): Promise<StageModeResult> {
  const stage = inputs.stage!;
  const keyring = actionKeyring(inputs.publicKeys, workspace);
  const github =
    inputs.token !== undefined && event.owner !== ''
      ? { octokit: actionOctokit(inputs.token), owner: event.owner, repo: event.repo, secrets: [inputs.token] }
      : undefined;
  const run: StageRun = { inputs, event, workspace, keyring, ...(github !== undefined ? { github } : {}) };
  return stage.kind === 'canary' ? runCanary(run, stage) : runRollback(run, stage);
}

/** What both modes work with. */
interface StageRun {
  readonly inputs: ActionInputs;
  readonly event: EventContext;
  readonly workspace: string;
  readonly keyring: Keyring;
  readonly github?: GitHubTarget;
}

async function runCanary(run: StageRun, stage: CanaryInputs): Promise<StageModeResult> {
  const { inputs, event, workspace, keyring, github } = run;
  const commit = releaseCommit(workspace, stage);
  const pkg = loadStagePackage(workspace, commit, stage.manifest);
  const attested = await runCanaryStage({
    pkg,
    files: telemetryFiles(stage.telemetry, workspace),
    windowMs: stage.windowMs,
    lookMs: stage.atMs ?? Date.now(),
    canaryCohort: stage.canaryCohort,
    holdoutCohort: stage.holdoutCohort,
    policy: { ...DEFAULT_CANARY_POLICY, alpha: stage.alpha },
    trusted: keyring.trusted,
    engine: stage.engine,
    ...(stage.shares !== undefined ? { shares: stage.shares } : {}),
    ...(inputs.signingKey !== undefined ? { signingKey: inputs.signingKey } : {}),
    unsignedReason: 'no signing-key input',
  });
  const { report } = attested;
  const reportPath = writeFiles(attested, inputs.outDir, workspace);
  core.info(`kaizen-gate: canary of ${report.package_id} on ${commit.slice(0, 12)}: ${report.decision.summary}`);
  core.info(`Report written to ${reportPath}${attested.envelope ? ' (signed)' : ' (unsigned)'}`);

  const reasons: string[] = [];
  // Recorded before the rollback, so the rollback's record links to this decision in the chain.
  if (!attested.envelope) {
    core.warning(
      'Recording an unsigned canary report: set the signing-key input so auditors (and rollback) can verify it.',
    );
  }
  try {
    core.info(`kaizen-gate: ${recordStageReport(workspace, commit, attested, true)}`);
  } catch (error: unknown) {
    const why = error instanceof Error ? error.message : String(error);
    reasons.push(`The canary report could not be recorded as a note on ${commit.slice(0, 12)}: ${why}`);
  }

  if (github === undefined) {
    core.warning(
      'No github-token: no check run on the release commit; the decision is in the job summary, the step result and the report files.',
    );
  } else {
    const identity = await lookupTokenIdentity(github.octokit, github.secrets);
    const target = {
      owner: github.owner,
      repo: github.repo,
      headSha: commit,
      runId: process.env.GITHUB_RUN_ID ?? 'local',
      ...(event.runUrl ? { runUrl: event.runUrl } : {}),
    };
    const settings = {
      limits: checkLimitsOf(process.env.KAIZEN_GATE_SUMMARY_LIMIT),
      secrets: github.secrets,
      outDir: inputs.outDir,
    };
    for (const problem of await publishStageCheck(github.octokit, report, target, settings, identity, ACTION_LOG)) {
      core.warning(problem.message);
      if (problem.permission) continue;
      reasons.push(
        `Publishing the check run failed; the decision was ${report.decision.outcome} and the report is in ${inputs.outDir}/ and the job summary.`,
      );
    }
  }

  let rollback: RollbackOutcome | undefined;
  if (report.decision.outcome === 'rollback') {
    rollback = await proposeRollback({
      workspace,
      application: report.application,
      dryRun: false,
      keyring,
      expectLive: report.package_id,
      ...(stage.pointer !== undefined ? { pointer: stage.pointer } : {}),
      ...(inputs.signingKey !== undefined ? { signingKey: inputs.signingKey } : {}),
      ...(github !== undefined ? { github } : {}),
      ...(process.env.GITHUB_REF_NAME ? { fallbackBase: process.env.GITHUB_REF_NAME } : {}),
    });
    if (rollback.attested) writeFiles(rollback.attested, join(inputs.outDir, 'rollback'), workspace);
    if (rollback.noteMessage) core.info(`kaizen-gate: ${rollback.noteMessage}`);
    core.info(`kaizen-gate: ${rollback.message}`);
    // A scheduled run nobody watches: failing the job is what notifies someone (GitHub mails the
    // workflow's owner and shows it red), while a check run on an older release commit goes unseen.
    reasons.unshift(
      `The canary of ${report.package_id} decided to roll back: ${report.decision.summary}`,
      rollback.message,
    );
  } else if (stageConclusion(report).conclusion === 'action_required') {
    core.warning(`${report.decision.summary} The promotion needs an owner's approval.`);
  }
  await writeJobSummary([attested, ...(rollback?.attested ? [rollback.attested] : [])], rollback?.message);
  return { attested, reportPath, ...(rollback?.pull ? { pullUrl: rollback.pull.htmlUrl } : {}), reasons };
}

async function runRollback(run: StageRun, stage: RollbackInputs): Promise<StageModeResult> {
  const { inputs, workspace, keyring, github } = run;
  const outcome = await proposeRollback({
    workspace,
    application: stage.application,
    dryRun: stage.dryRun,
    keyring,
    ...(stage.target !== undefined ? { target: stage.target } : {}),
    ...(stage.pointer !== undefined ? { pointer: stage.pointer } : {}),
    ...(inputs.signingKey !== undefined ? { signingKey: inputs.signingKey } : {}),
    ...(github !== undefined ? { github } : {}),
    ...(process.env.GITHUB_REF_NAME ? { fallbackBase: process.env.GITHUB_REF_NAME } : {}),
  });
  if (outcome.noteMessage) core.info(`kaizen-gate: ${outcome.noteMessage}`);
  core.info(`kaizen-gate: ${outcome.message}`);
  const reportPath = outcome.attested ? writeFiles(outcome.attested, inputs.outDir, workspace) : undefined;
  await writeJobSummary(outcome.attested ? [outcome.attested] : [], outcome.message);
  return {
    ...(outcome.attested ? { attested: outcome.attested } : {}),
    ...(reportPath !== undefined ? { reportPath } : {}),
    ...(outcome.pull ? { pullUrl: outcome.pull.htmlUrl } : {}),
    reasons: outcome.failed ? [outcome.message] : [],
  };
}

/** The release commit: the `commit` input, else the newest mainline commit that changed the manifest. */
function releaseCommit(workspace: string, stage: CanaryInputs): string {
  if (stage.commit !== undefined) return resolveCommit(workspace, stage.commit, 'input commit');
  const found = lastMainlineCommitTouching(workspace, 'HEAD', stage.manifest);
  if (found === undefined) {
    throw new InputError([
      {
        file: 'input manifest',
        message: `${stage.manifest} was never committed on the checked-out history; set \`commit\` to the release commit, or check out with \`fetch-depth: 0\`.`,
      },
    ]);
  }
  return found;
}

/** Telemetry paths and globs relative to the workspace; each must be an existing file. */
function telemetryFiles(patterns: readonly string[], workspace: string): TelemetryFile[] {
  const problems: Problem[] = [];
  const paths = expandInput('telemetry', patterns, workspace, problems);
  for (const path of paths) {
    const full = resolve(workspace, path);
    if (!existsSync(full) || !statSync(full).isFile())
      problems.push({ file: 'input telemetry', message: `${path}: telemetry file does not exist` });
  }
  if (problems.length > 0)
    throw new InputError(problems, `${problems.length} invalid input${problems.length === 1 ? '' : 's'}`);
  return paths.map((path) => ({
    path: resolve(workspace, path),
    label: toRepoPath(workspace, resolve(workspace, path)),
  }));
}

/** The `public-keys` folder; the default one may be absent (no keys), one named explicitly may not. */
function actionKeyring(dir: string, workspace: string): Keyring {
  const absent = !existsSync(resolve(workspace, dir));
  if (absent && dir.replace(/\/+$/, '') === DEFAULT_KEYS_DIR) return { trusted: [], revoked: new Set() };
  return loadKeyring({
    cwd: workspace,
    repo: workspace,
    keysDir: dir,
    keysDirLabel: 'input public-keys',
    repoDefault: false,
    namesRelativeTo: workspace,
  });
}

function writeFiles(attested: AttestedStageReport, outDir: string, workspace: string): string {
  const files = writeReportFiles(resolve(workspace, outDir), {
    json: `${JSON.stringify(attested.report, null, 2)}\n`,
    markdown: renderStageMarkdown(attested.report),
    ...(attested.envelope ? { envelope: attested.envelope } : {}),
  });
  return files.json;
}

async function writeJobSummary(reports: readonly AttestedStageReport[], extra: string | undefined): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const quoted = extra === undefined ? [] : [`> ${escapeMarkdown(extra.replaceAll('\n', ' '))}\n`];
  const text = [...reports.map((a) => renderStageMarkdown(a.report)), ...quoted].join('\n');
  await core.summary.addRaw(truncateMarkdown(text, JOB_SUMMARY_LIMIT), true).write();
}
