import { fitMarkdown, truncateMarkdown, utf8Length, type MarkdownSection } from './limits.ts';
import type { Octokit } from './octokit.ts';

/** GitHub's limit on a comment body ("Body is too long (maximum is 65536 characters)"), applied in UTF-8 bytes. */
export const COMMENT_LIMIT = 65_536;

/** Where the sticky comment lives and what identifies it. */
export interface StickyCommentTarget {
  readonly owner: string;
  readonly repo: string;
  readonly issueNumber: number;
  /**
   * A hidden HTML comment, e.g. `<!-- kaizen-gate:sticky:policy-qa -->`, written as the body's
   * first line (with ` head=<sha>` inserted when the comment reports on a commit).
   */
  readonly marker: string;
  /**
   * The login the token writes as (see `lookupTokenIdentity`): only comments by this author are
   * ever adopted, so a marker someone else posted — a PR author's fake verdict — is never edited.
   */
  readonly author: string;
}

/** The sticky comment's content. */
export interface StickyComment extends StickyCommentTarget {
  /** Sections are shortened in stages to fit; a plain string is cut at a safe boundary. */
  readonly body: string | readonly MarkdownSection[];
  /**
   * The pull request head this comment reports on; written into the marker. A comment written for
   * another head is overwritten only when this head is the pull request's current head, so a run
   * that finishes late never replaces the report of a newer push.
   */
  readonly headSha?: string;
}

/** What {@link upsertStickyComment} did. */
export interface StickyCommentResult {
  readonly id: number;
  readonly htmlUrl: string;
  /**
   * `absent`: `onlyIfPresent` was set and there was no comment to update; `superseded`: the comment
   * reports on another head and this one is not the pull request's current head, so it was left.
   */
  readonly action: 'created' | 'updated' | 'unchanged' | 'absent' | 'superseded';
  /** The head the existing comment reports on, when it was left for being newer. */
  readonly supersededBy?: string;
}

/** Options of {@link upsertStickyComment}. */
export interface UpsertOptions {
  /** Comment bodies are cut to this many UTF-8 bytes (GitHub's limit by default). */
  readonly limit?: number;
  /**
   * Only update an existing comment, never create one: keeps a comment posted by an earlier run
   * from going stale when this run's `comment` mode would not post (e.g. on-failure, now approved).
   */
  readonly onlyIfPresent?: boolean;
}

/**
 * Creates or updates the one comment on a pull request that starts with `marker` and was written
 * by `author`, so every run of the gate edits the same comment instead of adding another.
 *
 * Which head is newer is decided by GitHub, not by arrival order: a comment for another head is
 * overwritten only when `headSha` is the pull request's current head (`GET /pulls/{n}`); if it is
 * not, a newer push exists and its run reports. Two runs that both find no comment both create
 * one; each then lists again, the oldest comment stays, and a run whose own comment is not the
 * oldest moves its report there (when its head may overwrite) and deletes its own — so concurrent
 * runs leave one comment, for the newer head. An identical body is not rewritten.
 *
 * @throws {TypeError} when the marker is not an HTML comment.
 * @throws the octokit RequestError of a failed call; classify it with `classifyGitHubError`.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  comment: StickyComment,
  options: UpsertOptions = {},
): Promise<StickyCommentResult> {
  const body = composeBody(comment, options.limit ?? COMMENT_LIMIT);
  const { owner, repo } = comment;
  let currentHead: Promise<string> | undefined;
  // Asked at most once, and only when a comment for another head is in the way.
  const mayOverwrite = async (head: string | undefined): Promise<boolean> => {
    if (head === undefined || comment.headSha === undefined || head === comment.headSha) return true;
    currentHead ??= octokit.rest.pulls
      .get({ owner, repo, pull_number: comment.issueNumber })
      .then(({ data }) => data.head.sha);
    return (await currentHead) === comment.headSha;
  };

  const existing = (await findStickyComments(octokit, comment))[0];
  if (existing === undefined) {
    if (options.onlyIfPresent) return { id: 0, htmlUrl: '', action: 'absent' };
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: comment.issueNumber, body });
    return settleRace(octokit, comment, { id: data.id, html_url: data.html_url, body }, mayOverwrite);
  }
  if (!(await mayOverwrite(existing.head))) {
    return {
      id: existing.id,
      htmlUrl: existing.html_url,
      action: 'superseded',
      ...(existing.head ? { supersededBy: existing.head } : {}),
    };
  }
  if (existing.body === body) return { id: existing.id, htmlUrl: existing.html_url, action: 'unchanged' };
  const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
  return { id: data.id, htmlUrl: data.html_url, action: 'updated' };
}

/** Deletes every comment that {@link upsertStickyComment} would consider its own; returns their ids. */
export async function deleteStickyComment(octokit: Octokit, target: StickyCommentTarget): Promise<number[]> {
  const found = await findStickyComments(octokit, target);
  for (const comment of found) {
    await octokit.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: comment.id });
  }
  return found.map((comment) => comment.id);
}

interface OwnComment {
  readonly id: number;
  readonly html_url: string;
  readonly body: string;
  /** The head its marker names, if any (comments from before heads were recorded have none). */
  readonly head?: string;
}

/**
 * After creating a comment: if a concurrent run created one too, the oldest stays. Ours moves
 * into it when our head may overwrite its head, and is deleted either way.
 */
async function settleRace(
  octokit: Octokit,
  target: StickyCommentTarget,
  created: { id: number; html_url: string; body: string },
  mayOverwrite: (head: string | undefined) => Promise<boolean>,
): Promise<StickyCommentResult> {
  const oldest = (await findStickyComments(octokit, target))[0];
  if (oldest === undefined || oldest.id === created.id)
    return { id: created.id, htmlUrl: created.html_url, action: 'created' };
  const { owner, repo } = target;
  let result: StickyCommentResult;
  if (!(await mayOverwrite(oldest.head))) {
    result = {
      id: oldest.id,
      htmlUrl: oldest.html_url,
      action: 'superseded',
      ...(oldest.head ? { supersededBy: oldest.head } : {}),
    };
  } else if (oldest.body === created.body) {
    result = { id: oldest.id, htmlUrl: oldest.html_url, action: 'unchanged' };
  } else {
    const { data } = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: oldest.id,
      body: created.body,
    });
    result = { id: data.id, htmlUrl: data.html_url, action: 'updated' };
  }
  try {
    await octokit.rest.issues.deleteComment({ owner, repo, comment_id: created.id });
  } catch (error: unknown) {
    // Already gone: the other run cleaned up first. Anything else is a real failure.
    if ((error as { status?: number }).status !== 404) throw error;
  }
  return result;
}

interface ListedComment {
  readonly id: number;
  readonly html_url: string;
  readonly body?: string | undefined;
  readonly user: { readonly login: string } | null;
}

/** The author's comments opening with the marker, oldest first. */
async function findStickyComments(octokit: Octokit, target: StickyCommentTarget): Promise<OwnComment[]> {
  const pattern = markerPattern(target.marker);
  const comments: ListedComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  const out: OwnComment[] = [];
  for (const c of comments) {
    // Anyone can post the marker; only the token's own comments are ours.
    if (c.user?.login !== target.author) continue;
    // The marker must open the body: a reply quoting the sticky comment carries it after "> ".
    const body = c.body ?? '';
    const match = pattern.exec(body.trimStart());
    if (match) out.push({ id: c.id, html_url: c.html_url, body, ...(match[1] ? { head: match[1] } : {}) });
  }
  return out.toSorted((a, b) => a.id - b.id);
}

/** The marker's first line, with the head when there is one: `<!-- kaizen-gate:sticky head=<sha> -->`. */
function markerLine(marker: string, head: string | undefined): string {
  return head === undefined ? marker : `<!--${markerName(marker)} head=${head} -->`;
}

/** Matches the marker, with or without a head, at the start of a body; group 1 is the head. */
function markerPattern(marker: string): RegExp {
  const name = markerName(marker).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^<!--${name}(?: head=([0-9a-f]{7,64}))? ?-->(?:\\r?\\n|$)`);
}

/** The marker between `<!--` and `-->`, without trailing space: ` kaizen-gate:sticky`. */
function markerName(marker: string): string {
  assertMarker(marker);
  return marker.slice(4, -3).trimEnd();
}

function composeBody(comment: StickyComment, limit: number): string {
  if (comment.headSha !== undefined && !/^[0-9a-f]{7,64}$/.test(comment.headSha)) {
    throw new TypeError(`Expected \`headSha\` to be a commit SHA, got ${JSON.stringify(comment.headSha)}.`);
  }
  const head = `${markerLine(comment.marker, comment.headSha)}\n`;
  const room = Math.max(0, limit - utf8Length(head));
  const content =
    typeof comment.body === 'string' ? truncateMarkdown(comment.body, room) : fitMarkdown(comment.body, room);
  return `${head}${content}`;
}

function assertMarker(marker: string): void {
  if (!/^<!--[^\n]*-->$/.test(marker) || marker.slice(4, -3).includes('--')) {
    throw new TypeError(
      `Expected \`marker\` to be a one-line HTML comment such as <!-- kaizen-gate:sticky -->, got ${JSON.stringify(marker)}.`,
    );
  }
}
