/**
 * Cross-checks signing and verification with an independent implementation: the openssl CLI.
 * openssl 3 is a required tool here — when it is missing these tests fail with a message saying so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyIdOf, loadPrivateKey, type KeyAlgorithm } from '../../src/report/keys.ts';
import { preAuthEncoding, signStatement, type Envelope } from '../../src/report/sign.ts';
import { buildStatement, canonicalJson, PAYLOAD_TYPE } from '../../src/report/statement.ts';
import { verifyEnvelope } from '../../src/report/verify-envelope.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/keys/${name}`, import.meta.url), 'utf8');

const root = mkdtempSync(join(tmpdir(), 'kaizen-gate-openssl-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const workdir = (): string => {
  dirs += 1;
  const dir = join(root, String(dirs));
  mkdirSync(dir);
  return dir;
};

/** Runs openssl; a missing binary is a test failure with a clear message, never a skip. */
function openssl(args: readonly string[], cwd: string): { status: number | null; out: string } {
  const run = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (run.error !== undefined) {
    throw new Error(`openssl is required by this test but could not be run (${run.error.message}); install OpenSSL 3.`);
  }
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

const statement = buildStatement(
  [
    { name: 'git+commit', digest: { gitCommit: '0123456789abcdef0123456789abcdef01234567' } },
    { name: 'manifests/policy-qa.yaml', digest: { sha256: 'a'.repeat(64) } },
  ],
  { decision: 'approve', note: 'naïve ✓', delta: -0.0125 },
);

/** Writes what an auditor extracts from an envelope: payload, signature, public key. */
function extract(dir: string, envelope: Envelope, publicKeyPem: string): Buffer {
  const payload = Buffer.from(envelope.payload, 'base64');
  writeFileSync(join(dir, 'payload.json'), payload);
  writeFileSync(join(dir, 'sig.bin'), Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64'));
  writeFileSync(join(dir, 'pub.pem'), publicKeyPem);
  return payload;
}

/** Builds pae.bin with the shell recipe documented in src/report/sign.ts, not with our code. */
function shellPae(dir: string): Buffer {
  const recipe = `printf 'DSSEv1 28 application/vnd.in-toto+json %d ' "$(wc -c < payload.json)" > pae.bin && cat payload.json >> pae.bin`;
  execFileSync('sh', ['-c', recipe], { cwd: dir });
  return readFileSync(join(dir, 'pae.bin'));
}

function writeTampered(dir: string, pae: Buffer): void {
  const copy = Buffer.from(pae);
  const last = copy.length - 3; // inside the JSON payload, past the PAE header
  copy[last] = (copy[last] ?? 0) ^ 0x20;
  writeFileSync(join(dir, 'pae-tampered.bin'), copy);
}

const pkeyutlVerify = (pae: string, digest: string[] = []): string[] => [
  'pkeyutl',
  '-verify',
  '-pubin',
  '-inkey',
  'pub.pem',
  '-rawin',
  ...digest,
  '-in',
  pae,
  '-sigfile',
  'sig.bin',
];

describe('openssl cross-check', () => {
  it('has openssl 3 or newer (pkeyutl -rawin for Ed25519 needs it)', () => {
    const { status, out } = openssl(['version'], root);
    expect(status).toBe(0);
    const major = Number(/^OpenSSL (\d+)\./.exec(out)?.[1] ?? '0');
    expect(major, `openssl 3 or newer is required, found: ${out.trim()}`).toBeGreaterThanOrEqual(3);
  });

  it('verifies our Ed25519 envelope over a PAE built by the shell recipe, and rejects a tampered PAE', () => {
    const dir = workdir();
    const envelope = signStatement(statement, fixture('ed25519.key.pem'));
    const payload = extract(dir, envelope, fixture('ed25519.pub.pem'));
    expect(payload.toString('utf8')).toBe(canonicalJson(statement));
    const pae = shellPae(dir);
    expect(pae.equals(Buffer.from(preAuthEncoding(PAYLOAD_TYPE, payload)))).toBe(true);

    expect(openssl(pkeyutlVerify('pae.bin'), dir)).toEqual({ status: 0, out: 'Signature Verified Successfully\n' });
    writeTampered(dir, pae);
    const tampered = openssl(pkeyutlVerify('pae-tampered.bin'), dir);
    expect(tampered.status).toBe(1);
    expect(tampered.out).toContain('Signature Verification Failure');
  });

  it('verifies our P-256 envelope (SHA-256, DER) with dgst and pkeyutl, and rejects a tampered PAE', () => {
    const dir = workdir();
    const envelope = signStatement(statement, fixture('p256.key.pem'));
    extract(dir, envelope, fixture('p256.pub.pem'));
    const pae = shellPae(dir);

    // dgst reports success as "Verified OK"; pkeyutl as "Signature Verified Successfully".
    const dgst = ['dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'sig.bin'];
    expect(openssl([...dgst, 'pae.bin'], dir)).toEqual({ status: 0, out: 'Verified OK\n' });
    expect(openssl(pkeyutlVerify('pae.bin', ['-digest', 'sha256']), dir)).toEqual({
      status: 0,
      out: 'Signature Verified Successfully\n',
    });

    writeTampered(dir, pae);
    const tampered = openssl([...dgst, 'pae-tampered.bin'], dir);
    expect(tampered.status).toBe(1);
    expect(tampered.out).toContain('Verification failure');
    expect(openssl(pkeyutlVerify('pae-tampered.bin', ['-digest', 'sha256']), dir).status).toBe(1);
  });

  it.each<[KeyAlgorithm, string[], (pae: string, out: string) => string[]]>([
    [
      'ed25519',
      ['-algorithm', 'ed25519'],
      (pae, out) => ['pkeyutl', '-sign', '-inkey', 'key.pem', '-rawin', '-in', pae, '-out', out],
    ],
    [
      'ecdsa-p256',
      ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
      (pae, out) => ['dgst', '-sha256', '-sign', 'key.pem', '-out', out, pae],
    ],
  ])(
    'loads an openssl-generated %s key, and openssl signatures verify with verifyEnvelope',
    (algorithm, genArgs, signArgs) => {
      const dir = workdir();
      expect(openssl(['genpkey', ...genArgs, '-out', 'key.pem'], dir).status).toBe(0);
      expect(openssl(['pkey', '-in', 'key.pem', '-pubout', '-out', 'pub.pem'], dir).status).toBe(0);
      expect(openssl(['pkey', '-pubin', '-in', 'pub.pem', '-outform', 'DER', '-out', 'pub.der'], dir).status).toBe(0);
      const digest = openssl(['dgst', '-sha256', '-r', 'pub.der'], dir).out.split(' ')[0];
      const privateKeyPem = readFileSync(join(dir, 'key.pem'), 'utf8');
      const publicKeyPem = readFileSync(join(dir, 'pub.pem'), 'utf8');
      const trusted = [{ publicKeyPem, source: 'openssl pub.pem' }];

      const loaded = loadPrivateKey(privateKeyPem, 'key.pem');
      expect(loaded.algorithm).toBe(algorithm);
      expect(loaded.keyid).toBe(`sha256:${digest}`);
      expect(keyIdOf(publicKeyPem)).toBe(`sha256:${digest}`);

      // Our signature with openssl's key...
      expect(verifyEnvelope(JSON.stringify(signStatement(statement, privateKeyPem)), trusted)).toMatchObject({
        ok: true,
      });

      // ...and openssl's signature over our PAE.
      const payload = new TextEncoder().encode(canonicalJson(statement));
      writeFileSync(join(dir, 'pae.bin'), preAuthEncoding(PAYLOAD_TYPE, payload));
      expect(openssl(signArgs('pae.bin', 'sig.bin'), dir).status).toBe(0);
      const envelope: Envelope = {
        payloadType: PAYLOAD_TYPE,
        payload: Buffer.from(payload).toString('base64'),
        signatures: [{ keyid: loaded.keyid, sig: readFileSync(join(dir, 'sig.bin')).toString('base64') }],
      };
      expect(verifyEnvelope(JSON.stringify(envelope), trusted)).toEqual({
        ok: true,
        keyid: loaded.keyid,
        keySource: 'openssl pub.pem',
        statement,
      });
      const other = {
        ...envelope,
        payload: Buffer.from(canonicalJson({ ...statement, predicate: {} })).toString('base64'),
      };
      expect(verifyEnvelope(JSON.stringify(other), trusted).ok).toBe(false);
    },
  );
});
