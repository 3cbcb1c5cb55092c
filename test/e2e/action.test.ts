// The bundled Action end to end: `node dist/action.js` as the runner starts it, in a real git
// repository holding a pull request, with a `pull_request` event payload, INPUT_* variables, the
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and GITHUB_API_URL pointing at the recording fake of
// GitHub (test/support/github-server.ts), which checks every request against GitHub's OpenAPI
// description and injects faults.
//
// Each scenario is a separate Action process with its own repository and server. They are all
// started in beforeAll and run side by side — most of their time is the client's pacing of writes
// a second apart — and each test awaits the scenario it inspects.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { utf8Length } from '../../src/github/limits.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import type { Report } from '../../src/report/model.ts';
import type { GitHubServer, RecordedRequest } from '../support/github-server.ts';
import { actionBundle, type ActionBundle } from './bundle.ts';
import type { PullRequestRepo } from './pr-repo.ts';
import { OWNER, recentTranscripts, REPO, stopRunningActions, type ActionRun } from './run-action.ts';
import {
  API,
  FAKE_VERDICT,
  HOSTILE_ESCAPED,
  PR,
  readReport,
  scenarioKit,
  SIGNING_KEY,
  startScenarios,
  SUMMARY_LIMIT,
  VALIDATION_MESSAGE,
  type ScenarioKit,
  type Scenarios,
} from './scenarios.ts';

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
// The first test to await a scenario waits for its Action runs (the main one: two runs, ~15 s on an
// idle machine). The limit is generous so a busy machine is slow, not failing; nothing is killed
// on a timer.
vi.setConfig({ testTimeout: 600_000 });

let bundle: ActionBundle;
let kit: ScenarioKit;
let scenarios: Scenarios;

beforeAll(() => {
  bundle = actionBundle();
  if (!bundle.committed)
    console.warn('dist/action.js is not a fresh build of src/: testing a fresh private build (run `npm run bundle`).');
  kit = scenarioKit(bundle.path);
  scenarios = startScenarios(kit);
}, 600_000);

afterEach(({ task }) => {
  if (task.result?.state === 'fail') console.error(`The last Action runs printed:\n${recentTranscripts()}`);
});

afterAll(async () => {
  await Promise.allSettled(Object.values(scenarios ?? {}));
  stopRunningActions();
  await kit?.cleanup();
  bundle?.cleanup();
});

const byOperation = (server: GitHubServer, operationId: string): RecordedRequest[] =>
  server.requests.filter((r) => r.operationId === operationId);

const checkRunBodies = (server: GitHubServer) =>
  server.requests
    .filter((r) => r.operationId === 'checks/create' || r.operationId === 'checks/update')
    .map((r) => r.body as { output: { summary: string; text?: string; annotations?: unknown[] } });

/** The report files a run must leave whatever GitHub did. */
function expectReportFiles(pr: PullRequestRepo, run: ActionRun, outDir = 'kaizen-gate-report'): Report {
  const report = readReport(pr, outDir);
  expect(readFileSync(join(pr.repo.dir, outDir, 'report.md'), 'utf8')).toContain('kaizen-gate');
  expect(run.outputs['report-path']).toBe(join(pr.repo.dir, outDir, 'report.json'));
  expect(run.outputs['decision']).toBe(report.decision.outcome);
  expect(run.summary).toContain('· kaizen-gate');
  return report;
}

const CONCLUSION = {
  approve: 'success',
  reject: 'failure',
  hold: 'failure',
  needs_approval: 'action_required',
  nothing_to_gate: 'neutral',
} as const;
const TITLE = {
  approve: 'Approved',
  reject: 'Rejected',
  hold: 'Held',
  needs_approval: 'Needs approval',
  nothing_to_gate: 'Nothing to gate',
} as const;

// ---- the tests --------------------------------------------------------------------------------

describe('check runs', () => {
  it('creates one per gated package on pull_request.head.sha, concluded from its decision', async () => {
    const { pr, server, first, firstReport } = await scenarios.main;
    expect(server.invalidRequests).toEqual([]);
    expect(
      server.state.checkRuns.filter((r) => r.head_sha === pr.merge),
      'check runs belong on the PR head, not on the merge commit GITHUB_SHA',
    ).toEqual([]);
    const created = server.state.checkRuns.filter((r) => r.head_sha === pr.head);
    expect(created.map((r) => r.name)).toEqual([
      'kaizen-gate / doc-analysis',
      'kaizen-gate / policy-qa',
      'kaizen-gate / sql-analytics',
    ]);
    expect(created.map((r) => r.head_sha)).toEqual([pr.head, pr.head, pr.head]);
    expect(created.map((r) => r.conclusion)).toEqual(['action_required', 'success', 'failure']);
    expect(firstReport.packages.map((p) => [p.application, p.decision.outcome])).toEqual([
      ['doc-analysis', 'needs_approval'],
      ['policy-qa', 'approve'],
      ['sql-analytics', 'reject'],
    ]);
    for (const [i, run] of created.entries()) {
      const decision = firstReport.packages[i]!.decision;
      expect(run.status).toBe('completed');
      expect(run.conclusion).toBe(CONCLUSION[decision.outcome]);
      expect(run.output.title?.startsWith(TITLE[decision.outcome])).toBe(true);
      expect(run.output.title).toContain(decision.summary.replace(/^[^:]+: /, ''));
      expect(run.details_url).toBe(`https://github.com/${OWNER}/${REPO}/actions/runs/101`);
    }
    expect(first.stdout).toContain('Check run "kaizen-gate / sql-analytics": failure');
  });

  it('shortens the summary in stages to the limit, and carries the full report as text', async () => {
    const { server, firstReport } = await scenarios.main;
    const bodies = checkRunBodies(server).slice(0, 3);
    for (const [i, { output }] of bodies.entries()) {
      const pkg = firstReport.packages[i]!;
      expect(utf8Length(output.summary)).toBeLessThanOrEqual(SUMMARY_LIMIT);
      // The verdict stays on top; what gives way first is detail, then the lowest-priority sections.
      expect(output.summary.startsWith(`## `)).toBe(true);
      expect(output.summary).toContain(pkg.decision.summary);
      expect(output.summary).toContain('_… Evidence and statistics omitted (see report.json / full report)_');
      // The text is the whole report for this package, nothing dropped.
      const narrowed: Report = {
        ...firstReport,
        packages: [pkg],
        decision: { outcome: pkg.decision.outcome, summary: pkg.decision.summary },
      };
      expect(output.text).toBe(renderMarkdown(narrowed));
      expect(utf8Length(output.text ?? '')).toBeLessThanOrEqual(65_535);
      expect(output.text).not.toContain('omitted (see report.json / full report)');
      for (const heading of [
        '## Gates',
        '## Worst regressed cases',
        '## Manifest diff',
        '## Rollout plan',
        '## Evidence and statistics',
      ]) {
        if (heading !== '## Worst regressed cases' || pkg.worst_cases.length > 0)
          expect(output.text).toContain(heading);
      }
    }
    // Whole sections go lowest priority first: evidence (20), rollout (40), diff (50), cases (55),
    // categories (60), gates (80); they stand in document order, which is descending priority.
    const rejected = bodies[2]!.output.summary;
    const dropped = [...rejected.matchAll(/_… (.+?) omitted \(see report\.json/g)]
      .map((m) => m[1])
      .filter((title) => title !== 'details');
    const lowestFirst = [
      'Evidence and statistics',
      'Rollout plan',
      'Manifest diff',
      'Worst regressed cases',
      'Categories',
      'Gates',
    ];
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped).toEqual(lowestFirst.slice(0, dropped.length).toReversed());
    expect(rejected).toContain('_… details omitted (see report.json / full report)_');
  });

  it('annotates the rejected package on its change: block and the regressed critical cases', async () => {
    const { pr, server, firstEvidence } = await scenarios.main;
    const sql = server.state.checkRuns[2]!;
    const manifest = pr.repo.git('show', `${pr.head}:manifests/sql-analytics.yaml`).split('\n');
    const changeLine = manifest.indexOf('change:') + 1;
    let changeEnd = changeLine;
    while (manifest[changeEnd]?.startsWith('  ')) changeEnd++;
    const annotations = sql.annotations as {
      path: string;
      start_line: number;
      end_line: number;
      annotation_level: string;
      title?: string;
      message: string;
    }[];
    expect(annotations.find((a) => a.title === 'kaizen-gate: quality gate failed')).toMatchObject({
      path: 'manifests/sql-analytics.yaml',
      start_line: changeLine,
      end_line: changeEnd,
      annotation_level: 'failure',
    });
    const critical = annotations.filter((a) => a.title === 'kaizen-gate: critical case regressed');
    expect(critical.length).toBeGreaterThan(0);
    const candidate = firstEvidence.split('\n');
    for (const a of critical) {
      expect(a.path).toBe('evidence/candidate.jsonl');
      const record = JSON.parse(candidate[a.start_line - 1]!) as { case_id: string; critical: boolean; pass: boolean };
      expect(record).toMatchObject({ critical: true, pass: false });
      expect(a.message).toContain(record.case_id);
    }
  });

  it('puts a manifest failure on the manifest lines and sends 62 annotations as 50 + 12', async () => {
    const { pr, server, run, templates } = await scenarios.untracked;
    expect(server.invalidRequests).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.commands('error')).toEqual(['::error::kaizen-gate: Rejected: the manifest gate failed.']);
    expect(server.requests.map((r) => `${r.method} ${r.operationId}`)).toEqual([
      'GET users/get-authenticated',
      'GET checks/list-for-ref',
      'POST checks/create',
      'PATCH checks/update',
    ]);
    expect(checkRunBodies(server).map((b) => b.output.annotations?.length)).toEqual([50, 12]);
    const [check] = server.state.checkRuns;
    expect(check).toMatchObject({
      name: 'kaizen-gate / policy-qa',
      conclusion: 'failure',
      head_sha: pr.head,
      output: { title: 'Rejected: the manifest gate failed.' },
    });
    const lines = pr.repo.git('show', `${pr.head}:manifests/policy-qa.yaml`).split('\n');
    const problems = (
      check!.annotations as {
        path: string;
        start_line: number;
        end_line: number;
        annotation_level: string;
        message: string;
      }[]
    ).filter((a) => a.path === 'manifests/policy-qa.yaml');
    expect(problems).toHaveLength(60);
    for (const [i, a] of problems.entries()) {
      // The `sha256:` line recorded for that template, at the line the loader gave.
      expect(lines[a.start_line - 2]).toBe(`    path: ${templates[i]}`);
      expect(lines[a.start_line - 1]).toMatch(/^ {4}sha256: sha256:[0-9a-f]{64}$/);
      expect(a).toMatchObject({ end_line: a.start_line, annotation_level: 'failure' });
      expect(a.message).toContain(`${templates[i]} changed but manifests/policy-qa.yaml still records`);
    }
  });
});

describe('outputs and job summary', () => {
  it('sets decision, conclusion, report-path, signed and a compact report-json with every package', async () => {
    const { pr, first, firstReport } = await scenarios.main;
    expect(first.outputs).toEqual({
      decision: 'reject',
      conclusion: 'failure',
      'report-path': join(pr.repo.dir, 'kaizen-gate-report/report.json'),
      signed: 'false',
      'report-json': expect.any(String),
    });
    const json = first.outputs['report-json']!;
    expect(json).toBe(JSON.stringify(JSON.parse(json)));
    expect(JSON.parse(json)).toEqual({
      decision: 'reject',
      conclusion: 'failure',
      packages: firstReport.packages.map((p) => ({
        application: p.application,
        package_id: p.package_id,
        decision: p.decision.outcome,
        conclusion: CONCLUSION[p.decision.outcome],
        gates: Object.fromEntries(p.gates.map((g) => [g.gate, g.verdict])),
      })),
    });
    expect(JSON.parse(json).packages.map((p: { gates: { quality: string } }) => p.gates.quality)).toEqual([
      'inconclusive',
      'pass',
      'fail',
    ]);
  });

  it('gates the checked-out commit, not the work tree with its untracked evidence', async () => {
    const { pr, firstReport } = await scenarios.main;
    expect(firstReport.inputs.head.commit).toBe(pr.merge);
    expect(firstReport.inputs.base.commit).toBe(pr.base);
    expect(firstReport.subject).toMatchObject({ repository: `${OWNER}/${REPO}`, commit: pr.merge, pull_request: PR });
    expect(firstReport.unreferenced_changes).toEqual([]);
  });

  it('writes a bounded job summary with hostile case ids escaped everywhere GitHub renders Markdown', async () => {
    const { server, first } = await scenarios.main;
    expect(utf8Length(first.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(first.summary).toContain('## ❌ REJECT · kaizen-gate');
    expect(first.summary).toContain('## sql-analytics · Worst regressed cases');
    const rendered = [
      first.summary,
      ...server.state.comments.map((c) => c.body),
      ...checkRunBodies(server).flatMap((b) => [b.output.summary, b.output.text ?? '']),
    ];
    expect(rendered.filter((text) => text.includes(HOSTILE_ESCAPED)).length).toBeGreaterThanOrEqual(3);
    for (const text of rendered) {
      expect(text).not.toContain('<img');
      expect(text).not.toMatch(/(^|[^\u200d])@acme\/security-team/);
    }
  });
});

describe('signing key', () => {
  it('is masked in the log line by line and never printed', async () => {
    const { second } = await scenarios.main;
    const body = SIGNING_KEY.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
    expect(body.length).toBeGreaterThan(0);
    for (const line of body) expect(second.stdout).toContain(`::add-mask::${line}`);
    const printed = second.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    for (const line of body) expect(printed.join('\n')).not.toContain(line);
  });
});

describe('sticky comment', () => {
  it('is created once and updated in place by the next run', async () => {
    const { server, first, firstComments, firstRequests, second, push } = await scenarios.main;
    expect(server.invalidRequests).toEqual([]);
    expect(firstComments).toHaveLength(1);
    // The marker names the head the comment reports on.
    const { pr } = await scenarios.main;
    expect(firstComments[0]!.body.startsWith(`<!-- kaizen-gate:sticky head=${pr.head} -->\n`)).toBe(true);
    expect(first.stdout).toContain('PR comment created');

    const later = server.requests.slice(firstRequests);
    expect(later.filter((r) => r.operationId === 'issues/create-comment')).toEqual([]);
    expect(later.filter((r) => r.operationId === 'issues/update-comment').map((r) => r.path)).toEqual([
      `${API}/issues/comments/${firstComments[0]!.id}`,
    ]);
    expect(second.stdout).toContain('PR comment updated');
    expect(server.state.comments.map((c) => c.id)).toEqual([firstComments[0]!.id]);
    const body = server.state.comments[0]!.body;
    expect(body).not.toBe(firstComments[0]!.body);
    expect(body).toContain(push.merge.slice(0, 12));
    expect(body).toContain('🔏 signed');
  });

  it('is not written with comment: off, nor with on-failure when nothing failed', async () => {
    const untracked = await scenarios.untracked;
    expect(untracked.server.requests.filter((r) => r.path.includes('/comments'))).toEqual([]);
    expect(untracked.server.state.comments).toEqual([]);
    // on-failure on an approved PR (whose check run GitHub refused, see below): no comment is
    // written; the comments are only listed, to refresh one an earlier failing run may have left.
    const validation = await scenarios.validation;
    const commentRequests = validation.server.requests.filter((r) => r.path.includes('/comments'));
    expect(commentRequests.map((r) => r.operationId)).toEqual(['issues/list-comments']);
    expect(validation.server.state.comments).toEqual([]);
  });
});

describe('no way around the gate', () => {
  it('a PR that deletes the manifest of the prompt it changes is rejected, naming the file; nothing else in the repository is gated', async () => {
    const { pr, server, run } = await scenarios.bypass;
    expect(server.invalidRequests).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.outputs['decision']).toBe('reject');
    const report = expectReportFiles(pr, run);
    expect(report.packages.map((p) => [p.manifest, p.diff.problems[0]?.message.split(';')[0]])).toEqual([
      ['manifests/policy-qa.yaml', 'was deleted'],
    ]);
    const checks = server.state.checkRuns.filter((r) => r.head_sha === pr.head);
    expect(checks.map((r) => [r.name, r.conclusion])).toEqual([['kaizen-gate / policy-qa', 'failure']]);
    expect(checks[0]!.output.title).toBe('Rejected: the manifest gate failed.');
    expect(checks[0]!.output.summary).toContain('was deleted; at the base commit it holds package');
    expect(run.commands('error').join('\n')).toContain('Rejected: the manifest gate failed.');
  });

  it('never adopts the PR author’s marker comment: the gate writes its own, for the head it gated', async () => {
    const { pr, server, fake } = await scenarios.bypass;
    expect(server.state.comments.find((c) => c.id === fake.id)?.body).toBe(FAKE_VERDICT);
    const own = server.state.comments.filter((c) => c.id !== fake.id);
    expect(own.map((c) => [c.user.login, c.body.split('\n')[0]])).toEqual([
      ['github-actions[bot]', `<!-- kaizen-gate:sticky head=${pr.head} -->`],
    ]);
    expect(server.requests.filter((r) => r.operationId === 'issues/update-comment')).toEqual([]);
    // Who the token is was asked once; GITHUB_TOKEN may not ask, so the documented fallback applies.
    expect(server.requests.filter((r) => r.operationId === 'users/get-authenticated').map((r) => r.status)).toEqual([
      403,
    ]);
  });
});

describe('step result and fail-on', () => {
  it('fails the step on reject by default, and passes it with fail-on: none', async () => {
    const { first, second, secondReport, pr, push, server } = await scenarios.main;
    expect(first.code).toBe(1);
    expect(first.commands('error')).toEqual(['::error::kaizen-gate: sql-analytics: reject.']);
    expect(second.code).toBe(0);
    expect(second.commands('error')).toEqual([]);
    expect(second.outputs).toMatchObject({ decision: 'reject', conclusion: 'failure', signed: 'true' });
    expect(existsSync(join(pr.repo.dir, 'kaizen-gate-report/report.intoto.json'))).toBe(true);
    // The second push: doc-analysis is now held (p95 latency), which is a failed check too.
    expect(secondReport.packages.map((p) => p.decision.outcome)).toEqual(['hold', 'approve', 'reject']);
    const onPush = server.state.checkRuns.filter((r) => r.head_sha === push.head);
    expect(onPush.map((r) => [r.name, r.conclusion, r.output.title?.split(':')[0]])).toEqual([
      ['kaizen-gate / doc-analysis', 'failure', 'Held'],
      ['kaizen-gate / policy-qa', 'success', 'Approved'],
      ['kaizen-gate / sql-analytics', 'failure', 'Rejected'],
    ]);
  });

  it('reports a PR that touches no manifest as one neutral check run', async () => {
    const { pr, server, run } = await scenarios.nothing;
    expect(server.invalidRequests).toEqual([]);
    expect(run.code).toBe(0);
    const report = expectReportFiles(pr, run);
    expect(report.decision.outcome).toBe('nothing_to_gate');
    expect(report.unreferenced_changes).toEqual(['README.md']);
    expect(run.outputs).toMatchObject({ decision: 'nothing_to_gate', conclusion: 'neutral' });
    expect(server.state.checkRuns.map((r) => [r.name, r.conclusion, r.head_sha, r.output.title])).toEqual([
      [
        'kaizen-gate',
        'neutral',
        pr.head,
        'Nothing to gate: No package manifest is touched by this change; nothing to gate.',
      ],
    ]);
  });
});

describe('tokens without write access (fork pull requests)', () => {
  it('falls back to the job summary, report files and step result, and says so', async () => {
    const { pr, server, run } = await scenarios.fork;
    expect(server.invalidRequests).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(STACK_FRAME);
    const report = expectReportFiles(pr, run);
    expect(report.decision.outcome).toBe('approve');
    expect(report.signature).toEqual({
      status: 'unsigned',
      reason: 'no signing-key input: pull requests from forks get no secrets',
    });
    const warnings = run.commands('warning');
    const explained =
      '::warning::Could not create the check run "kaizen-gate / policy-qa": the token lacks `checks: write` (pull requests from forks get a read-only token)';
    expect(warnings.some((w) => w.startsWith(explained))).toBe(true);
    expect(warnings.some((w) => w.includes('workflow_run'))).toBe(true);
    expect(warnings.some((w) => w.startsWith('::warning::Could not update the PR comment: GitHub refused POST'))).toBe(
      true,
    );
    expect(run.commands('error')).toEqual([]);
    expect(byOperation(server, 'checks/create').map((r) => r.status)).toEqual([403]);
    expect(server.state.checkRuns).toEqual([]);
  });

  it('still fails the step when the decision is one fail-on lists', async () => {
    const { pr, run } = await scenarios.forkReject;
    expect(run.code).toBe(1);
    expectReportFiles(pr, run);
    expect(run.commands('error')).toEqual(['::error::kaizen-gate: Rejected: the quality gate failed.']);
  });
});

describe('GitHub faults', () => {
  it('waits out slow answers and retries 500s, a secondary rate limit and a 429, writing each thing once', async () => {
    const { pr, server, run } = await scenarios.flaky;
    expect(server.invalidRequests).toEqual([]);
    expect(run.code).toBe(0);
    expectReportFiles(pr, run);
    expect(server.requests.map((r) => `${r.method} ${r.operationId} ${r.status}`)).toEqual([
      'GET users/get-authenticated 403',
      'GET checks/list-for-ref 200',
      'POST checks/create 500',
      'POST checks/create 500',
      'POST checks/create 201',
      'GET issues/list-comments 403',
      'GET issues/list-comments 200',
      'POST issues/create-comment 429',
      'POST issues/create-comment 201',
      // After creating, a listing that would find a comment a concurrent run created.
      'GET issues/list-comments 200',
    ]);
    expect(server.requests[1]?.fault?.delayMs).toBe(1500);
    expect(server.state.checkRuns.map((r) => [r.name, r.conclusion])).toEqual([['kaizen-gate / policy-qa', 'success']]);
    expect(server.state.comments).toHaveLength(1);
    const warnings = run.commands('warning');
    expect(warnings.filter((w) => w.includes('answered 500'))).toHaveLength(2);
    expect(
      warnings.some((w) =>
        /^::warning::GitHub secondary rate limit on GET \S+\/issues\/17\/comments\S*; retry 1 of 3 in 2 s\.$/.test(w),
      ),
    ).toBe(true);
    expect(warnings).toContain(
      '::warning::GitHub rate limit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments; retry 1 of 3 in 1 s.',
    );
  });

  it('reports a 422 with GitHub’s message and fails the step, the report files on disk', async () => {
    const { pr, server, run } = await scenarios.validation;
    expect(server.invalidRequests).toEqual([]);
    const report = expectReportFiles(pr, run);
    expect(report.decision.outcome).toBe('approve');
    expect(byOperation(server, 'checks/create').map((r) => r.status)).toEqual([422]);
    expect(run.commands('warning')).toContainEqual(
      `::warning::Could not publish the check run "kaizen-gate / policy-qa": GitHub rejected POST ${API}/check-runs (422): Validation Failed: ${VALIDATION_MESSAGE}`,
    );
    expect(run.code).toBe(1);
    expect(run.commands('error')).toEqual([
      '::error::kaizen-gate: Publishing to GitHub failed (1 update, see the warnings above); the decision was approve and the report is in kaizen-gate-report/ and the job summary.',
    ]);
  });

  it('keeps the report when the API is unreachable, and says the post failed', async () => {
    const { pr, run } = await scenarios.down;
    const report = expectReportFiles(pr, run);
    expect(report.decision.outcome).toBe('approve');
    expect(run.outputs).toMatchObject({ decision: 'approve', conclusion: 'success' });
    expect(
      run
        .commands('warning')
        .some((w) =>
          w.startsWith('::warning::Could not publish the check run "kaizen-gate / policy-qa": Could not reach GitHub'),
        ),
    ).toBe(true);
    expect(
      run
        .commands('warning')
        .some((w) => w.startsWith('::warning::Could not update the PR comment: Could not reach GitHub')),
    ).toBe(true);
    expect(run.code).toBe(1);
    expect(run.commands('error')[0]).toMatch(/^::error::kaizen-gate: Publishing to GitHub failed \(2 updates/);
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });
});

describe('invalid inputs', () => {
  let pr: PullRequestRepo;
  let server: GitHubServer;
  let runs = 0;
  beforeAll(async () => {
    pr = kit.promptPatch();
    server = await kit.fakeGitHub();
  });

  // Every input rule is unit-tested in test/action/inputs.test.ts; here the bundled Action shows how
  // the runner renders them: all at once, as ::error lines, a file annotation where there is a file.
  it.each<{ name: string; inputs: Record<string, string>; errors: string[] }>([
    {
      name: 'four bad inputs at once',
      inputs: { 'allow-unpaired': 'yes please', seed: '-1', comment: 'sometimes', 'fail-on': 'explode' },
      errors: [
        '::error::input allow-unpaired: Expected `allow-unpaired` to be true or false, got "yes please".',
        '::error::input comment: Expected `comment` to be one of always, on-change, on-failure, off, got "sometimes".',
        '::error::input fail-on: Expected `fail-on` to list reject, hold, needs_approval or none, got "explode".',
        '::error::input seed: Expected `seed` to be an integer from 0 to 4294967295, got "-1".',
      ],
    },
    {
      name: 'a missing evidence file',
      inputs: { 'candidate-evidence': 'evidence/candidat.jsonl' },
      errors: ['::error file=evidence/candidat.jsonl::evidence/candidat.jsonl: candidate evidence does not exist'],
    },
  ])('fails the step on $name, naming it, with no stack trace and no report', async ({ inputs, errors }) => {
    const outDir = `invalid-report-${++runs}`;
    const run = await kit.gate(pr, server.url, { inputs: { ...inputs, 'out-dir': outDir } });
    expect(run.code).toBe(1);
    const lines = run.commands('error');
    expect(lines.slice(0, -1)).toEqual(errors);
    expect(lines.at(-1)).toBe(`::error::kaizen-gate: invalid input: ${errors.length} problem(s), listed above.`);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_FRAME);
    expect(run.stderr).toBe('');
    expect(existsSync(join(pr.repo.dir, outDir))).toBe(false);
    expect(run.outputs).toEqual({});
    expect(run.summary).toBe('');
    expect(server.requests).toEqual([]);
  });
});
