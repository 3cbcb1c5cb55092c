import { resolve } from 'node:path';
import { listEvalTargets } from '../eval/plan.ts';
import { describeProgress } from '../eval/progress.ts';
import { runEvals } from '../git/eval-run.ts';
import { storeRunEvidence } from '../eval-runs.ts';
import { resolveChangeSet } from '../git/resolve.ts';
import { uncommittedFiles } from '../git/status.ts';
import { toRepoPath } from '../io/files.ts';
import { InputError } from '../problem.ts';
import { evalRequestOf } from './check-command.ts';
import type { Command } from './command.ts';
import { repoOption } from './command.ts';
import { UsageError } from './io.ts';
import type { CommandContext } from './manifest-commands.ts';
import { repoRootOf } from './manifest-commands.ts';

/** Flags of `kaizen-gate eval`. */
interface EvalFlags {
  readonly command?: string;
  readonly base?: string;
  readonly head?: string;
  readonly repo?: string;
  readonly out?: string;
  readonly store?: boolean;
  readonly push?: boolean;
  readonly remote?: string;
  readonly 'eval-concurrency'?: string;
  readonly 'eval-timeout'?: string;
  readonly 'evidence-format'?: string;
}

/** `kaizen-gate eval`: the eval command run per package and side, outputs kept, optionally stored. */
export const EVAL_COMMAND: Command = {
  summary: 'run your eval command per package in clean worktrees; --store keeps the evidence for reuse',
  usage:
    'kaizen-gate eval --command CMD [manifest…] [--base REF] [--head REF] [--out DIR] [--store [--push]] [options]',
  options: {
    ...repoOption,
    command: { type: 'string' },
    base: { type: 'string' },
    head: { type: 'string' },
    out: { type: 'string' },
    store: { type: 'boolean' },
    push: { type: 'boolean' },
    remote: { type: 'string' },
    'eval-concurrency': { type: 'string' },
    'eval-timeout': { type: 'string' },
    'evidence-format': { type: 'string' },
  },
  help: `Runs CMD with \`sh -c\` once per package and side, each in a clean detached git worktree of the
side's commit, and keeps its output and log under DIR/eval/<package_id>/ (candidate.json,
candidate.log; parent.json, parent.log). Without --base, every package at --head (default HEAD)
is evaluated once, as the candidate; with --base, the packages the change touches are evaluated
on both sides, as \`check --eval\` does (without reusing stored evidence). Commits are evaluated,
never the work tree: commit first.

The command finds in its environment KAIZEN_GATE_SIDE (parent or candidate),
KAIZEN_GATE_PACKAGE_ID, KAIZEN_GATE_MANIFEST (repository path), KAIZEN_GATE_COMMIT,
KAIZEN_GATE_OUTPUT (the file to write its evidence to: promptfoo output or JSON Lines records)
and KAIZEN_GATE_WORKSPACE (this repository). It runs in the worktree; the repository's
node_modules is linked there and node_modules/.bin put on PATH. A run fails when the command exits
non-zero, is killed, times out, or leaves KAIZEN_GATE_OUTPUT missing or empty; the end of its
output is printed and the command exits 2. PROMPTFOO_FAILED_TEST_EXIT_CODE is 0 unless you set
it: failing test cases are evidence, not a failed run. Windows needs sh (Git Bash) on PATH.

With --store, each output is stored in git under its evaluation fingerprint
(refs/kaizen-gate/evidence/<fingerprint>), where \`check --eval\` and the Action find it and skip
running the parent. The fingerprint is a digest of the manifest, its behaviour fingerprint, every
file it references (prompts, suites, rubric, …), the judge and CMD.

Options:
  --command CMD            the eval command (required), e.g. 'npx promptfoo eval -o "$KAIZEN_GATE_OUTPUT"'
  --base REF               evaluate the change against REF: parents at REF, candidates at --head
  --head REF               the commit to evaluate (default HEAD)
  --out DIR                outputs and logs go to DIR/eval (default kaizen-gate-report)
  --store                  store every output under its evaluation fingerprint
  --push                   with --store: push the refs to --remote (retried when others push meanwhile)
  --remote NAME            where --push goes (default origin)
  --eval-concurrency N     runs at once (default 2)
  --eval-timeout D         per run, e.g. 90s, 30m, 2h (default 60m); then its process group is stopped
  --evidence-format FMT    jsonl names the output .jsonl; auto or promptfoo name it .json
  --repo DIR               repository root (default: the git top level of the working directory)

Exit status: 0 every run produced evidence, 2 a run failed or invalid input or usage.`,
  run: (ctx, values, positionals) => runEval(ctx, values as EvalFlags, positionals),
};

async function runEval(ctx: CommandContext, flags: EvalFlags, positionals: readonly string[]): Promise<number> {
  if (flags.command === undefined) {
    throw new UsageError(
      'eval needs --command CMD: the command that runs your evaluation and writes $KAIZEN_GATE_OUTPUT',
    );
  }
  if (flags.push && !flags.store) {
    throw new UsageError('--push goes with --store: it publishes the stored evidence refs');
  }
  const request = evalRequestOf(
    ctx,
    { eval: flags.command, ...pick(flags, ['out', 'eval-concurrency', 'eval-timeout', 'evidence-format']) },
    flags.base === undefined,
  );
  const repo = repoRootOf(ctx.cwd, flags.repo);
  const head = flags.head ?? 'HEAD';
  const manifests = positionals.map((p) => toRepoPath(repo, resolve(ctx.cwd, p)));
  const changeSet = resolveChangeSet({
    repo,
    base: flags.base ?? head,
    head,
    ...(manifests.length > 0 ? { manifests } : {}),
    ...(flags.base === undefined ? { all: true } : {}),
  });
  const { targets, problems } = listEvalTargets(changeSet, {
    command: request.command,
    extension: request.extension,
    parentFromFiles: request.parentFromFiles,
  });
  if (problems.length > 0) throw new InputError(problems);
  if (flags.head === undefined) {
    const own = [toRepoPath(repo, resolve(ctx.cwd, request.dir))];
    const pending = uncommittedFiles(repo, own);
    if (pending.length > 0) {
      ctx.stderr(
        `Note: ${pending.length} uncommitted change(s) in the work tree are not evaluated; the eval runs at ` +
          `${changeSet.head.commit?.slice(0, 12)} (HEAD).\n`,
      );
    }
  }
  if (targets.length === 0) {
    ctx.stdout('No package to evaluate.\n');
    return 0;
  }
  const display = (path: string): string => toRepoPath(ctx.cwd, path);
  const results = await runEvals(targets, {
    repo,
    command: request.command,
    dir: resolve(ctx.cwd, request.dir),
    concurrency: request.concurrency,
    timeoutMs: request.timeoutMs,
    env: request.env,
    clock: request.clock,
    display,
    onEvent: (event) => ctx.stderr(`${describeProgress(event, display)}\n`),
  });
  for (const result of results) {
    const { target } = result;
    ctx.stdout(
      `${target.forPackage} ${target.side} (${target.packageId} at ${target.commit.slice(0, 12)}): ` +
        `${display(result.outputPath)}\n`,
    );
  }
  if (flags.store) {
    for (const stored of storeRunEvidence(repo, results, request.command, {
      push: flags.push === true,
      ...(flags.remote === undefined ? {} : { remote: flags.remote }),
    })) {
      ctx.stdout(`${'skipped' in stored ? stored.skipped : stored.outcome.message}\n`);
    }
  }
  return 0;
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
