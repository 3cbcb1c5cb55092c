/**
 * Signs a Statement into a DSSE envelope.
 *
 * Followed: secure-systems-lab/dsse protocol.md (v1.0.0: PAE and the signing protocol) and
 * envelope.md (the JSON envelope); in-toto/attestation spec/v1/envelope.md (payloadType
 * `application/vnd.in-toto+json`, payload a base64 JSON Statement). The payload bytes are
 * `canonicalJson(statement)` in UTF-8, so the same report and subjects give the same payload.
 *
 * Signatures are over PAE(payloadType, payload):
 * - Ed25519: pure Ed25519 (RFC 8032) over the PAE bytes, 64 bytes, deterministic.
 * - ECDSA P-256: SHA-256 over the PAE bytes, signature ASN.1 DER — what cosign's and sigstore's
 *   ECDSA verifier checks (ecdsa.VerifyASN1) and what `openssl dgst -verify` reads. Not deterministic.
 * Payload and signatures use standard, padded base64; cosign decodes the payload with
 * base64.StdEncoding, and we accept URL-safe too when verifying, as DSSE requires.
 *
 * How an auditor verifies a report without kaizen-gate:
 *
 * openssl (what test/report/openssl.test.ts runs; `jq` only extracts fields):
 *   jq -r .payload report.intoto.json | base64 -d > payload.json
 *   jq -r '.signatures[0].sig' report.intoto.json | base64 -d > sig.bin
 *   printf 'DSSEv1 28 application/vnd.in-toto+json %d ' "$(wc -c < payload.json)" > pae.bin
 *   cat payload.json >> pae.bin
 *   openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in pae.bin -sigfile sig.bin     # Ed25519
 *   openssl dgst -sha256 -verify pub.pem -signature sig.bin pae.bin                       # P-256
 * then compare the subjects' sha256 in payload.json with `sha256sum` of the files at the commit.
 *
 * cosign (not run by our tests: no cosign on the build machine; flags from cosign's docs and source):
 *   cosign verify-blob-attestation --key pub.pem \
 *     --type https://kaizen-gate.dev/release-decision/v1 \
 *     --signature report.intoto.json --insecure-ignore-tlog manifests/policy-qa.yaml
 * - `--signature` takes the envelope file itself; `--type` must equal the predicateType.
 * - The blob argument must be one of the subject files: with `--check-claims` (default true) cosign
 *   requires the blob's sha256 among the subjects. It does not check our gitCommit subject, the
 *   other subjects, or revocation — `kaizen-gate verify` does.
 * - The envelope is not in Rekor, hence `--insecure-ignore-tlog` (releases before 2.0: `--insecure-skip-tlog-verify`).
 * - cosign 3 defaults to `--new-bundle-format=true` and then wants a Sigstore bundle via `--bundle`;
 *   add `--new-bundle-format=false` there (cosign 2.4 rejects that flag). Docs on cosign's main branch
 *   describe verify-blob as bundle-only, so bare-envelope verification may go away. Uncertain.
 * - Ed25519: sigstore's LoadVerifier maps an SPKI Ed25519 key to a pure Ed25519 verifier, so it should
 *   work; we have not run cosign to confirm. P-256 is cosign's default key type and the safer choice
 *   if cosign compatibility matters.
 */
import { sign } from 'node:crypto';
import { loadPrivateKey } from './keys.ts';
import { canonicalJson, PAYLOAD_TYPE, type Statement } from './statement.ts';

/** A DSSE JSON envelope: base64 payload, its type, and one or more signatures with key-id hints. */
export interface Envelope {
  readonly payloadType: string;
  /** Standard base64 of the payload bytes. */
  readonly payload: string;
  readonly signatures: readonly { readonly keyid: string; readonly sig: string }[];
}

const encoder = new TextEncoder();

/**
 * DSSE v1 pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, where LEN
 * is the byte length in ASCII decimal. Signing this, not the bare payload, binds the payloadType.
 *
 * @example preAuthEncoding('http://example.com/HelloWorld', bytes('hello world'))
 *   // bytes of 'DSSEv1 29 http://example.com/HelloWorld 11 hello world'
 */
export function preAuthEncoding(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = encoder.encode(payloadType);
  const head = encoder.encode(`DSSEv1 ${type.length} ${payloadType} ${payload.length} `);
  const pae = new Uint8Array(head.length + payload.length);
  pae.set(head, 0);
  pae.set(payload, head.length);
  return pae;
}

/**
 * Signs a Statement with one private key into a DSSE envelope (one signature).
 *
 * @param label names the key in error messages, e.g. the input or file it came from.
 * @throws InputError when the key is malformed, encrypted or of an unsupported type.
 * @throws Error when the statement has no canonical JSON form (e.g. NaN in the report).
 */
export function signStatement(statement: Statement, privateKeyPem: string, label = 'signing key'): Envelope {
  const { key, algorithm, keyid } = loadPrivateKey(privateKeyPem, label);
  const payload = encoder.encode(canonicalJson(statement));
  const pae = preAuthEncoding(PAYLOAD_TYPE, payload);
  const signature = algorithm === 'ed25519' ? sign(null, pae, key) : sign('sha256', pae, { key, dsaEncoding: 'der' });
  return {
    payloadType: PAYLOAD_TYPE,
    payload: Buffer.from(payload).toString('base64'),
    signatures: [{ keyid, sig: signature.toString('base64') }],
  };
}
