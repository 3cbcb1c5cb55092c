import { RequestError } from '@octokit/request-error';
import { describe, expect, it } from 'vitest';
import { classifyGitHubError } from '../../src/github/errors.ts';

/** A RequestError as octokit builds it from a GitHub response. */
function githubError(
  status: number,
  data: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
  url = 'https://api.github.com/repos/acme/app/check-runs',
) {
  return new RequestError(`HTTP ${status}`, status, {
    request: { method: method as 'POST', url, headers: { authorization: 'token ghs_secretsecretsecretsecret00' } },
    response: { status, url, headers, data },
  });
}

describe('classifyGitHubError', () => {
  it.each([
    {
      name: 'an integration without permission',
      error: githubError(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
      }),
      kind: 'forbidden-integration',
      message:
        /^GitHub refused POST \/repos\/acme\/app\/check-runs \(403 Resource not accessible by integration\): the token lacks .*checks: write.*fork/,
    },
    {
      name: 'a validation failure with object errors',
      error: githubError(422, {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'CheckRun',
            code: 'custom',
            field: 'summary',
            message: 'summary exceeds a maximum bytesize of 65535',
          },
          { resource: 'CheckRun', field: 'head_sha', code: 'missing_field' },
        ],
      }),
      kind: 'validation',
      message:
        /^GitHub rejected POST \/repos\/acme\/app\/check-runs \(422\): Validation Failed: summary exceeds a maximum bytesize of 65535; CheckRun\.head_sha missing_field$/,
    },
    {
      name: 'a validation failure with string errors',
      error: githubError(422, { message: 'Validation Failed', errors: ['body is too long'] }),
      kind: 'validation',
      message: /: Validation Failed: body is too long$/,
    },
    {
      name: 'an exhausted primary limit',
      error: githubError(
        403,
        { message: 'API rate limit exceeded for installation ID 1.' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1767225600' },
      ),
      kind: 'rate-limit',
      message: /resets at 2026-01-01T00:00:00\.000Z/,
    },
    {
      name: 'a secondary limit',
      error: githubError(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '60' }),
      kind: 'rate-limit',
      message: /retry after 60 s/,
    },
    { name: 'a 429', error: githubError(429, ''), kind: 'rate-limit', message: /\(429\)/ },
    {
      name: 'bad credentials',
      error: githubError(401, { message: 'Bad credentials' }),
      kind: 'forbidden',
      message: /\(401\): Bad credentials$/,
    },
    {
      name: 'a classic token on the Checks API',
      error: githubError(403, { message: 'You must authenticate via a GitHub App.' }),
      kind: 'forbidden',
      message: /GitHub App/,
    },
    {
      name: 'a missing pull request',
      error: githubError(404, { message: 'Not Found' }, {}, 'GET', 'https://api.github.com/repos/acme/app/pulls/9?x=1'),
      kind: 'not-found',
      message: /^GitHub found nothing at GET \/repos\/acme\/app\/pulls\/9 \(404\): Not Found$/,
    },
    { name: 'a server error', error: githubError(502, 'Bad Gateway'), kind: 'server', message: /\(502\): HTTP 502$/ },
    {
      name: 'another status',
      error: githubError(409, { message: 'Conflict' }),
      kind: 'other',
      message: /with 409: Conflict$/,
    },
    {
      name: 'a request without response',
      error: new RequestError('connect ECONNREFUSED 127.0.0.1:1', 500, {
        request: { method: 'GET', url: 'http://127.0.0.1:1/x', headers: {} },
      }),
      kind: 'network',
      message: /^Could not reach GitHub for GET \/x: connect ECONNREFUSED/,
    },
    {
      name: 'an abort',
      error: Object.assign(new Error('This operation was aborted'), { name: 'AbortError' }),
      kind: 'network',
      message: /aborted/,
    },
    {
      name: 'a socket error in the cause',
      error: new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }),
      kind: 'network',
      message: /fetch failed/,
    },
    { name: 'a plain error', error: new Error('boom'), kind: 'other', message: /^GitHub call failed: boom$/ },
    { name: 'a thrown string', error: 'boom', kind: 'other', message: /boom/ },
  ])('$name → $kind', ({ error, kind, message }) => {
    const classified = classifyGitHubError(error);
    expect(classified.kind).toBe(kind);
    expect(classified.message).toMatch(message);
    expect(classified.message).not.toContain('ghs_secret');
  });

  it.each([
    [
      'a GitHub token in GitHub’s message',
      githubError(500, { message: 'token ghs_abcdefghijklmnopqrstuvwxyz0123 is invalid' }),
      'ghs_abcdefghijklmnopqrstuvwxyz0123',
    ],
    [
      'a fine-grained token',
      new Error('bad github_pat_11ABCDEFG0123456789_abcdefghijklmnop'),
      'github_pat_11ABCDEFG0123456789_abcdefghijklmnop',
    ],
    ['an explicit secret', new Error('could not use s3cr3t-value-here'), 's3cr3t-value-here'],
    ['an authorization header', new Error('sent Authorization: Bearer abc.def.ghi'), 'abc.def.ghi'],
  ])('redacts %s', (_, error, secret) => {
    const { message } = classifyGitHubError(error, ['s3cr3t-value-here']);
    expect(message).not.toContain(secret);
    expect(message).toContain('***');
  });
});
