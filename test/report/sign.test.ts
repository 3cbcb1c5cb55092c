import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/problem.ts';
import {
  generateSigningKeyPair,
  keyIdOf,
  loadPrivateKey,
  loadPublicKey,
  type KeyAlgorithm,
} from '../../src/report/keys.ts';
import { preAuthEncoding, signStatement } from '../../src/report/sign.ts';
import {
  buildStatement,
  canonicalJson,
  PAYLOAD_TYPE,
  PREDICATE_TYPE,
  STATEMENT_TYPE,
  type Subject,
} from '../../src/report/statement.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/keys/${name}`, import.meta.url), 'utf8');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const ascii = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

// Computed independently: openssl pkey -pubin -in <file> -outform DER | sha256sum
const ED25519_KEYID = 'sha256:8360ab527f71c2c9ad92ae2db5c21ed80091dcd4cc3904776a7c8bb1fea95631';
const P256_KEYID = 'sha256:62f5b5cb2e37370a15c6c54447a519783e93081ef6b91c6cb3ac5616c9744e5d';

/** A P-256 coordinate given in decimal, as a JWK wants it: 32 bytes big-endian, base64url. */
const coordinate = (decimal: string): string =>
  Buffer.from(BigInt(decimal).toString(16).padStart(64, '0'), 'hex').toString('base64url');

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
const COMMIT = '0123456789abcdef0123456789abcdef01234567';

describe('preAuthEncoding', () => {
  it.each([
    // The DSSE protocol.md test vector.
    ['http://example.com/HelloWorld', 'hello world', 'DSSEv1 29 http://example.com/HelloWorld 11 hello world'],
    // LEN of empty strings is "0": the separators stay, so this is DSSEv1 SP 0 SP SP 0 SP.
    ['', '', 'DSSEv1 0  0 '],
    // LEN counts UTF-8 bytes, not characters: é is 2 bytes, ü in the type too.
    [PAYLOAD_TYPE, 'é', `DSSEv1 28 ${PAYLOAD_TYPE} 2 \u00c3\u00a9`],
    ['tüpe', '{}', 'DSSEv1 5 t\u00c3\u00bcpe 2 {}'],
    // Ten bytes: no leading zeros, two digits.
    ['t', '0123456789', 'DSSEv1 1 t 10 0123456789'],
  ])('encodes type %j and body %j', (type, body, expected) => {
    expect(ascii(preAuthEncoding(type, utf8(body)))).toBe(expected);
  });

  it('keeps arbitrary body bytes unchanged', () => {
    const body = new Uint8Array([0, 255, 10, 32]);
    const pae = preAuthEncoding('x', body);
    expect(ascii(pae.slice(0, 13))).toBe('DSSEv1 1 x 4 ');
    expect(Array.from(pae.subarray(13))).toEqual([0, 255, 10, 32]);
  });

  it('lets the DSSE spec signature verify over our PAE (published P-256 key and signature)', () => {
    // Key and signature from secure-systems-lab/dsse protocol.md; raw r||s encoding there.
    const key = createPublicKey({
      format: 'jwk',
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: coordinate('46950820868899156662930047687818585632848591499744589407958293238635476079160'),
        y: coordinate('5640078356564379163099075877009565129882514886557779369047442380624545832820'),
      },
    });
    const sig = Buffer.from(
      'A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==',
      'base64',
    );
    const check = (body: string): boolean =>
      verify(
        'sha256',
        preAuthEncoding('http://example.com/HelloWorld', utf8(body)),
        { key, dsaEncoding: 'ieee-p1363' },
        sig,
      );
    expect(check('hello world')).toBe(true);
    expect(check('hello world!')).toBe(false);
  });
});

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['sorts keys', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    [
      'sorts nested keys, keeps array order',
      { z: { y: [{ b: 1, a: null }, 3] }, a: true },
      '{"a":true,"z":{"y":[{"a":null,"b":1},3]}}',
    ],
    ['writes unicode as is', { é: 'ü', e: '\u2028', emoji: '😀' }, '{"e":"\u2028","emoji":"😀","é":"ü"}'],
    // UTF-16 code-unit order (RFC 8785): U+1F600 is D83D DE00, which sorts before U+FF61.
    ['sorts by UTF-16 code units', { '\uff61': 1, '😀': 2 }, '{"😀":2,"\uff61":1}'],
    ['escapes controls and quotes', { s: '"\\\n\u0001' }, '{"s":"\\"\\\\\\n\\u0001"}'],
    ['writes numbers like JSON.stringify', [1e21, -0, 0.1, 1.5e-7, -3], '[1e+21,0,0.1,1.5e-7,-3]'],
    ['omits undefined object members', { a: undefined, b: [] }, '{"b":[]}'],
    ['accepts null-prototype objects', Object.assign(Object.create(null) as object, { k: 'v' }), '{"k":"v"}'],
    ['writes scalars', 'x', '"x"'],
  ])('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  const cyclic: Record<string, unknown> = {};
  cyclic['self'] = cyclic;
  it.each<[string, unknown, RegExp]>([
    ['NaN', { a: Number.NaN }, /NaN at \$\.a is not a finite number/],
    ['Infinity', [1, Infinity], /Infinity at \$\[1\] is not a finite number/],
    ['-Infinity', -Infinity, /-Infinity at \$ is not a finite number/],
    ['undefined in an array', [1, undefined], /undefined at \$\[1\] has no JSON form/],
    ['undefined at the top', undefined, /undefined at \$ has no JSON form/],
    ['bigint', { n: 10n }, /bigint at \$\.n/],
    ['function', { f: () => 1 }, /function at \$\.f/],
    ['symbol', [Symbol('s')], /symbol at \$\[0\]/],
    ['Date', { d: new Date(0) }, /\$\.d is not a plain object/],
    ['Map', new Map([['a', 1]]), /\$ is not a plain object/],
    ['cycle', cyclic, /\$\.self refers back to itself/],
  ])('rejects %s', (_name, value, message) => {
    expect(() => canonicalJson(value)).toThrow(message);
  });

  it('is byte-identical on re-run and whatever the key insertion order', () => {
    const one = { report: { gates: [{ id: 'quality', ci: [-0.5, 1.25] }], seed: 42 }, tool: 'kaizen-gate' };
    const two = { tool: 'kaizen-gate', report: { seed: 42, gates: [{ ci: [-0.5, 1.25], id: 'quality' }] } };
    expect(canonicalJson(one)).toBe(canonicalJson(one));
    expect(canonicalJson(two)).toBe(canonicalJson(one));
  });

  it('allows a value shared by two branches (not a cycle)', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});

describe('buildStatement', () => {
  const commit: Subject = { name: 'git+commit', digest: { gitCommit: COMMIT } };
  const manifest: Subject = { name: 'manifests/policy-qa.yaml', digest: { sha256: SHA_A } };
  const evidence: Subject = { name: 'evidence/candidate.jsonl', digest: { sha256: SHA_B } };

  it('sorts subjects by name, merges exact duplicates and sets the types', () => {
    const statement = buildStatement([manifest, commit, evidence, manifest], { decision: 'approve' });
    expect(statement).toEqual({
      _type: STATEMENT_TYPE,
      subject: [evidence, commit, manifest],
      predicateType: PREDICATE_TYPE,
      predicate: { decision: 'approve' },
    });
  });

  it('gives the same payload whatever the subject order', () => {
    const a = canonicalJson(buildStatement([manifest, evidence, commit], { n: 1 }));
    const b = canonicalJson(buildStatement([commit, evidence, manifest], { n: 1 }));
    expect(a).toBe(b);
  });

  it.each<[string, Subject[], RegExp]>([
    [
      'same name, different digest',
      [manifest, { name: manifest.name, digest: { sha256: SHA_B } }],
      /listed twice with different digests/,
    ],
    ['no digest', [{ name: 'a', digest: {} }], /"a" has no digest/],
    ['no name', [{ name: '', digest: { sha256: SHA_A } }], /has no name/],
    [
      'uppercase sha256',
      [{ name: 'a', digest: { sha256: SHA_A.toUpperCase() } }],
      /sha256 digest that is not 64 lowercase hex/,
    ],
    [
      'short gitCommit',
      [{ name: 'git+commit', digest: { gitCommit: 'abc123' } }],
      /gitCommit digest that is not 40 or 64/,
    ],
  ])('throws for %s', (_name, subjects, message) => {
    expect(() => buildStatement(subjects, {})).toThrow(message);
  });
});

describe('keys', () => {
  it.each<[string, string]>([
    ['ed25519.pub.pem', ED25519_KEYID],
    ['p256.pub.pem', P256_KEYID],
  ])('keyIdOf(%s) is the sha256 of its SPKI DER', (file, keyid) => {
    expect(keyIdOf(fixture(file))).toBe(keyid);
    // Line endings, surrounding blank space and pasted "\n" escapes do not change the id.
    expect(keyIdOf(`\n${fixture(file).replaceAll('\n', '\r\n')}  \n`)).toBe(keyid);
    expect(keyIdOf(fixture(file).trim().replaceAll('\n', '\\n'))).toBe(keyid);
  });

  it.each<[string, KeyAlgorithm, string]>([
    ['ed25519.key.pem', 'ed25519', ED25519_KEYID],
    ['p256.key.pem', 'ecdsa-p256', P256_KEYID],
    ['p256-sec1.key.pem', 'ecdsa-p256', ''],
  ])('loadPrivateKey(%s) reads a %s key with the public key id', (file, algorithm, keyid) => {
    const loaded = loadPrivateKey(fixture(file), file);
    expect(loaded.algorithm).toBe(algorithm);
    expect(loaded.keyid).toMatch(/^sha256:[0-9a-f]{64}$/);
    if (keyid !== '') expect(loaded.keyid).toBe(keyid);
  });

  it.each<KeyAlgorithm>(['ed25519', 'ecdsa-p256'])(
    'generateSigningKeyPair(%s) gives PKCS#8 and SPKI PEM that load',
    (algorithm) => {
      const pair = generateSigningKeyPair(algorithm);
      expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      expect(pair.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
      expect(loadPrivateKey(pair.privateKeyPem, 'new').algorithm).toBe(algorithm);
      expect(loadPrivateKey(pair.privateKeyPem, 'new').keyid).toBe(pair.keyid);
      expect(loadPublicKey(pair.publicKeyPem, 'new').keyid).toBe(pair.keyid);
    },
  );

  const privateKeyBody = fixture('ed25519.key.pem').split('\n')[1] ?? '';
  it.each<[string, string, RegExp]>([
    ['RSA', fixture('rsa.key.pem'), /is an RSA key, which is not supported; use an Ed25519 key/],
    ['P-384', fixture('p384.key.pem'), /ECDSA key on curve secp384r1; only P-256 \(prime256v1\) is supported/],
    ['encrypted', fixture('ed25519-encrypted.key.pem'), /is encrypted with a passphrase/],
    ['a public key', fixture('ed25519.pub.pem'), /is a public key; signing needs the private key/],
    ['a certificate', fixture('p256.cert.pem'), /is an X\.509 certificate/],
    ['not PEM', 'just some text', /is not PEM; expected a block starting with -----BEGIN PRIVATE KEY-----/],
    ['empty', '  \n', /is empty; expected a PEM-encoded key/],
    [
      'damaged',
      fixture('ed25519.key.pem').replace(privateKeyBody, privateKeyBody.slice(0, 20)),
      /could not be parsed as a private key/,
    ],
    [
      'two keys',
      fixture('ed25519.key.pem') + fixture('p256.key.pem'),
      /holds 2 PEM blocks \(PRIVATE KEY, PRIVATE KEY\)/,
    ],
    [
      'OpenSSH',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----\n',
      /is in OpenSSH format/,
    ],
    ['traditional RSA', '-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n', /is an RSA key/],
  ])('loadPrivateKey rejects %s with a clear InputError and no key material', (_name, pem, message) => {
    const error = catchError(() => loadPrivateKey(pem, 'secrets.SIGNING_KEY'));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      { file: 'secrets.SIGNING_KEY', message: expect.stringMatching(message) },
    ]);
    expect(error.message).toMatch(/^secrets\.SIGNING_KEY: /);
    expectNoKeyMaterial(error.message, pem);
  });

  it.each<[string, string, RegExp]>([
    ['a private key', fixture('ed25519.key.pem'), /holds a private key; trusted keys must be public keys/],
    ['an RSA public key', fixture('rsa.pub.pem'), /is an RSA key, which is not supported/],
    ['a certificate', fixture('p256.cert.pem'), /openssl x509 -in cert\.pem -pubkey -noout/],
    ['damaged', fixture('p256.pub.pem').replace(/\n[A-Za-z0-9+/]{20}/, '\n'), /could not be parsed as a public key/],
  ])('loadPublicKey rejects %s', (_name, pem, message) => {
    const error = catchError(() => loadPublicKey(pem, 'keys/release.pub'));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^keys\/release\.pub: /);
    expect(error.message).toMatch(message);
    expectNoKeyMaterial(error.message, pem);
  });
});

describe('signStatement', () => {
  const statement = buildStatement(
    [
      { name: 'git+commit', digest: { gitCommit: COMMIT } },
      { name: 'manifests/policy-qa.yaml', digest: { sha256: SHA_A } },
    ],
    { decision: 'approve', pass_rate_delta: -0.004, note: 'déjà vu' },
  );

  it('makes an envelope whose payload is the canonical statement and whose keyid is the key id', () => {
    const envelope = signStatement(statement, fixture('ed25519.key.pem'));
    expect(envelope.payloadType).toBe(PAYLOAD_TYPE);
    expect(Buffer.from(envelope.payload, 'base64').toString('utf8')).toBe(canonicalJson(statement));
    expect(envelope.payload).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
    expect(envelope.signatures).toHaveLength(1);
    expect(envelope.signatures[0]?.keyid).toBe(ED25519_KEYID);
    expect(Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64')).toHaveLength(64);
  });

  it('is deterministic for Ed25519: the same statement twice gives byte-identical envelopes', () => {
    const first = canonicalJson(signStatement(statement, fixture('ed25519.key.pem')));
    const second = canonicalJson(signStatement(structuredClone(statement), fixture('ed25519.key.pem')));
    expect(second).toBe(first);
  });

  it('signs P-256 with a DER signature and the P-256 key id', () => {
    const envelope = signStatement(statement, fixture('p256.key.pem'));
    const sig = Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64');
    expect(sig[0]).toBe(0x30); // ASN.1 SEQUENCE
    expect(sig.length).toBeGreaterThanOrEqual(8);
    expect(sig.length).toBeLessThanOrEqual(72);
    expect(envelope.signatures[0]?.keyid).toBe(P256_KEYID);
  });

  it('refuses a statement without canonical JSON and an unsupported key', () => {
    const bad = { ...statement, predicate: { score: Number.NaN } };
    expect(() => signStatement(bad, fixture('ed25519.key.pem'))).toThrow(/not a finite number/);
    expect(() => signStatement(statement, fixture('rsa.key.pem'), 'input signing-key')).toThrow(
      /^input signing-key: is an RSA key/,
    );
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected a throw');
}

/** No 12-character run of the PEM's base64 body may appear in a message. */
function expectNoKeyMaterial(message: string, pem: string): void {
  const body = pem
    .split('\n')
    .filter((line) => !line.startsWith('-----'))
    .join('');
  for (let start = 0; start + 12 <= body.length; start += 4) {
    expect(message).not.toContain(body.slice(start, start + 12));
  }
}
