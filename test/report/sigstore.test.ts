/**
 * Cross-checks kaizen-gate's DSSE envelopes with another implementation's DSSE code: sigstore-js's
 * @sigstore/core (pre-authentication encoding and signature verification), as docs/audit.md shows.
 */
import { readFileSync } from 'node:fs';
import { crypto as sigstoreCrypto, dsse } from '@sigstore/core';
import { describe, expect, it } from 'vitest';
import { attestReport } from '../../src/report/attest.ts';
import { preAuthEncoding } from '../../src/report/sign.ts';
import { approve } from '../fixtures/reports/approve.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/keys/${name}`, import.meta.url), 'utf8');

describe('@sigstore/core verifies kaizen-gate envelopes', () => {
  it.each([
    ['Ed25519', 'ed25519', undefined],
    ['ECDSA P-256', 'p256', 'sha256'],
  ] as const)(
    '%s: the same PAE, and the signature verifies with the public key alone (no keyid needed)',
    (_name, key, algorithm) => {
      const { envelope } = attestReport(approve, fixture(`${key}.key.pem`), 'x');
      if (envelope === undefined) throw new Error('attestReport signed nothing');
      const payload = Buffer.from(envelope.payload, 'base64');
      const pae = dsse.preAuthEncoding(envelope.payloadType, payload);
      expect(new Uint8Array(pae)).toEqual(preAuthEncoding(envelope.payloadType, payload));
      const publicKey = sigstoreCrypto.createPublicKey(fixture(`${key}.pub.pem`));
      const signature = Buffer.from(envelope.signatures[0]!.sig, 'base64');
      expect(sigstoreCrypto.verify(pae, publicKey, signature, algorithm)).toBe(true);

      // One changed byte of the payload, or another key, and it no longer verifies.
      const altered = Buffer.from(payload);
      altered[10] = (altered[10] ?? 0) ^ 1;
      expect(
        sigstoreCrypto.verify(dsse.preAuthEncoding(envelope.payloadType, altered), publicKey, signature, algorithm),
      ).toBe(false);
      if (key === 'ed25519')
        expect(
          sigstoreCrypto.verify(
            pae,
            sigstoreCrypto.createPublicKey(fixture('ed25519-other.pub.pem')),
            signature,
            algorithm,
          ),
        ).toBe(false);
    },
  );
});
