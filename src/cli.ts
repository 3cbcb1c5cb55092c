import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { GitError } from './git/git.ts';
import { formatProblem, InputError } from './problem.ts';
import { UsageError } from './cli/io.ts';
import { runCheck } from './cli/check-command.ts';
import { EVAL_COMMAND } from './cli/eval-command.ts';
import { INIT_COMMAND } from './cli/init-command.ts';
import { EvalError } from './eval/failure.ts';
import type { CheckFlags } from './cli/check-command.ts';
import { runDiff, runLock, runValidate } from './cli/manifest-commands.ts';
import type { CommandContext } from './cli/manifest-commands.ts';
import { AUDIT_COMMANDS } from './cli/audit-commands.ts';
import { STAGE_COMMANDS } from './cli/stage-commands.ts';
import { repoOption } from './cli/command.ts';
import { describeArgsError } from './cli/flags.ts';
import type { Command } from './cli/command.ts';
import { EXIT } from './outcome.ts';
import { VERSION } from './version.ts';

const COMMANDS: Record<string, Command> = {
  validate: {
    summary: "check manifests against the schema and their artifacts' digests",
    usage: 'kaizen-gate validate [path…] [--repo DIR]',
    options: { ...repoOption },
    help: `Validates package manifests: YAML shape, JSON Schema, and every referenced file (exists inside
the repository, matches its recorded sha256). Paths may be files or directories; without paths,
every YAML file of the repository (tracked and untracked, not ignored) is discovered. A manifest is
a YAML document with apiVersion kaizen-gate/v1 and kind Package, in any YAML style; other files
(CI configs, Kubernetes objects, kaizen-gate policies) are skipped. YAML that cannot be parsed is
reported in a folder you name, and anywhere when it names kaizen-gate.

Options:
  --repo DIR   repository root (default: the git top level of the working directory)

Exit status: 0 all valid, 2 problems found (each printed as file:line:col field: message).`,
    run: (ctx, values, positionals) => runValidate(ctx, positionals, values.repo as string | undefined),
  },
  lock: {
    summary: 'rewrite the artifact digests recorded in manifests',
    usage: 'kaizen-gate lock [manifest…] [--check] [--repo DIR]',
    options: { ...repoOption, check: { type: 'boolean' } },
    help: `Updates each manifest's sha256 fields to the current content of the files they reference, the
way a lockfile is updated. Comments, key order and formatting are preserved; running it twice
changes nothing the second time. Nothing is written if any manifest has a problem. Without
arguments, every manifest of the repository is locked (discovered as validate does); a file named
that is not a Package manifest is an error.

Options:
  --check      write nothing; exit 1 when some digest is out of date
  --repo DIR   repository root (default: the git top level of the working directory)

Exit status: 0 done (or up to date), 1 out of date (--check), 2 invalid input.`,
    run: (ctx, values, positionals) =>
      runLock(ctx, positionals, {
        check: values.check === true,
        ...(values.repo ? { repo: values.repo as string } : {}),
      }),
  },
  diff: {
    summary: 'diff candidate manifests against their parents and classify the change',
    usage: 'kaizen-gate diff --base REF [--head REF] [--json] [--all] [manifest…]',
    options: {
      ...repoOption,
      base: { type: 'string' },
      head: { type: 'string' },
      json: { type: 'boolean' },
      all: { type: 'boolean' },
    },
    help: `Compares each candidate package with its parent at --base: the same file there, or the manifest
whose package_id is the candidate's parent_package_id. Prints the artifact-level diff, the change
classes (prompt_patch, retrieval_refresh, tool_schema_repair, route_change, guardrail_update,
model_change, rollback, no_behaviour_change) and manifest failures such as a prompt edited without
updating its digest. Every package the change touches is compared: its manifest or a file a base
or head version of it references changed. Discovery is anchored at the base: a manifest of the
base that the head deletes, empties, re-encodes, renames away (without a new manifest of the same
application) or replaces is a manifest failure. Manifest arguments (files, folders or globs) limit
discovery to those paths.

Options:
  --base REF   the commit to compare against (required), e.g. origin/main
  --head REF   the candidate commit (default: the working tree)
  --all        compare every selected package, touched or not
  --json       print the diff as JSON (schema: manifests/schema/diff.schema.json)
  --repo DIR   repository root (default: the git top level of the working directory)

Exit status: 0 no manifest failure, 1 a manifest check failed, 2 invalid input or usage.`,
    run: (ctx, values, positionals) =>
      runDiff(ctx, positionals, {
        json: values.json === true,
        ...(values.base !== undefined ? { base: values.base as string } : {}),
        ...(values.head !== undefined ? { head: values.head as string } : {}),
        ...(values.repo !== undefined ? { repo: values.repo as string } : {}),
        ...(values.all === true ? { all: true } : {}),
      }),
  },
  check: {
    summary: 'run the release gates on paired evidence and decide',
    usage: 'kaizen-gate check --base REF [manifest…] --parent-evidence FILE… --candidate-evidence FILE… [options]',
    options: {
      ...repoOption,
      base: { type: 'string' },
      head: { type: 'string' },
      'parent-evidence': { type: 'string', multiple: true },
      'candidate-evidence': { type: 'string', multiple: true },
      evidence: { type: 'string', multiple: true },
      'parent-side': { type: 'string' },
      'candidate-side': { type: 'string' },
      policy: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      'allow-unpaired': { type: 'boolean' },
      look: { type: 'string' },
      'evidence-format': { type: 'string' },
      'signing-key': { type: 'string' },
      all: { type: 'boolean' },
      eval: { type: 'string' },
      'max-parent-age': { type: 'string' },
      'eval-concurrency': { type: 'string' },
      'eval-timeout': { type: 'string' },
    },
    help: `Runs the quality, safety, cost, latency and manifest gates for each package the change against
--base touches (discovered as diff does; manifest arguments limit discovery to those paths) on
paired per-case evidence of parent and candidate, decides approve / reject / hold /
needs_approval, and prints the report. A manifest the change deletes, empties, re-encodes, renames
away or replaces fails the manifest gate. The --policy file is read at the base commit; a change
to it that loosens any threshold needs an owner's approval, a tightening applies at once.

Options:
  --base REF                   commit holding the parent packages (required), e.g. origin/main
  --head REF                   candidate commit (default: the working tree)
  --parent-evidence FILE       parent evidence: JSON Lines records or promptfoo output (repeatable)
  --candidate-evidence FILE    candidate evidence (repeatable)
  --evidence FILE              one file holding both sides (repeatable): JSONL records of both
                               package ids, or a promptfoo eval with one column per side
  --parent-side SEL            promptfoo column of the parent: promptIdx=N, provider=ID or label=TEXT
                               (default promptIdx=0 for --evidence; also picks the column of a
                               --parent-evidence file that holds several)
  --candidate-side SEL         promptfoo column of the candidate (default promptIdx=1)
  --policy FILE                gate policy overriding gates/default.yaml: a file inside the
                               repository, read at --base (and compared with the head)
  --all                        gate every selected package, touched or not
  --seed N                     bootstrap seed (default from the policy); same inputs and seed give a
                               byte-identical report
  --look N                     which look at the package pair this run is (default: one more than the
                               reports of the pair recorded in refs/notes/kaizen-gate); a re-run with
                               more cases after an inconclusive gate is look 2, and spends less α
  --evidence-format FMT        auto (default: detect per file), jsonl or promptfoo
  --allow-unpaired             drop cases only one side has (counted in the report) instead of failing
  --out DIR                    write report.json and report.md there (atomically)
  --signing-key FILE           sign the report (Ed25519 or P-256 PEM): writes report.intoto.json,
                               a DSSE envelope over an in-toto Statement, into --out
  --format FORMAT              text (default), json or markdown on stdout
  --repo DIR                   repository root (default: the git top level of the working directory)

Running the eval (instead of --candidate-evidence/--evidence):
  --eval CMD                   run CMD (with sh -c) for each gated package's candidate and parent,
                               each in a clean worktree of its commit (see \`kaizen-gate eval --help\`
                               for its environment); outputs and logs go to DIR/eval (DIR: --out,
                               default kaizen-gate-report). A failed run stops the check (exit 2).
  --parent-evidence auto       (the default with --eval) reuse the parent's evidence stored under
                               its evaluation fingerprint (refs/kaizen-gate/evidence/*, fetched
                               from origin) when younger than --max-parent-age, else run it;
                               with files instead, the parent is read from them
  --max-parent-age D           e.g. 12h, 7d (default 7d); 0 always runs the parent as well
  --eval-concurrency N         runs at once (default 2: both sides of a package together)
  --eval-timeout D             per run (default 60m); then its process group is stopped

Exit status: 0 approve (or nothing to gate), 1 reject or hold, 2 invalid input or usage (or an
eval run failed), 3 needs approval.`,
    run: (ctx, values, positionals) => runCheck(ctx, positionals, values as CheckFlags, ctx.colour === true),
  },
  eval: EVAL_COMMAND,
  init: INIT_COMMAND,
  ...AUDIT_COMMANDS,
  ...STAGE_COMMANDS,
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const list = Object.entries(COMMANDS)
    .map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
    .join('\n');
  return `kaizen-gate ${VERSION}: release gate for LLM application packages

Usage: kaizen-gate <command> [options]

Commands:
${list}

Run \`kaizen-gate <command> --help\` for a command's options.
Exit status: 0 ok/approve, 1 a gate or check failed, 2 invalid input or usage, 3 needs approval.
`;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function runCli(argv: readonly string[], ctx: CommandContext): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      ctx.stdout(mainHelp());
      return name === undefined ? EXIT.invalid : EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      ctx.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    if (rest.includes('--help') || rest.includes('-h')) {
      ctx.stdout(`Usage: ${command.usage}\n\n${command.help}\n`);
      return EXIT.ok;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    } catch (error: unknown) {
      throw new UsageError(describeArgsError(error, Object.keys(command.options)));
    }
    return await command.run(ctx, parsed.values as Record<string, unknown>, parsed.positionals);
  } catch (error: unknown) {
    return reportError(error, ctx);
  }
}

/** Prints an error the way a user can act on it and returns exit status 2; no stack traces. */
function reportError(error: unknown, ctx: CommandContext): number {
  if (error instanceof InputError) {
    const lines = error.problems.map(formatProblem);
    const header =
      error.message && !lines.includes(error.message) && !error.message.includes('\n') ? `${error.message}\n` : '';
    ctx.stderr(`${header}${lines.join('\n')}\n`);
  } else if (error instanceof UsageError) {
    ctx.stderr(`kaizen-gate: ${error.message}\nRun \`kaizen-gate --help\` for usage.\n`);
  } else if (error instanceof EvalError) {
    ctx.stderr(`kaizen-gate: ${error.message}\n`);
  } else if (error instanceof GitError) {
    ctx.stderr(`kaizen-gate: ${error.message}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr(
      `kaizen-gate: internal error: ${message}\nSet KAIZEN_GATE_DEBUG=1 for a stack trace, and please report it.\n`,
    );
    if (process.env.KAIZEN_GATE_DEBUG && error instanceof Error) ctx.stderr(`${error.stack}\n`);
  }
  return EXIT.invalid;
}

/**
 * Runs the command line of this process (`kaizen-gate …`), setting its exit code. `stdoutIsTTY`
 * says whether stdout is a terminal, for a caller on a worker thread, which cannot tell.
 */
export async function main(options: { readonly stdoutIsTTY?: boolean } = {}): Promise<void> {
  const ctx: CommandContext = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    colour: (options.stdoutIsTTY ?? process.stdout.isTTY === true) && !process.env.NO_COLOR,
  };
  process.exitCode = await runCli(process.argv.slice(2), ctx);
}

// `kaizen-gate` runs dist/cli.js, which calls main() (on a worker thread for large inputs); this module run directly (`node
// dist/cli-main.js`, `node src/cli.ts`) runs it too. Compared as URLs, which holds on Windows.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
