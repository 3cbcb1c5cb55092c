// The bundled Action in `mode: canary` and `mode: rollback`, as a scheduled and a manually
// dispatched workflow run it: `node dist/action.js` in a real repository with a signed release
// history (test/support/rollback-repo.ts: qa-r7 live, qa-r2 the newest earlier verified approval)
// and a bare origin, seeded telemetry, and the recording fake of GitHub, which checks every request
// against GitHub's OpenAPI description. Three Action runs, side by side:
//
// | run | mode | telemetry / server | expected |
// |---|---|---|---|
// | steady | canary | 300 requests a day, no effect | continue: neutral check run on the release commit, note pushed |
// | regressed | canary | 2,400 a day, failure +8 pp | roll back: failed check run, branch pushed, PR opened, step failed |
// | again | rollback | a rollback pull request for qa-r7 already open | no second pull request, no branch pushed |
//
// The refusals (an unsigned target, a dry run) are in test/action/rollback-pr.test.ts, in process.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readNotes } from '../../src/git/notes.ts';
import { fixtureKey } from '../support/audit-repo.ts';
import { runGit } from '../support/git-repo.ts';
import { startGitHubServer } from '../support/github-server.ts';
import type { GitHubServer } from '../support/github-server.ts';
import { buildRollbackHistory } from '../support/rollback-repo.ts';
import type { RollbackHistory } from '../support/rollback-repo.ts';
import { generateTelemetry, toTelemetryJsonl } from '../support/sim/telemetry.ts';
import type { CohortEffects } from '../support/sim/telemetry.ts';
import { actionBundle } from './bundle.ts';
import type { ActionBundle } from './bundle.ts';
import { OWNER, recentTranscripts, REPO, runAction, stopRunningActions } from './run-action.ts';
import type { ActionRun } from './run-action.ts';

// Nothing is killed on a timer; the limit only keeps a wedged run from hanging the suite forever.
vi.setConfig({ testTimeout: 300_000 });

const START = Date.UTC(2026, 3, 1);
const LOOK = '2026-04-03T00:00:00Z';
const BRANCH = 'kaizen-gate/rollback/policy-qa/qa-r7';

/** A scenario's own copy of the history: the work tree, its bare origin, the release commits. */
interface Copy {
  readonly dir: string;
  readonly origin: string;
  readonly commits: RollbackHistory['commits'];
  git(...args: string[]): string;
}

interface Scenario {
  readonly history: Copy;
  readonly server: GitHubServer;
  readonly run: ActionRun;
}

let bundle: ActionBundle;
let template: RollbackHistory;
const scratch = mkdtempSync(join(tmpdir(), 'kaizen-stages-'));
const pending: Promise<Scenario>[] = [];
let steady: Promise<Scenario>;
let regressed: Promise<Scenario>;
let again: Promise<Scenario>;

/** The history is built (and signed) once; each scenario works on a copy of it and of its origin. */
function copyHistory(name: string): Copy {
  const dir = join(scratch, name, 'work');
  const origin = join(scratch, name, 'origin.git');
  cpSync(template.work.dir, dir, { recursive: true });
  cpSync(template.origin, origin, { recursive: true });
  runGit(dir, ['remote', 'set-url', 'origin', origin]);
  return { dir, origin, commits: template.commits, git: (...args) => runGit(dir, args) };
}

function writeTelemetry(history: Copy, perDay: number, effects: CohortEffects, seed: number): void {
  const events = generateTelemetry({
    application: 'policy-qa',
    applicationClass: 'policy_qa',
    startMs: START,
    days: 2,
    seed,
    lookAtMs: Date.parse(LOOK),
    cohorts: [
      { cohort: 'holdout', package_id: 'qa-r6', requests_per_day: perDay, users: Math.round(perDay / 2) },
      { cohort: 'canary_05', package_id: 'qa-r7', requests_per_day: perDay, users: Math.round(perDay / 2), effects },
    ],
  });
  mkdirSync(join(history.dir, 'telemetry'), { recursive: true });
  writeFileSync(join(history.dir, 'telemetry', 'events.jsonl'), toTelemetryJsonl(events));
}

async function scenario(
  mode: 'canary' | 'rollback',
  setup: (history: Copy, server: GitHubServer) => void,
  inputs: Record<string, string>,
  runId: number,
): Promise<Scenario> {
  const history = copyHistory(`${mode}-${runId}`);
  // GitHub refuses a pull request from a branch it does not have: the fake asks the bare origin.
  const server = await startGitHubServer({
    branchExists: (branch) => runGit(history.origin, ['branch', '--list', branch]).trim() !== '',
  });
  setup(history, server);
  const run = await runAction({
    workspace: history.dir,
    event: { push: true, before: history.commits.r7, after: history.commits.deploy },
    sha: history.commits.deploy,
    apiUrl: server.url,
    runId,
    action: bundle.path,
    inputs: { mode, 'signing-key': fixtureKey('ed25519.key.pem'), ...inputs },
    env: {
      GITHUB_EVENT_NAME: mode === 'canary' ? 'schedule' : 'workflow_dispatch',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
    },
  });
  return { history, server, run };
}

beforeAll(() => {
  bundle = actionBundle();
  template = buildRollbackHistory();
  template.work.git('push', '--quiet', 'origin', 'main');
  const canaryInputs = { manifest: 'manifests/policy-qa.yaml', telemetry: 'telemetry/*.jsonl', at: LOOK };
  steady = scenario('canary', (h) => writeTelemetry(h, 300, {}, 31), canaryInputs, 11);
  regressed = scenario(
    'canary',
    (h) => writeTelemetry(h, 2400, { failure_pp: 0.08 }, 32),
    { ...canaryInputs, split: '5:5' },
    12,
  );
  again = scenario(
    'rollback',
    (_, server) =>
      server.seedPull({
        owner: OWNER,
        repo: REPO,
        number: 41,
        head_sha: 'f'.repeat(40),
        head_ref: BRANCH,
        title: 'Roll back policy-qa to qa-r2',
      }),
    { application: 'policy-qa' },
    13,
  );
  pending.push(steady, regressed, again);
}, 300_000);

afterEach(({ task }) => {
  if (task.result?.state === 'fail') console.error(`The last Action runs printed:\n${recentTranscripts()}`);
});

afterAll(async () => {
  const settled = await Promise.allSettled(pending);
  stopRunningActions();
  for (const result of settled) if (result.status === 'fulfilled') await result.value.server.close();
  template?.cleanup();
  rmSync(scratch, { recursive: true, force: true });
  bundle?.cleanup();
});

const remoteBranches = (history: Copy): string[] =>
  runGit(history.origin, ['for-each-ref', '--format=%(refname)', 'refs/heads']).split('\n').filter(Boolean);

describe('mode canary', () => {
  it('continues a canary the data cannot decide yet: neutral check run on the release commit, signed note pushed, step passes', async () => {
    const { history, server, run } = await steady;
    expect(server.invalidRequests).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      decision: 'continue',
      conclusion: 'neutral',
      signed: 'true',
      'report-path': join(history.dir, 'kaizen-gate-report', 'report.json'),
    });
    expect(run.outputs['pull-request-url']).toBeUndefined();
    // The release commit is the one that last changed the manifest, not GITHUB_SHA (the pointer commit).
    expect(server.state.checkRuns.map((r) => [r.name, r.head_sha, r.conclusion])).toEqual([
      ['kaizen-gate canary / policy-qa', history.commits.r7, 'neutral'],
    ]);
    expect(server.state.checkRuns[0]!.output.title).toMatch(/^Continue at 5 %/);
    expect(server.state.checkRuns[0]!.output.summary).toContain('Canary against holdout');
    const report = JSON.parse(readFileSync(run.outputs['report-path']!, 'utf8'));
    expect(report).toMatchObject({
      stage: 'canary',
      package_id: 'qa-r7',
      parent_package_id: 'qa-r6',
      subject: { commit: history.commits.r7 },
      signature: { status: 'signed' },
    });
    // Pushed: the origin's notes hold the canary envelope beside the release's own record.
    const notes = readNotes(history.origin, history.commits.r7);
    expect(notes).toHaveLength(2);
    expect(
      JSON.parse(Buffer.from((notes[1]!.value as { payload: string }).payload, 'base64').toString('utf8')).predicate,
    ).toMatchObject({ stage: 'canary', decision: { outcome: 'continue' } });
    expect(remoteBranches(history)).toEqual(['refs/heads/main']);
    expect(run.summary).toContain('Canary against holdout');
  });

  it('rolls back a regressed canary: failed check run, rollback branch pushed, pull request opened, step failed with both', async () => {
    const { history, server, run } = await regressed;
    expect(server.invalidRequests).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({
      decision: 'rollback',
      conclusion: 'failure',
      signed: 'true',
      'pull-request-url': `https://github.com/${OWNER}/${REPO}/pull/1`,
    });
    expect(server.state.checkRuns.map((r) => [r.name, r.head_sha, r.conclusion])).toEqual([
      ['kaizen-gate canary / policy-qa', history.commits.r7, 'failure'],
    ]);
    expect(server.state.checkRuns[0]!.output.title).toMatch(/^Roll back: the [a-z -]+ rose \+\d/);

    const lookups = server.requests.filter((r) => r.operationId === 'pulls/list');
    expect(lookups.map((r) => r.query)).toEqual([
      expect.objectContaining({ state: 'open', head: `${OWNER}:${BRANCH}` }),
    ]);
    const created = server.requests.filter((r) => r.operationId === 'pulls/create');
    expect(created).toHaveLength(1);
    const body = created[0]!.body as { head: string; base: string; title: string; body: string };
    expect(body).toMatchObject({ head: BRANCH, base: 'main', title: 'Roll back policy-qa to qa-r2' });
    expect(body.body).toContain('## ⏪ Roll back policy-qa');
    expect(body.body).toContain('Merging this pull request points policy-qa back from qa-r7 to qa-r2');
    // Every release between was skipped with its reason: unsigned, untrusted key, rolled back, rejected.
    expect(body.body.match(/^- `qa-r\d`/gm)).toEqual(['- `qa-r6`', '- `qa-r5`', '- `qa-r4`', '- `qa-r3`']);

    // The branch is on the origin, one commit on main rewriting the pointer to qa-r2; the job's checkout is back
    // on main.
    expect(remoteBranches(history)).toEqual([`refs/heads/${BRANCH}`, 'refs/heads/main']);
    expect(runGit(history.origin, ['rev-parse', `${BRANCH}^`]).trim()).toBe(history.commits.deploy);
    expect(runGit(history.origin, ['show', `${BRANCH}:deploy/policy-qa.yaml`])).toContain('package_id: "qa-r2"');
    expect(history.git('symbolic-ref', '--short', 'HEAD').trim()).toBe('main');
    // Both records pushed: the canary decision on the release, the signed rollback on the pointer commit.
    expect(readNotes(history.origin, history.commits.r7)).toHaveLength(2);
    expect(readNotes(history.origin, runGit(history.origin, ['rev-parse', BRANCH]).trim())).toHaveLength(1);
    expect(
      JSON.parse(readFileSync(join(history.dir, 'kaizen-gate-report', 'rollback', 'report.json'), 'utf8')),
    ).toMatchObject({ stage: 'rollback', decision: { outcome: 'rolled_back' } });

    const failure = run.commands('error').join('\n');
    expect(failure).toMatch(/The canary of qa-r7 decided to roll back: Roll back: the [a-z -]+ rose/);
    expect(failure).toContain(`Rollback of policy-qa from qa-r7 to qa-r2 proposed`);
    expect(failure).toContain(`pull request #1 opened (https://github.com/${OWNER}/${REPO}/pull/1)`);
    // The runner swallows the add-mask commands; nothing else may show the key.
    expect(
      run.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain('PRIVATE KEY');
  });
});

describe('mode rollback', () => {
  it('finds the rollback pull request already open for the live release and opens no second one', async () => {
    const { history, server, run } = await again;
    expect(server.invalidRequests).toEqual([]);
    expect(run.code).toBe(0);
    expect(server.requests.filter((r) => r.operationId === 'pulls/create')).toEqual([]);
    expect(server.state.pulls).toHaveLength(1);
    expect(run.outputs['pull-request-url']).toBe(`https://github.com/${OWNER}/${REPO}/pull/41`);
    expect(run.stdout).toContain(
      `A rollback pull request for qa-r7 is already open (#41, https://github.com/${OWNER}/${REPO}/pull/41); not opening another.`,
    );
    expect(remoteBranches(history)).toEqual(['refs/heads/main']);
    expect(history.git('branch', '--list').trim()).toBe('* main');
  });
});
