import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway git repository in a temp directory, driven through the real git binary. */
export interface TempRepo {
  /** Absolute path of the work tree. */
  readonly dir: string;
  /** Runs git in the repository and returns trimmed stdout; throws with git's stderr on failure. */
  git(...args: string[]): string;
  /** Writes a repository-relative file (creating folders); strings are written as UTF-8. */
  write(path: string, content: string | Uint8Array): void;
  /** Reads a repository-relative file as UTF-8. */
  read(path: string): string;
  /** Deletes a repository-relative file or folder. */
  remove(path: string): void;
  /** Creates a symlink at `path` whose target is `target`, exactly as given (relative or absolute). */
  symlink(target: string, path: string): void;
  /** Copies a file or folder from anywhere on disk to a repository-relative path. */
  copyIn(from: string, to: string): void;
  /** Stages everything and commits; returns the new commit's SHA. */
  commit(message: string): string;
  /** Deletes the repository. */
  cleanup(): void;
}

/** Environment that makes commits reproducible and keeps the user's git config out of the tests. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.test',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.test',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...extra,
  };
}

/** Runs git in `cwd` with the reproducible environment; returns trimmed stdout. */
export function runGit(cwd: string, args: readonly string[], extra: Record<string, string> = {}): string {
  try {
    return execFileSync('git', args, { cwd, env: gitEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] })
      .toString()
      .trim();
  } catch (error: unknown) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`git ${args.join(' ')} failed: ${stderr || String(error)}`, { cause: error });
  }
}

let template: string | undefined;

/** The .git folder of an empty repository on `main`, made once per process by `git init` (and removed at exit). */
function emptyGitDir(): string {
  if (template === undefined) {
    const made = mkdtempSync(join(tmpdir(), 'kaizen-git-template-'));
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    runGit(made, ['init', '--quiet', '--initial-branch=main']);
    appendFileSync(join(made, '.git', 'config'), '[core]\n\tautocrlf = false\n[commit]\n\tgpgsign = false\n');
    template = join(made, '.git');
  }
  return template;
}

/**
 * Creates an empty repository on branch `main`. Commits get fixed author, committer and dates (one
 * minute apart), so the same steps give the same SHAs on every machine.
 */
export function makeRepo(prefix = 'kaizen-repo-'): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let commits = 0;
  const git = (...args: string[]): string => runGit(dir, args);
  // Copied rather than made by `git init` and two `git config` runs: tests build hundreds of repositories.
  cpSync(emptyGitDir(), join(dir, '.git'), { recursive: true });
  const at = (path: string): string => join(dir, path);
  return {
    dir,
    git,
    write(path, content) {
      mkdirSync(dirname(at(path)), { recursive: true });
      writeFileSync(at(path), content);
    },
    read: (path) => readFileSync(at(path), 'utf8'),
    remove: (path) => rmSync(at(path), { recursive: true, force: true }),
    symlink(target, path) {
      mkdirSync(dirname(at(path)), { recursive: true });
      symlinkSync(target, at(path));
    },
    copyIn(from, to) {
      cpSync(from, at(to), { recursive: true });
    },
    commit(message) {
      git('add', '--all');
      const date = new Date(Date.UTC(2026, 0, 1, 0, commits)).toISOString();
      commits += 1;
      runGit(dir, ['commit', '--quiet', '--allow-empty', '--no-verify', '-m', message], {
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      });
      return headCommit(dir);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The commit HEAD points at in the repository `dir`: read from .git, git asked only when the ref is packed. */
export function headCommit(dir: string): string {
  return headOf(dir) ?? runGit(dir, ['rev-parse', 'HEAD']);
}

/** The commit HEAD points at, read from .git without running git (undefined when the ref is packed). */
function headOf(dir: string): string | undefined {
  const head = readFileSync(join(dir, '.git', 'HEAD'), 'utf8').trim();
  if (/^[0-9a-f]{40}$/.test(head)) return head;
  const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
  if (ref === undefined) return undefined;
  try {
    const sha = readFileSync(join(dir, '.git', ref), 'utf8').trim();
    return /^[0-9a-f]{40}$/.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}
