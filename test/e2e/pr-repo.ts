// A pull request in a real git repository, as a `pull_request` workflow sees it after
// actions/checkout: the base branch holds the parent packages (the project's example manifests
// rewritten back to their parent ids), the PR head holds the candidates, and the work tree is the
// merge commit GitHub builds for refs/pull/N/merge (GITHUB_SHA), not the head itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headCommit, makeRepo, runGit, type TempRepo } from '../support/git-repo.ts';
import { runLock } from '../../src/cli/manifest-commands.ts';
import { ROOT } from './paths.ts';

/** The example packages under manifests/. */
export type App = 'policy-qa' | 'sql-analytics' | 'doc-analysis';

/** The commits of one push to the pull request. */
export interface PullRequestPush {
  /** pull_request.head.sha: where check runs belong. */
  readonly head: string;
  /** The synthetic merge commit (GITHUB_SHA), checked out in the work tree. */
  readonly merge: string;
}

/** A temp repository holding a pull request; `cleanup()` it. */
export interface PullRequestRepo extends PullRequestPush {
  readonly repo: TempRepo;
  /** pull_request.base.sha: the base branch with the parent packages. */
  readonly base: string;
  /** Adds a commit to the PR branch (a `synchronize` push) and checks out its merge commit. */
  push(message: string, edit: (repo: TempRepo) => void): PullRequestPush;
}

/** How the PR changes the packages it touches. */
export interface PullRequestSpec {
  /** Packages whose manifest the PR moves from the parent id to the candidate id. */
  readonly touch: readonly App[];
  /** Extra edits to the base branch before its commit (e.g. more artifacts), locked with `kaizen-gate lock`. */
  readonly prepareBase?: (repo: TempRepo) => void;
  /** Edits on the PR branch, after the candidate manifests are restored. */
  readonly edit?: (repo: TempRepo) => void;
  /** Run `kaizen-gate lock` on the PR branch, as a careful author does. Default true. */
  readonly lock?: boolean;
}

/** The manifest of an example package as committed in this project. */
export function projectManifest(app: App): string {
  return readFileSync(join(ROOT, 'manifests', `${app}.yaml`), 'utf8');
}

/** The parent and candidate package ids an example manifest declares. */
export function packageIds(app: App): { parent: string; candidate: string } {
  const text = projectManifest(app);
  const candidate = /^package_id: (\S+)$/m.exec(text)?.[1];
  const parent = /^parent_package_id: (\S+)$/m.exec(text)?.[1];
  if (candidate === undefined || parent === undefined)
    throw new Error(`manifests/${app}.yaml declares no package_id and parent_package_id`);
  return { parent, candidate };
}

/** The manifest as it was one release earlier: the parent id, no parent of its own. */
function parentManifest(app: App): string {
  return projectManifest(app)
    .replace(/^package_id: .*$/m, `package_id: ${packageIds(app).parent}`)
    .replace(/^parent_package_id: .*\n/m, '');
}

/** `kaizen-gate lock manifests` in the repository, in process, as a PR author runs it locally; throws on failure. */
export function lockManifests(repo: TempRepo): void {
  let output = '';
  const ctx = { cwd: repo.dir, stdout: (text: string) => (output += text), stderr: (text: string) => (output += text) };
  const code = runLock(ctx, ['manifests'], { check: false, repo: repo.dir });
  if (code !== 0) throw new Error(`kaizen-gate lock exited ${code}:\n${output}`);
}

/** Builds the repository: base commit, PR head commit, and the merge commit checked out. */
export function buildPullRequest(spec: PullRequestSpec): PullRequestRepo {
  const repo = makeRepo('kaizen-action-');
  try {
    repo.copyIn(join(ROOT, 'manifests'), 'manifests');
    for (const app of spec.touch) repo.write(`manifests/${app}.yaml`, parentManifest(app));
    if (spec.prepareBase) {
      spec.prepareBase(repo);
      lockManifests(repo);
    }
    const base = repo.commit('Parent packages');
    repo.git('checkout', '--quiet', '-b', 'feature');
    for (const app of spec.touch) {
      const ids = packageIds(app);
      const path = `manifests/${app}.yaml`;
      repo.write(
        path,
        repo.read(path).replace(/^package_id: .*$/m, `package_id: ${ids.candidate}\nparent_package_id: ${ids.parent}`),
      );
    }
    spec.edit?.(repo);
    if (spec.lock !== false) lockManifests(repo);
    let tip = repo.commit('Candidate packages');
    let merge = mergeCommit(repo, base, tip);

    return {
      repo,
      base,
      head: tip,
      merge,
      push(message, edit) {
        repo.git('checkout', '--quiet', 'feature');
        edit(repo);
        tip = commitTracked(repo, message);
        merge = mergeCommit(repo, base, tip);
        return { head: tip, merge };
      },
    };
  } catch (error: unknown) {
    repo.cleanup();
    throw error;
  }
}

/**
 * Commits edits to tracked files and new files under manifests/ only: the evidence and report
 * folders a run leaves in the work tree stay untracked, as in a CI checkout.
 */
function commitTracked(repo: TempRepo, message: string): string {
  repo.git('add', '--update');
  repo.git('add', 'manifests');
  const date = '2026-01-03T00:00:00Z';
  runGit(repo.dir, ['commit', '--quiet', '--no-verify', '-m', message], {
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
  return headCommit(repo.dir);
}

/** GitHub's test merge of the PR into its base, checked out detached as actions/checkout does. */
function mergeCommit(repo: TempRepo, base: string, head: string): string {
  const date = '2026-01-02T00:00:00Z';
  const merge = runGit(
    repo.dir,
    ['commit-tree', `${head}^{tree}`, '-p', base, '-p', head, '-m', `Merge ${head} into ${base}`],
    {
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  );
  repo.git('checkout', '--quiet', '--detach', merge);
  return merge;
}
