// Retries and rate limits of the one GitHub client, against the fake GitHub over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyGitHubError } from '../../src/github/errors.ts';
import { setupOctokit, type Logger, type OctokitSetup } from '../../src/github/octokit.ts';
import { startGitHubServer, type Fault, type GitHubServer } from '../support/github-server.ts';

let server: GitHubServer;
let warnings: string[];
beforeEach(async () => {
  server = await startGitHubServer();
  server.seedPull({ owner: 'acme', repo: 'app', number: 7, head_sha: 'c'.repeat(40) });
  warnings = [];
});
afterEach(async () => {
  expect(server.invalidRequests).toEqual([]);
  await server.close();
});

const log: Logger = {
  debug() {},
  info() {},
  warn: (message) => warnings.push(message),
  error: (message) => warnings.push(message),
};

function client(options: OctokitSetup = {}) {
  return setupOctokit('ghs_testtoken0123456789abcdef', { baseUrl: server.url, log, backoffUnitMs: 10, ...options });
}

const getPull = (options?: OctokitSetup) =>
  client(options).rest.pulls.get({ owner: 'acme', repo: 'app', pull_number: 7 });

/** Milliseconds between consecutive requests as the server received them. */
const gaps = () => server.requests.slice(1).map((r, i) => r.receivedAt - (server.requests[i]?.receivedAt ?? 0));

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected the call to fail');
}

const secondaryMessage = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

describe('retries', () => {
  it('retries a 500 twice, backing off 1 and 4 units, then succeeds', async () => {
    server.inject({ path: '/repos/acme/app/pulls/7', status: 500, times: 2 });
    const { data } = await getPull();
    expect(data.number).toBe(7);
    expect(server.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    const [first = 0, second = 0] = gaps();
    expect(first).toBeGreaterThanOrEqual(9);
    expect(second).toBeGreaterThanOrEqual(39);
    expect(warnings.filter((w) => w.includes('answered 500'))).toHaveLength(2);
  });

  it('gives up on a lasting 502 after `retries` retries', async () => {
    server.inject({ path: '/repos/acme/app/pulls/7', status: 502, times: 10 });
    const error = await failure(getPull({ retries: 2 }));
    expect(server.requests).toHaveLength(3);
    expect(classifyGitHubError(error).kind).toBe('server');
  });

  it.each<{ name: string; fault: Fault; minGapMs: number; unit?: number }>([
    {
      name: 'a secondary-limit 403, after retry-after',
      fault: { status: 403, body: { message: secondaryMessage }, headers: { 'retry-after': '5' } },
      minGapMs: 50,
    },
    {
      name: 'a secondary-limit 429, after retry-after',
      fault: { status: 429, body: { message: secondaryMessage }, headers: { 'retry-after': '5' } },
      minGapMs: 50,
    },
    { name: 'a bare 429, after retry-after', fault: { status: 429, headers: { 'retry-after': '5' } }, minGapMs: 50 },
    {
      name: 'a bare 429, after a real second',
      fault: { status: 429, headers: { 'retry-after': '1' } },
      minGapMs: 990,
      unit: 1000,
    },
    {
      name: 'a primary-limit 403, after the reset time',
      fault: {
        status: 403,
        body: { message: 'API rate limit exceeded' },
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1) },
      },
      minGapMs: 10,
    },
  ])('retries $name', async ({ fault, minGapMs, unit }) => {
    server.inject({ ...fault, path: '/repos/acme/app/pulls/7' });
    const { data } = await getPull(unit === undefined ? {} : { backoffUnitMs: unit });
    expect(data.number).toBe(7);
    expect(server.requests.map((r) => r.status)).toEqual([fault.status, 200]);
    expect(gaps()[0]).toBeGreaterThanOrEqual(minGapMs);
    expect(warnings.some((w) => /rate limit on GET .*retry 1 of 3/.test(w))).toBe(true);
  });

  it('stops retrying a lasting secondary limit after `retries` retries', async () => {
    server.inject({
      path: '/repos/acme/app/pulls/7',
      status: 403,
      body: { message: secondaryMessage },
      headers: { 'retry-after': '1' },
      times: 10,
    });
    const error = await failure(getPull({ retries: 2 }));
    expect(server.requests).toHaveLength(3);
    expect(classifyGitHubError(error).kind).toBe('rate-limit');
    expect(warnings.some((w) => w.includes('giving up after 2 retries'))).toBe(true);
  });

  it('does not wait for a primary limit that resets beyond maxWaitSeconds', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    server.inject({
      path: '/repos/acme/app/pulls/7',
      status: 403,
      body: { message: 'API rate limit exceeded' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
    });
    const error = await failure(getPull());
    expect(server.requests).toHaveLength(1);
    const classified = classifyGitHubError(error);
    expect(classified.kind).toBe('rate-limit');
    expect(classified.message).toContain(new Date(reset * 1000).toISOString());
  });

  it.each<{ name: string; fault: Fault; kind: string }>([
    {
      name: '422',
      fault: {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'CheckRun',
              code: 'custom',
              field: 'summary',
              message: 'summary exceeds a maximum bytesize of 65535',
            },
          ],
        },
      },
      kind: 'validation',
    },
    {
      name: '403 from an integration without permission',
      fault: { status: 403, body: { message: 'Resource not accessible by integration' } },
      kind: 'forbidden-integration',
    },
    { name: '404', fault: { status: 404 }, kind: 'not-found' },
    { name: '401', fault: { status: 401, body: { message: 'Bad credentials' } }, kind: 'forbidden' },
  ])('never retries a $name', async ({ fault, kind }) => {
    server.inject({ ...fault, path: '/repos/acme/app/pulls/7', times: 5 });
    const error = await failure(getPull());
    expect(server.requests).toHaveLength(1);
    expect(classifyGitHubError(error).kind).toBe(kind);
  });
});

describe('slow and broken connections', () => {
  it('waits for a slow response', async () => {
    server.inject({ path: '/repos/acme/app/pulls/7', delayMs: 300 });
    const started = performance.now();
    const { data } = await getPull();
    expect(data.number).toBe(7);
    expect(performance.now() - started).toBeGreaterThanOrEqual(299);
    expect(server.requests).toHaveLength(1);
  });

  it('times out a response slower than timeoutMs, retries, and reports a network failure', async () => {
    server.inject({ path: '/repos/acme/app/pulls/7', delayMs: 400, times: 2 });
    const error = await failure(getPull({ timeoutMs: 100, retries: 1 }));
    expect(server.requests).toHaveLength(2);
    const classified = classifyGitHubError(error);
    expect(classified.kind).toBe('network');
    expect(classified.message).toMatch(/timeout|aborted/i);
  });

  it('reports an unreachable server as a network failure', async () => {
    const url = server.url;
    await server.close();
    server = await startGitHubServer();
    const octokit = setupOctokit('ghs_x', { baseUrl: url, retries: 1, backoffUnitMs: 1 });
    const classified = classifyGitHubError(
      await failure(octokit.rest.pulls.get({ owner: 'acme', repo: 'app', pull_number: 7 })),
    );
    expect(classified.kind).toBe('network');
    expect(classified.message).toContain('GET /repos/acme/app/pulls/7');
  });
});

describe('setupOctokit', () => {
  it.each<[string, string, OctokitSetup]>([
    ['an empty token', ' ', {}],
    ['negative retries', 't', { retries: -1 }],
    ['fractional retries', 't', { retries: 1.5 }],
    ['a zero timeout', 't', { timeoutMs: 0 }],
    ['a NaN wait', 't', { maxWaitSeconds: Number.NaN }],
  ])('rejects %s', (_, token, options) => {
    expect(() => setupOctokit(token, options)).toThrow(TypeError);
  });

  it('sends the token and a kaizen-gate user agent', async () => {
    await getPull();
    expect(server.requests[0]?.headers['authorization']).toBe('token ghs_testtoken0123456789abcdef');
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^kaizen-gate /);
  });
});
