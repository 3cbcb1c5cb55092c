import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PromptfooSideSelector } from '../evidence/promptfoo.ts';
import { mergePolicies, parsePolicy } from '../gates/policy.ts';
import type { GatePolicy } from '../gates/policy.ts';
import { resolveChangeSet } from '../git/resolve.ts';
import { digestOf } from '../manifest/model.ts';
import { runPipeline } from '../pipeline.ts';
import type { EvidenceInput } from '../evidence/collect.ts';
import { openEvidenceFile } from '../evidence/evidence-file.ts';
import { readPackageFiles } from '../evidence/package-files.ts';
import { readerAtCommit, readerAtWorktree } from '../git/git.ts';
import { InputError } from '../problem.ts';
import type { Report } from '../report/model.ts';
import { readInputFile, toRepoPath, UsageError } from './io.ts';

/** The check's inputs as both edges (CLI flags, Action inputs) state them. */
export interface CheckOptions {
  readonly cwd: string;
  readonly repo: string;
  readonly base: string;
  readonly head?: string;
  readonly manifests?: readonly string[];
  readonly parentEvidence: readonly string[];
  readonly candidateEvidence: readonly string[];
  readonly evidence: readonly string[];
  readonly policy?: string;
  readonly seed?: number;
  readonly parentSide?: PromptfooSideSelector;
  readonly candidateSide?: PromptfooSideSelector;
  readonly allowUnpaired?: boolean;
  /** Expected evidence format; `auto` (default) detects it per file. */
  readonly evidenceFormat?: 'auto' | 'jsonl' | 'promptfoo';
  readonly context?: { readonly repository?: string; readonly commit?: string; readonly pull_request?: number };
}

// gates/default.yaml ships beside dist/ (package.json `files`); from src/cli/ it is two levels up.
const DEFAULT_POLICY = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../gates/default.yaml' : '../../gates/default.yaml', import.meta.url));

/** Reads the default policy shipped with kaizen-gate and the repository's override, if any. */
export function loadPolicy(cwd: string, overridePath?: string): GatePolicy {
  const defaultBytes = readInputFile(DEFAULT_POLICY, 'default policy');
  const defaults = parsePolicy(defaultBytes, 'gates/default.yaml');
  const sources = [{ file: 'kaizen-gate:gates/default.yaml', digest: digestOf(defaultBytes) }];
  if (!overridePath) return mergePolicies(defaults, [], sources);
  const path = resolve(cwd, overridePath);
  const bytes = readInputFile(path, 'policy file');
  const override = parsePolicy(bytes, overridePath);
  return mergePolicies(defaults, [override], [...sources, { file: overridePath, digest: digestOf(bytes) }]);
}

/** Parses a promptfoo side selector: `promptIdx=1`, `provider=openai:gpt-4o`, `label=v2`. */
export function parseSideSelector(text: string, flag: string): PromptfooSideSelector {
  const match = /^(promptIdx|provider|label)=(.+)$/.exec(text);
  if (!match) throw new UsageError(`${flag} expects promptIdx=N, provider=ID or label=TEXT, got "${text}"`);
  const [, key, value] = match;
  if (key === 'promptIdx') {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} promptIdx must be a non-negative integer, got "${value}"`);
    return { promptIdx: n };
  }
  return key === 'provider' ? { provider: value! } : { label: value! };
}

/**
 * Gathers everything from git and disk and runs the pipeline: the shared body of `kaizen-gate
 * check` and the Action, so a local run gives the same report as the PR check.
 */
export function gatherAndRun(options: CheckOptions): Report {
  if (options.parentEvidence.length + options.candidateEvidence.length + options.evidence.length === 0) {
    throw new UsageError('no evidence given: pass --parent-evidence and --candidate-evidence (or --evidence for one file holding both sides)');
  }
  if ((options.parentEvidence.length === 0) !== (options.candidateEvidence.length === 0)) {
    throw new UsageError('--parent-evidence and --candidate-evidence go together: give both sides');
  }
  const policy = loadPolicy(options.cwd, options.policy);
  const changeSet = resolveChangeSet({
    repo: options.repo,
    base: options.base,
    ...(options.head !== undefined ? { head: options.head } : {}),
    ...(options.manifests && options.manifests.length > 0 ? { manifests: options.manifests } : {}),
  });
  const evidence: EvidenceInput[] = [];
  const missing: { file: string; message: string }[] = [];
  const add = (paths: readonly string[], side: EvidenceInput['side']): void => {
    for (const path of paths) {
      try {
        evidence.push({ path: toRepoPath(options.repo, resolve(options.cwd, path)), stream: openEvidenceFile(resolve(options.cwd, path), path, `${side} evidence`), side });
      } catch (error: unknown) {
        // Named as the user typed it: an absolute temp path in a CI log helps nobody.
        if (error instanceof InputError) missing.push(...error.problems.map((p) => ({ ...p, file: path })));
        else throw error;
      }
    }
  };
  add(options.parentEvidence, 'parent');
  add(options.candidateEvidence, 'candidate');
  add(options.evidence, 'both');
  if (missing.length > 0) throw new InputError(missing);
  const readHead = changeSet.head.commit ? readerAtCommit(options.repo, changeSet.head.commit) : readerAtWorktree(options.repo);
  return runPipeline({
    changeSet,
    evidence,
    packageFiles: readPackageFiles(changeSet, readHead, readerAtCommit(options.repo, changeSet.base.commit)),
    policy,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    promptfooSides: { ...(options.parentSide ? { parent: options.parentSide } : {}), ...(options.candidateSide ? { candidate: options.candidateSide } : {}) },
    ...(options.allowUnpaired ? { allowUnpaired: true } : {}),
    ...(options.evidenceFormat && options.evidenceFormat !== 'auto' ? { evidenceFormat: options.evidenceFormat } : {}),
    ...(options.context ? { context: options.context } : {}),
  });
}
