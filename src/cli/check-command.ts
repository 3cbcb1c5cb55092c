import { resolve } from 'node:path';
import { runGateCheck } from '../check.ts';
import type { CheckRequest } from '../check.ts';
import { readInputFile, toRepoPath } from '../io/files.ts';
import { serialiseReport } from '../io/report-files.ts';
import type { EvalRequest } from '../eval-runs.ts';
import { describeProgress } from '../eval/progress.ts';
import { checkEvidenceSides, EVAL_DEFAULTS, parseDuration, parseEvidenceFormat } from '../options.ts';
import { parseLook, parsePositiveInteger, parseSeed, parseSideSelector } from '../options.ts';
import type { EvidenceFormatChoice, Parsed } from '../options.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { EXIT, OUTCOMES } from '../outcome.ts';
import { renderText } from '../report/text.ts';
import { UsageError } from './io.ts';
import type { CommandContext } from './manifest-commands.ts';
import { repoRootOf } from './manifest-commands.ts';

/** Flags of `kaizen-gate check`, as parsed by the CLI. */
export interface CheckFlags {
  readonly base?: string;
  readonly head?: string;
  readonly repo?: string;
  readonly 'parent-evidence'?: string[];
  readonly 'candidate-evidence'?: string[];
  readonly evidence?: string[];
  readonly 'parent-side'?: string;
  readonly 'candidate-side'?: string;
  readonly policy?: string;
  readonly seed?: string;
  readonly look?: string;
  readonly out?: string;
  readonly format?: string;
  readonly 'allow-unpaired'?: boolean;
  readonly 'evidence-format'?: string;
  readonly 'signing-key'?: string;
  readonly all?: boolean;
  readonly eval?: string;
  readonly 'max-parent-age'?: string;
  readonly 'eval-concurrency'?: string;
  readonly 'eval-timeout'?: string;
}

/** The out dir a check writes to when eval files must go somewhere and --out was not given. */
export const DEFAULT_OUT = 'kaizen-gate-report';

const FORMATS = ['text', 'json', 'markdown'] as const;

/** The value of a flag that was checked, or a UsageError saying what was expected. */
function valueOf<T>(parsed: Parsed<T>): T {
  if ('error' in parsed) throw new UsageError(parsed.error);
  return parsed.value;
}

/** Turns the flags into a checked request; every usage mistake is a UsageError. */
function requestOf(ctx: CommandContext, positionals: readonly string[], flags: CheckFlags): CheckRequest {
  if (!flags.base)
    throw new UsageError('check needs --base <git-ref>: the commit holding the parent packages (e.g. origin/main)');
  const given = flags['parent-evidence'] ?? [];
  const auto = given.includes('auto');
  const parentEvidence = auto ? [] : given;
  const candidateEvidence = flags['candidate-evidence'] ?? [];
  const evidence = flags.evidence ?? [];
  if (auto && given.length > 1) {
    throw new UsageError(
      '--parent-evidence auto stands alone: either reuse stored parent evidence (auto) or name files',
    );
  }
  if (flags.eval === undefined) {
    if (auto) {
      throw new UsageError(
        '--parent-evidence auto needs --eval CMD: the parent is run with it when no fresh evidence is stored',
      );
    }
    for (const flag of ['max-parent-age', 'eval-concurrency', 'eval-timeout'] as const) {
      if (flags[flag] !== undefined) throw new UsageError(`--${flag} goes with --eval CMD`);
    }
    const sides = checkEvidenceSides(
      { parent: parentEvidence.length, candidate: candidateEvidence.length, both: evidence.length },
      { parent: '--parent-evidence', candidate: '--candidate-evidence', both: '--evidence' },
    );
    if (sides) throw new UsageError(sides);
  } else if (candidateEvidence.length > 0 || evidence.length > 0) {
    const extra = candidateEvidence.length > 0 ? '--candidate-evidence' : '--evidence';
    throw new UsageError(`--eval runs the candidate's eval; drop ${extra} (or drop --eval and give both sides' files)`);
  }
  if (flags['signing-key'] !== undefined && flags.out === undefined) {
    throw new UsageError('--signing-key needs --out DIR: the signed envelope is written there as report.intoto.json');
  }
  const parentSide =
    flags['parent-side'] === undefined ? undefined : valueOf(parseSideSelector(flags['parent-side'], '--parent-side'));
  const candidateSide =
    flags['candidate-side'] === undefined
      ? undefined
      : valueOf(parseSideSelector(flags['candidate-side'], '--candidate-side'));
  const repo = repoRootOf(ctx.cwd, flags.repo);
  return {
    cwd: ctx.cwd,
    repo,
    base: flags.base,
    ...(flags.head !== undefined ? { head: flags.head } : {}),
    ...(positionals.length > 0 ? { manifests: positionals.map((p) => toRepoPath(repo, resolve(ctx.cwd, p))) } : {}),
    ...(flags.all ? { all: true } : {}),
    parentEvidence,
    candidateEvidence,
    evidence,
    ...(flags.policy !== undefined ? { policy: flags.policy } : {}),
    ...(flags.seed !== undefined ? { seed: valueOf(parseSeed(flags.seed, '--seed')) } : {}),
    ...(flags.look !== undefined ? { look: valueOf(parseLook(flags.look, '--look')) } : {}),
    ...(parentSide || candidateSide
      ? {
          promptfooSides: {
            ...(parentSide ? { parent: parentSide } : {}),
            ...(candidateSide ? { candidate: candidateSide } : {}),
          },
        }
      : {}),
    ...(flags['allow-unpaired'] ? { allowUnpaired: true } : {}),
    evidenceFormat: valueOf(parseEvidenceFormat(flags['evidence-format'] ?? 'auto', '--evidence-format')),
    signing: {
      ...(flags['signing-key'] !== undefined
        ? { key: readInputFile(resolve(ctx.cwd, flags['signing-key']), 'signing key').toString('utf8') }
        : {}),
      unsignedReason: 'no --signing-key given',
    },
    ...(flags.out !== undefined ? { outDir: flags.out } : {}),
    ...(flags['signing-key'] !== undefined ? { runFiles: [flags['signing-key']] } : {}),
    ...(flags.eval !== undefined ? { eval: evalRequestOf(ctx, flags, parentEvidence.length > 0) } : {}),
  };
}

/** The eval part of a check or eval command, from its flags; `--out` (or kaizen-gate-report) holds the runs' files. */
export function evalRequestOf(
  ctx: CommandContext,
  flags: Pick<CheckFlags, 'eval' | 'out' | 'max-parent-age' | 'eval-concurrency' | 'eval-timeout' | 'evidence-format'>,
  parentFromFiles: boolean,
): EvalRequest {
  const command = flags.eval ?? '';
  if (command.trim() === '') {
    throw new UsageError(
      `--eval needs the command that runs your evaluation, e.g. --eval 'npx promptfoo eval -o "$KAIZEN_GATE_OUTPUT"'`,
    );
  }
  const format: EvidenceFormatChoice = valueOf(
    parseEvidenceFormat(flags['evidence-format'] ?? 'auto', '--evidence-format'),
  );
  const out = flags.out ?? DEFAULT_OUT;
  return {
    command,
    parentFromFiles,
    maxParentAgeMs: valueOf(
      parseDuration(flags['max-parent-age'] ?? EVAL_DEFAULTS.maxParentAge, '--max-parent-age', true),
    ),
    concurrency: valueOf(
      parsePositiveInteger(flags['eval-concurrency'] ?? EVAL_DEFAULTS.concurrency, '--eval-concurrency', 64),
    ),
    timeoutMs: valueOf(parseDuration(flags['eval-timeout'] ?? EVAL_DEFAULTS.timeout, '--eval-timeout')),
    dir: `${out.replace(/\/+$/, '')}/${EVAL_DEFAULTS.folder}`,
    extension: format === 'jsonl' ? '.jsonl' : '.json',
    remote: 'origin',
    env: ctx.env ?? process.env,
    clock: ctx.clock ?? (() => new Date()),
    onEvent: (event) => ctx.stderr(`${describeProgress(event, (path) => toRepoPath(ctx.cwd, path))}\n`),
  };
}

/** `check`: run the gates and print the decision. Exit 0 approve, 1 reject/hold, 3 needs approval, 2 invalid input. */
export async function runCheck(
  ctx: CommandContext,
  positionals: readonly string[],
  flags: CheckFlags,
  isTty: boolean,
): Promise<number> {
  const format = flags.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be ${FORMATS.join(', ')}, got "${format}"`);
  const result = await runGateCheck(requestOf(ctx, positionals, flags));
  const { report } = result;
  if (format === 'json') ctx.stdout(serialiseReport(report));
  else if (format === 'markdown') ctx.stdout(renderMarkdown(report));
  else ctx.stdout(renderText(report, { color: isTty, ...(flags.out !== undefined ? { outDir: flags.out } : {}) }));
  if (result.uncommitted) ctx.stderr(describeUncommitted(result.uncommitted));
  if (result.notEvaluated) {
    const shown = result.notEvaluated.slice(0, 10).join(', ');
    const more = result.notEvaluated.length > 10 ? ` and ${result.notEvaluated.length - 10} more` : '';
    ctx.stderr(
      `Note: --eval evaluates commits, so this check is about HEAD; the uncommitted changes (${shown}${more}) ` +
        'are not part of it. Commit them to gate them.\n',
    );
  }
  if (result.signingError !== undefined) {
    ctx.stderr(`kaizen-gate: the report was written unsigned: ${result.signingError}\n`);
    return EXIT.invalid;
  }
  return OUTCOMES[report.decision.outcome].exitCode;
}

/** The notice `check` prints when the work tree cannot stand for a commit. */
export function describeUncommitted(files: readonly string[]): string {
  const shown = files.slice(0, 10).join(', ');
  const more = files.length > 10 ? ` and ${files.length - 10} more` : '';
  return (
    `Note: the work tree has uncommitted changes (${shown}${more}), so this report is about the work tree and names no commit; ` +
    '`kaizen-gate verify --commit` cannot check it. Commit them (or pass --head REF) and run check again for a report bound to a commit.\n'
  );
}
