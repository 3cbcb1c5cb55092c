// Evidence stored in git by fingerprint: the commit and tree written, read back and checked; a
// push to a real bare remote, with the retry when another writer stored the same fingerprint
// between our fetch and our push; a tampered copy refused.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchStoredRef, readStoredFiles, storedEvidenceDigest, storeEvidence } from '../../src/git/evidence-store.ts';
import { evidenceRef, storedMetadataOf, verifyStored } from '../../src/eval/stored.ts';
import type { StoredMetadata } from '../../src/eval/stored.ts';
import { runGit } from '../support/git-repo.ts';
import { makeOriginTemplate, type OriginTemplate } from '../support/audit-repo.ts';
import type { Clone } from '../support/audit-repo.ts';

// storeEvidence runs git with this process's environment: keep the machine's git config out.
const saved = { global: process.env.GIT_CONFIG_GLOBAL, nosystem: process.env.GIT_CONFIG_NOSYSTEM };
beforeAll(() => {
  process.env.GIT_CONFIG_GLOBAL = '/dev/null';
  process.env.GIT_CONFIG_NOSYSTEM = '1';
});
afterAll(() => {
  if (saved.global === undefined) delete process.env.GIT_CONFIG_GLOBAL;
  else process.env.GIT_CONFIG_GLOBAL = saved.global;
  if (saved.nosystem === undefined) delete process.env.GIT_CONFIG_NOSYSTEM;
  else process.env.GIT_CONFIG_NOSYSTEM = saved.nosystem;
});

const FINGERPRINT = `sha256:${'ab'.repeat(32)}`;
const BYTES = new TextEncoder().encode('{"package_id":"p","suite":"golden","case_id":"c1","pass":true}\n');

function metadataFor(bytes: Uint8Array, producedAt = '2026-02-01T00:00:00.000Z'): StoredMetadata {
  return storedMetadataOf(
    {
      fingerprint: FINGERPRINT,
      package_id: 'p-r1',
      manifest: 'manifests/p.yaml',
      commit: 'c'.repeat(40),
      produced_at: producedAt,
      command: 'npm run eval',
    },
    'evidence.jsonl',
    bytes,
  );
}

let template: OriginTemplate;
beforeAll(() => {
  template = makeOriginTemplate();
});
afterAll(() => template?.cleanup());

/** An origin with one commit on main, and `n` clones of it (copies of one template). */
function setup(n: number): { origin: string; clones: Clone[] } {
  return template.copy(n);
}

describe('storeEvidence', () => {
  it('writes a commit holding the evidence and its metadata, pushes it, and another clone fetches and verifies it', () => {
    const { origin, clones } = setup(2);
    const [a, b] = clones as [Clone, Clone];
    const outcome = storeEvidence({ repo: a.dir, metadata: metadataFor(BYTES), bytes: BYTES, push: true });
    expect(outcome).toMatchObject({ ref: `refs/kaizen-gate/evidence/${'ab'.repeat(32)}`, pushed: true, attempts: 1 });
    expect(runGit(origin, ['rev-parse', outcome.ref])).toBe(outcome.commit);
    expect(runGit(origin, ['ls-tree', '--name-only', outcome.ref]).split('\n')).toEqual([
      'evidence.jsonl',
      'metadata.json',
    ]);

    expect(readStoredFiles(b.dir, FINGERPRINT)).toBeUndefined();
    expect(fetchStoredRef(b.dir, FINGERPRINT, 'origin')).toEqual({ kind: 'fetched' });
    const files = readStoredFiles(b.dir, FINGERPRINT)!;
    const verified = verifyStored(files.ref, FINGERPRINT, files.files);
    expect('problem' in verified ? verified.problem : Buffer.from(verified.bytes).toString()).toBe(
      Buffer.from(BYTES).toString(),
    );
    expect(storedEvidenceDigest(b.dir, `${evidenceRef(FINGERPRINT)}:evidence.jsonl`)).toBe(
      metadataFor(BYTES).evidence.sha256.slice(7),
    );
    expect(storedEvidenceDigest(b.dir, 'evals/parent.json')).toBeUndefined();
    expect(fetchStoredRef(b.dir, `sha256:${'cd'.repeat(32)}`, 'origin')).toEqual({ kind: 'absent' });
    expect(fetchStoredRef(b.dir, FINGERPRINT, 'upstream')).toEqual({ kind: 'no-remote' });
  });

  it('puts a newer copy on top of the old one, so the ref keeps both', () => {
    const { clones } = setup(1);
    const [a] = clones as [Clone];
    const first = storeEvidence({ repo: a.dir, metadata: metadataFor(BYTES), bytes: BYTES, push: false });
    const newer = new TextEncoder().encode('{"package_id":"p","suite":"golden","case_id":"c1","pass":false}\n');
    const second = storeEvidence({
      repo: a.dir,
      metadata: metadataFor(newer, '2026-02-02T00:00:00.000Z'),
      bytes: newer,
      push: false,
    });
    expect(a.git('rev-parse', `${second.commit}^`)).toBe(first.commit);
    expect(Buffer.from(readStoredFiles(a.dir, FINGERPRINT)!.files.get('evidence.jsonl')!).toString()).toContain(
      '"pass":false',
    );
  });

  it('when another writer pushes the same fingerprint between fetch and push: rejected, fetched, stacked on theirs, pushed', () => {
    const { origin, clones } = setup(2);
    const [a, b] = clones as [Clone, Clone];
    storeEvidence({ repo: a.dir, metadata: metadataFor(BYTES), bytes: BYTES, push: false });
    const mark = join(b.dir, '.git', 'raced');
    const hook = join(b.dir, '.git', 'hooks', 'pre-push');
    writeFileSync(
      hook,
      `#!/bin/sh\ncat > /dev/null\nunset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE\nif [ ! -f '${mark}' ]; then touch '${mark}'; git -C '${a.dir}' push -q origin ${evidenceRef(FINGERPRINT)}; fi\nexit 0\n`,
    );
    chmodSync(hook, 0o755);
    const mine = new TextEncoder().encode('{"package_id":"p","suite":"golden","case_id":"c1","pass":true,"trial":1}\n');
    const outcome = storeEvidence({ repo: b.dir, metadata: metadataFor(mine), bytes: mine, push: true });
    expect(outcome.attempts).toBe(2);
    expect(outcome.message).toContain('after 1 concurrent update by another writer');
    const theirs = a.git('rev-parse', evidenceRef(FINGERPRINT));
    expect(runGit(origin, ['rev-parse', `${evidenceRef(FINGERPRINT)}^`])).toBe(theirs);
    expect(runGit(origin, ['show', `${evidenceRef(FINGERPRINT)}:evidence.jsonl`])).toContain('"trial":1');
  });
});

const files = (metadata: StoredMetadata, bytes: Uint8Array): Map<string, Uint8Array> =>
  new Map([
    ['metadata.json', new TextEncoder().encode(JSON.stringify(metadata))],
    ['evidence.jsonl', bytes],
  ]);

describe('verifyStored', () => {
  const ref = evidenceRef(FINGERPRINT);

  it('refuses evidence changed after it was stored, metadata for another fingerprint, and missing pieces', () => {
    const tampered = new TextEncoder().encode(Buffer.from(BYTES).toString().replace('true', 'false'));
    expect(verifyStored(ref, FINGERPRINT, files(metadataFor(BYTES), tampered))).toEqual({
      problem: expect.stringMatching(
        /has sha256 sha256:[0-9a-f]{64} \(\d+ bytes\), but its metadata records sha256:[0-9a-f]{64} .*the stored file was changed after it was written, so it is not used; delete it/,
      ),
    });
    expect(verifyStored(ref, `sha256:${'cd'.repeat(32)}`, files(metadataFor(BYTES), BYTES))).toEqual({
      problem: expect.stringContaining(`says it is for fingerprint ${FINGERPRINT}`),
    });
    expect(verifyStored(ref, FINGERPRINT, new Map())).toEqual({
      problem: expect.stringContaining('has no metadata.json'),
    });
    expect(
      verifyStored(ref, FINGERPRINT, new Map([['metadata.json', new TextEncoder().encode('{"schema":"other"}')]])),
    ).toEqual({ problem: expect.stringContaining('has schema "other"') });
    expect(
      verifyStored(
        ref,
        FINGERPRINT,
        new Map([['metadata.json', new TextEncoder().encode(JSON.stringify(metadataFor(BYTES)))]]),
      ),
    ).toEqual({ problem: expect.stringContaining('has no evidence.jsonl') });
  });
});
