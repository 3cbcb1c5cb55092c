import { sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/problem.ts';
import { loadPrivateKey } from '../../src/report/keys.ts';
import { preAuthEncoding, signStatement, type Envelope } from '../../src/report/sign.ts';
import { buildStatement, canonicalJson, PAYLOAD_TYPE, type Statement } from '../../src/report/statement.ts';
import { checkSubjects, verifyEnvelope, type TrustedKey } from '../../src/report/verify-envelope.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/keys/${name}`, import.meta.url), 'utf8');

const ED25519_KEYID = 'sha256:8360ab527f71c2c9ad92ae2db5c21ed80091dcd4cc3904776a7c8bb1fea95631';
const P256_KEYID = 'sha256:62f5b5cb2e37370a15c6c54447a519783e93081ef6b91c6cb3ac5616c9744e5d';
const OTHER_KEYID = 'sha256:23a5cbbc6bd0b1e75a18f39af0260a014da48998be7d2c30e82c18fa173f30d6';
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const MANIFEST_SHA = 'a'.repeat(64);
const EVIDENCE_SHA = 'b'.repeat(64);

const edKey: TrustedKey = { publicKeyPem: fixture('ed25519.pub.pem'), source: 'keys/ed25519.pub' };
const p256Key: TrustedKey = { publicKeyPem: fixture('p256.pub.pem'), source: 'keys/p256.pub' };

const statement = buildStatement(
  [
    { name: 'git+commit', digest: { gitCommit: COMMIT } },
    { name: 'manifests/policy-qa.yaml', digest: { sha256: MANIFEST_SHA } },
    { name: 'evidence/candidate.jsonl', digest: { sha256: EVIDENCE_SHA } },
  ],
  { decision: 'approve', gates: [{ id: 'quality', verdict: 'pass' }] },
);
const edEnvelope = signStatement(statement, fixture('ed25519.key.pem'));

const serialize = (envelope: unknown): string => JSON.stringify(envelope);

/** Signs arbitrary payload bytes the way signStatement does, to build validly signed bad payloads. */
function signRaw(payload: Uint8Array, keyFile = 'ed25519.key.pem', payloadType = PAYLOAD_TYPE): Envelope {
  const { key, keyid } = loadPrivateKey(fixture(keyFile), keyFile);
  const sig = sign(null, preAuthEncoding(payloadType, payload), key).toString('base64');
  return { payloadType, payload: Buffer.from(payload).toString('base64'), signatures: [{ keyid, sig }] };
}

function withStatement(change: (value: Record<string, unknown>) => void): string {
  const value = JSON.parse(canonicalJson(statement)) as Record<string, unknown>;
  change(value);
  return serialize(signRaw(new TextEncoder().encode(JSON.stringify(value))));
}

function flipByte(base64: string, index: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

const sig0 = edEnvelope.signatures[0]?.sig ?? '';

describe('verifyEnvelope accepts', () => {
  it.each<[string, string, TrustedKey[], string]>([
    ['Ed25519', serialize(edEnvelope), [edKey], ED25519_KEYID],
    ['P-256', serialize(signStatement(statement, fixture('p256.key.pem'))), [edKey, p256Key], P256_KEYID],
    [
      'URL-safe unpadded base64 (DSSE: verifiers must accept it)',
      serialize({
        ...edEnvelope,
        payload: Buffer.from(edEnvelope.payload, 'base64').toString('base64url'),
        signatures: [{ keyid: ED25519_KEYID, sig: Buffer.from(sig0, 'base64').toString('base64url') }],
      }),
      [edKey],
      ED25519_KEYID,
    ],
    [
      'a missing or wrong keyid hint (hints are not trusted)',
      serialize({
        ...edEnvelope,
        signatures: [{ sig: sig0 }, { keyid: OTHER_KEYID, sig: sig0 }],
      }),
      [edKey],
      ED25519_KEYID,
    ],
    [
      'a trusted signature next to an untrusted one',
      serialize({
        ...edEnvelope,
        signatures: [
          ...signRaw(Buffer.from(edEnvelope.payload, 'base64'), 'ed25519-other.key.pem').signatures,
          ...edEnvelope.signatures,
        ],
      }),
      [edKey],
      ED25519_KEYID,
    ],
    [
      'a statement with extra fields (in-toto: ignore unknown fields)',
      withStatement((value) => {
        value['extension'] = { note: 1 };
      }),
      [edKey],
      ED25519_KEYID,
    ],
  ])('%s', (_name, json, trusted, keyid) => {
    const result = verifyEnvelope(json, trusted);
    const keySource = keyid === P256_KEYID ? p256Key.source : edKey.source;
    expect(result).toMatchObject({ ok: true, keyid, keySource });
    if (result.ok) {
      expect(result.statement.subject).toEqual(statement.subject);
      expect(result.statement.predicate).toMatchObject({ decision: 'approve' });
    }
  });

  it('returns the statement exactly as signed for both algorithms', () => {
    for (const [file, key] of [
      ['ed25519.key.pem', edKey],
      ['p256.key.pem', p256Key],
    ] as const) {
      const result = verifyEnvelope(serialize(signStatement(statement, fixture(file))), [key]);
      expect(result).toEqual({ ok: true, keyid: expect.stringMatching(/^sha256:/), keySource: key.source, statement });
    }
  });

  it('accepts a valid signature by a revoked key when another trusted key also signed', () => {
    const both = {
      ...edEnvelope,
      signatures: [...signStatement(statement, fixture('ed25519-other.key.pem')).signatures, ...edEnvelope.signatures],
    };
    const other: TrustedKey = { publicKeyPem: fixture('ed25519-other.pub.pem'), source: 'keys/old.pub', revoked: true };
    expect(verifyEnvelope(serialize(both), [other, edKey])).toMatchObject({ ok: true, keySource: 'keys/ed25519.pub' });
  });
});

describe('verifyEnvelope refuses', () => {
  const tampered: [string, string, TrustedKey[], string | RegExp][] = [
    ['not JSON', '{"payloadType": ', [edKey], 'The envelope is not JSON.'],
    ['a JSON array', '[]', [edKey], 'The envelope is malformed: it is not a JSON object.'],
    [
      'a missing payload',
      serialize({ payloadType: PAYLOAD_TYPE, signatures: edEnvelope.signatures }),
      [edKey],
      'The envelope is malformed: payload must be a string.',
    ],
    [
      'signatures that are not a list',
      serialize({ ...edEnvelope, signatures: {} }),
      [edKey],
      'The envelope is malformed: signatures must be a list.',
    ],
    [
      'a signature without sig',
      serialize({ ...edEnvelope, signatures: [{ keyid: ED25519_KEYID }] }),
      [edKey],
      'The envelope is malformed: signature 1 has no sig string.',
    ],
    [
      'an unknown payloadType',
      serialize({ ...edEnvelope, payloadType: 'application/json' }),
      [edKey],
      'The envelope\'s payloadType is "application/json", expected "application/vnd.in-toto+json" (an in-toto statement).',
    ],
    [
      'an empty signatures array',
      serialize({ ...edEnvelope, signatures: [] }),
      [edKey],
      'The envelope has no signatures.',
    ],
    [
      'malformed base64 in the payload',
      serialize({ ...edEnvelope, payload: `${edEnvelope.payload.slice(0, 10)}!${edEnvelope.payload.slice(11)}` }),
      [edKey],
      'The envelope\'s payload is not valid base64: character 11 ("!") is not in the base64 alphabet.',
    ],
    [
      'malformed base64 in the sig',
      serialize({ ...edEnvelope, signatures: [{ keyid: ED25519_KEYID, sig: `${sig0.slice(0, -2)}=A` }] }),
      [edKey],
      'Signature 1 is not valid base64: padding "=" appears before the end.',
    ],
    [
      'a payload altered by one byte',
      serialize({ ...edEnvelope, payload: flipByte(edEnvelope.payload, 40) }),
      [edKey],
      `The signature by trusted key ${ED25519_KEYID} (keys/ed25519.pub) does not verify: the payload or the signature was changed after signing.`,
    ],
    [
      'a signature altered by one byte',
      serialize({ ...edEnvelope, signatures: [{ keyid: ED25519_KEYID, sig: flipByte(sig0, 5) }] }),
      [edKey],
      `The signature by trusted key ${ED25519_KEYID} (keys/ed25519.pub) does not verify: the payload or the signature was changed after signing.`,
    ],
    [
      'a wrong key',
      serialize(signStatement(statement, fixture('ed25519-other.key.pem'))),
      [edKey, p256Key],
      `The envelope is signed by ${OTHER_KEYID}, which is not a trusted key (trusted: ${ED25519_KEYID} (keys/ed25519.pub), ${P256_KEYID} (keys/p256.pub)).`,
    ],
    [
      'a wrong key without keyid hint',
      serialize({ ...edEnvelope, signatures: [{ sig: sig0 }] }),
      [p256Key],
      `No signature in the envelope verifies with a trusted key (trusted: ${P256_KEYID} (keys/p256.pub)).`,
    ],
    [
      'a revoked key',
      serialize(edEnvelope),
      [{ ...edKey, revoked: true }],
      `The envelope is signed by key ${ED25519_KEYID} (keys/ed25519.pub), which is revoked.`,
    ],
    [
      'a key listed both revoked and trusted',
      serialize(edEnvelope),
      [edKey, { ...edKey, source: 'keys/revoked/ed25519.pub', revoked: true }],
      `The envelope is signed by key ${ED25519_KEYID} (keys/ed25519.pub), which is revoked.`,
    ],
    [
      'no trusted keys',
      serialize(edEnvelope),
      [],
      'No trusted public keys were given, so no signature can be accepted.',
    ],
    [
      'a wrong statement _type',
      withStatement((value) => {
        value['_type'] = 'https://in-toto.io/Statement/v0.1';
      }),
      [edKey],
      'The signed statement\'s _type is "https://in-toto.io/Statement/v0.1", expected "https://in-toto.io/Statement/v1".',
    ],
    [
      'a wrong predicateType',
      withStatement((value) => {
        value['predicateType'] = 'https://slsa.dev/provenance/v1';
      }),
      [edKey],
      'The signed statement\'s predicateType is "https://slsa.dev/provenance/v1", expected "https://kaizen-gate.dev/release-decision/v1".',
    ],
    [
      'a statement without subjects',
      withStatement((value) => {
        value['subject'] = [];
      }),
      [edKey],
      'The signed statement has no subject list; it must name at least one subject.',
    ],
    [
      'a subject without digest',
      withStatement((value) => {
        value['subject'] = [{ name: 'x' }];
      }),
      [edKey],
      'The signed statement\'s subject[0] "x" has no digest.',
    ],
    [
      'a statement without predicate',
      withStatement((value) => {
        delete value['predicate'];
      }),
      [edKey],
      'The signed statement has no predicate object.',
    ],
    [
      'a signed payload that is not JSON',
      serialize(signRaw(new TextEncoder().encode('not json'))),
      [edKey],
      'The signed payload is not JSON.',
    ],
    [
      'a signed payload that is not UTF-8',
      serialize(signRaw(new Uint8Array([0x7b, 0xff, 0x7d]))),
      [edKey],
      'The signed payload is not UTF-8 text.',
    ],
  ];

  it.each(tampered)('%s', (_name, json, trusted, reason) => {
    expect(verifyEnvelope(json, trusted)).toMatchObject({ ok: false, reason });
  });

  it('gives distinct reasons, except payload-vs-signature alteration, which no verifier can tell apart', () => {
    const reasons = tampered.map(([, json, trusted]) => {
      const result = verifyEnvelope(json, trusted);
      return result.ok ? 'ok' : result.reason;
    });
    // Two pairs share a reason on purpose: altered payload/altered sig, and the two revoked-key cases.
    expect(new Set(reasons).size).toBe(reasons.length - 2);
  });

  it.each<[string, string, string]>([
    [
      'a newline inside',
      `${edEnvelope.payload.slice(0, 8)}\n${edEnvelope.payload.slice(8)}`,
      'character 9 ("\\n") is not in the base64 alphabet',
    ],
    [
      'mixed alphabets',
      `-${edEnvelope.payload.slice(1).replace(/[A-Za-z0-9]/, '+')}`,
      'it mixes the standard and URL-safe alphabets',
    ],
    ['non-zero unused bits (Buffer.from would read "a")', 'YR==', 'its last character has non-zero unused bits'],
    ['an impossible length', 'YWJjZ', '5 characters cannot encode whole bytes'],
    ['padding after a whole group', `${edEnvelope.payload.slice(0, 8)}==`, 'its "=" padding is wrong'],
    ['one "=" where two are needed', 'YQ=', 'its "=" padding is wrong'],
  ])('strictly rejects base64 with %s', (_name, payload, why) => {
    expect(verifyEnvelope(serialize({ ...edEnvelope, payload }), [edKey])).toMatchObject({
      ok: false,
      reason: `The envelope's payload is not valid base64: ${why}.`,
    });
  });

  it('throws one InputError listing every unusable trusted key', () => {
    const keys: TrustedKey[] = [
      { publicKeyPem: fixture('ed25519.key.pem'), source: 'keys/oops-private.pem' },
      edKey,
      { publicKeyPem: fixture('rsa.pub.pem'), source: 'keys/rsa.pub' },
    ];
    const run = (): unknown => verifyEnvelope(serialize(edEnvelope), keys);
    expect(run).toThrow(InputError);
    try {
      run();
    } catch (error: unknown) {
      expect((error as InputError).problems.map((p) => p.file)).toEqual(['keys/oops-private.pem', 'keys/rsa.pub']);
    }
  });
});

describe('checkSubjects', () => {
  const files: Record<string, string> = {
    'manifests/policy-qa.yaml': MANIFEST_SHA,
    'evidence/candidate.jsonl': EVIDENCE_SHA,
  };
  const digestOf = (name: string): string | undefined => files[name];

  it('passes when every file and the commit match, comparing hex case-insensitively', () => {
    expect(checkSubjects(statement, digestOf, COMMIT)).toEqual({
      ok: true,
      commit: COMMIT,
      checked: ['evidence/candidate.jsonl', 'manifests/policy-qa.yaml'],
    });
    expect(checkSubjects(statement, (name) => files[name]?.toUpperCase(), COMMIT.toUpperCase()).ok).toBe(true);
  });

  it('lists every mismatching subject and the commit mismatch in one result', () => {
    const other = 'f'.repeat(40);
    const result = checkSubjects(
      statement,
      (name) => (name === 'manifests/policy-qa.yaml' ? 'c'.repeat(64) : undefined),
      other,
    );
    expect(result).toEqual({
      ok: false,
      commitMatches: false,
      signedCommit: COMMIT,
      mismatches: [
        { name: 'evidence/candidate.jsonl', signed: EVIDENCE_SHA, actual: undefined },
        { name: 'manifests/policy-qa.yaml', signed: MANIFEST_SHA, actual: 'c'.repeat(64) },
      ],
      reason:
        `The report was signed for commit ${COMMIT}, not ${other}; 2 subjects do not match the files at ${other}: ` +
        'evidence/candidate.jsonl (missing at the commit), manifests/policy-qa.yaml (content changed).',
    });
  });

  it.each<[string, Statement, string]>([
    [
      'no commit subject',
      buildStatement([{ name: 'manifests/policy-qa.yaml', digest: { sha256: MANIFEST_SHA } }], {}),
      'The statement names no commit.',
    ],
    [
      'two commits',
      buildStatement(
        [
          { name: 'git+commit', digest: { gitCommit: COMMIT } },
          { name: 'git+commit-2', digest: { gitCommit: 'e'.repeat(40) } },
        ],
        {},
      ),
      'The statement names 2 different commits.',
    ],
    [
      'a subject without sha256',
      buildStatement(
        [
          { name: 'git+commit', digest: { gitCommit: COMMIT } },
          { name: 'manifests/policy-qa.yaml', digest: { sha512: 'd'.repeat(128) } },
        ],
        {},
      ),
      `1 subject does not match the files at ${COMMIT}: manifests/policy-qa.yaml (no sha256 in the statement).`,
    ],
  ])('fails for %s', (_name, subjectStatement, reason) => {
    const result = checkSubjects(subjectStatement, digestOf, COMMIT);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toBe(reason);
  });

  it('refuses a commit that is not a full id', () => {
    expect(() => checkSubjects(statement, digestOf, 'HEAD')).toThrow(/"HEAD" is not a full commit id/);
    expect(() => checkSubjects(statement, digestOf, COMMIT.slice(0, 12))).toThrow(/not a full commit id/);
  });
});
