// A repository that adopts kaizen-gate the way a team would: a promptfoo project, `kaizen-gate
// init` (in process), the workflow it writes read back for the Action's inputs; then pull requests
// and merges on it, with a bare `origin` that the Action fetches from and pushes to. `promptfoo`
// is test/fixtures/harness/promptfoo-sim.mjs behind a node_modules/.bin shim, as `npm ci` would
// leave a real one, so the workflow's `npx --yes promptfoo eval …` runs offline.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../../src/cli.ts';
import { PROMPTS } from '../evidence/promptfoo-repo.ts';
import { writePromptfooProject } from '../init/promptfoo-project.ts';
import { makeRepo, runGit, type TempRepo } from '../support/git-repo.ts';
import { ROOT } from './paths.ts';

/** The repository, its origin, and the workflow's kaizen-gate step inputs. */
export interface InitProject {
  readonly repo: TempRepo;
  readonly origin: string;
  /** The commit on main holding what init wrote. */
  readonly main: string;
  /** The `with:` of the workflow's kaizen-gate step, as written. */
  readonly stepInputs: Readonly<Record<string, string>>;
  readonly initOutput: string;
  readonly validateCode: number;
  cleanup(): void;
}

async function cli(dir: string, args: readonly string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const code = await runCli(args, { cwd: dir, stdout: (t) => (output += t), stderr: (t) => (output += t) });
  return { code, output };
}

/** An empty repository with a promptfoo config, `kaizen-gate init` run in it, committed and pushed to origin. */
export async function initProject(): Promise<InitProject> {
  const repo = makeRepo('kaizen-init-e2e-');
  const origin = mkdtempSync(join(tmpdir(), 'kaizen-init-origin-'));
  runGit(origin, ['init', '--quiet', '--bare', '--initial-branch=main']);
  repo.git('remote', 'add', 'origin', origin);
  writePromptfooProject(repo, 'support-v1');
  repo.write('.gitignore', 'node_modules/\nkaizen-gate-report/\n');
  // What `npm ci` leaves for a promptfoo devDependency: an executable on node_modules/.bin.
  repo.write(
    'node_modules/.bin/promptfoo',
    `#!/bin/sh\nexec node '${join(ROOT, 'test/fixtures/harness/promptfoo-sim.mjs')}' "$@"\n`,
  );
  chmodSync(join(repo.dir, 'node_modules/.bin/promptfoo'), 0o755);
  const init = await cli(repo.dir, ['init', '--application', 'acme-support', '--owner', '@acme/support']);
  if (init.code !== 0) throw new Error(`kaizen-gate init exited ${init.code}:\n${init.output}`);
  const validate = await cli(repo.dir, ['validate']);
  const main = repo.commit('Adopt kaizen-gate: first manifest and release-gate workflow');
  repo.git('push', '--quiet', 'origin', 'main');
  const workflow = parse(readFileSync(join(repo.dir, '.github/workflows/release-gate.yml'), 'utf8')) as {
    jobs: { gate: { steps: { uses?: string; with?: Record<string, string> }[] } };
  };
  const step = workflow.jobs.gate.steps.find((s) => s.uses?.startsWith('kaizen-gate/kaizen-gate@'));
  if (step?.with === undefined) throw new Error('the workflow init wrote has no kaizen-gate step with inputs');
  return {
    repo,
    origin,
    main,
    stepInputs: step.with,
    initOutput: init.output,
    validateCode: validate.code,
    cleanup: () => {
      repo.cleanup();
      rmSync(origin, { recursive: true, force: true });
    },
  };
}

/** A pull request from main: the prompt in the given wording, the package id bumped and locked; checked out as GitHub's merge commit. */
export async function openPullRequest(
  project: InitProject,
  branch: string,
  wording: keyof typeof PROMPTS,
  packageId: string,
): Promise<{ base: string; head: string; merge: string }> {
  const { repo } = project;
  repo.git('checkout', '--quiet', '-B', branch, 'main');
  const base = repo.git('rev-parse', 'HEAD');
  repo.write('prompts/support.txt', PROMPTS[wording]);
  repo.write(
    'manifests/acme-support.yaml',
    repo.read('manifests/acme-support.yaml').replace(/^package_id: .*$/m, `package_id: ${packageId}`),
  );
  const lock = await cli(repo.dir, ['lock']);
  if (lock.code !== 0) throw new Error(`kaizen-gate lock exited ${lock.code}:\n${lock.output}`);
  repo.git('add', 'prompts', 'manifests');
  runGit(repo.dir, ['commit', '--quiet', '-m', `Prompt wording ${wording}`], {
    GIT_AUTHOR_DATE: '2026-01-05T00:00:00Z',
    GIT_COMMITTER_DATE: '2026-01-05T00:00:00Z',
  });
  const head = repo.git('rev-parse', 'HEAD');
  const merge = runGit(repo.dir, [
    'commit-tree',
    `${head}^{tree}`,
    '-p',
    base,
    '-p',
    head,
    '-m',
    `Merge ${head} into ${base}`,
  ]);
  repo.git('checkout', '--quiet', '--detach', merge);
  return { base, head, merge };
}

/** Merges the pull request into main (the merge commit GitHub makes) and pushes; returns main before and after. */
export function mergePullRequest(project: InitProject, merge: string): { before: string; after: string } {
  const { repo } = project;
  const before = repo.git('rev-parse', 'main');
  repo.git('update-ref', 'refs/heads/main', merge, before);
  repo.git('checkout', '--quiet', '--detach', merge);
  repo.git('push', '--quiet', 'origin', 'main');
  return { before, after: merge };
}
