// The scenarios the Action tests inspect: each a pull request in its own temp repository, run by
// the bundled Action against its own fake GitHub (or none, for an API that is down). They are
// started together and run side by side: most of their time is the client pacing writes a second
// apart, which each child process does on its own.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Report } from '../../src/report/model.ts';
import { startGitHubServer, type Fault, type GitHubServer } from '../support/github-server.ts';
import { runGit } from '../support/git-repo.ts';
import { CORPUS_FILES } from '../git/corpus.ts';
import { WORKLOADS, writeEvidence, type EvidenceSpec } from './evidence.ts';
import { ROOT } from './paths.ts';
import { buildPullRequest, lockManifests, type PullRequestRepo, type PullRequestSpec } from './pr-repo.ts';
import { initProject, mergePullRequest, openPullRequest } from './init-project.ts';
import { OWNER, REPO, runAction, type ActionRun, type ActionRunOptions } from './run-action.ts';

/** The pull request number of every scenario. */
export const PR = 17;
/** The REST path prefix of the fake repository. */
export const API = `/repos/${OWNER}/${REPO}`;
/** Check-run summary limit for the main scenario, through the Action's test hook. */
export const SUMMARY_LIMIT = 3500;
/** A case id as a hostile eval could name it: HTML that would run script, and a team mention. */
export const HOSTILE = '<img src=x onerror=alert(1)> @acme/security-team';
/** How every Markdown surface must show it: entities, and a zero-width joiner after `@`. */
export const HOSTILE_ESCAPED = '&lt;img src=x onerror=alert(1)&gt; @\u200dacme/security-team';
/** A test key (test/fixtures/keys), as a repository secret would hold it. */
export const SIGNING_KEY = readFileSync(join(ROOT, 'test/fixtures/keys/ed25519.key.pem'), 'utf8');

/** Evidence that approves policy-qa. */
export const POLICY_QA: EvidenceSpec = { app: 'policy-qa', seed: 2026112001, workload: WORKLOADS.approve };
/** Evidence that rejects sql-analytics (critical regressions), one regressed case named {@link HOSTILE}. */
export const SQL_REJECT: EvidenceSpec = {
  app: 'sql-analytics',
  seed: 2026111801,
  workload: WORKLOADS.reject,
  renameRegressedCase: HOSTILE,
};
/** Too little evidence for doc-analysis: it needs an owner's approval. */
export const DOC_INCONCLUSIVE: EvidenceSpec = {
  app: 'doc-analysis',
  seed: 2026111401,
  workload: WORKLOADS.inconclusive,
};
/** doc-analysis answering 35 % slower at p95: held. */
export const DOC_HOLD: EvidenceSpec = {
  app: 'doc-analysis',
  seed: 2026042603,
  workload: {
    goldenCases: 800,
    redteamCases: 200,
    effects: { categoryDeltaPp: { policy_diff: 7 }, costMultiplier: 1.06, latencyMultiplier: 1.35 },
  },
};

/** Creates temp repositories and fake GitHubs for the scenarios, and removes them afterwards. */
export function scenarioKit(action: string) {
  const cleanups: (() => unknown)[] = [];

  async function fakeGitHub(): Promise<GitHubServer> {
    const server = await startGitHubServer();
    cleanups.push(() => server.close());
    return server;
  }

  function pullRequest(spec: PullRequestSpec): PullRequestRepo {
    // The case SQL_REJECT renames to HOSTILE must be one the pinned suite lists, or the evidence is
    // refused (cases outside the suite) before the hostile name can reach a report.
    const pr = buildPullRequest({
      ...spec,
      prepareBase: (repo) => {
        const suite = 'manifests/sql-analytics/suites/golden.jsonl';
        repo.write(suite, `${repo.read(suite)}${JSON.stringify({ case_id: HOSTILE })}\n`);
        spec.prepareBase?.(repo);
      },
    });
    cleanups.push(() => pr.repo.cleanup());
    return pr;
  }

  /** Runs the Action on the PR's current push with its evidence files. */
  function gate(
    pr: PullRequestRepo,
    apiUrl: string,
    options: Partial<ActionRunOptions> & { inputs?: Record<string, string> } = {},
  ): Promise<ActionRun> {
    return runAction({
      workspace: pr.repo.dir,
      event: { number: PR, base: pr.base, head: pr.head },
      sha: pr.merge,
      apiUrl,
      action,
      ...options,
      inputs: {
        'parent-evidence': 'evidence/parent.jsonl',
        'candidate-evidence': 'evidence/candidate.jsonl',
        ...options.inputs,
      },
    });
  }

  /** A PR that edits the system prompt of each package it touches (and locks), with evidence of the given packages. */
  function promptPatch(
    evidence: readonly EvidenceSpec[] = [POLICY_QA],
    touch: PullRequestSpec['touch'] = ['policy-qa'],
  ): PullRequestRepo {
    const pr = pullRequest({
      touch,
      edit: (repo) => {
        for (const app of touch)
          repo.write(
            `manifests/${app}/prompts/system.md`,
            `${repo.read(`manifests/${app}/prompts/system.md`)}Cite the section you rely on.\n`,
          );
      },
    });
    writeEvidence(pr.repo, evidence);
    return pr;
  }

  return {
    action,
    /** Removes something a scenario made, when the kit is cleaned up. */
    track: (cleanup: () => unknown) => cleanups.push(cleanup),
    fakeGitHub,
    pullRequest,
    gate,
    promptPatch,
    async cleanup(): Promise<void> {
      for (const cleanup of cleanups.toReversed()) await cleanup();
    },
  };
}

/** What {@link scenarioKit} returns. */
export type ScenarioKit = ReturnType<typeof scenarioKit>;

/** The report.json a run wrote. */
export const readReport = (pr: PullRequestRepo, outDir = 'kaizen-gate-report'): Report =>
  JSON.parse(readFileSync(join(pr.repo.dir, outDir, 'report.json'), 'utf8')) as Report;

/** A port nothing listens on: GitHub's API entirely unreachable. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// ---- the scenarios ----------------------------------------------------------------------------

/** Three packages in one PR, then a second push to it: the reviewer's view, twice. */
async function mainScenario({ fakeGitHub, gate, promptPatch }: ScenarioKit) {
  const pr = promptPatch([POLICY_QA, SQL_REJECT, DOC_INCONCLUSIVE], ['policy-qa', 'sql-analytics', 'doc-analysis']);
  const server = await fakeGitHub();
  const first = await gate(pr, server.url, { runId: 101, env: { KAIZEN_GATE_SUMMARY_LIMIT: String(SUMMARY_LIMIT) } });
  const firstReport = readReport(pr);
  const firstComments = server.state.comments.map((c) => ({ id: c.id, body: c.body }));
  const firstRequests = server.requests.length;
  const firstEvidence = pr.repo.read('evidence/candidate.jsonl');

  // A synchronize push: a prompt tweak, locked; doc-analysis now has evidence showing slower answers.
  const firstHead = pr.head;
  const push = pr.push('Tighten the synthesis prompt', (repo) => {
    repo.write(
      'manifests/doc-analysis/prompts/synthesis.md',
      `${repo.read('manifests/doc-analysis/prompts/synthesis.md')}Quote the clause you rely on.\n`,
    );
    lockManifests(repo);
  });
  // GitHub now reports the new push as the pull request's head: its run may replace the comment.
  server.seedPull({ owner: OWNER, repo: REPO, number: PR, head_sha: push.head, base_sha: pr.base });
  writeEvidence(pr.repo, [POLICY_QA, SQL_REJECT, DOC_HOLD]);
  const second = await gate(pr, server.url, {
    event: { number: PR, base: pr.base, head: push.head, before: firstHead },
    sha: push.merge,
    runId: 102,
    inputs: { 'fail-on': 'none', 'signing-key': SIGNING_KEY },
  });
  return {
    pr,
    server,
    first,
    firstReport,
    firstComments,
    firstRequests,
    firstEvidence,
    firstHead,
    push,
    second,
    secondReport: readReport(pr),
  };
}

/** 60 prompt templates bulk-edited without `kaizen-gate lock`: a manifest failure with more than 50 annotations. */
async function untrackedEditScenario({ fakeGitHub, gate, pullRequest }: ScenarioKit) {
  const templates = Array.from(
    { length: 60 },
    (_, i) => `manifests/policy-qa/prompts/templates/t${String(i + 1).padStart(2, '0')}.md`,
  );
  const pr = pullRequest({
    touch: ['policy-qa'],
    prepareBase: (repo) => {
      templates.forEach((path, i) => repo.write(path, `Template ${i + 1}: answer from the 2025 handbook.\n`));
      const entries = templates
        .map((path, i) => `  - id: template-${i + 1}\n    path: ${path}\n    sha256: sha256:${'0'.repeat(64)}\n`)
        .join('');
      repo.write(
        'manifests/policy-qa.yaml',
        repo.read('manifests/policy-qa.yaml').replace(/^prompts:\n/m, `prompts:\n${entries}`),
      );
    },
    edit: (repo) => templates.forEach((path) => repo.write(path, repo.read(path).replace('2025', '2026'))),
    lock: false,
  });
  writeEvidence(pr.repo, [POLICY_QA]);
  const server = await fakeGitHub();
  const run = await gate(pr, server.url, { runId: 201, inputs: { comment: 'off' } });
  return { pr, server, run, templates };
}

/** A PR that touches no manifest. */
async function nothingToGateScenario({ fakeGitHub, gate, pullRequest }: ScenarioKit) {
  const pr = pullRequest({ touch: [], edit: (repo) => repo.write('README.md', '# LLM apps\n'), lock: false });
  writeEvidence(pr.repo, [POLICY_QA]);
  const server = await fakeGitHub();
  const run = await gate(pr, server.url, { runId: 301 });
  return { pr, server, run };
}

const FORBIDDEN: Fault = {
  method: 'POST',
  status: 403,
  body: {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
    status: '403',
  },
  times: 10,
};

/** A PR from a fork: GITHUB_TOKEN is read-only, every write is refused with 403. */
async function forkScenario({ fakeGitHub, gate, promptPatch }: ScenarioKit, evidence: EvidenceSpec) {
  const pr = promptPatch([evidence], [evidence.app]);
  const server = await fakeGitHub();
  server.inject({ ...FORBIDDEN, path: `${API}/check-runs` });
  server.inject({ ...FORBIDDEN, path: `${API}/issues/${PR}/comments` });
  const run = await gate(pr, server.url, {
    runId: 401,
    event: { number: PR, base: pr.base, head: pr.head, fork: true },
  });
  return { pr, server, run };
}

/** Secondary rate limits as GitHub words them. */
const SECONDARY_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

/**
 * A bad day at GitHub: a slow answer to the check-run lookup, two 500s on creating the check run,
 * a secondary rate limit (403 with retry-after) on listing comments, a 429 on creating one.
 */
async function flakyScenario({ fakeGitHub, gate, promptPatch }: ScenarioKit) {
  const pr = promptPatch();
  const server = await fakeGitHub();
  server.inject({ method: 'GET', path: '/repos/{owner}/{repo}/commits/{ref}/check-runs', delayMs: 1500 });
  server.inject({ method: 'POST', path: `${API}/check-runs`, status: 500, times: 2 });
  server.inject({
    method: 'GET',
    path: `${API}/issues/${PR}/comments`,
    status: 403,
    body: { message: SECONDARY_LIMIT_MESSAGE },
    headers: { 'retry-after': '2' },
  });
  server.inject({ method: 'POST', path: `${API}/issues/${PR}/comments`, status: 429, headers: { 'retry-after': '1' } });
  const run = await gate(pr, server.url, { runId: 501 });
  return { pr, server, run };
}

/** GitHub's explanation in the injected 422. */
export const VALIDATION_MESSAGE = `No commit found for SHA: 0123456789abcdef0123456789abcdef01234567`;

/** GitHub refusing the check run with 422; the comment is only wanted on failure. */
async function validationScenario({ fakeGitHub, gate, promptPatch }: ScenarioKit) {
  const pr = promptPatch();
  const server = await fakeGitHub();
  server.inject({
    method: 'POST',
    path: `${API}/check-runs`,
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource: 'CheckRun', code: 'custom', field: 'head_sha', message: VALIDATION_MESSAGE }],
      documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
      status: '422',
    },
  });
  const run = await gate(pr, server.url, { runId: 601, inputs: { comment: 'on-failure' } });
  return { pr, server, run };
}

/** Nothing listening at GITHUB_API_URL. */
async function apiDownScenario({ gate, promptPatch }: ScenarioKit) {
  const pr = promptPatch();
  const run = await gate(pr, `http://127.0.0.1:${await closedPort()}`, { runId: 701 });
  return { pr, run };
}

/** A PR author's own comment that carries the gate's marker and a fake verdict. */
export const FAKE_VERDICT = '<!-- kaizen-gate:sticky -->\n## ✅ APPROVE\n\nEvery gate passed.';

/**
 * A bypass in a repository full of other YAML (workflows, Kubernetes objects, policies, broken
 * fixtures), without a `manifests` input: the PR edits policy-qa's prompt and deletes its
 * manifest, and its author has posted a marker comment with a fake approval beforehand.
 */
async function bypassScenario({ fakeGitHub, gate, pullRequest }: ScenarioKit) {
  const pr = pullRequest({
    touch: ['policy-qa'],
    prepareBase: (repo) => {
      for (const [path, content] of Object.entries(CORPUS_FILES)) repo.write(path, content);
    },
    edit: (repo) => {
      repo.write(
        'manifests/policy-qa/prompts/system.md',
        `${repo.read('manifests/policy-qa/prompts/system.md')}Answer in one line.\n`,
      );
      repo.remove('manifests/policy-qa.yaml');
    },
    lock: false,
  });
  writeEvidence(pr.repo, [POLICY_QA]);
  const server = await fakeGitHub();
  const author = { login: 'pr-author', id: 4242, type: 'User' } as const;
  const fake = server.seedComment({ owner: OWNER, repo: REPO, issueNumber: PR, body: FAKE_VERDICT, user: author });
  const run = await gate(pr, server.url, { runId: 801 });
  return { pr, server, run, fake };
}

/** The report.json a run wrote in a workspace. */
const reportIn = (workspace: string): Report =>
  JSON.parse(readFileSync(join(workspace, 'kaizen-gate-report', 'report.json'), 'utf8')) as Report;

/**
 * A team adopting kaizen-gate: `init` in a repository with a promptfoo config, then the Action
 * with the inputs of the workflow init wrote (only `eval-command` and the signing key). Pull
 * request 1 runs both sides in worktrees; its merge (a push: record mode) stores the merged
 * candidate's evidence and pushes the ref; pull request 2 against the merged package, in a
 * checkout without kaizen-gate refs, fetches that evidence from origin and does not run the parent.
 */
export async function evalScenario(kit: ScenarioKit) {
  const project = await initProject();
  kit.track(project.cleanup);
  const workspace = project.repo.dir;
  const server = await kit.fakeGitHub();
  const inputs = { ...project.stepInputs, 'signing-key': SIGNING_KEY };
  const run = (options: Pick<ActionRunOptions, 'event' | 'sha' | 'runId'>): Promise<ActionRun> =>
    runAction({ workspace, apiUrl: server.url, action: kit.action, inputs, ...options });

  const pr1 = await openPullRequest(project, 'support-v2', 'support-v2', 'acme-support-r2');
  const first = await run({ event: { number: PR, base: pr1.base, head: pr1.head }, sha: pr1.merge, runId: 901 });
  const firstReport = reportIn(workspace);

  const merged = mergePullRequest(project, pr1.merge);
  const record = await run({
    event: { push: true, before: merged.before, after: merged.after },
    sha: merged.after,
    runId: 902,
  });
  const recordReport = reportIn(workspace);
  const originRefs = runGit(project.origin, ['for-each-ref', '--format=%(refname)', 'refs/kaizen-gate/evidence/'])
    .split('\n')
    .filter(Boolean);
  // As in a fresh checkout: no kaizen-gate refs locally, the stored evidence is only on origin.
  for (const ref of originRefs) project.repo.git('update-ref', '-d', ref);

  const pr2 = await openPullRequest(project, 'support-v1-again', 'support-v1', 'acme-support-r3');
  const second = await run({ event: { number: PR + 1, base: pr2.base, head: pr2.head }, sha: pr2.merge, runId: 903 });
  return {
    project,
    server,
    pr1,
    first,
    firstReport,
    merged,
    record,
    recordReport,
    originRefs,
    pr2,
    second,
    secondReport: reportIn(workspace),
  };
}

/**
 * Starts every scenario at once; each test awaits the one it inspects. A rejected scenario is
 * reported by the tests that await it, not as an unhandled rejection.
 */
export function startScenarios(kit: ScenarioKit) {
  const scenarios = {
    main: mainScenario(kit),
    untracked: untrackedEditScenario(kit),
    nothing: nothingToGateScenario(kit),
    fork: forkScenario(kit, POLICY_QA),
    forkReject: forkScenario(kit, SQL_REJECT),
    flaky: flakyScenario(kit),
    validation: validationScenario(kit),
    down: apiDownScenario(kit),
    bypass: bypassScenario(kit),
  };
  for (const promise of Object.values(scenarios)) (promise as Promise<unknown>).catch(() => {});
  return scenarios;
}

/** The running scenarios. */
export type Scenarios = ReturnType<typeof startScenarios>;
