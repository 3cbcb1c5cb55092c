import { classifyGitHubError } from './errors.ts';
import type { Octokit } from './octokit.ts';

/** The login the Actions-provided GITHUB_TOKEN writes as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** Who the token writes as: only comments and check runs of this identity are ever adopted. */
export interface TokenIdentity {
  readonly login: string;
  /** The GitHub App behind a bot login (`github-actions` for `github-actions[bot]`); check runs belong to apps. */
  readonly appSlug?: string;
  /** `api`: `GET /user` said so; `fallback`: the API refused (installation tokens may not call it). */
  readonly source: 'api' | 'fallback';
  /** Why the fallback was used, for the log. */
  readonly note?: string;
}

/**
 * Looks up the token's own identity once per run. A user token (PAT) answers `GET /user`; an
 * installation token such as GITHUB_TOKEN is refused it (403 "Resource not accessible by
 * integration"), and then the identity is GITHUB_TOKEN's, `github-actions[bot]` — the documented
 * fallback, which means a token of another GitHub App never adopts an earlier comment (it posts a
 * new one) rather than adopting someone else's. Never throws: a failed lookup is the fallback too.
 */
export async function lookupTokenIdentity(octokit: Octokit, secrets: readonly string[] = []): Promise<TokenIdentity> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { login: data.login, ...appSlugOf(data.login), source: 'api' };
  } catch (error: unknown) {
    const failure = classifyGitHubError(error, secrets);
    return {
      login: ACTIONS_BOT_LOGIN,
      ...appSlugOf(ACTIONS_BOT_LOGIN),
      source: 'fallback',
      note:
        failure.kind === 'forbidden-integration'
          ? 'installation token: GET /user is not available to it'
          : failure.message,
    };
  }
}

function appSlugOf(login: string): { appSlug?: string } {
  const match = /^(.+)\[bot\]$/.exec(login);
  return match ? { appSlug: match[1]! } : {};
}
