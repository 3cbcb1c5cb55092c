// The fake GitHub server's validator is what makes the other GitHub tests meaningful: these tests
// show it rejects what GitHub's OpenAPI description rejects, with plain fetch and no client help.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../support/github-server.ts';

let server: GitHubServer;
beforeEach(async () => {
  server = await startGitHubServer();
});
afterEach(async () => {
  await server.close();
});

const validCheckRun = {
  name: 'kaizen-gate',
  head_sha: 'a'.repeat(40),
  status: 'completed',
  conclusion: 'success',
  output: { title: 'Approve', summary: 'All gates pass.' },
};

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: 'token test-token', 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return {
    status: response.status,
    body: (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined,
  };
}

describe('OpenAPI validation', () => {
  it('accepts a valid check run and answers a realistic shape', async () => {
    const { status, body } = await call('POST', '/repos/acme/app/check-runs', validCheckRun);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      name: 'kaizen-gate',
      status: 'completed',
      conclusion: 'success',
      head_sha: 'a'.repeat(40),
    });
    expect(body?.['html_url']).toBe(`https://github.com/acme/app/runs/${String(body?.['id'])}`);
    expect(server.invalidRequests).toEqual([]);
    expect(server.requests[0]?.operationId).toBe('checks/create');
  });

  it.each([
    {
      name: 'conclusion outside the enum',
      path: '/repos/acme/app/check-runs',
      body: { ...validCheckRun, conclusion: 'approved' },
      error: /conclusion: must be equal to one of the allowed values/,
    },
    {
      name: 'missing head_sha',
      path: '/repos/acme/app/check-runs',
      body: { name: 'x' },
      error: /must have required property 'head_sha'/,
    },
    {
      name: 'an output without summary',
      path: '/repos/acme/app/check-runs',
      body: { ...validCheckRun, output: { title: 't' } },
      error: /output: must have required property 'summary'/,
    },
    {
      name: '51 annotations in one request',
      path: '/repos/acme/app/check-runs',
      body: {
        ...validCheckRun,
        output: {
          title: 't',
          summary: 's',
          annotations: Array.from({ length: 51 }, () => ({
            path: 'a',
            start_line: 1,
            end_line: 1,
            annotation_level: 'notice',
            message: 'm',
          })),
        },
      },
      error: /annotations: must NOT have more than 50 items/,
    },
    {
      name: 'an annotation level GitHub does not know',
      path: '/repos/acme/app/check-runs',
      body: {
        ...validCheckRun,
        output: {
          title: 't',
          summary: 's',
          annotations: [{ path: 'a', start_line: 1, end_line: 1, annotation_level: 'error', message: 'm' }],
        },
      },
      error: /annotation_level: must be equal to one of the allowed values/,
    },
    {
      name: 'columns on a multi-line annotation',
      path: '/repos/acme/app/check-runs',
      body: {
        ...validCheckRun,
        output: {
          title: 't',
          summary: 's',
          annotations: [
            {
              path: 'a',
              start_line: 1,
              end_line: 2,
              start_column: 1,
              end_column: 3,
              annotation_level: 'notice',
              message: 'm',
            },
          ],
        },
      },
      error: /only allowed when start_line equals end_line/,
    },
    {
      name: 'a summary over 65 535 UTF-8 bytes but under 65 535 characters',
      path: '/repos/acme/app/check-runs',
      body: { ...validCheckRun, output: { title: 't', summary: 'é'.repeat(40_000) } },
      error: /summary exceeds a maximum bytesize of 65535/,
    },
    {
      name: 'completed without a conclusion',
      path: '/repos/acme/app/check-runs',
      body: { name: 'x', head_sha: 'a', status: 'completed' },
      error: /conclusion: required/,
    },
    {
      name: 'an update to completed without conclusion',
      path: '/repos/acme/app/check-runs/5',
      method: 'PATCH',
      body: { status: 'completed' },
      error: /must have required property 'conclusion'/,
    },
    {
      name: 'a comment over 65 536 characters',
      path: '/repos/acme/app/issues/3/comments',
      body: { body: 'x'.repeat(65_537) },
      error: /Body is too long/,
    },
    {
      name: 'a comment without body',
      path: '/repos/acme/app/issues/3/comments',
      body: { text: 'hi' },
      error: /must have required property 'body'/,
    },
    {
      name: 'a non-integer path parameter',
      path: '/repos/acme/app/issues/three/comments',
      body: { body: 'hi' },
      error: /issue_number: must be integer/,
    },
    {
      name: 'a body that is not JSON',
      path: '/repos/acme/app/issues/3/comments',
      body: '{"body": ',
      error: /Problems parsing JSON/,
      status: 400,
    },
  ])('rejects $name', async ({ path, body, error, method = 'POST', status = 422 }) => {
    const response = await call(method, path, body);
    expect(response.status).toBe(status);
    expect(server.invalidRequests).toHaveLength(1);
    expect(server.invalidRequests[0]?.errors.join('\n')).toMatch(error);
    expect(server.state.checkRuns).toEqual([]);
    expect(server.state.comments).toEqual([]);
  });

  it.each([
    {
      name: 'an unknown query parameter',
      path: '/repos/acme/app/issues/3/comments?per_pag=100',
      error: /must NOT have additional properties/,
    },
    {
      name: 'a query value of the wrong type',
      path: '/repos/acme/app/issues/3/comments?per_page=many',
      error: /per_page: must be integer/,
    },
    {
      name: 'an enum query value',
      path: `/repos/acme/app/commits/${'a'.repeat(40)}/check-runs?filter=newest`,
      error: /filter: must be equal to one of the allowed values/,
    },
    {
      name: 'an operation GitHub does not have',
      path: '/repos/acme/app/check-suites/1/check-runs/2',
      error: /no such operation/,
      status: 404,
    },
  ])('rejects $name', async ({ path, error, status = 422 }) => {
    const response = await call('GET', path);
    expect(response.status).toBe(status);
    expect(server.invalidRequests[0]?.errors.join('\n')).toMatch(error);
  });

  it('rejects an unauthenticated request', async () => {
    const response = await fetch(`${server.url}/repos/acme/app/pulls/1`);
    expect(response.status).toBe(401);
    expect(server.invalidRequests[0]?.errors).toEqual(['authorization: missing or malformed']);
  });

  it('accepts a ref with slashes where GitHub marks it multi-segment', async () => {
    const response = await call('GET', '/repos/acme/app/commits/refs/heads/main/check-runs');
    expect(response.status).toBe(200);
    expect(server.invalidRequests).toEqual([]);
  });
});

describe('behaviour', () => {
  it('pages comments with GitHub Link headers, honouring per_page', async () => {
    for (let i = 0; i < 7; i++) server.seedComment({ owner: 'acme', repo: 'app', issueNumber: 3, body: `c${i}` });
    const first = await fetch(`${server.url}/repos/acme/app/issues/3/comments?per_page=3`, {
      headers: { authorization: 'token t' },
    });
    const bodies = ((await first.json()) as { body: string }[]).map((c) => c.body);
    expect(bodies).toEqual(['c0', 'c1', 'c2']);
    expect(first.headers.get('link')).toBe(
      `<${server.url}/repos/acme/app/issues/3/comments?per_page=3&page=2>; rel="next", <${server.url}/repos/acme/app/issues/3/comments?per_page=3&page=3>; rel="last"`,
    );
    const last = await fetch(`${server.url}/repos/acme/app/issues/3/comments?per_page=3&page=3`, {
      headers: { authorization: 'token t' },
    });
    expect(((await last.json()) as { body: string }[]).map((c) => c.body)).toEqual(['c6']);
    expect(last.headers.get('link')).toContain('rel="prev"');
    expect(last.headers.get('link')).not.toContain('rel="next"');
    expect(server.invalidRequests).toEqual([]);
  });

  it('appends annotations on update and lists the latest run per name', async () => {
    const annotation = { path: 'a.yaml', start_line: 1, end_line: 1, annotation_level: 'notice', message: 'm' };
    const created = await call('POST', '/repos/acme/app/check-runs', {
      ...validCheckRun,
      output: { title: 't', summary: 's', annotations: [annotation] },
    });
    const id = Number(created.body?.['id']);
    await call('PATCH', `/repos/acme/app/check-runs/${id}`, {
      output: { title: 't', summary: 's2', annotations: [annotation, annotation] },
    });
    expect(server.state.checkRuns[0]?.annotations).toHaveLength(3);
    expect(server.state.checkRuns[0]?.output.summary).toBe('s2');
    await call('POST', '/repos/acme/app/check-runs', validCheckRun);
    const latest = await call('GET', `/repos/acme/app/commits/${'a'.repeat(40)}/check-runs`);
    const all = await call('GET', `/repos/acme/app/commits/${'a'.repeat(40)}/check-runs?filter=all`);
    expect(latest.body?.['total_count']).toBe(1);
    expect(all.body?.['total_count']).toBe(2);
    expect(server.invalidRequests).toEqual([]);
  });

  it('finds the pull requests of a commit', async () => {
    server.seedPull({ owner: 'acme', repo: 'app', number: 4, head_sha: 'b'.repeat(40), fork: true });
    server.seedPull({ owner: 'acme', repo: 'app', number: 5, head_sha: 'e'.repeat(40) });
    const { status, body } = await call('GET', `/repos/acme/app/commits/${'b'.repeat(40)}/pulls`);
    expect(status).toBe(200);
    expect(body).toEqual([
      expect.objectContaining({
        number: 4,
        head: expect.objectContaining({ sha: 'b'.repeat(40), repo: { full_name: 'fork-owner/app', fork: true } }),
      }),
    ]);
    expect((await call('GET', '/repos/acme/app/pulls/6')).status).toBe(404);
    expect(server.invalidRequests).toEqual([]);
  });

  it('serves injected faults the given number of times, then behaves', async () => {
    server.inject({ method: 'GET', path: '/repos/{owner}/{repo}/pulls/{pull_number}', status: 502, times: 2 });
    server.seedPull({ owner: 'acme', repo: 'app', number: 4, head_sha: 'b'.repeat(40) });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call('GET', '/repos/acme/app/pulls/4')).status);
    expect(statuses).toEqual([502, 502, 200]);
    expect(server.requests.map((r) => r.fault?.status)).toEqual([502, 502, undefined]);
    expect(server.invalidRequests).toEqual([]);
  });
});
