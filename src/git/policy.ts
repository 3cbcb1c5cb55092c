/**
 * Reads a repository's gate policy the way a release gate must: at the base commit, where the pull
 * request under review cannot change it, and at the head only to see what the change would do to
 * it. The path is repository-relative and never leaves the repository: a symlink is followed only
 * inside it, and a file that is not a kaizen-gate GatePolicy is refused without quoting a byte of it.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { comparePolicies } from '../gates/policy-change.ts';
import type { PolicyChange } from '../gates/policy-change.ts';
import { mergePolicies, parsePolicy } from '../gates/policy.ts';
import type { GatePolicy } from '../gates/policy.ts';
import { classifyYaml } from '../manifest/discover.ts';
import type { FileRead } from '../manifest/verify.ts';
import { InputError } from '../problem.ts';
import type { Problem } from '../problem.ts';
import { readerAtCommit, readerAtWorktree } from './git.ts';
import { digestOf } from '../digest.ts';

/** The policy shipped with kaizen-gate, which every repository policy overrides field by field. */
export interface DefaultPolicy {
  readonly bytes: Uint8Array;
  /** The name it is parsed and reported under, e.g. `kaizen-gate:gates/default.yaml`. */
  readonly file: string;
}

/** The policy the gate runs with, and what the change does to the repository's policy file. */
export interface PolicyAtBase {
  /** The tighter of base and head for every field. */
  readonly policy: GatePolicy;
  readonly change: PolicyChange;
}

/**
 * Loads the policy file `given` (relative to `cwd`, inside the repository) at the base commit and
 * at the head (a commit, or the work tree when `headCommit` is null), merges each onto the
 * defaults and compares them: the result runs the gate with the tighter value of every field and
 * lists what the change loosens (→ needs approval) and tightens (applied at once).
 *
 * @throws InputError when the path leaves the repository, exists in neither tree, is not a
 *   kaizen-gate GatePolicy, or is an invalid policy (located problems).
 */
export function loadPolicyAtBase(options: {
  readonly repo: string;
  readonly cwd: string;
  readonly given: string;
  readonly baseCommit: string;
  readonly headCommit: string | null;
  readonly defaults: DefaultPolicy;
}): PolicyAtBase {
  const path = policyPathOf(options.repo, options.cwd, options.given);
  const readHead =
    options.headCommit === null ? readerAtWorktree(options.repo) : readerAtCommit(options.repo, options.headCommit);
  const problems: Problem[] = [];
  const base = checkPolicyFile(
    readerAtCommit(options.repo, options.baseCommit)(path),
    path,
    'at the base commit',
    problems,
  );
  const head = checkPolicyFile(
    readHead(path),
    path,
    options.headCommit === null ? 'in the working tree' : 'at the head',
    problems,
  );
  if (problems.length > 0) throw new InputError(problems);
  if (base === undefined && head === undefined) {
    throw new InputError([
      { file: path, message: 'policy file does not exist at the base commit or in the candidate' },
    ]);
  }
  const defaults = parsePolicy(options.defaults.bytes, options.defaults.file);
  const defaultSource = { file: options.defaults.file, digest: digestOf(options.defaults.bytes) };
  const merge = (bytes: Uint8Array | undefined, label: string): GatePolicy =>
    bytes === undefined
      ? mergePolicies(defaults, [], [defaultSource])
      : mergePolicies(defaults, [parsePolicy(bytes, path)], [defaultSource, { file: label, digest: digestOf(bytes) }]);
  const basePolicy = merge(base, path);
  const headPolicy = merge(head, `${path} (candidate)`);
  const baseDigest = base === undefined ? undefined : digestOf(base);
  const headDigest = head === undefined ? undefined : digestOf(head);
  const status =
    base === undefined
      ? 'added'
      : head === undefined
        ? 'deleted'
        : baseDigest === headDigest
          ? 'unchanged'
          : 'modified';
  const { effective, loosened, tightened } = comparePolicies(basePolicy, headPolicy);
  const sources =
    status === 'modified' || status === 'added'
      ? [...basePolicy.sources, ...headPolicy.sources.slice(1)]
      : basePolicy.sources;
  return {
    policy: { ...effective, sources },
    change: {
      file: path,
      status,
      ...(baseDigest !== undefined ? { base_digest: baseDigest } : {}),
      ...(headDigest !== undefined ? { head_digest: headDigest } : {}),
      loosened,
      tightened,
    },
  };
}

/** The repository-relative path of a policy file named relative to `cwd`; refuses one outside. */
export function policyPathOf(repo: string, cwd: string, given: string): string {
  const rel = relative(resolve(repo), resolve(cwd, given));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    const message =
      'the policy file must be inside the repository: it is read at the base commit, where a pull request cannot change it';
    throw new InputError([{ file: given, message }]);
  }
  return rel.split(sep).join('/');
}

function checkPolicyFile(read: FileRead, path: string, where: string, problems: Problem[]): Uint8Array | undefined {
  switch (read.kind) {
    case 'missing':
      return undefined;
    case 'not-a-file':
      problems.push({ file: path, message: `policy file ${where} is not a regular file` });
      return undefined;
    case 'escapes':
      problems.push({
        file: path,
        message: `policy file ${where} ${read.reason}; the policy is read from inside the repository only`,
      });
      return undefined;
    case 'file': {
      const kind = classifyYaml(read.bytes, path);
      if (kind.kind === 'kaizen-other' && kind.documentKind === 'GatePolicy') return read.bytes;
      // Say what the file is not, never what it holds: it may be a key or any other secret.
      const located = kind.kind === 'unreadable' && kind.mentions ? kind.problem : undefined;
      problems.push(
        located
          ? { ...located, message: `policy file ${where} cannot be read as YAML (${located.message})` }
          : {
              file: path,
              message: `policy file ${where} is not a kaizen-gate GatePolicy document (apiVersion: kaizen-gate/v1, kind: GatePolicy)`,
            },
      );
      return undefined;
    }
  }
}
