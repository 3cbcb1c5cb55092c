/**
 * Signing keys: generate, load from PEM with messages a user can act on, and name them by key id.
 *
 * Supported: Ed25519 (recommended: deterministic signatures) and ECDSA on P-256 with SHA-256, the
 * two algorithms openssl, cosign and the DSSE reference implementations all verify. Messages name
 * the key by its label (a path or an input name) and never echo any of the PEM text.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { InputError } from '../problem.ts';

/** The signature algorithms kaizen-gate signs and verifies with. */
export type KeyAlgorithm = 'ed25519' | 'ecdsa-p256';

/** A generated key pair: PKCS#8 private key and SPKI public key, both PEM, and the key id. */
export interface KeyPairPem {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  readonly keyid: string;
}

/** A parsed key ready for node:crypto, with its algorithm and key id. */
export interface LoadedKey {
  readonly key: KeyObject;
  readonly algorithm: KeyAlgorithm;
  readonly keyid: string;
}

const SUPPORTED = 'use an Ed25519 key (recommended: openssl genpkey -algorithm ed25519) or an ECDSA P-256 key';

/** Generates a fresh key pair; the randomness comes from the operating system, as keys must. */
export function generateSigningKeyPair(algorithm: KeyAlgorithm): KeyPairPem {
  const pair =
    algorithm === 'ed25519'
      ? generateKeyPairSync('ed25519', {
          publicKeyEncoding: { type: 'spki', format: 'pem' },
          privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        })
      : generateKeyPairSync('ec', {
          namedCurve: 'prime256v1',
          publicKeyEncoding: { type: 'spki', format: 'pem' },
          privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        });
  return { privateKeyPem: pair.privateKey, publicKeyPem: pair.publicKey, keyid: keyIdOf(pair.publicKey) };
}

/**
 * The key id of a public key: `sha256:` + lowercase hex SHA-256 of its SPKI DER encoding, the same as
 * `openssl pkey -pubin -in pub.pem -outform DER | sha256sum`. Independent of PEM line breaks and labels.
 * DSSE treats the id as an unauthenticated hint; we only use it to name keys in messages.
 *
 * @throws InputError when the PEM is not a supported public key.
 */
export function keyIdOf(publicKeyPem: string): string {
  return loadPublicKey(publicKeyPem, 'public key').keyid;
}

/**
 * Parses a private signing key (PKCS#8 PEM; SEC1 `EC PRIVATE KEY` is accepted too).
 *
 * @throws InputError naming `label` when the text is not PEM, is encrypted, is a public key or
 *   certificate, or is an RSA, non-P-256 or other unsupported key.
 */
export function loadPrivateKey(pem: string, label: string): LoadedKey {
  const text = readPemBlock(pem, label, 'private');
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text, format: 'pem' });
  } catch {
    throw keyError(label, 'could not be parsed as a private key (the PEM body is damaged or not a key)');
  }
  const algorithm = algorithmOf(key, label);
  return { key, algorithm, keyid: spkiKeyId(createPublicKey(key)) };
}

/**
 * Parses a trusted public key (SPKI PEM, `-----BEGIN PUBLIC KEY-----`).
 *
 * @throws InputError naming `label` when the text is not PEM, holds a private key (which must never
 *   be committed as a trusted key) or a certificate, or is an unsupported key type.
 */
export function loadPublicKey(pem: string, label: string): LoadedKey {
  const text = readPemBlock(pem, label, 'public');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text, format: 'pem' });
  } catch {
    throw keyError(label, 'could not be parsed as a public key (the PEM body is damaged or not a key)');
  }
  const algorithm = algorithmOf(key, label);
  return { key, algorithm, keyid: spkiKeyId(key) };
}

/**
 * Normalizes line endings and finds the one key block, rejecting by PEM label the mistakes people
 * actually make: pasting the wrong half of a pair, an encrypted key, a certificate, an OpenSSH key.
 */
function readPemBlock(pem: string, label: string, want: 'private' | 'public'): string {
  if (typeof pem !== 'string' || pem.trim() === '') throw keyError(label, 'is empty; expected a PEM-encoded key');
  let text = pem.replace(/\r\n?/g, '\n').trim();
  // Secrets pasted through some UIs arrive with literal "\n" instead of line breaks.
  if (!text.includes('\n') && text.includes('\\n')) text = text.replaceAll('\\n', '\n');
  const labels = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => name !== 'EC PARAMETERS');
  const wanted = want === 'private' ? 'PRIVATE KEY' : 'PUBLIC KEY';
  if (labels.length === 0) {
    throw keyError(label, `is not PEM; expected a block starting with -----BEGIN ${wanted}-----`);
  }
  if (labels.length > 1) {
    throw keyError(label, `holds ${labels.length} PEM blocks (${labels.join(', ')}); expected exactly one key`);
  }
  const found = labels[0] ?? '';
  if (found === 'ENCRYPTED PRIVATE KEY' || /^Proc-Type:\s*4,ENCRYPTED/m.test(text)) {
    throw keyError(
      label,
      'is encrypted with a passphrase; supply an unencrypted PKCS#8 key and protect it as a secret instead',
    );
  }
  if (found === 'OPENSSH PRIVATE KEY') {
    throw keyError(label, `is in OpenSSH format, not PEM; ${SUPPORTED}`);
  }
  if (found === 'CERTIFICATE') {
    throw keyError(label, 'is an X.509 certificate; supply its public key (openssl x509 -in cert.pem -pubkey -noout)');
  }
  if (found.startsWith('RSA ')) throw keyError(label, `is an RSA key, which is not supported; ${SUPPORTED}`);
  if (want === 'public' && found.endsWith('PRIVATE KEY')) {
    throw keyError(
      label,
      'holds a private key; trusted keys must be public keys (openssl pkey -in key.pem -pubout) and the private key must stay secret',
    );
  }
  if (want === 'private' && found === 'PUBLIC KEY') {
    throw keyError(label, 'is a public key; signing needs the private key');
  }
  if (want === 'private' ? !found.endsWith('PRIVATE KEY') : found !== 'PUBLIC KEY') {
    throw keyError(label, `holds a PEM block of type "${found}"; expected -----BEGIN ${wanted}-----`);
  }
  return `${text}\n`;
}

function algorithmOf(key: KeyObject, label: string): KeyAlgorithm {
  const type = key.asymmetricKeyType;
  if (type === 'ed25519') return 'ed25519';
  if (type === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return 'ecdsa-p256';
    throw keyError(label, `is an ECDSA key on curve ${curve ?? 'unknown'}; only P-256 (prime256v1) is supported`);
  }
  if (type === 'rsa' || type === 'rsa-pss') {
    throw keyError(label, `is an RSA key, which is not supported; ${SUPPORTED}`);
  }
  throw keyError(label, `is a ${type ?? 'unknown'} key, which is not supported; ${SUPPORTED}`);
}

function spkiKeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `sha256:${createHash('sha256').update(der).digest('hex')}`;
}

function keyError(label: string, message: string): InputError {
  return new InputError([{ file: label, message }]);
}
