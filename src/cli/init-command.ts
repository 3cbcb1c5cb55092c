import { existsSync, lstatSync, mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { listWorktreeFiles } from '../git/discover.ts';
import { findRepoRoot, tryGit } from '../git/git.ts';
import { planInit, shellWord } from '../init/plan.ts';
import { writeFilesTogether } from '../io/files.ts';
import { InputError } from '../problem.ts';
import { generateSigningKeyPair } from '../report/keys.ts';
import type { Command } from './command.ts';
import { repoOption } from './command.ts';
import { UsageError } from './io.ts';
import type { CommandContext } from './manifest-commands.ts';

/** `kaizen-gate init`: a first manifest, the workflow and (with --keys) a key pair, never over an existing file. */
export const INIT_COMMAND: Command = {
  summary: 'write a first manifest and the release-gate workflow for an existing repository',
  usage: 'kaizen-gate init [--application NAME] [--owner @TEAM] [--keys] [--repo DIR]',
  options: { ...repoOption, application: { type: 'string' }, owner: { type: 'string' }, keys: { type: 'boolean' } },
  help: `Looks at the repository's files and writes, as one set:
  manifests/<application>.yaml           a first package manifest, locked (every digest filled in):
                                         the prompts and tests of a promptfoo config
                                         (promptfooconfig.yaml; its provider's model, its provider
                                         file as the routing artifact), else prompt files
                                         (prompts/*, *.prompt.md) and *.eval.ts files (evalite,
                                         vitest-evals) as the golden suite
  .github/workflows/release-gate.yml     the Action with eval-command: it runs your eval for both
                                         sides of every pull request and stores the merged evidence
With --keys also a signing key pair: .kaizen-gate/keys/kaizen-gate.pub (commit it: reports signed
with the key are trusted) and .kaizen-gate/kaizen-gate.key (mode 0600, ignored by git: store it as
the KAIZEN_GATE_SIGNING_KEY secret, then delete it).

Nothing is written if any of these files exists already, and nothing is ever overwritten. Then the
three commands that come next are printed.

Options:
  --application NAME   the application's name (default: the repository folder's name)
  --owner @TEAM        the GitHub user or team that owns the package (default: the owner of the
                       origin remote on GitHub, else @your-team)
  --keys               also generate a signing key pair
  --repo DIR           repository root (default: the git top level of the working directory)

Exit status: 0 written, 2 nothing to gate found, a file exists already, or invalid usage.`,
  run: (ctx, values) => runInit(ctx, values),
};

function runInit(ctx: CommandContext, values: Record<string, unknown>): number {
  const root = values.repo !== undefined ? join(ctx.cwd, values.repo as string) : findRepoRoot(ctx.cwd);
  if (root === undefined || findRepoRoot(root) === undefined) {
    throw new UsageError('init works in a git repository: run it at the top of one (git init first for a new project)');
  }
  const application = values.application as string | undefined;
  if (application !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/.test(application)) {
    throw new UsageError(
      `--application must be letters, digits, ".", "_" or "-", starting with a letter or digit, got "${application}"`,
    );
  }
  const owner = (values.owner as string | undefined) ?? ownerOfOrigin(root) ?? '@your-team';
  if (!/^@?[A-Za-z0-9][A-Za-z0-9-]*(\/[A-Za-z0-9._-]+)?$/.test(owner)) {
    throw new UsageError(`--owner must be a GitHub user (@ana) or team (@org/team), got "${owner}"`);
  }
  const files = listWorktreeFiles(root);
  const read = (path: string): Uint8Array | undefined => {
    try {
      const full = join(root, path);
      return lstatSync(full).isFile() ? readFileSync(full) : undefined;
    } catch {
      return undefined;
    }
  };
  const { plan, problems } = planInit({
    files,
    read,
    ...(application === undefined ? {} : { application }),
    repoName: basename(root),
    owner: owner.startsWith('@') ? owner : `@${owner}`,
    branch: tryGit(root, ['symbolic-ref', '--short', 'HEAD'])?.toString().trim() || 'main',
    ...(values.keys === true ? { keys: generateSigningKeyPair('ed25519') } : {}),
  });
  if (plan === undefined) throw new InputError(problems);
  // Check first, then write the set: a file that exists stops everything, nothing is half-written.
  const existing = plan.files.filter((file) => exists(join(root, file.path)));
  if (existing.length > 0) {
    throw new InputError(
      existing.map((file) => ({
        file: file.path,
        message:
          'already exists; init never overwrites a file, so nothing was written (move it away, or write the rest by ' +
          'hand)',
      })),
    );
  }
  const created: string[] = [];
  for (const file of plan.files) {
    for (let dir = dirname(join(root, file.path)); !existsSync(dir); dir = dirname(dir)) created.unshift(dir);
  }
  try {
    for (const dir of new Set(created)) mkdirSync(dir, { recursive: true });
    writeFilesTogether(
      root,
      plan.files.map((file): readonly [string, string, number?] =>
        file.mode === undefined
          ? [join(root, file.path), file.content]
          : [join(root, file.path), file.content, file.mode],
      ),
      { what: 'the init files', exclusive: true },
    );
  } catch (error: unknown) {
    for (const dir of [...new Set(created)].toReversed()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty or gone: leave it.
      }
    }
    throw error;
  }
  const lines = [
    ...plan.files.map((file) => `wrote ${file.path}${file.mode === 0o600 ? ' (mode 0600, ignored by git)' : ''}`),
    '',
    ...plan.notes.map((note) => `note: ${note}`),
    '',
    'Next:',
    ...plan.next.map((command, index) => `  ${index + 1}. ${command}`),
    '',
    `The workflow runs: ${shellWord(plan.evalCommand)}`,
  ];
  ctx.stdout(`${lines.join('\n')}\n`);
  return 0;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The owner of a GitHub origin remote (`git@github.com:acme/x.git`, `https://github.com/acme/x`), as `@acme`. */
function ownerOfOrigin(repo: string): string | undefined {
  const url = tryGit(repo, ['remote', 'get-url', 'origin'])?.toString().trim();
  const match = url === undefined ? null : /github\.com[:/]([A-Za-z0-9][A-Za-z0-9-]*)\//.exec(url);
  return match ? `@${match[1]}` : undefined;
}
