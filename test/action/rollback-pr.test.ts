// The rollback the Action proposes, in process on a real signed release history
// (test/support/rollback-repo.ts: qa-r7 live; qa-r6 unsigned, qa-r5 signed by an untrusted key,
// qa-r4 rolled back, qa-r3 rejected, qa-r2 the newest verified approval) with a real client and the
// fake GitHub over HTTP: every way it stops before writing, and that it then asked GitHub nothing
// and left no branch. The pull request itself is opened in test/e2e/action-stages.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposeRollback, rollbackBranchOf } from '../../src/action/rollback-pr.ts';
import type { RollbackProposal } from '../../src/action/rollback-pr.ts';
import { setupOctokit } from '../../src/github/octokit.ts';
import { loadKeyring } from '../../src/io/keyring-files.ts';
import { fixtureKey } from '../support/audit-repo.ts';
import { runGit } from '../support/git-repo.ts';
import { startGitHubServer } from '../support/github-server.ts';
import type { GitHubServer } from '../support/github-server.ts';
import { buildRollbackHistory } from '../support/rollback-repo.ts';
import type { RollbackHistory } from '../support/rollback-repo.ts';

let history: RollbackHistory;
let server: GitHubServer;
let base: RollbackProposal;

beforeAll(async () => {
  history = buildRollbackHistory();
  server = await startGitHubServer();
  const dir = history.work.dir;
  const token = `ghs_${'x'.repeat(36)}`;
  base = {
    workspace: dir,
    application: 'policy-qa',
    dryRun: false,
    keyring: loadKeyring({ cwd: dir, repo: dir, repoDefault: true, namesRelativeTo: dir }),
    signingKey: fixtureKey('ed25519.key.pem'),
    github: {
      octokit: setupOctokit(token, { baseUrl: server.url, retries: 0 }),
      owner: 'acme',
      repo: 'llm-apps',
      secrets: [token],
    },
  };
});

afterAll(async () => {
  await server?.close();
  history?.cleanup();
});

/** Nothing written: no request to GitHub, no branch, no commit, the pointer as it was. */
function expectUntouched(): void {
  expect(server.requests).toEqual([]);
  expect(history.work.git('for-each-ref', '--format=%(refname:short)', 'refs/heads').trim()).toBe('main');
  expect(history.work.git('rev-parse', 'HEAD').trim()).toBe(history.commits.deploy);
}

describe('proposeRollback refuses before writing', () => {
  it('a target whose record is unsigned, with the stage’s reason and a refused report', async () => {
    const outcome = await proposeRollback({ ...base, target: 'qa-r6' });
    expect(outcome.failed).toBe(true);
    expect(outcome.message).toMatch(/^Refusing to roll back to qa-r6 \([0-9a-f]{12}\): its record is unsigned \(/);
    expect(outcome.attested?.report.decision.outcome).toBe('refused');
    expect(outcome.pull).toBeUndefined();
    expectUntouched();
  });

  it('a target signed by a key that is not trusted', async () => {
    const outcome = await proposeRollback({ ...base, target: 'qa-r5' });
    expect(outcome).toMatchObject({
      failed: true,
      message: expect.stringMatching(/^Refusing to roll back to qa-r5 .*: its record does not verify: /),
    });
    expectUntouched();
  });

  it('a canary whose package is not the live one: nothing older is rolled back', async () => {
    const outcome = await proposeRollback({ ...base, expectLive: 'qa-r8' });
    expect(outcome).toEqual({
      failed: true,
      message:
        'No rollback pull request: deploy/policy-qa.yaml names qa-r7, not qa-r8, so there is no live release of qa-r8 to roll back.',
    });
    expectUntouched();
  });

  it('without trusted keys, and without a token', async () => {
    expect(await proposeRollback({ ...base, keyring: { trusted: [], revoked: new Set() } })).toEqual({
      failed: true,
      message:
        'No rollback: no trusted public keys (input public-keys), and a rollback only goes to a release whose signed record verifies.',
    });
    const { github: _, ...tokenless } = base;
    const outcome = await proposeRollback(tokenless);
    expect(outcome.failed).toBe(true);
    expect(outcome.message).toMatch(
      /^Rehearsed: policy-qa would go from qa-r7 to qa-r2 .* No pull request: without a github-token it could not be opened, so nothing was committed or pushed\.$/,
    );
    expectUntouched();
  });

  it('a dry run rehearses the default target and writes nothing', async () => {
    const outcome = await proposeRollback({ ...base, dryRun: true });
    expect(outcome.failed).toBe(false);
    expect(outcome.attested?.report.rollback).toMatchObject({
      dry_run: true,
      to: { package_id: 'qa-r2', commit: history.commits.r2 },
    });
    expect(outcome.attested?.report.rollback?.skipped.map((s) => s.package_id)).toEqual([
      'qa-r6',
      'qa-r5',
      'qa-r4',
      'qa-r3',
    ]);
    expect(outcome.message).toMatch(
      /^Rehearsed: policy-qa would go from qa-r7 to qa-r2 \([0-9a-f]{12}\); every check passed and nothing was written\.$/,
    );
    expectUntouched();
  });
});

describe('proposeRollback over a branch a closed pull request left', () => {
  it('replaces the stale branch on the origin and opens the pull request from the new pointer commit', async () => {
    const own = buildRollbackHistory();
    const github = await startGitHubServer();
    try {
      const token = `ghs_${'y'.repeat(36)}`;
      own.work.git('push', '--quiet', 'origin', 'main');
      // An earlier proposal for the same live release, its pull request closed unmerged: the branch stays.
      const branch = rollbackBranchOf('policy-qa', 'qa-r7');
      own.work.git('checkout', '--quiet', '-b', 'stale', own.commits.r7);
      own.work.write('deploy/policy-qa.yaml', 'stale proposal\n');
      own.work.git('add', '--all');
      own.work.git('commit', '--quiet', '-m', 'an older proposal');
      own.work.git('push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
      const stale = own.work.git('rev-parse', 'HEAD').trim();
      own.work.git('checkout', '--quiet', 'main');
      own.work.git('branch', '--quiet', '-D', 'stale');

      const outcome = await proposeRollback({
        ...base,
        workspace: own.work.dir,
        keyring: loadKeyring({
          cwd: own.work.dir,
          repo: own.work.dir,
          repoDefault: true,
          namesRelativeTo: own.work.dir,
        }),
        github: {
          octokit: setupOctokit(token, { baseUrl: github.url, retries: 0 }),
          owner: 'acme',
          repo: 'llm-apps',
          secrets: [token],
        },
      });
      expect(github.invalidRequests).toEqual([]);
      expect(outcome.failed).toBe(false);
      expect(outcome.message).toMatch(
        new RegExp(
          `^Rollback of policy-qa from qa-r7 to qa-r2 proposed: pointer commit [0-9a-f]{12} pushed to ${branch}; pull request #1 opened`,
        ),
      );
      expect(outcome.pull?.number).toBe(1);
      const pushed = runGit(own.origin, ['rev-parse', `refs/heads/${branch}`]).trim();
      expect(pushed).not.toBe(stale);
      expect(runGit(own.origin, ['rev-parse', `${pushed}^`]).trim()).toBe(own.commits.deploy);
      expect(runGit(own.origin, ['show', `${pushed}:deploy/policy-qa.yaml`])).toContain('package_id: "qa-r2"');
      expect(own.work.git('symbolic-ref', '--short', 'HEAD').trim()).toBe('main');
    } finally {
      await github.close();
      own.cleanup();
    }
  });
});
