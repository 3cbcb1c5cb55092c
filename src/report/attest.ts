import type { Report } from './model.ts';
import { signStatement } from './sign.ts';
import type { Envelope } from './sign.ts';
import { buildStatement } from './statement.ts';
import type { Statement, Subject } from './statement.ts';
import { loadPrivateKey } from './keys.ts';

/** Separator between a path and the commit it was read at, for subjects not at the report's commit. */
export const AT_COMMIT = '@';

/**
 * The in-toto subjects of a report: the candidate manifests, referenced artifacts and evidence
 * files at the report's commit by path; parent manifests as `path@<base commit>`; and the commit
 * itself as a `gitCommit` digest, so a verifier can tell which commit the decision is about.
 */
export function subjectsOf(report: Report): Subject[] {
  const subjects = new Map<string, Subject>();
  const add = (name: string, sha256: string): void => {
    subjects.set(name, { name, digest: { sha256 } });
  };
  for (const manifest of report.subject.manifests) {
    if (manifest.role === 'candidate') add(manifest.path, manifest.sha256);
    else add(`${manifest.path}${AT_COMMIT}${manifest.commit}`, manifest.sha256);
  }
  for (const artifact of report.subject.artifacts) add(artifact.path, artifact.sha256);
  for (const evidence of report.subject.evidence) add(evidence.path, evidence.sha256);
  const list = [...subjects.values()];
  if (report.subject.commit) list.push({ name: 'git+commit', digest: { gitCommit: report.subject.commit } });
  return list;
}

/** A report with its signature status filled in, and the envelope when it was signed. */
export interface AttestedReport {
  readonly report: Report;
  readonly statement: Statement<Report>;
  readonly envelope?: Envelope;
}

/**
 * Signs a report: marks it signed with the key's id, wraps it as the predicate of an in-toto
 * Statement and signs the DSSE envelope. Without a key the report says unsigned and why — it is
 * never signed with a made-up key.
 */
export function attestReport(
  report: Report,
  privateKeyPem: string | undefined,
  unsignedReason: string,
): AttestedReport {
  if (privateKeyPem === undefined) {
    const unsigned: Report = { ...report, signature: { status: 'unsigned', reason: unsignedReason } };
    return { report: unsigned, statement: buildStatement(subjectsOf(unsigned), unsigned) };
  }
  const { keyid } = loadPrivateKey(privateKeyPem, 'signing-key');
  const signed: Report = { ...report, signature: { status: 'signed', keyid } };
  const statement = buildStatement(subjectsOf(signed), signed);
  return { report: signed, statement, envelope: signStatement(statement, privateKeyPem, 'signing-key') };
}
