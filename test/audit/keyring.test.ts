import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRevokedList, trustedKeysFrom } from '../../src/audit/keyring.ts';

const key = (name: string): string => readFileSync(new URL(`../fixtures/keys/${name}`, import.meta.url), 'utf8');
const ED25519_ID = 'sha256:8360ab527f71c2c9ad92ae2db5c21ed80091dcd4cc3904776a7c8bb1fea95631';
const P256_ID = 'sha256:62f5b5cb2e37370a15c6c54447a519783e93081ef6b91c6cb3ac5616c9744e5d';

describe('parseRevokedList', () => {
  it('reads key ids with notes, skipping comments and blank lines, case-insensitively', () => {
    const text = `# revoked keys\n\n${ED25519_ID}  leaked 2026-02-01\r\n  ${P256_ID.toUpperCase().replace('SHA256', 'sha256')}\n`;
    expect(parseRevokedList(text, 'revoked.txt')).toEqual(new Set([ED25519_ID, P256_ID]));
  });

  it('lists every bad line with its number', () => {
    expect(() => parseRevokedList(`${ED25519_ID}\nSHA256:q3v1mD0k\nsha256:abc\n`, 'keys/revoked.txt')).toThrow(
      'keys/revoked.txt:2:1: expected a key id such as sha256:<64 hex digits>, found "SHA256:q3v1mD0k"\nkeys/revoked.txt:3:1: expected a key id such as sha256:<64 hex digits>, found "sha256:abc"',
    );
  });
});

describe('trustedKeysFrom', () => {
  it('marks revoked keys by id', () => {
    const keys = trustedKeysFrom(
      [
        { source: 'a.pem', pem: key('ed25519.pub.pem') },
        { source: 'b.pem', pem: key('p256.pub.pem') },
      ],
      new Set([P256_ID]),
    );
    expect(keys.map((k) => [k.source, k.revoked])).toEqual([
      ['a.pem', false],
      ['b.pem', true],
    ]);
  });

  it('refuses a private key and a non-key, naming each file', () => {
    expect(() =>
      trustedKeysFrom(
        [
          { source: 'keys/oops.pem', pem: key('ed25519.key.pem') },
          { source: 'keys/notes.pub', pem: 'ssh-ed25519 AAAA… me@laptop' },
        ],
        new Set(),
      ),
    ).toThrow(/keys\/notes\.pub: is not PEM.*\n.*keys\/oops\.pem: holds a private key/s);
  });
});
