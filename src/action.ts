import * as core from '@actions/core';
import { globSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gatherAndRun, parseSideSelector } from './cli/gather.ts';
import { writeReportFiles } from './cli/check-command.ts';
import type { PromptfooSideSelector } from './evidence/promptfoo.ts';
import { DEFAULT_LIMITS, postCheckRun } from './github/checks.ts';
import type { CheckLimits } from './github/checks.ts';
import { upsertStickyComment } from './github/comment.ts';
import { lookupTokenIdentity } from './github/identity.ts';
import type { TokenIdentity } from './github/identity.ts';
import { classifyGitHubError } from './github/errors.ts';
import { fitMarkdown } from './github/limits.ts';
import { setupOctokit } from './github/octokit.ts';
import type { Octokit } from './github/octokit.ts';
import { showFile } from './git/git.ts';
import { recordNote } from './git/notes.ts';
import { loadYaml } from './manifest/load.ts';
import { InputError, formatProblem } from './problem.ts';
import type { Problem } from './problem.ts';
import { annotationsFor, changeBlockOf } from './report/annotations.ts';
import type { LineRange } from './report/annotations.ts';
import { attestReport } from './report/attest.ts';
import { renderMarkdown, renderMarkdownSections } from './report/markdown.ts';
import { conclusionOf } from './report/model.ts';
import type { PackageReport, Report, RunOutcome } from './report/model.ts';

/** Bound of the job summary GitHub accepts per step (1 MiB); we stay under it with room to spare. */
const JOB_SUMMARY_LIMIT = 1_000_000;

type CommentMode = 'always' | 'on-change' | 'on-failure' | 'off';
type FailOn = 'reject' | 'hold' | 'needs_approval';

/** Every input of action.yml, parsed and checked in one place. */
interface Inputs {
  readonly token?: string;
  readonly mode: 'auto' | 'gate' | 'record';
  readonly base?: string;
  readonly head?: string;
  readonly manifests: readonly string[];
  readonly gateUntouched: boolean;
  readonly parentEvidence: readonly string[];
  readonly candidateEvidence: readonly string[];
  readonly evidence: readonly string[];
  readonly evidenceFormat: 'auto' | 'jsonl' | 'promptfoo';
  readonly parentSide?: PromptfooSideSelector;
  readonly candidateSide?: PromptfooSideSelector;
  readonly policy?: string;
  readonly seed?: number;
  readonly allowUnpaired: boolean;
  readonly signingKey?: string;
  readonly publicKeys: string;
  readonly comment: CommentMode;
  readonly failOn: ReadonlySet<FailOn>;
  readonly outDir: string;
}

function getOptionalInput(name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

/**
 * Parses and checks every input, collecting all problems before failing, so one run lists every
 * misspelt input at once. A misspelt boolean is an error, never false.
 */
function parseInputs(): Inputs {
  const problems: Problem[] = [];
  const report = (name: string, message: string): void => {
    problems.push({ file: `input ${name}`, message });
  };
  const choice = <T extends string>(name: string, choices: readonly T[], fallback: T): T => {
    const value = getOptionalInput(name) ?? fallback;
    if ((choices as readonly string[]).includes(value)) return value as T;
    report(name, `Expected \`${name}\` to be one of ${choices.join(', ')}, got "${value}".`);
    return fallback;
  };
  const boolean = (name: string): boolean => {
    if (getOptionalInput(name) === undefined) return false;
    try {
      return core.getBooleanInput(name);
    } catch {
      report(name, `Expected \`${name}\` to be true or false, got "${core.getInput(name)}".`);
      return false;
    }
  };
  const side = (name: string): PromptfooSideSelector | undefined => {
    const text = getOptionalInput(name);
    if (text === undefined) return undefined;
    try {
      return parseSideSelector(text, name);
    } catch (error: unknown) {
      report(name, error instanceof Error ? error.message : String(error));
      return undefined;
    }
  };

  const seedText = getOptionalInput('seed');
  let seed: number | undefined;
  if (seedText !== undefined) {
    seed = Number(seedText);
    if (!/^\d+$/.test(seedText) || seed > 0xffffffff) report('seed', `Expected \`seed\` to be an integer from 0 to 4294967295, got "${seedText}".`);
  }
  const failOn = new Set<FailOn>();
  for (const part of (getOptionalInput('fail-on') ?? 'reject,hold').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (part === 'none') continue;
    if (part === 'reject' || part === 'hold' || part === 'needs_approval') failOn.add(part);
    else report('fail-on', `Expected \`fail-on\` to list reject, hold, needs_approval or none, got "${part}".`);
  }
  const signingKey = getOptionalInput('signing-key');
  if (signingKey) {
    core.setSecret(signingKey);
    // The runner masks a multi-line value only as a whole; each line of the PEM body is masked too,
    // so a line echoed on its own (a parse error quoting it) never shows.
    for (const line of signingKey.split(/\r?\n/)) if (line.trim() !== '' && !line.startsWith('-----')) core.setSecret(line.trim());
  }
  const token = getOptionalInput('github-token');
  const parentSide = side('parent-side');
  const candidateSide = side('candidate-side');
  const inputs: Inputs = {
    ...(token !== undefined ? { token } : {}),
    mode: choice('mode', ['auto', 'gate', 'record'], 'auto'),
    ...optional('base', getOptionalInput('base')),
    ...optional('head', getOptionalInput('head')),
    manifests: core.getMultilineInput('manifests'),
    gateUntouched: boolean('gate-untouched'),
    parentEvidence: core.getMultilineInput('parent-evidence'),
    candidateEvidence: core.getMultilineInput('candidate-evidence'),
    evidence: core.getMultilineInput('evidence'),
    evidenceFormat: choice('evidence-format', ['auto', 'jsonl', 'promptfoo'], 'auto'),
    ...(parentSide ? { parentSide } : {}),
    ...(candidateSide ? { candidateSide } : {}),
    ...optional('policy', getOptionalInput('policy')),
    ...(seed !== undefined ? { seed } : {}),
    allowUnpaired: boolean('allow-unpaired'),
    ...(signingKey ? { signingKey } : {}),
    publicKeys: getOptionalInput('public-keys') ?? '.kaizen-gate/keys',
    comment: choice('comment', ['always', 'on-change', 'on-failure', 'off'], 'always'),
    failOn,
    outDir: getOptionalInput('out-dir') ?? 'kaizen-gate-report',
  };
  if (problems.length > 0) throw new InputError(problems, `${problems.length} invalid input${problems.length === 1 ? '' : 's'}`);
  return inputs;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** What the workflow event says about the change. */
interface EventContext {
  readonly name: string;
  readonly owner: string;
  readonly repo: string;
  readonly base?: string;
  readonly headSha: string;
  readonly pullRequest?: number;
  readonly runUrl?: string;
}

function readEvent(): EventContext {
  const name = process.env.GITHUB_EVENT_NAME ?? '';
  const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '/').split('/');
  let payload: Record<string, unknown> = {};
  const path = process.env.GITHUB_EVENT_PATH;
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (error: unknown) {
      throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  const pr = payload.pull_request as { number?: number; base?: { sha?: string }; head?: { sha?: string } } | undefined;
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runId = process.env.GITHUB_RUN_ID;
  return {
    name,
    owner,
    repo,
    ...(pr?.base?.sha ? { base: pr.base.sha } : typeof payload.before === 'string' && !/^0+$/.test(payload.before) ? { base: payload.before } : {}),
    headSha: pr?.head?.sha ?? process.env.GITHUB_SHA ?? '',
    ...(pr?.number !== undefined ? { pullRequest: pr.number } : {}),
    ...(runId ? { runUrl: `${server}/${owner}/${repo}/actions/runs/${runId}` } : {}),
  };
}

/** Expands the lines of a path input (globs relative to the workspace); a glob matching nothing is a problem. */
function expandInput(name: string, patterns: readonly string[], cwd: string, problems: Problem[]): string[] {
  const out: string[] = [];
  for (const pattern of patterns) {
    if (!/[*?[{]/.test(pattern)) {
      out.push(pattern);
      continue;
    }
    const matches = globSync(pattern, { cwd }).toSorted();
    if (matches.length === 0) problems.push({ file: `input ${name}`, message: `The glob "${pattern}" matches no file in the workspace.` });
    out.push(...matches);
  }
  return out;
}

/** A GitHub update that did not happen; `permission` marks a token without write access (fork PRs), an expected fallback. */
interface PublishProblem {
  readonly message: string;
  readonly permission: boolean;
}

async function run(): Promise<void> {
  const inputs = parseInputs();
  const event = readEvent();
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const mode = inputs.mode === 'auto' ? (event.name === 'push' ? 'record' : 'gate') : inputs.mode;
  const base = inputs.base ?? event.base;
  const problems: Problem[] = [];
  if (!base) {
    problems.push({ file: 'input base', message: `No base commit: the ${event.name || 'unknown'} event has none. Set the \`base\` input (e.g. origin/main).` });
  }
  if (mode === 'gate') {
    const given = { parent: inputs.parentEvidence.length > 0, candidate: inputs.candidateEvidence.length > 0, both: inputs.evidence.length > 0 };
    if (!given.parent && !given.candidate && !given.both) {
      problems.push({ file: 'input parent-evidence', message: 'No evidence given: set `parent-evidence` and `candidate-evidence` (or `evidence` for files holding both sides).' });
    } else if (given.parent !== given.candidate) {
      problems.push({ file: `input ${given.parent ? 'candidate-evidence' : 'parent-evidence'}`, message: '`parent-evidence` and `candidate-evidence` go together: give both sides.' });
    }
  }
  // Repository paths or globs that limit discovery, matched in both trees (a deleted manifest too).
  const manifests = inputs.manifests.length > 0 ? inputs.manifests : undefined;
  const parentEvidence = expandInput('parent-evidence', inputs.parentEvidence, workspace, problems);
  const candidateEvidence = expandInput('candidate-evidence', inputs.candidateEvidence, workspace, problems);
  const evidence = expandInput('evidence', inputs.evidence, workspace, problems);
  if (problems.length > 0 || !base) throw new InputError(problems, `${problems.length} invalid input${problems.length === 1 ? '' : 's'}`);

  const report = gatherAndRun({
    cwd: workspace,
    repo: workspace,
    base,
    // The checked-out commit, as action.yml promises: never the work tree, where the evidence files
    // and earlier reports of this job sit untracked and would count as changes.
    head: inputs.head ?? 'HEAD',
    ...(manifests ? { manifests } : {}),
    ...(inputs.gateUntouched ? { all: true } : {}),
    parentEvidence,
    candidateEvidence,
    evidence,
    ...(inputs.policy !== undefined ? { policy: inputs.policy } : {}),
    ...(inputs.seed !== undefined ? { seed: inputs.seed } : {}),
    ...(inputs.parentSide ? { parentSide: inputs.parentSide } : {}),
    ...(inputs.candidateSide ? { candidateSide: inputs.candidateSide } : {}),
    ...(inputs.allowUnpaired ? { allowUnpaired: true } : {}),
    evidenceFormat: inputs.evidenceFormat,
    context: {
      ...(event.owner ? { repository: `${event.owner}/${event.repo}` } : {}),
      ...(process.env.GITHUB_SHA ? { commit: process.env.GITHUB_SHA } : {}),
      ...(event.pullRequest !== undefined ? { pull_request: event.pullRequest } : {}),
    },
  });

  const unsignedReason = event.name === 'pull_request' ? 'no signing-key input: pull requests from forks get no secrets' : 'no signing-key input';
  const attested = attestReport(report, inputs.signingKey, unsignedReason);
  const final = attested.report;

  // Files first: whatever happens with the GitHub API afterwards, the report is on disk.
  const outDir = resolve(workspace, inputs.outDir);
  const files = writeReportFiles(outDir, final, attested.envelope);
  core.info(`kaizen-gate: ${final.decision.summary}`);
  core.info(`Report written to ${files.json}${attested.envelope ? ' (signed)' : ' (unsigned)'}`);

  setOutputs(final, files.json, attested.envelope !== undefined);
  await writeJobSummary(final);

  const unpublished: PublishProblem[] = [];
  if (mode === 'gate' && !inputs.token) {
    core.warning('No github-token: no check runs and no PR comment; the verdict is in the job summary, the step result and the report files.');
  } else if (mode === 'gate' && event.owner) {
    const octokit = setupOctokit(inputs.token!, {
      ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}),
      log: { debug: core.debug, info: core.info, warn: core.warning, error: core.error },
      // Test hook, not an input: milliseconds per second of every retry wait, so fault tests run fast.
      ...(process.env.KAIZEN_GATE_BACKOFF_UNIT_MS ? { backoffUnitMs: Number(process.env.KAIZEN_GATE_BACKOFF_UNIT_MS) } : {}),
    });
    // Looked up once: only comments and check runs of this identity are ever adopted.
    const identity = await lookupTokenIdentity(octokit, [inputs.token!]);
    if (identity.source === 'fallback') core.debug(`Token identity: ${identity.login} (${identity.note ?? 'fallback'})`);
    unpublished.push(...(await publishChecks(octokit, final, event, inputs, changeBlocks(final, workspace), identity)));
    if (event.pullRequest !== undefined) unpublished.push(...(await publishComment(octokit, final, event, inputs, identity)));
  }
  if (mode === 'record') {
    if (!attested.envelope) core.warning('Recording an unsigned report: set the signing-key input so auditors can verify it.');
    const envelopeText = attested.envelope ? JSON.stringify(attested.envelope) : JSON.stringify({ unsigned: true, report: final });
    const commit = final.subject.commit ?? process.env.GITHUB_SHA;
    if (!commit) throw new Error('record mode needs the merge commit (GITHUB_SHA)');
    const outcome = recordNote({ repo: workspace, commit, note: envelopeText, push: true });
    core.info(`kaizen-gate: ${outcome.message}`);
  }

  for (const problem of unpublished) core.warning(problem.message);
  const decision = final.decision.outcome;
  const failedPosts = unpublished.filter((p) => !p.permission).length;
  const reasons = [
    ...(inputs.failOn.has(decision as FailOn) ? [final.decision.summary] : []),
    // A check run or comment that GitHub did not take is a failed step, not a footnote: nobody
    // would notice a missing check otherwise. A token without write access is the fork fallback.
    ...(failedPosts > 0 ? [`Publishing to GitHub failed (${failedPosts} update${failedPosts === 1 ? '' : 's'}, see the warnings above); the decision was ${decision} and the report is in ${inputs.outDir}/ and the job summary.`] : []),
  ];
  if (reasons.length > 0) {
    core.setFailed(`kaizen-gate: ${reasons.join(' ')}`);
  } else if (unpublished.length > 0) {
    core.info(`kaizen-gate: the decision is ${decision}; without write access to checks or comments it is reported in the job summary, the step result and ${inputs.outDir}/.`);
  }
}

function setOutputs(report: Report, reportPath: string, signed: boolean): void {
  core.setOutput('decision', report.decision.outcome);
  core.setOutput('conclusion', conclusionOf(report.decision.outcome));
  core.setOutput('report-path', reportPath);
  core.setOutput('signed', String(signed));
  core.setOutput(
    'report-json',
    JSON.stringify({
      decision: report.decision.outcome,
      conclusion: conclusionOf(report.decision.outcome),
      packages: report.packages.map((p) => ({
        application: p.application,
        package_id: p.package_id,
        decision: p.decision.outcome,
        conclusion: conclusionOf(p.decision.outcome),
        gates: Object.fromEntries(p.gates.map((g) => [g.gate, g.verdict])),
      })),
    }),
  );
}

async function writeJobSummary(report: Report): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const markdown = fitMarkdown(renderMarkdownSections(report), JOB_SUMMARY_LIMIT);
  await core.summary.addRaw(markdown, true).write();
}

/** One report per package for its check run: the same report, narrowed to that package. */
function narrow(report: Report, pkg: PackageReport): Report {
  return { ...report, packages: [pkg], decision: { outcome: pkg.decision.outcome, summary: pkg.decision.summary } };
}

const TITLES: Record<RunOutcome, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  hold: 'Held',
  needs_approval: 'Needs approval',
  nothing_to_gate: 'Nothing to gate',
};

/** The check-run title: the decision word first, without repeating it when the summary already opens with it. */
function titleOf(outcome: RunOutcome, summary: string): string {
  const title = summary.toLowerCase().startsWith(TITLES[outcome].toLowerCase()) ? summary : `${TITLES[outcome]}: ${summary}`;
  return [...title].slice(0, 255).join('');
}

/**
 * Test hook, not an input: `KAIZEN_GATE_SUMMARY_LIMIT` lowers the check-run summary limit (UTF-8
 * bytes) so tests can watch the staged shortening without a 64 KiB report. GitHub's limit is fixed.
 */
function checkLimits(): CheckLimits {
  const text = process.env.KAIZEN_GATE_SUMMARY_LIMIT;
  if (text === undefined || text === '') return DEFAULT_LIMITS;
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit < 1 || limit > DEFAULT_LIMITS.summary) {
    throw new Error(`Expected KAIZEN_GATE_SUMMARY_LIMIT to be an integer from 1 to ${DEFAULT_LIMITS.summary}, got "${text}".`);
  }
  return { ...DEFAULT_LIMITS, summary: limit };
}

/**
 * The `change:` block of each candidate manifest at the head commit, where gate annotations point
 * (the report carries no source positions). A manifest that cannot be read is annotated at line 1.
 */
function changeBlocks(report: Report, workspace: string): Map<string, LineRange> {
  const blocks = new Map<string, LineRange>();
  const commit = report.inputs.head.commit;
  for (const pkg of report.packages) {
    try {
      const bytes = commit ? showFile(workspace, commit, pkg.manifest) : readFileSync(resolve(workspace, pkg.manifest));
      const loaded = bytes ? loadYaml(bytes, pkg.manifest).loaded : undefined;
      const block = loaded ? changeBlockOf(loaded) : undefined;
      if (block) blocks.set(pkg.manifest, block);
    } catch (error: unknown) {
      core.debug(`No change block for ${pkg.manifest}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return blocks;
}

async function publishChecks(
  octokit: Octokit,
  report: Report,
  event: EventContext,
  inputs: Inputs,
  blocks: ReadonlyMap<string, LineRange>,
  identity: TokenIdentity,
): Promise<PublishProblem[]> {
  const targets: { name: string; report: Report }[] =
    report.packages.length === 0
      ? [{ name: 'kaizen-gate', report }]
      : report.packages.map((pkg) => ({ name: `kaizen-gate / ${pkg.application}`, report: narrow(report, pkg) }));
  const limits = checkLimits();
  const problems: PublishProblem[] = [];
  for (const target of targets) {
    const outcome = target.report.decision.outcome;
    try {
      const posted = await postCheckRun(
        octokit,
        {
          owner: event.owner,
          repo: event.repo,
          headSha: event.headSha,
          name: target.name,
          conclusion: conclusionOf(outcome),
          title: titleOf(outcome, target.report.decision.summary),
          summary: renderMarkdownSections(target.report),
          text: renderMarkdown(target.report),
          annotations: annotationsFor(target.report, { changeBlocks: blocks }),
          ...(event.runUrl ? { detailsUrl: event.runUrl } : {}),
          externalId: `kaizen-gate:${process.env.GITHUB_RUN_ID ?? 'local'}:${target.name}`,
          ...(identity.appSlug ? { appSlug: identity.appSlug } : {}),
        },
        limits,
      );
      if (posted.lookupFailed) core.warning(`Could not list earlier check runs for "${target.name}" (${posted.lookupFailed}); created a new one.`);
      const omitted = posted.annotationsOmitted > 0 ? `; ${posted.annotationsOmitted} annotations over the budget are only in the report` : '';
      core.info(`Check run "${target.name}": ${conclusionOf(outcome)} (${posted.htmlUrl || `id ${posted.id}`}${omitted})`);
    } catch (error: unknown) {
      const failure = classifyGitHubError(error, inputs.token ? [inputs.token] : []);
      if (failure.kind === 'forbidden-integration') {
        problems.push({
          permission: true,
          message: `Could not create the check run "${target.name}": the token lacks \`checks: write\` (pull requests from forks get a read-only token). The verdict is in the job summary, the step result and ${inputs.outDir}/; see the README's workflow_run pattern to publish it. (${failure.message})`,
        });
        // Every other check run would be refused the same way.
        break;
      }
      problems.push({ permission: false, message: `Could not publish the check run "${target.name}": ${failure.message}` });
    }
  }
  return problems;
}

function changedBehaviour(report: Report): boolean {
  return report.packages.some((p) => p.diff.classes.some((c) => c !== 'no_behaviour_change'));
}

async function publishComment(octokit: Octokit, report: Report, event: EventContext, inputs: Inputs, identity: TokenIdentity): Promise<PublishProblem[]> {
  const wanted =
    inputs.comment === 'always' ||
    (inputs.comment === 'on-change' && changedBehaviour(report)) ||
    (inputs.comment === 'on-failure' && report.decision.outcome !== 'approve' && report.decision.outcome !== 'nothing_to_gate');
  if (inputs.comment === 'off' || event.pullRequest === undefined) return [];
  try {
    // When this run would not comment, a comment an earlier run left is still brought up to date,
    // so a PR that went from reject to approve does not keep showing REJECT.
    const result = await upsertStickyComment(
      octokit,
      {
        owner: event.owner,
        repo: event.repo,
        issueNumber: event.pullRequest,
        marker: '<!-- kaizen-gate:sticky -->',
        author: identity.login,
        ...(/^[0-9a-f]{40,64}$/.test(event.headSha) ? { headSha: event.headSha } : {}),
        body: renderMarkdownSections(report),
      },
      { onlyIfPresent: !wanted },
    );
    if (result.action === 'superseded') core.info(`PR comment left as it is: it reports on ${result.supersededBy ?? 'another head'}, and ${event.headSha} is no longer the pull request's head (${result.htmlUrl})`);
    else if (result.action !== 'absent') core.info(`PR comment ${result.action} (${result.htmlUrl})`);
    return [];
  } catch (error: unknown) {
    const failure = classifyGitHubError(error, inputs.token ? [inputs.token] : []);
    return [{ permission: failure.kind === 'forbidden-integration', message: `Could not update the PR comment: ${failure.message}` }];
  }
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

process.on('unhandledRejection', handleError);
run().catch(handleError);
