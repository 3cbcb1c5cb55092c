/** The Action's GitHub client and log: one setup for every mode. */
import * as core from '@actions/core';
import { setupOctokit } from '../github/octokit.ts';
import type { Logger, Octokit } from '../github/octokit.ts';

/** `@actions/core`'s log functions, as the GitHub edge takes them. */
export const ACTION_LOG: Logger = { debug: core.debug, info: core.info, warn: core.warning, error: core.error };

/** The retrying, throttled client on GITHUB_API_URL (GitHub Enterprise Server too). */
export function actionOctokit(token: string): Octokit {
  return setupOctokit(token, {
    ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}),
    log: ACTION_LOG,
    // Test hook, not an input: milliseconds per second of every retry wait, so fault tests run fast.
    ...(process.env.KAIZEN_GATE_BACKOFF_UNIT_MS
      ? { backoffUnitMs: Number(process.env.KAIZEN_GATE_BACKOFF_UNIT_MS) }
      : {}),
  });
}
