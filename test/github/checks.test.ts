// Check runs against the fake GitHub over real HTTP; every request body is checked against GitHub's
// OpenAPI description by the server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, normalizeAnnotation, postCheckRun, type CheckRunParams } from '../../src/github/checks.ts';
import type { Annotation } from '../../src/report/annotations.ts';
import { classifyGitHubError } from '../../src/github/errors.ts';
import { utf8Length } from '../../src/github/limits.ts';
import { setupOctokit, type Octokit } from '../../src/github/octokit.ts';
import { startGitHubServer, type GitHubServer } from '../support/github-server.ts';

let server: GitHubServer;
let octokit: Octokit;
let token: string;
let tokens = 0;
beforeEach(async () => {
  server = await startGitHubServer();
  // A token per test: the client paces writes per token, which would otherwise carry over between tests.
  token = `ghs_test_${++tokens}`;
  octokit = setupOctokit(token, { baseUrl: server.url, backoffUnitMs: 5 });
});
afterEach(async () => {
  expect(server.invalidRequests).toEqual([]);
  await server.close();
});

const sha = 'd'.repeat(40);
const annotation = (i: number): Annotation => ({
  path: `manifests/pkg-${i}.yaml`,
  start_line: i + 1,
  end_line: i + 1,
  annotation_level: i % 3 === 0 ? 'failure' : 'warning',
  message: `problem ${i}`,
});
/** The JSON body of the i-th request the server received. */
function sentBody<T>(i: number): T {
  const request = server.requests[i];
  if (request === undefined) throw new Error(`no request ${i}`);
  return request.body as T;
}

const base: CheckRunParams = {
  owner: 'acme',
  repo: 'app',
  headSha: sha,
  name: 'kaizen-gate / policy-qa',
  conclusion: 'failure',
  title: 'Reject: quality −3.1 pp',
  summary: 'The quality gate failed.',
  annotations: [],
};

describe('postCheckRun', () => {
  it('creates a completed run and sends 120 annotations as 50 + 50 + 20', async () => {
    const annotations = Array.from({ length: 120 }, (_, i) => annotation(i));
    // The client logs each request as it sends it: those times show its pacing.
    const sent: number[] = [];
    const paced = setupOctokit(`${token}-paced`, {
      baseUrl: server.url,
      backoffUnitMs: 5,
      log: {
        debug: (m) => void (m.startsWith('GitHub request:') && sent.push(performance.now())),
        info: () => {},
        warn: () => {},
        error: () => {},
      },
    });
    const posted = await postCheckRun(paced, {
      ...base,
      annotations,
      text: 'details',
      detailsUrl: 'https://example.test/run/1',
    });

    expect(server.requests.map((r) => `${r.method} ${r.operationId}`)).toEqual([
      'POST checks/create',
      'PATCH checks/update',
      'PATCH checks/update',
    ]);
    const sizes = server.requests.map(
      (r) => ((r.body as { output: { annotations: unknown[] } }).output.annotations ?? []).length,
    );
    expect(sizes).toEqual([50, 50, 20]);
    // GitHub asks for writes a second apart; the client paces them. Measured where the client sends,
    // not where the server reads: on a busy machine the server may read one request late and the next
    // on time, which says nothing about the client's pacing.
    const gaps = sent.slice(1).map((at, i) => at - sent[i]!);
    expect(sent).toHaveLength(3);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(950);
    expect(posted).toEqual({
      id: server.state.checkRuns[0]?.id,
      htmlUrl: `https://github.com/acme/app/runs/${posted.id}`,
      annotationBatches: 3,
      annotationsOmitted: 0,
      reused: false,
    });

    const run = server.state.checkRuns[0];
    expect(run).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      head_sha: sha,
      details_url: 'https://example.test/run/1',
    });
    expect(run?.annotations).toEqual(annotations);
    expect(run?.output).toEqual({ title: base.title, summary: base.summary, text: 'details' });
  });

  it('sends no annotations key and one request when there are none', async () => {
    const posted = await postCheckRun(octokit, { ...base, conclusion: 'success' });
    expect(posted.annotationBatches).toBe(0);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.body).toEqual({
      name: base.name,
      head_sha: sha,
      status: 'completed',
      conclusion: 'success',
      output: { title: base.title, summary: base.summary },
    });
  });

  it('keeps annotations within the budget and reports the rest', async () => {
    const annotations = Array.from({ length: 7 }, (_, i) => annotation(i));
    const posted = await postCheckRun(
      octokit,
      { ...base, annotations },
      { ...DEFAULT_LIMITS, annotationsPerRequest: 2, maxAnnotations: 3 },
    );
    expect(posted).toMatchObject({ annotationBatches: 2, annotationsOmitted: 4 });
    expect(server.state.checkRuns[0]?.annotations).toEqual(annotations.slice(0, 3));
  });

  it('shortens a sectioned summary in stages to the limit, observed in the body sent', async () => {
    const summary = [
      { title: 'Verdict', body: 'Reject.', priority: 3 },
      { title: 'Gates', body: 'quality fail', details: `<details>${'g'.repeat(300)}</details>`, priority: 2 },
      { title: 'Worst cases', body: 'x'.repeat(400), priority: 1 },
    ];
    await postCheckRun(octokit, { ...base, summary }, { ...DEFAULT_LIMITS, summary: 200 });
    const sent = sentBody<{ output: { summary: string } }>(0).output.summary;
    expect(sent).toBe(
      '## Verdict\n\nReject.\n\n## Gates\n\nquality fail\n\n_… details omitted (see report.json / full report)_\n\n' +
        '_… Worst cases omitted (see report.json / full report)_',
    );
    expect(utf8Length(sent)).toBeLessThanOrEqual(200);
  });

  it('fits a plain summary of emoji to GitHub’s real limit, counted in bytes', async () => {
    const summary = '🚦'.repeat(20_000); // 20 000 UTF-16 pairs, 80 000 bytes
    await postCheckRun(octokit, { ...base, summary, text: 'é'.repeat(40_000) });
    const output = sentBody<{ output: { summary: string; text: string } }>(0).output;
    expect(utf8Length(output.summary)).toBeLessThanOrEqual(65_535);
    expect(utf8Length(output.text)).toBeLessThanOrEqual(65_535);
    expect(output.summary.isWellFormed()).toBe(true);
    expect(output.summary.endsWith('(see report.json / full report)_')).toBe(true);
  });

  it('updates the run an earlier attempt of the same job left instead of duplicating it', async () => {
    const first = await postCheckRun(octokit, {
      ...base,
      conclusion: 'neutral',
      externalId: 'run-42/gate',
      appSlug: 'github-actions',
    });
    const second = await postCheckRun(octokit, {
      ...base,
      conclusion: 'success',
      externalId: 'run-42/gate',
      title: 'Approve',
      appSlug: 'github-actions',
    });
    expect(second).toMatchObject({ id: first.id, reused: true });
    expect(server.state.checkRuns).toHaveLength(1);
    expect(server.state.checkRuns[0]).toMatchObject({ conclusion: 'success', output: { title: 'Approve' } });
    const lookup = server.requests.filter((r) => r.operationId === 'checks/list-for-ref');
    expect(lookup.map((r) => r.query)).toEqual([
      { check_name: base.name, filter: 'all', per_page: '100' },
      { check_name: base.name, filter: 'all', per_page: '100' },
    ]);
  });

  it('never adopts a run of another app, nor any run when its own app is unknown', async () => {
    const foreign = server.seedCheckRun({
      owner: 'acme',
      repo: 'app',
      head_sha: sha,
      name: base.name,
      external_id: 'run-42/gate',
      app_slug: 'pr-author-app',
      summary: '✅ APPROVE',
    });
    const posted = await postCheckRun(octokit, { ...base, externalId: 'run-42/gate', appSlug: 'github-actions' });
    expect(posted.reused).toBe(false);
    expect(posted.id).not.toBe(foreign.id);
    expect(server.state.checkRuns.find((r) => r.id === foreign.id)).toMatchObject({
      conclusion: 'success',
      output: { summary: '✅ APPROVE' },
    });
    const unknownApp = await postCheckRun(octokit, { ...base, externalId: 'run-42/gate' });
    expect(unknownApp.reused).toBe(false);
    expect(server.state.checkRuns).toHaveLength(3);
  });

  it('creates the check run when listing earlier runs fails, and says so', async () => {
    server.inject({ method: 'GET', path: '/repos/{owner}/{repo}/commits/{ref}/check-runs', status: 502, times: 10 });
    const posted = await postCheckRun(octokit, { ...base, externalId: 'run-42/gate', appSlug: 'github-actions' });
    expect(posted).toMatchObject({ reused: false, lookupFailed: expect.stringContaining('502') });
    expect(server.state.checkRuns).toHaveLength(1);
    expect(server.state.checkRuns[0]).toMatchObject({ conclusion: 'failure', head_sha: sha });
  });

  it('creates a new run when the other run belongs to another job or already carries annotations', async () => {
    await postCheckRun(octokit, { ...base, externalId: 'run-42/other', appSlug: 'github-actions' });
    const withAnnotations = await postCheckRun(octokit, {
      ...base,
      externalId: 'run-42/gate',
      annotations: [annotation(1)],
      appSlug: 'github-actions',
    });
    const next = await postCheckRun(octokit, {
      ...base,
      externalId: 'run-42/gate',
      annotations: [annotation(1)],
      appSlug: 'github-actions',
    });
    expect(next.reused).toBe(false);
    expect(next.id).not.toBe(withAnnotations.id);
    expect(server.state.checkRuns).toHaveLength(3);
    expect(server.state.checkRuns.map((r) => r.annotations.length)).toEqual([0, 1, 1]);
  });

  it('surfaces a 403 from a fork or a token without checks:write as forbidden-integration, unretried', async () => {
    server.inject({
      method: 'POST',
      path: '/repos/{owner}/{repo}/check-runs',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
      times: 3,
    });
    const error = await postCheckRun(octokit, base).catch((e: unknown) => e);
    expect(classifyGitHubError(error, [token]).kind).toBe('forbidden-integration');
    expect(server.requests).toHaveLength(1);
  });

  it('surfaces GitHub’s 422 message', async () => {
    server.inject({
      method: 'POST',
      path: '/repos/{owner}/{repo}/check-runs',
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'CheckRun', code: 'custom', field: 'head_sha', message: 'No commit found for SHA: dddd' }],
      },
    });
    const error = await postCheckRun(octokit, base).catch((e: unknown) => e);
    expect(classifyGitHubError(error)).toEqual({
      kind: 'validation',
      status: 422,
      message:
        'GitHub rejected POST /repos/acme/app/check-runs (422): Validation Failed: No commit found for SHA: dddd',
    });
  });
});

describe('normalizeAnnotation', () => {
  const a: Annotation = { path: 'x.yaml', start_line: 3, end_line: 3, annotation_level: 'notice', message: 'm' };
  it.each<{ name: string; input: Annotation; expected: Partial<Annotation> }>([
    {
      name: 'keeps columns on one line',
      input: { ...a, start_column: 2, end_column: 9 },
      expected: { start_line: 3, end_line: 3, start_column: 2, end_column: 9 },
    },
    {
      name: 'drops columns across lines',
      input: { ...a, end_line: 5, start_column: 2, end_column: 9 },
      expected: { start_line: 3, end_line: 5 },
    },
    {
      name: 'drops a reversed end column',
      input: { ...a, start_column: 9, end_column: 2 },
      expected: { start_column: 9 },
    },
    {
      name: 'lifts line 0 to 1',
      input: { ...a, start_line: 0, end_line: 0 },
      expected: { start_line: 1, end_line: 1 },
    },
    {
      name: 'raises an end before the start',
      input: { ...a, start_line: 8, end_line: 2 },
      expected: { start_line: 8, end_line: 8 },
    },
    {
      name: 'uses forward slashes without ./',
      input: { ...a, path: '.\\manifests\\a.yaml'.replace('.\\', './') },
      expected: { path: 'manifests/a.yaml' },
    },
  ])('$name', ({ input, expected }) => {
    const result = normalizeAnnotation(input);
    expect(result).toMatchObject(expected);
    if (expected.start_column === undefined) expect(result).not.toHaveProperty('start_column');
    if (expected.end_column === undefined) expect(result).not.toHaveProperty('end_column');
  });

  it('cuts a long title to 255 bytes', () => {
    const result = normalizeAnnotation({ ...a, title: 'ü'.repeat(200) });
    expect(utf8Length(result.title ?? '')).toBeLessThanOrEqual(255);
    expect(result.title?.endsWith('…')).toBe(true);
  });
});
