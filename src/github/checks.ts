import { classifyGitHubError } from './errors.ts';
import { chunk, fitMarkdown, truncateMarkdown, type MarkdownSection } from './limits.ts';
import type { Octokit } from './octokit.ts';
import type { Annotation } from '../report/annotations.ts';

/** The conclusions kaizen-gate sets; `action_required` should come with a `detailsUrl` GitHub links to. */
export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'action_required' | 'skipped';

/** Size limits applied before sending; tests lower them to exercise the shortening. */
export interface CheckLimits {
  /** UTF-8 bytes of `output.summary` (GitHub: 65 535). */
  readonly summary: number;
  /** UTF-8 bytes of `output.text` (GitHub: 65 535). */
  readonly text: number;
  /** Annotations per request (GitHub: 50). */
  readonly annotationsPerRequest: number;
  /** Our own budget of annotations per check run; beyond it they are counted, not sent. */
  readonly maxAnnotations: number;
  /** UTF-8 bytes of an annotation title (GitHub: 255 characters). */
  readonly annotationTitle: number;
  /** UTF-8 bytes of an annotation message and raw_details (GitHub: 64 KB). */
  readonly annotationMessage: number;
}

/** GitHub's limits, and a budget of 500 annotations (10 requests) per check run. */
export const DEFAULT_LIMITS: CheckLimits = {
  summary: 65_535,
  text: 65_535,
  annotationsPerRequest: 50,
  maxAnnotations: 500,
  annotationTitle: 255,
  annotationMessage: 65_535,
};

/** What {@link postCheckRun} publishes. */
export interface CheckRunParams {
  readonly owner: string;
  readonly repo: string;
  readonly headSha: string;
  readonly name: string;
  readonly conclusion: CheckConclusion;
  readonly title: string;
  /** Sections are shortened in stages to fit; a plain string is cut at a safe boundary. */
  readonly summary: string | readonly MarkdownSection[];
  readonly text?: string | readonly MarkdownSection[];
  readonly annotations: readonly Annotation[];
  readonly detailsUrl?: string;
  /** Identifies this job's run across re-run attempts (e.g. `${run_id}/${job}`); enables updating instead of duplicating. */
  readonly externalId?: string;
  /**
   * The GitHub App the token acts as (`github-actions` for GITHUB_TOKEN; see `lookupTokenIdentity`):
   * only a run of this app is reused. Without it no run is reused.
   */
  readonly appSlug?: string;
}

/** The check run written. */
export interface PostedCheckRun {
  readonly id: number;
  readonly htmlUrl: string;
  /** Requests that carried annotations (⌈annotations / 50⌉). */
  readonly annotationBatches: number;
  /** Annotations beyond `limits.maxAnnotations`, not sent. */
  readonly annotationsOmitted: number;
  /** True when a run left by an earlier attempt of the same job was updated instead of creating one. */
  readonly reused: boolean;
  /** Set when the earlier runs could not be listed, so a new run was created without looking: why. */
  readonly lookupFailed?: string;
}

/**
 * Publishes a completed check run: creates it (or updates the run an earlier attempt of the same
 * job left, matched by name, head SHA and `externalId`) with the first batch of annotations, then
 * PATCHes the remaining batches, which GitHub appends. Summary and text are fitted to the limits.
 *
 * @throws the octokit RequestError of a failed call; classify it with `classifyGitHubError`.
 */
export async function postCheckRun(
  octokit: Octokit,
  params: CheckRunParams,
  limits: CheckLimits = DEFAULT_LIMITS,
): Promise<PostedCheckRun> {
  const { owner, repo } = params;
  const kept = params.annotations.slice(0, limits.maxAnnotations).map((a) => normalizeAnnotation(a, limits));
  const [first = [], ...rest] = chunk(kept, limits.annotationsPerRequest);
  const output = {
    title: params.title,
    summary: fitText(params.summary, limits.summary),
    ...(params.text === undefined ? {} : { text: fitText(params.text, limits.text) }),
  };
  const withAnnotations = (batch: readonly Annotation[]) =>
    batch.length === 0 ? output : { ...output, annotations: [...batch] };
  const common = {
    owner,
    repo,
    status: 'completed' as const,
    conclusion: params.conclusion,
    ...(params.detailsUrl === undefined ? {} : { details_url: params.detailsUrl }),
    ...(params.externalId === undefined ? {} : { external_id: params.externalId }),
  };

  // A failed lookup must not cost the check run: create a fresh one (at worst a duplicate).
  let previous: number | undefined;
  let lookupFailed: string | undefined;
  try {
    previous = await findRunToReuse(octokit, params);
  } catch (error: unknown) {
    lookupFailed = classifyGitHubError(error).message;
  }
  const { data: run } =
    previous === undefined
      ? await octokit.rest.checks.create({
          ...common,
          name: params.name,
          head_sha: params.headSha,
          output: withAnnotations(first),
        })
      : await octokit.rest.checks.update({ ...common, check_run_id: previous, output: withAnnotations(first) });
  for (const batch of rest) {
    await octokit.rest.checks.update({ owner, repo, check_run_id: run.id, output: withAnnotations(batch) });
  }
  return {
    id: run.id,
    htmlUrl: run.html_url ?? '',
    annotationBatches: kept.length === 0 ? 0 : 1 + rest.length,
    annotationsOmitted: params.annotations.length - kept.length,
    reused: previous !== undefined,
    ...(lookupFailed !== undefined ? { lookupFailed } : {}),
  };
}

/**
 * Makes an annotation acceptable to GitHub: lines start at 1 and end no earlier than they start,
 * columns only on a single line (and dropped when reversed), paths with forward slashes and no
 * leading `./`, title and message within their limits.
 */
export function normalizeAnnotation(annotation: Annotation, limits: CheckLimits = DEFAULT_LIMITS): Annotation {
  const start = toLine(annotation.start_line);
  const end = Math.max(start, toLine(annotation.end_line));
  const columns: { start_column?: number; end_column?: number } = {};
  if (start === end) {
    if (annotation.start_column !== undefined) columns.start_column = toLine(annotation.start_column);
    if (annotation.end_column !== undefined && (columns.start_column ?? 1) <= toLine(annotation.end_column)) {
      columns.end_column = toLine(annotation.end_column);
    }
  }
  return {
    path: annotation.path.replaceAll('\\', '/').replace(/^(?:\.\/)+/, ''),
    start_line: start,
    end_line: end,
    ...columns,
    annotation_level: annotation.annotation_level,
    message: truncateMarkdown(annotation.message, limits.annotationMessage, '…'),
    ...(annotation.title === undefined
      ? {}
      : { title: truncateMarkdown(annotation.title, limits.annotationTitle, '…') }),
    ...(annotation.raw_details === undefined
      ? {}
      : { raw_details: truncateMarkdown(annotation.raw_details, limits.annotationMessage, '…') }),
  };
}

/**
 * The id of this job's run from an earlier attempt, if any: same name, head and `externalId`, and
 * made by the token's own app (a run someone else's app made is never adopted). A run that already
 * carries annotations is not reused: GitHub appends annotations and cannot remove them, so the new
 * ones would mix with stale ones; a fresh run (which GitHub shows instead of the older one) is
 * created then. Check runs belong to one commit, so a run for another head is never in question.
 */
async function findRunToReuse(octokit: Octokit, params: CheckRunParams): Promise<number | undefined> {
  if (params.externalId === undefined || params.appSlug === undefined) return undefined;
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
    owner: params.owner,
    repo: params.repo,
    ref: params.headSha,
    check_name: params.name,
    filter: 'all',
    per_page: 100,
  });
  const latest = runs
    .filter(
      (run) => run.name === params.name && run.head_sha === params.headSha && run.external_id === params.externalId,
    )
    // Someone else's app may have made a run with the same name and id; only our own is reused.
    .filter((run) => run.app?.slug === params.appSlug)
    .toSorted((a, b) => b.id - a.id)[0];
  return latest !== undefined && latest.output.annotations_count === 0 ? latest.id : undefined;
}

function fitText(content: string | readonly MarkdownSection[], limit: number): string {
  return typeof content === 'string' ? truncateMarkdown(content, limit) : fitMarkdown(content, limit);
}

function toLine(value: number): number {
  return Number.isFinite(value) ? Math.max(1, Math.trunc(value)) : 1;
}
