/**
 * The composition root of the release gate: the one place the flow of ARCHITECTURE.md is put
 * together. Resolve the change set (git) → read the evidence files → the pure pipeline (bind and
 * pair evidence, gates, decision, report) → sign → write the report files. Both edges call it with
 * options they have already parsed and checked: `kaizen-gate check` and the Action give the same
 * report for the same inputs.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countLooks } from './audit/looks.ts';
import type { RecordLine } from './audit/looks.ts';
import type { CollectOptions, EvidenceInput } from './evidence/collect.ts';
import { gatherEvalEvidence } from './eval-runs.ts';
import type { EvalRequest, GatheredEval } from './eval-runs.ts';
import type { EvalRunResult } from './eval/progress.ts';
import { openEvidenceFile } from './evidence/evidence-file.ts';
import { readPackageFiles } from './evidence/package-files.ts';
import { readerAtCommit, readerAtWorktree } from './git/git.ts';
import { mergePolicies, parsePolicy } from './gates/policy.ts';
import type { GatePolicy } from './gates/policy.ts';
import { loadPolicyAtBase } from './git/policy.ts';
import type { DefaultPolicy } from './git/policy.ts';
import { readAllNotes } from './git/notes.ts';
import { resolveChangeSet } from './git/resolve.ts';
import { uncommittedFiles } from './git/status.ts';
import { readInputFile, toRepoPath } from './io/files.ts';
import { reportTexts, writeReportFiles } from './io/report-files.ts';
import type { ReportFiles } from './io/report-files.ts';
import type { EvidenceFormatChoice } from './options.ts';
import { runPipeline } from './pipeline.ts';
import { formatProblem, InputError } from './problem.ts';
import type { Problem } from './problem.ts';
import { attestReport } from './report/attest.ts';
import type { Report } from './report/model.ts';
import type { Envelope } from './report/sign.ts';
import { digestOf } from './digest.ts';

/** A check, as both edges state it once their inputs are parsed and checked. */
export interface CheckRequest {
  /** Where relative paths (evidence, policy, out) are resolved. */
  readonly cwd: string;
  readonly repo: string;
  readonly base: string;
  /**
   * A git ref. Undefined: HEAD when the work tree has nothing uncommitted (besides this run's own
   * files), else the working tree, whose report names no commit.
   */
  readonly head?: string;
  /** Limits which manifests are considered (repository-relative paths or globs); undefined: all. */
  readonly manifests?: readonly string[];
  /** Gate every selected package, not only those the change touches. */
  readonly all?: boolean;
  readonly parentEvidence: readonly string[];
  readonly candidateEvidence: readonly string[];
  /** Files holding both sides. */
  readonly evidence: readonly string[];
  readonly policy?: string;
  readonly seed?: number;
  /**
   * Which look at the package pairs this is. Default: one more than the gate reports of the same
   * parent → candidate pair recorded in the audit trail (refs/notes/kaizen-gate).
   */
  readonly look?: number;
  readonly promptfooSides?: CollectOptions['promptfooSides'];
  readonly allowUnpaired?: boolean;
  readonly evidenceFormat?: EvidenceFormatChoice;
  readonly context?: { readonly repository?: string; readonly commit?: string; readonly pull_request?: number };
  /** The private key (PEM text) to sign with, or why the report is unsigned. */
  readonly signing: { readonly key?: string; readonly unsignedReason: string };
  /** When set, report.json, report.md and the envelope are written there as one set. */
  readonly outDir?: string;
  /** Other files this run reads that are not part of any package (a signing key file), relative to `cwd`. */
  readonly runFiles?: readonly string[];
  /**
   * Run the team's eval command for the evidence (each side in a clean worktree of its commit),
   * reusing stored parent evidence when allowed. `candidateEvidence` and `evidence` are then empty;
   * `parentEvidence` holds files only when the parent's evidence is given.
   */
  readonly eval?: EvalRequest;
}

/** What a check produced. */
export interface CheckResult {
  readonly report: Report;
  readonly envelope?: Envelope;
  readonly files?: ReportFiles;
  /**
   * The signing key was given but could not be used: the report is unsigned and says why, the
   * files are still written, and the edge must fail the run with this message.
   */
  readonly signingError?: string;
  /** Without a head, the uncommitted files that kept the report from being bound to HEAD. */
  readonly uncommitted?: readonly string[];
  /** With the eval and without a head: uncommitted files it did not see, as it gated HEAD. */
  readonly notEvaluated?: readonly string[];
  /** The eval runs made for this check (absent without `eval`), for storing their evidence. */
  readonly evalRuns?: readonly EvalRunResult[];
}

// gates/default.yaml ships beside dist/ (package.json `files`); src/ and dist/ sit at the same depth.
const DEFAULT_POLICY = fileURLToPath(new URL('../gates/default.yaml', import.meta.url));

/** The policy shipped with kaizen-gate (gates/default.yaml), as its bytes and the name reports give it. */
export function readDefaultPolicy(): DefaultPolicy {
  return { bytes: readInputFile(DEFAULT_POLICY, 'default policy'), file: 'kaizen-gate:gates/default.yaml' };
}

/** The default policy alone, for a repository that names no policy file of its own. */
export function loadDefaultPolicy(): GatePolicy {
  const { bytes, file } = readDefaultPolicy();
  return mergePolicies(parsePolicy(bytes, file), [], [{ file, digest: digestOf(bytes) }]);
}

/**
 * Runs the gate for a change and returns the signed (or unsigned) report.
 *
 * @throws InputError listing every problem with the manifests, policy or evidence (bad input, not a
 *   gate result); a failing gate is part of the report.
 * @throws EvalError when the eval command fails for some side (no evidence of the change is used).
 */
export async function runGateCheck(request: CheckRequest): Promise<CheckResult> {
  // A work tree with nothing uncommitted is HEAD: gate that commit, so the report can be verified.
  // The eval runs commits, never the work tree: with it, HEAD is gated and the changes left aside.
  const uncommitted = request.head === undefined ? uncommittedFiles(request.repo, ownFiles(request)) : [];
  const head = request.head ?? (uncommitted.length === 0 || request.eval !== undefined ? 'HEAD' : undefined);
  const changeSet = resolveChangeSet({
    repo: request.repo,
    base: request.base,
    ...(head !== undefined ? { head } : {}),
    ...(request.manifests && request.manifests.length > 0 ? { manifests: request.manifests } : {}),
    ...(request.all ? { all: true } : {}),
  });
  // A repository policy is read at the base commit: the change under review cannot loosen it.
  const { policy, change: policyChange } =
    request.policy === undefined
      ? { policy: loadDefaultPolicy(), change: undefined }
      : loadPolicyAtBase({
          repo: request.repo,
          cwd: request.cwd,
          given: request.policy,
          baseCommit: changeSet.base.commit,
          headCommit: changeSet.head.commit,
          defaults: readDefaultPolicy(),
        });
  const readHead = changeSet.head.commit
    ? readerAtCommit(request.repo, changeSet.head.commit)
    : readerAtWorktree(request.repo);
  const given = readEvidence(request);
  const made: GatheredEval | undefined =
    request.eval === undefined
      ? undefined
      : await gatherEvalEvidence(changeSet, request.repo, request.cwd, request.eval);
  const report = runPipeline({
    changeSet,
    evidence: made === undefined ? given : [...given, ...made.evidence],
    ...(made === undefined ? {} : { evalOrigins: made.origins }),
    packageFiles: readPackageFiles(changeSet, readHead, readerAtCommit(request.repo, changeSet.base.commit)),
    policy,
    ...(policyChange ? { policyChange } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    look: request.look ?? countLooks(allNoteLines(request.repo)),
    ...(request.promptfooSides ? { promptfooSides: request.promptfooSides } : {}),
    ...(request.allowUnpaired ? { allowUnpaired: true } : {}),
    ...(request.evidenceFormat && request.evidenceFormat !== 'auto' ? { evidenceFormat: request.evidenceFormat } : {}),
    ...(request.context ? { context: request.context } : {}),
  });
  const { attested, signingError } = sign(report, request.signing);
  const files =
    request.outDir === undefined
      ? undefined
      : writeReportFiles(resolve(request.cwd, request.outDir), reportTexts(attested.report, attested.envelope));
  return {
    report: attested.report,
    ...(attested.envelope ? { envelope: attested.envelope } : {}),
    ...(files ? { files } : {}),
    ...(signingError !== undefined ? { signingError } : {}),
    ...(uncommitted.length > 0 ? (request.eval === undefined ? { uncommitted } : { notEvaluated: uncommitted }) : {}),
    ...(made === undefined ? {} : { evalRuns: made.runs }),
  };
}

/** The run's own inputs and outputs (repository-relative), which do not make the work tree differ from HEAD. */
function ownFiles(request: CheckRequest): string[] {
  const own = [
    ...request.parentEvidence,
    ...request.candidateEvidence,
    ...request.evidence,
    ...(request.outDir !== undefined ? [request.outDir] : []),
    ...(request.eval !== undefined ? [request.eval.dir] : []),
    ...(request.runFiles ?? []),
  ];
  return own.map((path) => toRepoPath(request.repo, resolve(request.cwd, path)));
}

/** Reads every evidence file; all missing or unreadable files are reported at once, named as the user typed them. */
function readEvidence(request: CheckRequest): EvidenceInput[] {
  const evidence: EvidenceInput[] = [];
  const problems: Problem[] = [];
  const add = (paths: readonly string[], side: EvidenceInput['side']): void => {
    for (const path of paths) {
      const full = resolve(request.cwd, path);
      try {
        evidence.push({
          path: toRepoPath(request.repo, full),
          stream: openEvidenceFile(full, path, `${side} evidence`),
          side,
        });
      } catch (error: unknown) {
        // An absolute temp path in a CI log helps nobody: the file is named as it was given.
        if (error instanceof InputError) problems.push(...error.problems.map((p) => ({ ...p, file: path })));
        else throw error;
      }
    }
  };
  add(request.parentEvidence, 'parent');
  add(request.candidateEvidence, 'candidate');
  add(request.evidence, 'both');
  if (problems.length > 0) throw new InputError(problems);
  return evidence;
}

/**
 * Signs the report. A key that cannot be used does not discard the report: it stays unsigned,
 * says why, and the caller fails the run, so reviewers still see the decision.
 */
function sign(
  report: Report,
  signing: CheckRequest['signing'],
): { attested: ReturnType<typeof attestReport>; signingError?: string } {
  try {
    return { attested: attestReport(report, signing.key, signing.unsignedReason) };
  } catch (error: unknown) {
    if (!(error instanceof InputError)) throw error;
    const signingError = error.problems.map(formatProblem).join('; ');
    return {
      attested: attestReport(report, undefined, `the signing key could not be used (${signingError})`),
      signingError,
    };
  }
}

/** Every line of every note in the audit trail; none in a repository without one. */
function* allNoteLines(repo: string): Generator<RecordLine> {
  for (const lines of readAllNotes(repo).values()) yield* lines;
}
