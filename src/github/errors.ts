/** What went wrong with a GitHub API call, as far as the caller's fallback is concerned. */
export type GitHubErrorKind =
  /** 403 "Resource not accessible by integration": token without checks/pull-requests write, or a fork PR. */
  | 'forbidden-integration'
  /** Any other 401/403 that is not a rate limit (bad credentials, a classic token on the Checks API). */
  | 'forbidden'
  | 'not-found'
  /** 422: GitHub understood the request and refused its content. */
  | 'validation'
  /** A primary or secondary rate limit that outlasted the retries. */
  | 'rate-limit'
  | 'server'
  /** No response: connection refused or reset, DNS, timeout. */
  | 'network'
  | 'other';

/** A classified GitHub failure with a message fit for a log line (tokens redacted). */
export interface GitHubFailure {
  readonly kind: GitHubErrorKind;
  /** HTTP status, absent when no response arrived. */
  readonly status?: number;
  readonly message: string;
}

/**
 * Classifies an error thrown by an octokit call so the edge can fall back (e.g. write the job summary
 * when a fork PR may not create a check run) and say why. Known token shapes and the given `secrets`
 * are redacted from the message.
 */
export function classifyGitHubError(error: unknown, secrets: readonly string[] = []): GitHubFailure {
  const failure = classify(error);
  return { ...failure, message: redact(failure.message, secrets) };
}

function classify(error: unknown): GitHubFailure {
  const details = readRequestError(error);
  if (details === undefined) {
    const message = error instanceof Error ? error.message : String(error);
    return isNetworkError(error)
      ? { kind: 'network', message: `Could not reach GitHub: ${message}` }
      : { kind: 'other', message: `GitHub call failed: ${message}` };
  }
  const { status, what, headers, hasResponse } = details;
  const said = details.githubMessage;

  // octokit reports a request that got no response (refused, reset, timed out) as status 500.
  if (!hasResponse) {
    return { kind: 'network', message: `Could not reach GitHub for ${what}: ${said}` };
  }
  if ((status === 403 || status === 429) && isRateLimit(status, said, headers)) {
    return {
      kind: 'rate-limit',
      status,
      message: `GitHub rate limit on ${what} (${status}): ${said}${rateLimitHint(headers)}`,
    };
  }
  if (status === 403 && /resource not accessible by integration/i.test(said)) {
    return {
      kind: 'forbidden-integration',
      status,
      message:
        `GitHub refused ${what} (403 ${said}): the token lacks the permission this needs (checks: write ` +
        'for check runs, pull-requests: write for comments), or the workflow runs for a pull request ' +
        'from a fork, where GITHUB_TOKEN is read-only.',
    };
  }
  if (status === 401 || status === 403)
    return { kind: 'forbidden', status, message: `GitHub refused ${what} (${status}): ${said}` };
  if (status === 404) return { kind: 'not-found', status, message: `GitHub found nothing at ${what} (404): ${said}` };
  if (status === 422) return { kind: 'validation', status, message: `GitHub rejected ${what} (422): ${said}` };
  if (status >= 500) return { kind: 'server', status, message: `GitHub failed ${what} (${status}): ${said}` };
  return { kind: 'other', status, message: `GitHub answered ${what} with ${status}: ${said}` };
}

interface RequestErrorDetails {
  readonly status: number;
  readonly what: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly hasResponse: boolean;
  /** GitHub's `message` and its `errors` joined, or the error's own message. */
  readonly githubMessage: string;
}

/** Reads octokit's RequestError by shape, so a second bundled copy of the class is recognised too. */
function readRequestError(error: unknown): RequestErrorDetails | undefined {
  if (!(error instanceof Error) || !('status' in error) || typeof error.status !== 'number') return undefined;
  if (!('request' in error) || !isRecord(error.request)) return undefined;
  const method = typeof error.request['method'] === 'string' ? error.request['method'] : 'request';
  const url = typeof error.request['url'] === 'string' ? error.request['url'] : '';
  const response = 'response' in error && isRecord(error.response) ? error.response : undefined;
  const headers = response !== undefined && isRecord(response['headers']) ? stringRecord(response['headers']) : {};
  return {
    status: error.status,
    what: `${method} ${pathOf(url)}`,
    headers,
    hasResponse: response !== undefined,
    githubMessage: response === undefined ? error.message : describeBody(response['data'], error.message),
  };
}

function describeBody(data: unknown, fallback: string): string {
  if (!isRecord(data) || typeof data['message'] !== 'string') return fallback;
  const errors = Array.isArray(data['errors']) ? data['errors'].map(describeItem).filter((item) => item !== '') : [];
  return errors.length === 0 ? data['message'] : `${data['message']}: ${errors.join('; ')}`;
}

function describeItem(item: unknown): string {
  if (typeof item === 'string') return item;
  if (!isRecord(item)) return '';
  if (typeof item['message'] === 'string') return item['message'];
  const where = [item['resource'], item['field']].filter((part) => typeof part === 'string').join('.');
  const code = typeof item['code'] === 'string' ? item['code'] : 'invalid';
  return where === '' ? code : `${where} ${code}`;
}

function isRateLimit(status: number, message: string, headers: Readonly<Record<string, string | undefined>>): boolean {
  return (
    status === 429 ||
    headers['x-ratelimit-remaining'] === '0' ||
    headers['retry-after'] !== undefined ||
    /rate limit/i.test(message)
  );
}

function rateLimitHint(headers: Readonly<Record<string, string | undefined>>): string {
  const reset = Number(headers['x-ratelimit-reset']);
  if (headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset) && reset > 0) {
    return ` (the limit resets at ${new Date(reset * 1000).toISOString()})`;
  }
  const retryAfter = headers['retry-after'];
  return retryAfter === undefined ? '' : ` (GitHub asked to retry after ${retryAfter} s)`;
}

const NETWORK_CODES = /^(?:ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|EPIPE|UND_ERR_\w+)$/;

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true;
  const code = 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && NETWORK_CODES.test(code)) return true;
  return error.cause !== undefined && error.cause !== error && isNetworkError(error.cause);
}

function pathOf(url: string): string {
  try {
    return new URL(url, 'https://api.github.com').pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

const TOKEN_SHAPES = /\b(?:gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{20,}|v1\.[0-9a-f]{40})\b/g;

function redact(message: string, secrets: readonly string[]): string {
  let result = message.replace(TOKEN_SHAPES, '***');
  // Short strings would blank out ordinary words; real tokens are long.
  for (const secret of secrets) if (secret.length >= 8) result = result.split(secret).join('***');
  return result.replace(/\b(authorization:\s*(?:token|bearer)\s+)\S+/gi, '$1***');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function stringRecord(value: Record<string, unknown>): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [key, item] of Object.entries(value))
    if (item !== undefined && item !== null) result[key.toLowerCase()] = String(item);
  return result;
}
