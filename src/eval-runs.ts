/**
 * The eval's part of a check, composed from the pure planning in src/eval/ and the edges that run
 * commands in worktrees (src/git/eval-run.ts) and keep evidence in git (src/git/evidence-store.ts):
 * which sides to run or reuse, running them, and storing what a merged run produced.
 */
import { resolve } from 'node:path';
import type { EvidenceInput } from './evidence/evidence-file.ts';
import { openEvidenceFile } from './evidence/evidence-file.ts';
import { fetchStoredRef, readStoredFiles, storeEvidence } from './git/evidence-store.ts';
import type { ChangeSet } from './manifest/change-set.ts';
import { toRepoPath } from './io/files.ts';
import { InputError } from './problem.ts';
import type { Problem } from './problem.ts';
import type { EvalOrigin, EvalSideOrigin } from './eval/origin.ts';
import { chooseParentSource, listEvalTargets } from './eval/plan.ts';
import type { EvalTarget, ParentSource, StoredLookup } from './eval/plan.ts';
import { runEvals } from './git/eval-run.ts';
import type { EvalProgress, EvalRunResult } from './eval/progress.ts';
import { storedEvidenceName, storedFileName, storedMetadataOf, verifyStored } from './eval/stored.ts';
import { readFileSync } from 'node:fs';
import type { StoreEvidenceOutcome } from './git/evidence-store.ts';

/** The eval part of a check, as the edges state it. */
export interface EvalRequest {
  readonly command: string;
  /** The parent's evidence is given as files: only candidates run. */
  readonly parentFromFiles: boolean;
  /** Stored parent evidence older than this is not reused; 0 turns reuse off. */
  readonly maxParentAgeMs: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  /** Where outputs and logs are kept, relative to the check's cwd. */
  readonly dir: string;
  /** The output file's extension: `.json` unless the evidence format is JSON Lines. */
  readonly extension: '.json' | '.jsonl';
  /** Fetch stored evidence from this remote before looking it up (when the repository has it). */
  readonly remote?: string;
  /** The environment the command starts from. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: () => Date;
  readonly onEvent?: (event: EvalProgress) => void;
}

/** What the eval gave a check. */
export interface GatheredEval {
  readonly evidence: EvidenceInput[];
  /** By candidate package_id. */
  readonly origins: Map<string, EvalOrigin>;
  /** The runs made, for storing their evidence (record mode, `eval --store`). */
  readonly runs: EvalRunResult[];
}

/**
 * Produces the evidence of every gated package by running the eval command (or reusing stored
 * parent evidence).
 *
 * @throws InputError when the candidate is the uncommitted work tree, or stored evidence fails its
 *   digest check (a tampered copy is never used).
 * @throws EvalError when a run fails.
 */
export async function gatherEvalEvidence(
  changeSet: ChangeSet,
  repo: string,
  cwd: string,
  request: EvalRequest,
): Promise<GatheredEval> {
  const { targets, problems } = listEvalTargets(changeSet, {
    command: request.command,
    extension: request.extension,
    parentFromFiles: request.parentFromFiles,
  });
  if (problems.length > 0) throw new InputError(problems);
  const now = request.clock();
  const sources = new Map<EvalTarget, ParentSource>();
  const storeProblems: Problem[] = [];
  for (const target of targets.filter((t) => t.side === 'parent')) {
    const lookup =
      request.maxParentAgeMs === 0 || target.fingerprint === undefined
        ? undefined
        : lookUpStored(repo, target.fingerprint, request.remote, storeProblems);
    sources.set(target, chooseParentSource(target, lookup, request.maxParentAgeMs, now));
  }
  if (storeProblems.length > 0) throw new InputError(storeProblems);

  const toRun = targets.filter((t) => sources.get(t)?.kind !== 'reuse');
  const dir = resolve(cwd, request.dir);
  const display = (path: string): string => toRepoPath(cwd, path);
  for (const [target, source] of sources) {
    if (source.kind === 'reuse') {
      request.onEvent?.({
        kind: 'reuse',
        target,
        ref: source.ref,
        producedAt: source.stored.metadata.produced_at,
        commit: source.stored.metadata.commit,
      });
    }
  }
  const results = await runEvals(toRun, {
    repo,
    command: request.command,
    dir,
    concurrency: request.concurrency,
    timeoutMs: request.timeoutMs,
    env: request.env,
    clock: request.clock,
    display,
    ...(request.onEvent ? { onEvent: request.onEvent } : {}),
  });

  const evidence: EvidenceInput[] = [];
  const origins = new Map<string, { parent?: EvalSideOrigin; candidate?: EvalSideOrigin }>();
  const origin = (target: EvalTarget): { parent?: EvalSideOrigin; candidate?: EvalSideOrigin } => {
    let found = origins.get(target.forPackage);
    if (found === undefined) origins.set(target.forPackage, (found = {}));
    return found;
  };
  for (const result of results) {
    const { target } = result;
    const path = toRepoPath(repo, result.outputPath);
    evidence.push({
      path,
      side: target.side,
      forPackage: target.forPackage,
      stream: openEvidenceFile(
        result.outputPath,
        display(result.outputPath),
        `the ${target.side} evidence the eval wrote`,
      ),
    });
    const source = sources.get(target);
    origin(target)[target.side] = {
      status: 'ran',
      package_id: target.packageId,
      commit: target.commit,
      produced_at: result.startedAt.toISOString(),
      evidence: path,
      ...(target.fingerprint === undefined ? {} : { fingerprint: target.fingerprint }),
      duration_ms: result.durationMs,
      ...(source?.kind === 'run' ? { reason: source.reason } : {}),
    };
  }
  for (const [target, source] of sources) {
    if (source.kind !== 'reuse') continue;
    const { metadata, bytes } = source.stored;
    const name = storedEvidenceName(metadata.fingerprint, metadata.evidence.file);
    evidence.push({ path: name, side: 'parent', forPackage: target.forPackage, bytes });
    origin(target).parent = {
      status: 'reused',
      package_id: metadata.package_id,
      commit: metadata.commit,
      produced_at: metadata.produced_at,
      evidence: name,
      fingerprint: metadata.fingerprint,
      ref: source.ref,
    };
  }
  const complete = new Map<string, EvalOrigin>();
  for (const [id, sides] of origins) {
    if (sides.candidate !== undefined) {
      complete.set(id, {
        command: request.command,
        ...(sides.parent ? { parent: sides.parent } : {}),
        candidate: sides.candidate,
      });
    }
  }
  // Parent before candidate, package by package: the order the report lists evidence in.
  evidence.sort((a, b) =>
    a.forPackage! < b.forPackage! ? -1 : a.forPackage! > b.forPackage! ? 1 : a.side === 'parent' ? -1 : 1,
  );
  return { evidence, origins: complete, runs: results };
}

/** What the store holds for a fingerprint, fetched first; a copy that fails its checks is a problem. */
function lookUpStored(
  repo: string,
  fingerprint: string,
  remote: string | undefined,
  problems: Problem[],
): StoredLookup {
  const fetched = remote === undefined ? undefined : fetchStoredRef(repo, fingerprint, remote);
  const note = fetched?.kind === 'failed' ? `fetching it from ${remote} failed: ${fetched.reason}` : undefined;
  const files = readStoredFiles(repo, fingerprint);
  if (files === undefined) return { kind: 'none', ...(note === undefined ? {} : { note }) };
  const verified = verifyStored(files.ref, fingerprint, files.files);
  if ('problem' in verified) {
    problems.push({ file: files.ref, message: verified.problem });
    return { kind: 'none' };
  }
  return {
    kind: 'found',
    ref: files.ref,
    commit: files.commit,
    stored: verified,
    ...(note === undefined ? {} : { note }),
  };
}

/** What storing one run did: stored (and maybe pushed), or why not. */
export type StoredRun =
  | { readonly run: EvalRunResult; readonly outcome: StoreEvidenceOutcome }
  | { readonly run: EvalRunResult; readonly skipped: string };

/**
 * Stores each run's output under its evaluation fingerprint (a run without one is skipped, with
 * the reason), pushing each ref when asked.
 *
 * @throws GitError when git fails or a push stays rejected.
 */
export function storeRunEvidence(
  repo: string,
  runs: readonly EvalRunResult[],
  command: string,
  options: { readonly push: boolean; readonly remote?: string },
): StoredRun[] {
  return runs.map((run) => {
    const { target } = run;
    if (target.fingerprint === undefined) {
      return {
        run,
        skipped:
          `${target.forPackage} ${target.side}: not stored, a file its manifest references could not be read, ` +
          `so it has no evaluation fingerprint`,
      };
    }
    const bytes = readFileSync(run.outputPath);
    const metadata = storedMetadataOf(
      {
        fingerprint: target.fingerprint,
        package_id: target.packageId,
        manifest: target.manifest,
        commit: target.commit,
        produced_at: run.startedAt.toISOString(),
        command,
      },
      storedFileName(run.outputPath),
      bytes,
    );
    return {
      run,
      outcome: storeEvidence({
        repo,
        metadata,
        bytes,
        push: options.push,
        ...(options.remote === undefined ? {} : { remote: options.remote }),
      }),
    };
  });
}
