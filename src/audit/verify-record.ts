/**
 * Verifies one recorded report — a DSSE envelope from a file or one line of a git note — for one
 * commit: the signature against trusted keys, that the predicate is a kaizen-gate report, that it
 * is for that commit, and that every subject's sha256 matches the file. Pure: files are read
 * through the callbacks the edge passes in.
 */
import type { Report } from '../report/model.ts';
import { AT_COMMIT } from '../report/attest.ts';
import type { Statement } from '../report/statement.ts';
import { checkSubjects, verifyEnvelope } from '../report/verify-envelope.ts';
import type { FailureKind, TrustedKey } from '../report/verify-envelope.ts';

/** The outcome for one record; `reason` is one sentence for a person, `advice` what they can do about it. */
export type RecordResult =
  | {
      readonly kind: 'verified';
      readonly keyid: string;
      readonly keySource: string;
      readonly report: Report;
      /** Subjects whose digests were compared and matched. */
      readonly checked: number;
      /** Evidence subjects that are not in the commit and had no other place to be looked up. */
      readonly uncheckedEvidence: readonly string[];
    }
  | { readonly kind: 'unsigned'; readonly report: Report; readonly reason: string; readonly advice?: string }
  | { readonly kind: 'invalid'; readonly reason: string; readonly advice?: string };

/** What {@link verifyRecord} checks against. */
export interface RecordContext {
  readonly trusted: readonly TrustedKey[];
  /** Revoked key ids, also those whose PEM is not among `trusted`, for the wording of a refusal. */
  readonly revokedIds?: ReadonlySet<string>;
  /** The full id of the commit the report must be for. */
  readonly commit: string;
  /** sha256 hex of `path` at `commit`, undefined when it is not there. */
  readonly digestAt: (commit: string, path: string) => string | undefined;
  /**
   * sha256 hex of an evidence file that is not in the commit, undefined when absent. Without this
   * callback such evidence is left unchecked (listed in `uncheckedEvidence`) instead of failing.
   */
  readonly evidenceDigest?: (path: string) => string | undefined;
  /** Where `evidenceDigest` looks, for messages: e.g. `under /ci/evidence`. */
  readonly evidenceWhere?: string;
}

/** Marks an unsigned report recorded as a note (fork PRs, no signing key): `{"unsigned":true,"report":…}`. */
export interface UnsignedRecord {
  readonly unsigned: true;
  readonly report: Report;
}

const COMMIT_AT = new RegExp(`^(.+)${AT_COMMIT}([0-9a-f]{40}|[0-9a-f]{64})$`);

/**
 * Verifies one record for `context.commit`. Never throws for a bad record: a tampered, re-keyed or
 * re-targeted envelope is what this exists to report.
 *
 * @throws InputError when a trusted key cannot be loaded (configuration, not the record).
 */
export function verifyRecord(text: string, context: RecordContext): RecordResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid('The envelope is not JSON.', ADVICE.malformed);
  }
  if (isRecord(parsed) && parsed['unsigned'] === true && !('payload' in parsed))
    return readUnsigned(parsed, context.commit);

  const verified = verifyEnvelope(text, context.trusted);
  if (!verified.ok) {
    const reason = rewordRevoked(verified.reason, parsed, context.revokedIds);
    return invalid(reason, reason === verified.reason ? ADVICE[verified.kind] : ADVICE.revoked);
  }
  const report = readReport(verified.statement.predicate);
  if (typeof report === 'string') return invalid(report, ADVICE.malformed);
  const wanted = context.commit.toLowerCase();

  const evidence = new Set(report.subject.evidence.map((e) => e.path));
  const unchecked: string[] = [];
  const located = (name: string): { commit: string; path: string } => {
    const match = COMMIT_AT.exec(name);
    return match ? { path: match[1] ?? name, commit: (match[2] ?? '').toLowerCase() } : { path: name, commit: wanted };
  };
  const subjects = verified.statement.subject.filter((subject) => {
    if (
      subject.digest['gitCommit'] !== undefined ||
      !evidence.has(subject.name) ||
      context.evidenceDigest !== undefined
    )
      return true;
    if (context.digestAt(wanted, subject.name) !== undefined) return true;
    unchecked.push(subject.name);
    return false;
  });
  const missingEvidence: string[] = [];
  const digestOf = (name: string): string | undefined => {
    const { commit, path } = located(name);
    const atCommit = context.digestAt(commit, path);
    if (atCommit !== undefined || !evidence.has(name) || context.evidenceDigest === undefined) return atCommit;
    const elsewhere = context.evidenceDigest(name);
    if (elsewhere === undefined) missingEvidence.push(name);
    return elsewhere;
  };
  const statement: Statement = { ...verified.statement, subject: subjects };
  const check = checkSubjects(statement, digestOf, wanted);
  if (!check.ok) {
    const onlyMissingEvidence = check.commitMatches && check.mismatches.every((m) => missingEvidence.includes(m.name));
    if (!onlyMissingEvidence)
      return invalid(
        check.reason,
        adviseOnSubjects(check.commitMatches, check.signedCommit, check.mismatches.length, wanted),
      );
    const list = check.mismatches.map((m) => m.name).join(', ');
    const one = check.mismatches.length === 1;
    return invalid(
      `The evidence file${one ? '' : 's'} ${list} ${one ? 'is' : 'are'} neither in commit ${wanted.slice(0, 12)} nor ${context.evidenceWhere ?? 'in the evidence folder'}; pass --evidence-dir with the evidence the report was made from.`,
      'Point --evidence-dir at the folder holding the evidence files by their repository paths (CI artefacts: download them first).',
    );
  }
  if (report.subject.commit !== undefined && report.subject.commit.toLowerCase() !== wanted) {
    return invalid(
      `The signed report names commit ${report.subject.commit} while its statement names ${wanted}.`,
      ADVICE.tampered,
    );
  }
  return {
    kind: 'verified',
    keyid: verified.keyid,
    keySource: verified.keySource,
    report,
    checked: check.checked.length,
    uncheckedEvidence: unchecked,
  };
}

/**
 * Reads an untrusted value as a kaizen-gate Report far enough to print it: schema, decision,
 * packages with their decisions and gates. Returns one sentence when it is not one.
 */
export function readReport(value: unknown): Report | string {
  const what = 'The signed predicate is not a kaizen-gate report';
  if (!isRecord(value)) return `${what}.`;
  if (value['schema'] !== 'kaizen-gate/report/v1')
    return `${what} (schema ${JSON.stringify(value['schema']) ?? 'missing'}, expected "kaizen-gate/report/v1").`;
  const decision = value['decision'];
  const subject = value['subject'];
  const packages = value['packages'];
  if (!isRecord(decision) || typeof decision['outcome'] !== 'string') return `${what}: it has no decision.`;
  if (!isRecord(subject) || !Array.isArray(subject['evidence']) || !Array.isArray(subject['manifests']))
    return `${what}: it has no subject files.`;
  if (!Array.isArray(packages)) return `${what}: it has no packages.`;
  for (const pkg of packages as unknown[]) {
    if (
      !isRecord(pkg) ||
      typeof pkg['package_id'] !== 'string' ||
      typeof pkg['manifest'] !== 'string' ||
      !Array.isArray(pkg['gates'])
    ) {
      return `${what}: a package entry lacks its package_id, manifest or gates.`;
    }
    const pkgDecision = pkg['decision'];
    if (!isRecord(pkgDecision) || typeof pkgDecision['outcome'] !== 'string')
      return `${what}: package ${pkg['package_id']} has no decision.`;
  }
  return value as unknown as Report;
}

function readUnsigned(value: Record<string, unknown>, commit: string): RecordResult {
  const report = readReport(value['report']);
  if (typeof report === 'string')
    return invalid(report.replace('The signed predicate', 'The unsigned record'), ADVICE.malformed);
  const reportCommit = report.subject.commit?.toLowerCase();
  if (reportCommit !== commit.toLowerCase()) {
    return invalid(
      `The unsigned report is for commit ${reportCommit ?? '(none)'}, not ${commit.toLowerCase()}.`,
      reportCommit === undefined
        ? NO_COMMIT
        : `Verify it for the commit it names (--commit ${reportCommit}), or run check again at ${commit.slice(0, 12)}.`,
    );
  }
  return { kind: 'unsigned', report, reason: report.signature.reason ?? 'not signed', advice: UNSIGNED };
}

/** What to do about a refused envelope, by why it was refused. */
const ADVICE: Readonly<Record<FailureKind, string>> = {
  malformed:
    'Pass the report.intoto.json that `check --signing-key KEY --out DIR` or the Action wrote, unchanged (a git note holds one envelope per line: take one line).',
  'no-keys': "Pass the signer's public key with --key FILE, or --keys-dir DIR holding it.",
  untrusted:
    'If you trust the signer, pass its public key with --key FILE or commit it under .kaizen-gate/keys/ (check its key id first: `openssl pkey -pubin -in KEY -outform DER | sha256sum`); otherwise do not rely on this report.',
  revoked:
    'Do not rely on it: reports signed with a revoked key cannot be trusted. Run check for that commit again with the current key and record the new envelope.',
  tampered:
    'Do not rely on it: the report was changed after it was signed. Take the envelope again from where check or the Action wrote it, or run check again.',
};

/** What to do when the report was made from a work tree, not a commit. */
const NO_COMMIT =
  'The report was made from a work tree with uncommitted changes. Commit them, run check again (on a clean work tree it binds HEAD), and verify that report with --commit HEAD.';

/** What to do with an unsigned report. */
const UNSIGNED =
  "Sign reports with `check --signing-key KEY --out DIR` (or the Action's signing-key input); an unsigned report proves nothing.";

function adviseOnSubjects(
  commitMatches: boolean,
  signedCommit: string | undefined,
  mismatches: number,
  wanted: string,
): string {
  if (!commitMatches && signedCommit === undefined) return NO_COMMIT;
  if (!commitMatches)
    return `Verify it for the commit it was made for (--commit ${signedCommit}), or run check again at ${wanted.slice(0, 12)} for a report about that commit.`;
  return mismatches > 0
    ? 'A file changed after the report was made. Verify the report at the commit it names with the evidence it was made from (--evidence-dir), or run check again on the files as they are.'
    : ADVICE.tampered;
}

/** Names revocation when the signer's key id (a hint, but the record fails anyway) is revoked. */
function rewordRevoked(reason: string, parsed: unknown, revoked: ReadonlySet<string> | undefined): string {
  if (revoked === undefined || revoked.size === 0 || !/not a trusted key|No signature in the envelope/.test(reason))
    return reason;
  const signatures = isRecord(parsed) && Array.isArray(parsed['signatures']) ? (parsed['signatures'] as unknown[]) : [];
  const hint = signatures
    .map((s) => (isRecord(s) && typeof s['keyid'] === 'string' ? s['keyid'].toLowerCase() : ''))
    .find((id) => revoked.has(id));
  return hint === undefined ? reason : `The envelope is signed by key ${hint}, which is revoked.`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(reason: string, advice: string): RecordResult {
  return { kind: 'invalid', reason, advice };
}
