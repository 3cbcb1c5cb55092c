/**
 * Verifies a DSSE envelope holding one of our Statements, and checks its subjects against a commit.
 *
 * Followed: secure-systems-lab/dsse protocol.md v1.0.0 ("To verify" and multi-signature verification
 * with threshold 1) and envelope.md; in-toto/attestation spec/v1 statement.md and digest_set.md.
 * Every failure is a result with one sentence of reason, never an exception: a bad envelope is what
 * this module exists to report. Only a malformed trusted-key list (configuration) throws.
 */
import { verify } from 'node:crypto';
import { InputError, type Problem } from '../problem.ts';
import { loadPublicKey, type LoadedKey } from './keys.ts';
import { preAuthEncoding } from './sign.ts';
import { PAYLOAD_TYPE, readStatement, type Statement } from './statement.ts';

/** A public key the verifier trusts; `source` names it in messages (e.g. the file it came from). */
export interface TrustedKey {
  readonly publicKeyPem: string;
  readonly source: string;
  /** A revoked key's signatures are recognized, and refused with a reason saying so. */
  readonly revoked?: boolean;
}

/**
 * Why verification failed, for advice: the envelope is damaged or not ours (`malformed`), no key
 * was given (`no-keys`), its signer is not trusted (`untrusted`) or revoked (`revoked`), or a trusted
 * key's signature does not verify (`tampered`).
 */
export type FailureKind = 'malformed' | 'no-keys' | 'untrusted' | 'revoked' | 'tampered';

/** Verification failed; `reason` is one sentence for a person. */
export type VerifyFailure = { ok: false; reason: string; kind: FailureKind };

/** Verification succeeded: which trusted key signed, and the signed Statement. */
export type VerifySuccess = { ok: true; keyid: string; keySource: string; statement: Statement };

/** A subject whose signed sha256 does not match the file at the commit. */
export interface SubjectMismatch {
  readonly name: string;
  /** The sha256 in the statement; undefined when the subject carries no sha256 digest. */
  readonly signed: string | undefined;
  /** The sha256 of the file at the commit; undefined when the file is absent there. */
  readonly actual: string | undefined;
}

/** Outcome of checking a verified Statement's subjects against the files at one commit. */
export type SubjectCheck =
  | { readonly ok: true; readonly commit: string; readonly checked: readonly string[] }
  | {
      readonly ok: false;
      readonly reason: string;
      /** True when the statement's single gitCommit subject equals the commit checked against. */
      readonly commitMatches: boolean;
      /** The commit the statement names, when it names exactly one. */
      readonly signedCommit: string | undefined;
      readonly mismatches: readonly SubjectMismatch[];
    };

interface TrustedLoaded extends LoadedKey {
  readonly source: string;
  readonly revoked: boolean;
}

interface RawSignature {
  readonly keyid: string | undefined;
  readonly sig: string;
}

/**
 * Verifies a serialized DSSE envelope: JSON, envelope shape, payloadType, strict base64, at least one
 * signature over the PAE by a trusted non-revoked key, then the payload as our in-toto Statement.
 * The keyid in the envelope is only a hint (DSSE): every signature is tried against every key, and
 * the hint is used only to word the reason when nothing verifies.
 *
 * @throws InputError listing every trusted key that cannot be loaded.
 */
export function verifyEnvelope(envelopeJson: string, trusted: readonly TrustedKey[]): VerifySuccess | VerifyFailure {
  const keys = loadTrustedKeys(trusted);
  let parsed: unknown;
  try {
    parsed = JSON.parse(envelopeJson);
  } catch {
    return fail('The envelope is not JSON.');
  }
  const envelope = readEnvelope(parsed);
  if ('reason' in envelope) return envelope;
  if (envelope.payloadType !== PAYLOAD_TYPE) {
    return fail(
      `The envelope's payloadType is ${JSON.stringify(envelope.payloadType)}, expected "${PAYLOAD_TYPE}" (an in-toto statement).`,
    );
  }
  if (envelope.signatures.length === 0) return fail('The envelope has no signatures.');
  const payload = decodeBase64(envelope.payload);
  if (typeof payload === 'string') return fail(`The envelope's payload is not valid base64: ${payload}.`);
  const signatures: Uint8Array[] = [];
  for (const [index, signature] of envelope.signatures.entries()) {
    const bytes = decodeBase64(signature.sig);
    if (typeof bytes === 'string') return fail(`Signature ${index + 1} is not valid base64: ${bytes}.`);
    signatures.push(bytes);
  }
  if (keys.length === 0) return fail('No trusted public keys were given, so no signature can be accepted.', 'no-keys');

  const pae = preAuthEncoding(envelope.payloadType, payload);
  let revokedSigner: TrustedLoaded | undefined;
  for (const signature of signatures) {
    for (const key of keys) {
      if (!verifySignature(key, pae, signature)) continue;
      if (!key.revoked) return readSignedStatement(payload, key);
      revokedSigner ??= key;
    }
  }
  if (revokedSigner !== undefined) {
    return fail(`The envelope is signed by key ${describeKey(revokedSigner)}, which is revoked.`, 'revoked');
  }
  const hints = [...new Set(envelope.signatures.map((s) => s.keyid).filter((id) => id !== undefined && id !== ''))];
  const hinted = keys.find((key) => hints.includes(key.keyid));
  if (hinted !== undefined) {
    return fail(
      `The signature by trusted key ${describeKey(hinted)} does not verify: the payload or the signature was changed after signing.`,
      'tampered',
    );
  }
  const trustedList = keys.map(describeKey).join(', ');
  if (hints.length > 0) {
    return fail(
      `The envelope is signed by ${hints.join(', ')}, which is not a trusted key (trusted: ${trustedList}).`,
      'untrusted',
    );
  }
  return fail(`No signature in the envelope verifies with a trusted key (trusted: ${trustedList}).`, 'untrusted');
}

/**
 * Checks that a verified Statement is about `commit` and that every file subject's sha256 equals the
 * file's at that commit. Lists every mismatch, not the first. A subject without a sha256 digest counts
 * as a mismatch: ignoring it could turn a refusal into an approval (in-toto's monotonic principle).
 *
 * @param digestOf sha256 hex of the file `name` at the commit, or undefined when it does not exist.
 * @param commit the full commit id (40 or 64 hex) the report must be for.
 * @throws Error when `commit` is not a full hex commit id (a caller bug: resolve refs first).
 */
export function checkSubjects(
  statement: Statement,
  digestOf: (name: string) => string | undefined,
  commit: string,
): SubjectCheck {
  if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(commit)) {
    throw new Error(`checkSubjects: "${commit}" is not a full commit id.`);
  }
  const wanted = commit.toLowerCase();
  const commits = new Set<string>();
  const mismatches: SubjectMismatch[] = [];
  const checked: string[] = [];
  for (const subject of statement.subject) {
    const gitCommit = subject.digest['gitCommit'];
    if (gitCommit !== undefined) {
      commits.add(gitCommit.toLowerCase());
      continue;
    }
    const signed = subject.digest['sha256']?.toLowerCase();
    const actual = digestOf(subject.name)?.toLowerCase();
    if (signed === undefined || actual === undefined || signed !== actual) {
      mismatches.push({ name: subject.name, signed, actual });
    } else {
      checked.push(subject.name);
    }
  }
  const signedCommit = commits.size === 1 ? [...commits][0] : undefined;
  const commitMatches = signedCommit === wanted;
  if (commitMatches && mismatches.length === 0) return { ok: true, commit: wanted, checked };

  const parts: string[] = [];
  if (!commitMatches) {
    if (commits.size === 0) parts.push('the statement names no commit');
    else if (commits.size > 1) parts.push(`the statement names ${commits.size} different commits`);
    else parts.push(`the report was signed for commit ${signedCommit}, not ${wanted}`);
  }
  if (mismatches.length > 0) {
    const list = mismatches.map((m) => `${m.name} (${describeMismatch(m)})`).join(', ');
    const noun = mismatches.length === 1 ? 'subject does' : 'subjects do';
    parts.push(`${mismatches.length} ${noun} not match the files at ${wanted}: ${list}`);
  }
  const sentence = parts.join('; ');
  return {
    ok: false,
    reason: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`,
    commitMatches,
    signedCommit,
    mismatches,
  };
}

function loadTrustedKeys(trusted: readonly TrustedKey[]): TrustedLoaded[] {
  const problems: Problem[] = [];
  const keys: TrustedLoaded[] = [];
  for (const entry of trusted) {
    try {
      keys.push({
        ...loadPublicKey(entry.publicKeyPem, entry.source),
        source: entry.source,
        revoked: entry.revoked === true,
      });
    } catch (error: unknown) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  // A key listed twice, once revoked, is revoked: revocation must not depend on list order.
  const revoked = new Set(keys.filter((key) => key.revoked).map((key) => key.keyid));
  return keys.map((key) => (revoked.has(key.keyid) ? { ...key, revoked: true } : key));
}

function readEnvelope(
  value: unknown,
): { payloadType: string; payload: string; signatures: readonly RawSignature[] } | VerifyFailure {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('The envelope is malformed: it is not a JSON object.');
  }
  const record = value as Record<string, unknown>;
  const { payloadType, payload, signatures } = record;
  if (typeof payloadType !== 'string') return fail('The envelope is malformed: payloadType must be a string.');
  if (typeof payload !== 'string') return fail('The envelope is malformed: payload must be a string.');
  if (!Array.isArray(signatures)) return fail('The envelope is malformed: signatures must be a list.');
  const read: RawSignature[] = [];
  for (const [index, entry] of (signatures as unknown[]).entries()) {
    const signature = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const { keyid, sig } = signature;
    if (typeof sig !== 'string') return fail(`The envelope is malformed: signature ${index + 1} has no sig string.`);
    if (keyid !== undefined && typeof keyid !== 'string') {
      return fail(`The envelope is malformed: signature ${index + 1} has a keyid that is not a string.`);
    }
    read.push({ keyid, sig });
  }
  return { payloadType, payload, signatures: read };
}

function verifySignature(key: TrustedLoaded, pae: Uint8Array, signature: Uint8Array): boolean {
  try {
    return key.algorithm === 'ed25519'
      ? verify(null, pae, key.key, signature)
      : verify('sha256', pae, { key: key.key, dsaEncoding: 'der' }, signature);
  } catch {
    // A signature of the wrong shape for this key type is simply not this key's signature.
    return false;
  }
}

function readSignedStatement(payload: Uint8Array, key: TrustedLoaded): VerifySuccess | VerifyFailure {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(payload);
  } catch {
    return fail('The signed payload is not UTF-8 text.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('The signed payload is not JSON.');
  }
  const read = readStatement(value);
  if (!read.ok) return fail(read.reason);
  return { ok: true, keyid: key.keyid, keySource: key.source, statement: read.statement };
}

/**
 * Strict RFC 4648 decoding. DSSE lets signers use the standard or the URL-safe alphabet, so both are
 * accepted (padded or not), but never mixed, and never with stray characters, misplaced padding or
 * non-zero leftover bits — Buffer.from skips all of those silently, making one envelope readable in
 * several spellings.
 */
function decodeBase64(text: string): Uint8Array | string {
  const stray = /[^A-Za-z0-9+/=_-]/.exec(text);
  if (stray !== null) return `character ${stray.index + 1} (${JSON.stringify(stray[0])}) is not in the base64 alphabet`;
  const body = text.replace(/=+$/, '');
  if (body.includes('=')) return 'padding "=" appears before the end';
  if (/[+/]/.test(body) && /[-_]/.test(body)) return 'it mixes the standard and URL-safe alphabets';
  if (body.length % 4 === 1) return `${text.length} characters cannot encode whole bytes`;
  if (body.length !== text.length && text.length % 4 !== 0) return 'its "=" padding is wrong';
  const urlSafe = /[-_]/.test(body);
  const bytes = Buffer.from(body, urlSafe ? 'base64url' : 'base64');
  const again = bytes.toString(urlSafe ? 'base64url' : 'base64').replace(/=+$/, '');
  if (again !== body) return 'its last character has non-zero unused bits';
  return new Uint8Array(bytes);
}

function describeKey(key: TrustedLoaded): string {
  return `${key.keyid} (${key.source})`;
}

function describeMismatch(mismatch: SubjectMismatch): string {
  if (mismatch.actual === undefined) return 'missing at the commit';
  if (mismatch.signed === undefined) return 'no sha256 in the statement';
  return 'content changed';
}

function fail(reason: string, kind: FailureKind = 'malformed'): VerifyFailure {
  return { ok: false, reason, kind };
}
