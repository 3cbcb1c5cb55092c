/**
 * Rollback, the pure part: which earlier release the pointer goes back to, and the rehearsal that
 * shows it would work. A target must carry a verified signed record that says approve and must not
 * itself have been rolled back; every other release is skipped with the reason. The rehearsal
 * (`--dry-run`, also run before every real rollback) checks the target manifest against today's
 * schema and every artifact at its digest, and shows the pointer change. The edge (src/git/pointer.ts)
 * reads git and writes the commit.
 */
import { escapeMarkdown } from '../report/escape.ts';
import type { Pointer } from './pointer.ts';

/** What the signed records say about one release. */
export type ApprovalStatus =
  'approved' | 'rejected' | 'held' | 'needs_approval' | 'unsigned' | 'invalid' | 'unrecorded';

/** One release of the application: a mainline commit that changed its manifest. */
export interface Release {
  readonly commit: string;
  readonly committed_at: string;
  readonly manifest: string;
  readonly package_id: string;
  readonly manifest_sha256: string;
  readonly approval: ApprovalStatus;
  /** One sentence: who signed it, or why it does not count. */
  readonly approval_detail: string;
  /** sha256 of the statement of its verified offline record. */
  readonly statement_sha256?: string;
  /** Set when a verified stage record rolled this package back. */
  readonly rolled_back?: string;
}

/** The chosen target, or the refusal. */
export type TargetChoice =
  | {
      readonly ok: true;
      readonly target: Release;
      readonly skipped: readonly { readonly package_id: string; readonly commit: string; readonly reason: string }[];
    }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly skipped: readonly { readonly package_id: string; readonly commit: string; readonly reason: string }[];
    };

function unusable(release: Release): string | undefined {
  if (release.rolled_back !== undefined) return `it was rolled back (${release.rolled_back})`;
  switch (release.approval) {
    case 'approved':
      return undefined;
    case 'rejected':
      return 'its signed record says reject';
    case 'held':
      return 'its signed record says hold';
    case 'needs_approval':
      return 'its signed record says needs approval, and no signed approval followed';
    case 'unsigned':
      return `its record is unsigned (${release.approval_detail})`;
    case 'invalid':
      return `its record does not verify: ${release.approval_detail}`;
    case 'unrecorded':
      return 'it has no record in refs/notes/kaizen-gate';
  }
}

/**
 * Picks the rollback target from the releases (oldest first): `to` when given (refused with the
 * reason when it is not a verified approval), else the newest release before the live one whose
 * verified record says approve and that was not rolled back. `resolve` fills in a release's
 * approval when it is first looked at (verifying signatures is the costly part).
 */
export function chooseRollbackTarget(
  releases: readonly Release[],
  live: Pointer | undefined,
  to?: string,
  resolve: (release: Release) => Release = (r) => r,
): TargetChoice {
  const skipped: { package_id: string; commit: string; reason: string }[] = [];
  if (to !== undefined) {
    const candidates = releases.filter((r) => r.package_id === to);
    const found = candidates.at(-1);
    if (found === undefined)
      return { ok: false, reason: `No release of package ${to} on the mainline history.`, skipped };
    if (live !== undefined && found.package_id === live.package_id)
      return { ok: false, reason: `${to} is already the live package.`, skipped };
    const release = resolve(found);
    const why = unusable(release);
    return why === undefined
      ? { ok: true, target: release, skipped }
      : { ok: false, reason: `Refusing to roll back to ${to} (${release.commit.slice(0, 12)}): ${why}.`, skipped };
  }
  const liveIndex =
    live === undefined
      ? -1
      : releases.findLastIndex((r) => r.commit === live.commit && r.package_id === live.package_id);
  const before = liveIndex >= 0 ? releases.slice(0, liveIndex) : releases;
  for (const stub of before.toReversed()) {
    if (live !== undefined && stub.package_id === live.package_id) continue;
    // Records are verified only for the releases visited: the newest usable one ends the search.
    const release = resolve(stub);
    const why = unusable(release);
    if (why === undefined) return { ok: true, target: release, skipped };
    skipped.push({ package_id: release.package_id, commit: release.commit, reason: why });
  }
  const what = live === undefined ? 'the history' : `before the live package ${live.package_id}`;
  return {
    ok: false,
    reason: `No earlier release ${what} has a verified signed approval that was not rolled back.`,
    skipped,
  };
}

/** One rehearsal check. */
export interface RehearsalCheck {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** The result of a rollback, real or rehearsed (the `rollback` field of its stage report). */
export interface RollbackResult {
  readonly application: string;
  readonly pointer_path: string;
  readonly from?: { readonly package_id: string; readonly commit: string };
  readonly to?: {
    readonly package_id: string;
    readonly commit: string;
    readonly manifest: string;
    readonly manifest_sha256: string;
  };
  readonly dry_run: boolean;
  readonly rehearsal: readonly RehearsalCheck[];
  /** The pointer diff (`-`/`+` lines). */
  readonly pointer_diff: readonly string[];
  readonly skipped: readonly { readonly package_id: string; readonly commit: string; readonly reason: string }[];
  /** The pointer commit, when one was made. */
  readonly commit?: string;
  readonly pushed?: { readonly remote: string; readonly ref: string };
  readonly refused?: string;
}

/** The pull-request body the Action opens for a rollback (pure; the Action posts it). */
export function rollbackPullRequestBody(result: RollbackResult, summary: string): string {
  const lines = [
    `## ⏪ Roll back ${escapeMarkdown(result.application)}`,
    '',
    escapeMarkdown(summary),
    '',
    `| | package | commit |`,
    `|---|---|---|`,
    `| from | ${result.from ? `\`${escapeMarkdown(result.from.package_id)}\`` : '—'} | ${result.from ? `\`${result.from.commit.slice(0, 12)}\`` : '—'} |`,
    `| to | ${result.to ? `\`${escapeMarkdown(result.to.package_id)}\`` : '—'} | ${result.to ? `\`${result.to.commit.slice(0, 12)}\`` : '—'} |`,
    '',
    '### Rehearsal',
    '',
    ...result.rehearsal.map((c) => `- ${c.ok ? '✅' : '❌'} ${escapeMarkdown(c.check)}: ${escapeMarkdown(c.detail)}`),
    '',
    `### Pointer change (\`${escapeMarkdown(result.pointer_path)}\`)`,
    '',
    '```diff',
    ...result.pointer_diff.map((l) =>
      l
        .replace(/^ {2}/, ' ')
        .replace(/^([-+]) /, '$1')
        .replaceAll('```', "'''"),
    ),
    '```',
  ];
  if (result.skipped.length > 0) {
    lines.push(
      '',
      '### Skipped releases',
      '',
      ...result.skipped.map(
        (s) => `- \`${escapeMarkdown(s.package_id)}\` (\`${s.commit.slice(0, 12)}\`): ${escapeMarkdown(s.reason)}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
