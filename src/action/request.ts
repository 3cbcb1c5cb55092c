/** The gate check an Action run asks for: its inputs and event turned into the composition root's request. */
import { globSync } from 'node:fs';
import type { CheckRequest } from '../check.ts';
import type { EvalRequest } from '../eval-runs.ts';
import { EVAL_DEFAULTS } from '../options.ts';
import { DEFAULT_LIMITS } from '../github/checks.ts';
import type { CheckLimits } from '../github/checks.ts';
import { checkEvidenceSides } from '../options.ts';
import { InputError } from '../problem.ts';
import type { Problem } from '../problem.ts';
import type { EventContext } from './event.ts';
import type { ActionInputs } from './inputs.ts';

/** What an eval run needs from the process: its environment, the clock, and where progress goes. */
export type EvalRuntime = Pick<EvalRequest, 'env' | 'clock' | 'onEvent'>;

/** The check the inputs and the event ask for; every input problem is reported at once. */
export function requestOf(
  inputs: ActionInputs,
  event: EventContext,
  workspace: string,
  runtime?: EvalRuntime,
): CheckRequest {
  const problems: Problem[] = [];
  const base = inputs.base ?? event.base;
  if (!base)
    problems.push({
      file: 'input base',
      message: `No base commit: the ${event.name || 'unknown'} event has none. Set the \`base\` input (e.g. origin/main).`,
    });
  if (inputs.eval === undefined) {
    const sides = checkEvidenceSides(
      {
        parent: inputs.parentEvidence.length,
        candidate: inputs.candidateEvidence.length,
        both: inputs.evidence.length,
      },
      { parent: '`parent-evidence`', candidate: '`candidate-evidence`', both: '`evidence`' },
    );
    const hint = 'Or set `eval-command` to have the Action run the eval for both sides.';
    if (sides) problems.push({ file: 'input parent-evidence', message: `${sides} ${hint}` });
  } else {
    for (const name of ['candidate-evidence', 'evidence'] as const) {
      if ((name === 'evidence' ? inputs.evidence : inputs.candidateEvidence).length > 0) {
        problems.push({
          file: `input ${name}`,
          message:
            `\`eval-command\` produces the candidate's evidence; remove \`${name}\` ` +
            "(or remove `eval-command` and give both sides' files).",
        });
      }
    }
  }
  // Repository paths or globs that limit discovery, matched in both trees (a deleted manifest too).
  const manifests = inputs.manifests.length > 0 ? inputs.manifests : undefined;
  const parentEvidence = expandInput('parent-evidence', inputs.parentEvidence, workspace, problems);
  const candidateEvidence = expandInput('candidate-evidence', inputs.candidateEvidence, workspace, problems);
  const evidence = expandInput('evidence', inputs.evidence, workspace, problems);
  if (problems.length > 0 || !base)
    throw new InputError(problems, `${problems.length} invalid input${problems.length === 1 ? '' : 's'}`);
  const { parentSide, candidateSide } = inputs;
  return {
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
    ...(inputs.look !== undefined ? { look: inputs.look } : {}),
    ...(parentSide || candidateSide
      ? {
          promptfooSides: {
            ...(parentSide ? { parent: parentSide } : {}),
            ...(candidateSide ? { candidate: candidateSide } : {}),
          },
        }
      : {}),
    ...(inputs.allowUnpaired ? { allowUnpaired: true } : {}),
    evidenceFormat: inputs.evidenceFormat,
    context: {
      ...(event.owner ? { repository: `${event.owner}/${event.repo}` } : {}),
      ...(process.env.GITHUB_SHA ? { commit: process.env.GITHUB_SHA } : {}),
      ...(event.pullRequest !== undefined ? { pull_request: event.pullRequest } : {}),
    },
    signing: {
      ...(inputs.signingKey !== undefined ? { key: inputs.signingKey } : {}),
      unsignedReason:
        event.name === 'pull_request'
          ? 'no signing-key input: pull requests from forks get no secrets'
          : 'no signing-key input',
    },
    outDir: inputs.outDir,
    ...(inputs.eval === undefined
      ? {}
      : {
          eval: {
            command: inputs.eval.command,
            parentFromFiles: !inputs.eval.parentAuto,
            maxParentAgeMs: inputs.eval.maxParentAgeMs,
            concurrency: inputs.eval.concurrency,
            timeoutMs: inputs.eval.timeoutMs,
            dir: `${inputs.outDir.replace(/\/+$/, '')}/${EVAL_DEFAULTS.folder}`,
            extension: inputs.evidenceFormat === 'jsonl' ? '.jsonl' : '.json',
            remote: 'origin',
            ...requireRuntime(runtime),
          },
        }),
  };
}

/** Expands the lines of a path input (globs relative to the workspace); a glob matching nothing is a problem. */
export function expandInput(name: string, patterns: readonly string[], cwd: string, problems: Problem[]): string[] {
  const out: string[] = [];
  for (const pattern of patterns) {
    if (!/[*?[{]/.test(pattern)) {
      out.push(pattern);
      continue;
    }
    const matches = globSync(pattern, { cwd }).toSorted();
    if (matches.length === 0)
      problems.push({ file: `input ${name}`, message: `The glob "${pattern}" matches no file in the workspace.` });
    for (const match of matches) out.push(match);
  }
  return out;
}

/**
 * Test hook, not an input: `KAIZEN_GATE_SUMMARY_LIMIT` (passed in as `text`) lowers the check-run summary limit (UTF-8
 * bytes) so tests can watch the staged shortening without a 64 KiB report. GitHub's limit is fixed.
 */
export function checkLimitsOf(text: string | undefined): CheckLimits {
  if (text === undefined || text === '') return DEFAULT_LIMITS;
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit < 1 || limit > DEFAULT_LIMITS.summary) {
    throw new Error(
      `Expected KAIZEN_GATE_SUMMARY_LIMIT to be an integer from 1 to ${DEFAULT_LIMITS.summary}, got "${text}".`,
    );
  }
  return { ...DEFAULT_LIMITS, summary: limit };
}

/** The runtime an eval needs; a request with an eval but without one is a bug in the caller. */
function requireRuntime(runtime: EvalRuntime | undefined): EvalRuntime {
  if (runtime === undefined) {
    throw new Error('requestOf: eval-command is set, so the eval runtime (environment, clock) must be given');
  }
  return runtime;
}
