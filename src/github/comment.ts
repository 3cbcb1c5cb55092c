import { fitMarkdown, truncateMarkdown, utf8Length, type MarkdownSection } from './limits.ts';
import type { Octokit } from './octokit.ts';

/** GitHub's limit on a comment body ("Body is too long (maximum is 65536 characters)"), applied in UTF-8 bytes. */
export const COMMENT_LIMIT = 65_536;

/** Where the sticky comment lives and what identifies it. */
export interface StickyCommentTarget {
  readonly owner: string;
  readonly repo: string;
  readonly issueNumber: number;
  /** A hidden HTML comment, e.g. `<!-- kaizen-gate:sticky:policy-qa -->`, written as the body's first line. */
  readonly marker: string;
  /**
   * Only comments by this login count (e.g. `github-actions[bot]`). Without it, any comment that
   * starts with the marker counts and a bot's is preferred; set it when posting with a personal token.
   */
  readonly author?: string;
}

/** The sticky comment's content. */
export interface StickyComment extends StickyCommentTarget {
  /** Sections are shortened in stages to fit; a plain string is cut at a safe boundary. */
  readonly body: string | readonly MarkdownSection[];
}

/** What {@link upsertStickyComment} did. */
export interface StickyCommentResult {
  readonly id: number;
  readonly htmlUrl: string;
  /** `absent`: `onlyIfPresent` was set and there was no comment to update. */
  readonly action: 'created' | 'updated' | 'unchanged' | 'absent';
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
 * Creates or updates the one comment on an issue or pull request that starts with `marker`, so
 * every run of the gate edits the same comment instead of adding another. All pages of comments are
 * read; if several carry the marker (e.g. two runs raced), the oldest is kept up to date. An
 * identical body is not rewritten, which spares a notification.
 *
 * @throws {TypeError} when the marker is not an HTML comment.
 * @throws the octokit RequestError of a failed call; classify it with `classifyGitHubError`.
 */
export async function upsertStickyComment(octokit: Octokit, comment: StickyComment, options: UpsertOptions = {}): Promise<StickyCommentResult> {
  const body = composeBody(comment, options.limit ?? COMMENT_LIMIT);
  const existing = (await findStickyComments(octokit, comment))[0];
  const { owner, repo } = comment;
  if (existing === undefined && options.onlyIfPresent) return { id: 0, htmlUrl: '', action: 'absent' };
  if (existing === undefined) {
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: comment.issueNumber, body });
    return { id: data.id, htmlUrl: data.html_url, action: 'created' };
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

interface ListedComment {
  readonly id: number;
  readonly html_url: string;
  readonly body?: string | undefined;
  readonly user: { readonly login: string; readonly type: string } | null;
}

/** Comments starting with the marker, best candidate first: bots before others, then oldest. */
async function findStickyComments(octokit: Octokit, target: StickyCommentTarget): Promise<ListedComment[]> {
  assertMarker(target.marker);
  const comments: ListedComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  // The marker must open the body: a reply quoting the sticky comment carries it after "> ".
  return comments
    .filter((c) => (c.body ?? '').trimStart().startsWith(target.marker))
    .filter((c) => target.author === undefined || c.user?.login === target.author)
    .toSorted((a, b) => Number(b.user?.type === 'Bot') - Number(a.user?.type === 'Bot') || a.id - b.id);
}

function composeBody(comment: StickyComment, limit: number): string {
  assertMarker(comment.marker);
  const head = `${comment.marker}\n`;
  const room = Math.max(0, limit - utf8Length(head));
  const content = typeof comment.body === 'string' ? truncateMarkdown(comment.body, room) : fitMarkdown(comment.body, room);
  return `${head}${content}`;
}

function assertMarker(marker: string): void {
  if (!/^<!--[^\n]*-->$/.test(marker) || marker.slice(4, -3).includes('--')) {
    throw new TypeError(`Expected \`marker\` to be a one-line HTML comment such as <!-- kaizen-gate:sticky -->, got ${JSON.stringify(marker)}.`);
  }
}
