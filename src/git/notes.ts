/**
 * Signed reports as git notes: one JSON document per line of a commit's note under
 * `refs/notes/kaizen-gate`, appended (never overwritten) and pushed with bounded retries.
 *
 * Why lines: several runs may record on the same commit (a re-run, a second key during rotation),
 * and `git notes merge -s cat_sort_uniq` — the strategy that reconciles concurrent writers — merges
 * two versions of one note by concatenating, sorting and de-duplicating their lines. One document a
 * line survives that merge intact; a pretty-printed JSON document would be shuffled into garbage.
 */
import { GitError, git, readBlobs, tryGit } from './git.ts';

/** The notes ref kaizen-gate records reports under. */
export const NOTES_REF = 'refs/notes/kaizen-gate';

/** Identity for the notes commits when the user has none; never written to their config. */
const FALLBACK_IDENTITY = { name: 'kaizen-gate', email: 'kaizen-gate@noreply.invalid' } as const;

/** What {@link recordNote} needs. */
export interface RecordNoteOptions {
  readonly repo: string;
  /** The commit the note is attached to (a full SHA or any ref naming a commit). */
  readonly commit: string;
  /** One JSON document on one line (no line breaks). */
  readonly note: string;
  /** Push the notes ref to `remote` afterwards, retrying when a concurrent writer got there first. */
  readonly push: boolean;
  readonly remote?: string;
  readonly ref?: string;
  /** Push attempts before giving up (each after a fetch and merge), at least 1. */
  readonly maxAttempts?: number;
}

/** What {@link recordNote} did, with a sentence for the log. */
export interface RecordNoteOutcome {
  readonly message: string;
  /** False when the identical line was already in the note. */
  readonly added: boolean;
  readonly pushed: boolean;
  /** Push attempts made (0 without push). */
  readonly attempts: number;
}

/** One line of a note: its text and, when it is JSON, the parsed value. */
export interface NoteLine {
  /** 1-based line number within the note. */
  readonly line: number;
  readonly text: string;
  /** The parsed JSON, or undefined when the line is not JSON (see `error`). */
  readonly value: unknown;
  readonly error?: string;
}

/**
 * Appends `note` as a line of the commit's note and (with `push`) publishes the notes ref:
 * fetch the remote notes ref into a tracking ref, merge it into the local one with `cat_sort_uniq`,
 * append, push; when the push is rejected because someone else pushed notes meanwhile, fetch,
 * merge and push again, at most `maxAttempts` times.
 *
 * @throws Error when the note is empty or spans several lines (a caller bug).
 * @throws GitError when git fails (no such commit, no remote, authentication), or when the push is
 *   still rejected after `maxAttempts` attempts; the note then stays recorded locally.
 */
export function recordNote(options: RecordNoteOptions): RecordNoteOutcome {
  const { repo, note, push } = options;
  const remote = options.remote ?? 'origin';
  const ref = options.ref ?? NOTES_REF;
  const maxAttempts = options.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new Error(`Expected \`maxAttempts\` to be a positive integer, got ${maxAttempts}.`);
  if (note.trim() === '' || /[\r\n]/.test(note))
    throw new Error('A kaizen-gate note must be one non-empty line of JSON.');
  const line = note.trim();
  const commit = git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${options.commit}^{commit}`])
    .toString()
    .trim();
  const identity = identityArgs(repo);
  const short = commit.slice(0, 12);
  const sync = push || remoteExists(repo, remote);

  if (sync) syncNotes(repo, remote, ref, identity);
  const added = appendLine(repo, ref, commit, line, identity);
  const what = added
    ? `recorded the report on ${short} in ${ref}`
    : `the report was already recorded on ${short} in ${ref}`;
  if (!push) return { message: what, added, pushed: false, attempts: 0 };

  for (let attempt = 1; ; attempt++) {
    const rejection = tryPush(repo, remote, ref);
    if (rejection === undefined) {
      const retried =
        attempt > 1 ? ` after ${attempt - 1} concurrent update${attempt > 2 ? 's' : ''} by another writer` : '';
      return { message: `${what} and pushed it to ${remote}${retried}`, added, pushed: true, attempts: attempt };
    }
    if (attempt >= maxAttempts) {
      throw new GitError(
        `Could not push ${ref} to ${remote}: it was rejected ${attempt} time${attempt === 1 ? '' : 's'} because other writers kept updating it (${rejection}). ` +
          `The note is recorded locally; run \`git fetch ${remote} ${ref}:${trackingRef(remote, ref)}\`, \`git notes --ref=${ref} merge -s cat_sort_uniq ${trackingRef(remote, ref)}\` and \`git push ${remote} ${ref}\` to publish it.`,
      );
    }
    // Someone pushed notes between our fetch and our push: take theirs in and keep ours.
    syncNotes(repo, remote, ref, identity);
    appendLine(repo, ref, commit, line, identity);
  }
}

/**
 * The lines of a commit's note under `ref`, parsed as JSON where they are JSON; [] without a note.
 *
 * @throws GitError when `commit` names no commit.
 */
export function readNotes(repo: string, commit: string, ref: string = NOTES_REF): NoteLine[] {
  const sha = git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${commit}^{commit}`])
    .toString()
    .trim();
  const text = tryGit(repo, ['notes', `--ref=${ref}`, 'show', sha])?.toString();
  return text === undefined ? [] : parseNoteText(text);
}

/** Every note under `ref`: annotated commit → its parsed lines. Empty when the ref does not exist. */
export function readAllNotes(repo: string, ref: string = NOTES_REF): Map<string, NoteLine[]> {
  const out = new Map<string, NoteLine[]>();
  // `git notes list` of a ref that does not exist lists nothing: no probe for the ref first.
  const pairs = git(repo, ['notes', `--ref=${ref}`, 'list'])
    .toString()
    .split('\n')
    .filter(Boolean)
    .map((row) => row.split(' ') as [string, string]);
  const blobs = readBlobs(
    repo,
    pairs.map(([blob]) => blob),
  );
  for (const [blob, commit] of pairs) out.set(commit, parseNoteText(blobs.get(blob)?.toString('utf8') ?? ''));
  return out;
}

/** Splits a note into its non-empty lines and parses each as JSON. */
export function parseNoteText(text: string): NoteLine[] {
  const out: NoteLine[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    try {
      out.push({ line: index + 1, text: line, value: JSON.parse(line) as unknown });
    } catch (error: unknown) {
      out.push({
        line: index + 1,
        text: line,
        value: undefined,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
  return out;
}

/** The local ref the remote's notes are fetched into before merging (never pushed anywhere). */
export function trackingRef(remote: string, ref: string): string {
  return `refs/kaizen-gate/remotes/${remote}/${ref.replace(/^refs\//, '')}`;
}

/** Fetches the remote notes ref and merges it into the local one; a remote without notes is fine. */
function syncNotes(repo: string, remote: string, ref: string, identity: readonly string[]): void {
  const tracking = trackingRef(remote, ref);
  try {
    git(repo, ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', remote, `+${ref}:${tracking}`]);
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    // The first report ever recorded: the remote has no notes ref yet.
    if (/couldn't find remote ref/i.test(message)) return;
    throw new GitError(`Failed to fetch ${ref} from ${remote}: ${message}`);
  }
  notesCommand(repo, identity, [`--ref=${ref}`, 'merge', '--quiet', '-s', 'cat_sort_uniq', tracking]);
}

/** Adds `line` to the commit's note unless it is already there; returns whether it was added. */
function appendLine(repo: string, ref: string, commit: string, line: string, identity: readonly string[]): boolean {
  const existing = tryGit(repo, ['notes', `--ref=${ref}`, 'show', commit])?.toString() ?? '';
  const lines = existing
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.includes(line)) return false;
  // `git notes append` would put a blank line between the old note and ours; write the whole note instead.
  notesCommand(
    repo,
    identity,
    [`--ref=${ref}`, 'add', '--force', '--file=-', commit],
    `${[...lines, line].join('\n')}\n`,
  );
  return true;
}

/** Pushes `ref`; returns undefined on success, git's reason when a concurrent update rejected it. */
export function tryPush(repo: string, remote: string, ref: string): string | undefined {
  try {
    git(repo, ['push', remote, `${ref}:${ref}`]);
    return undefined;
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    const concurrent =
      /\[rejected\]|non-fast-forward|fetch first|stale info|cannot lock ref|failed to update ref|incorrect old value/i;
    if (concurrent.test(message)) return 'non-fast-forward';
    throw new GitError(`Failed to push ${ref} to ${remote}: ${message}`);
  }
}

/** `git -c … notes …`, with errors naming `notes` rather than the `-c` that comes first. */
function notesCommand(repo: string, identity: readonly string[], args: readonly string[], input?: string): void {
  try {
    git(repo, [...identity, 'notes', ...args], input === undefined ? {} : { input });
  } catch (error: unknown) {
    if (!(error instanceof GitError)) throw error;
    throw new GitError(error.message.replace(/^git -c failed:/, 'git notes failed:'));
  }
}

/** Whether the repository has a remote of this name. */
export function remoteExists(repo: string, remote: string): boolean {
  return tryGit(repo, ['remote', 'get-url', remote]) !== undefined;
}

/** `-c user.name=… -c user.email=…` for whatever identity git lacks; the user's config is left alone. */
export function identityArgs(repo: string): string[] {
  const args: string[] = [];
  const has = (key: string, env: string): boolean =>
    Boolean(process.env[env]) || Boolean(tryGit(repo, ['config', '--get', key])?.toString().trim());
  if (!has('user.name', 'GIT_COMMITTER_NAME')) args.push('-c', `user.name=${FALLBACK_IDENTITY.name}`);
  if (!has('user.email', 'GIT_COMMITTER_EMAIL')) args.push('-c', `user.email=${FALLBACK_IDENTITY.email}`);
  return args;
}
