/** What the workflow run says about the change being gated: the event, the repository, the commits. */

/** The fields of `@actions/github`'s context this Action reads. */
export interface RunContext {
  readonly eventName: string | undefined;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly sha: string | undefined;
  readonly runId: number;
  readonly serverUrl: string;
  /** `owner/name` from GITHUB_REPOSITORY. */
  readonly repository: string | undefined;
}

/** The change as the Action sees it. */
export interface EventContext {
  readonly name: string;
  readonly owner: string;
  readonly repo: string;
  /** The base commit: the pull request's base SHA, or a push's `before`. */
  readonly base?: string;
  /** The commit check runs are attached to: the pull request's head, else GITHUB_SHA. */
  readonly headSha: string;
  readonly pullRequest?: number;
  readonly runUrl?: string;
}

/** Reads the event's base, head and pull request number out of the run context. */
export function eventOf(context: RunContext): EventContext {
  const [owner = '', repo = ''] = (context.repository ?? '/').split('/');
  const pr = context.payload['pull_request'] as
    { number?: number; base?: { sha?: string }; head?: { sha?: string } } | undefined;
  const before = context.payload['before'];
  // A push that created the branch has an all-zero `before`: there is no base to compare with.
  const base = pr?.base?.sha ?? (typeof before === 'string' && !/^0+$/.test(before) ? before : undefined);
  return {
    name: context.eventName ?? '',
    owner,
    repo,
    ...(base !== undefined ? { base } : {}),
    headSha: pr?.head?.sha ?? context.sha ?? '',
    ...(pr?.number !== undefined ? { pullRequest: pr.number } : {}),
    ...(Number.isFinite(context.runId)
      ? { runUrl: `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}` }
      : {}),
  };
}
