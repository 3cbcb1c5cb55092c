/**
 * Detached worktrees for eval runs: a clean checkout of one commit beside the repository, sharing
 * its object store, removed again whatever happened in it.
 */
import { rmSync } from 'node:fs';
import { git, tryGit } from './git.ts';

/**
 * Checks `commit` out, detached, into the new folder `dir`. Hooks are not run: a post-checkout hook
 * of the repository is not part of the eval.
 *
 * @throws GitError when git cannot create the worktree (the folder exists, the commit is missing).
 */
export function addWorktree(repo: string, commit: string, dir: string): void {
  git(repo, ['-c', 'core.hooksPath=/dev/null', 'worktree', 'add', '--quiet', '--detach', dir, commit]);
}

/** Removes the worktree at `dir` and what is in it, and git's record of it; never throws. */
export function removeWorktree(repo: string, dir: string): void {
  const removed = tryGit(repo, ['worktree', 'remove', '--force', '--force', dir]) !== undefined;
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  // Only when git could not remove it: its record then points at a folder that is gone now.
  if (!removed) tryGit(repo, ['worktree', 'prune']);
}
