import { createHash } from 'node:crypto';
import { getOctokit } from '@actions/github';
import { defaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

/** Where the GitHub edge reports waits and retries; the Action passes `@actions/core`'s functions. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Options of {@link setupOctokit}; every field has a production default. */
export interface OctokitSetup {
  /** API root, e.g. `process.env.GITHUB_API_URL` on GitHub Enterprise Server. Default `https://api.github.com`. */
  readonly baseUrl?: string;
  readonly log?: Logger;
  /** Retries per request for 5xx, network errors and rate limits. Default 3. */
  readonly retries?: number;
  /**
   * Longest wait, in seconds, that a rate limit may impose before the request is retried. A longer
   * wait (e.g. a primary limit resetting in 40 minutes) fails the request at once, so the job reports
   * it instead of idling. Default 120 (GitHub asks for at least 60 s after a secondary limit without
   * `retry-after`).
   */
  readonly maxWaitSeconds?: number;
  /**
   * Milliseconds per second of every wait: GitHub's `retry-after` and reset times and the retry
   * back-off (1, 4, 9 s). Default 1000. Tests set it low so a `retry-after: 1` costs milliseconds;
   * nothing else should change it.
   */
  readonly backoffUnitMs?: number;
  /** Per-attempt timeout of one HTTP request in milliseconds; a timed-out attempt is retried. Default 30 000. */
  readonly timeoutMs?: number;
}

/**
 * Creates the only GitHub client the project uses: `@actions/github`'s client (the runner's proxy settings, its
 * user agent) with the retry (5xx and
 * network errors, quadratic back-off) and throttling (primary and secondary rate limits, honouring
 * `retry-after` and `x-ratelimit-reset`), each bounded by `retries` and `maxWaitSeconds` and logged.
 * Other 4xx responses are never retried. Writes with the same token are spaced about a second
 * apart (comment creation three) by the throttling plugin, as GitHub asks of integrations.
 *
 * @throws {TypeError} when the token is empty or an option is out of range.
 */
export function setupOctokit(token: string, options: OctokitSetup = {}) {
  if (token.trim() === '') throw new TypeError('Expected a GitHub token, got an empty string.');
  const retries = checkedNumber('retries', options.retries ?? 3, 0);
  if (!Number.isInteger(retries)) throw new TypeError(`Expected \`retries\` to be an integer, got ${retries}.`);
  const maxWaitSeconds = checkedNumber('maxWaitSeconds', options.maxWaitSeconds ?? 120, 0);
  const unit = checkedNumber('backoffUnitMs', options.backoffUnitMs ?? 1000, 0);
  const timeoutMs = checkedNumber('timeoutMs', options.timeoutMs ?? 30_000, 1);
  const log = options.log ?? silentLog;

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean =>
      decideRetry(
        log,
        `${kind} rate limit`,
        `${request.method} ${request.url}`,
        retryAfter,
        retryCount,
        retries,
        maxWaitSeconds,
      );

  const octokit = getOctokit(
    token,
    {
      userAgent: 'kaizen-gate',
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl.replace(/\/+$/, '') }),
      log: {
        debug: (m: string) => log.debug(m),
        info: (m: string) => log.info(m),
        warn: (m: string) => log.warn(m),
        error: (m: string) => log.error(m),
      },
      // Through @actions/github's fetch, which honours the runner's proxy settings.
      request: { fetch: timedFetch(timeoutMs, log, (defaults.request?.fetch as typeof fetch | undefined) ?? fetch) },
      // 429 is left to the rate-limit handling, which honours retry-after instead of a fixed back-off.
      retry: { retries, retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: {
        // GitHub asks for writes a second apart per user or token; keying the plugin's in-process
        // pacing by token keeps clients with one token in step and leaves other tokens unhindered.
        id: `kaizen-gate:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`,
        retryAfterBaseValue: unit,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
      },
    },
    retry,
    throttling,
  );

  // The throttling plugin recognises a secondary limit only by its message; a 429, or a 403 that
  // carries retry-after, without that message is still a rate limit and is handled here alike.
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error: unknown) {
        const wait = unrecognisedRateLimitWait(error);
        const what = `${requestOptions.method} ${requestOptions.url}`;
        if (wait === undefined || !decideRetry(log, 'rate limit', what, wait, attempt, retries, maxWaitSeconds))
          throw error;
        await sleep(wait * unit);
      }
    }
  });
  return octokit;
}

/** The client {@link setupOctokit} returns; pass it into the functions of `src/github/`. */
export type Octokit = ReturnType<typeof setupOctokit>;

const silentLog: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function decideRetry(
  log: Logger,
  kind: string,
  what: string,
  waitSeconds: number,
  retryCount: number,
  retries: number,
  maxWaitSeconds: number,
): boolean {
  if (retryCount >= retries) {
    log.warn(`GitHub ${kind} on ${what}; giving up after ${retryCount} ${retryCount === 1 ? 'retry' : 'retries'}.`);
    return false;
  }
  if (waitSeconds > maxWaitSeconds) {
    log.warn(`GitHub ${kind} on ${what}; the wait of ${waitSeconds} s exceeds ${maxWaitSeconds} s, giving up.`);
    return false;
  }
  log.warn(`GitHub ${kind} on ${what}; retry ${retryCount + 1} of ${retries} in ${waitSeconds} s.`);
  return true;
}

function unrecognisedRateLimitWait(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = 'status' in error ? error.status : undefined;
  const response = 'response' in error ? error.response : undefined;
  if (typeof response !== 'object' || response === null || !('headers' in response)) return undefined;
  const headers = response.headers as Record<string, string | undefined>;
  const message = error instanceof Error ? error.message : '';
  // These the throttling plugin has already waited for and retried.
  if (/\bsecondary rate\b/i.test(message) || headers['x-ratelimit-remaining'] === '0') return undefined;
  const retryAfter = Number(headers['retry-after']);
  if (status === 429) return Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 60;
  if (status === 403 && Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter;
  return undefined;
}

/**
 * `fetch` with a per-attempt timeout, logging each request as it is sent (debug) and the server
 * errors that the retry plugin will retry.
 */
function timedFetch(timeoutMs: number, log: Logger, send: typeof fetch): typeof fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const target = input instanceof Request ? input.url : String(input);
    log.debug(`GitHub request: ${init?.method ?? 'GET'} ${new URL(target).pathname}`);
    const response = await send(input, { ...init, signal });
    if (response.status >= 500)
      log.warn(`GitHub answered ${response.status} to ${init?.method ?? 'GET'} ${new URL(target).pathname}.`);
    return response;
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function checkedNumber(name: string, value: number, min: number): number {
  if (!Number.isFinite(value) || value < min) {
    throw new TypeError(`Expected \`${name}\` to be a number ≥ ${min}, got ${value}.`);
  }
  return value;
}
