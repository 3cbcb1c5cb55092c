import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readReport, verifyRecord } from '../../src/audit/verify-record.ts';
import type { RecordContext } from '../../src/audit/verify-record.ts';
import { attestReport, subjectsOf } from '../../src/report/attest.ts';
import type { Report } from '../../src/report/model.ts';
import { signStatement } from '../../src/report/sign.ts';
import { buildStatement } from '../../src/report/statement.ts';
import { approve } from '../fixtures/reports/approve.ts';

const key = (name: string): string => readFileSync(new URL(`../fixtures/keys/${name}`, import.meta.url), 'utf8');
const ED25519_ID = 'sha256:8360ab527f71c2c9ad92ae2db5c21ed80091dcd4cc3904776a7c8bb1fea95631';
const COMMIT = approve.subject.commit!;
const signed = (report: Report): string => JSON.stringify(attestReport(report, key('ed25519.key.pem'), 'x').envelope);

/** Files as they are at each commit: `commit` → path → sha256, built from the report's own subjects. */
function filesOf(report: Report): Map<string, Map<string, string>> {
  const files = new Map<string, Map<string, string>>();
  const put = (commit: string, path: string, sha: string): void => {
    const at = files.get(commit) ?? new Map<string, string>();
    at.set(path, sha);
    files.set(commit, at);
  };
  for (const m of report.subject.manifests) put(m.role === 'candidate' ? COMMIT : m.commit!, m.path, m.sha256);
  for (const a of report.subject.artifacts) put(COMMIT, a.path, a.sha256);
  return files;
}

function context(files: Map<string, Map<string, string>>, extra: Partial<RecordContext> = {}): RecordContext {
  return {
    trusted: [{ publicKeyPem: key('ed25519.pub.pem'), source: 'k.pem' }],
    commit: COMMIT,
    digestAt: (commit, path) => files.get(commit)?.get(path),
    ...extra,
  };
}

describe('verifyRecord', () => {
  it('checks parent manifests at their own commit and leaves evidence outside the commit unchecked without an evidence lookup', () => {
    const seen: string[] = [];
    const files = filesOf(approve);
    const result = verifyRecord(
      signed(approve),
      context(files, { digestAt: (c, p) => (seen.push(`${p}@${c.slice(0, 4)}`), files.get(c)?.get(p)) }),
    );
    expect(result).toMatchObject({
      kind: 'verified',
      keyid: ED25519_ID,
      keySource: 'k.pem',
      checked: 2,
      uncheckedEvidence: ['evidence/candidate.jsonl', 'evidence/parent.jsonl'],
    });
    expect(seen).toContain(`manifests/policy-qa.yaml@${approve.packages[0]!.parent!.commit.slice(0, 4)}`);
  });

  it('checks evidence that is in the commit even without an evidence lookup', () => {
    const files = filesOf(approve);
    files.get(COMMIT)!.set('evidence/parent.jsonl', 'f'.repeat(64));
    const result = verifyRecord(signed(approve), context(files));
    expect(result).toMatchObject({
      kind: 'invalid',
      reason: `1 subject does not match the files at ${COMMIT}: evidence/parent.jsonl (content changed).`,
    });
  });

  it('uses the evidence lookup for evidence not in the commit', () => {
    const evidence = new Map(approve.subject.evidence.map((e) => [e.path, e.sha256]));
    const result = verifyRecord(signed(approve), context(filesOf(approve), { evidenceDigest: (p) => evidence.get(p) }));
    expect(result).toMatchObject({ kind: 'verified', checked: 4, uncheckedEvidence: [] });
    const missing = verifyRecord(
      signed(approve),
      context(filesOf(approve), { evidenceDigest: () => undefined, evidenceWhere: 'under /ci' }),
    );
    expect(missing).toMatchObject({
      kind: 'invalid',
      reason: `The evidence files evidence/candidate.jsonl, evidence/parent.jsonl are neither in commit ${COMMIT.slice(0, 12)} nor under /ci; pass --evidence-dir with the evidence the report was made from.`,
    });
  });

  it('names revocation when the revoked key is listed by id only', () => {
    const result = verifyRecord(signed(approve), {
      ...context(filesOf(approve)),
      trusted: [{ publicKeyPem: key('p256.pub.pem'), source: 'p.pem' }],
      revokedIds: new Set([ED25519_ID]),
    });
    expect(result).toMatchObject({
      kind: 'invalid',
      reason: `The envelope is signed by key ${ED25519_ID}, which is revoked.`,
    });
  });

  it('refuses a statement whose commit subject disagrees with the report inside it', () => {
    const other = 'c'.repeat(40);
    const subjects = subjectsOf(approve).map((s) =>
      s.digest['gitCommit'] ? { ...s, digest: { gitCommit: other } } : s,
    );
    const envelope = signStatement(buildStatement(subjects, approve), key('ed25519.key.pem'));
    const files = filesOf(approve);
    // The files are as signed, only at `other`: everything matches except the commit the report names.
    const result = verifyRecord(JSON.stringify(envelope), {
      ...context(files),
      commit: other,
      digestAt: (c, p) => files.get(c === other ? COMMIT : c)?.get(p),
    });
    expect(result).toMatchObject({
      kind: 'invalid',
      reason: `The signed report names commit ${COMMIT} while its statement names ${other}.`,
    });
  });

  it.each([
    ['for this commit', COMMIT, { kind: 'unsigned', reason: 'fork' }],
    [
      'for another commit',
      'd'.repeat(40),
      {
        kind: 'invalid',
        reason: `The unsigned report is for commit ${COMMIT}, not ${'d'.repeat(40)}.`,
        advice: `Verify it for the commit it names (--commit ${COMMIT}), or run check again at dddddddddddd.`,
      },
    ],
  ])('reads an unsigned record %s', (_name, commit, expected) => {
    const note = JSON.stringify({
      unsigned: true,
      report: { ...approve, signature: { status: 'unsigned', reason: 'fork' } },
    });
    expect(verifyRecord(note, { ...context(filesOf(approve)), commit })).toMatchObject(expected);
  });

  it('refuses an unsigned record that holds no report', () => {
    expect(verifyRecord('{"unsigned":true,"report":{"schema":"x"}}', context(filesOf(approve)))).toMatchObject({
      kind: 'invalid',
      reason: 'The unsigned record is not a kaizen-gate report (schema "x", expected "kaizen-gate/report/v1").',
    });
  });
});

describe('readReport', () => {
  it.each([
    [null, 'The signed predicate is not a kaizen-gate report.'],
    [{ schema: 'kaizen-gate/report/v1' }, 'The signed predicate is not a kaizen-gate report: it has no decision.'],
    [
      { ...approve, packages: [{ package_id: 'x' }] },
      'The signed predicate is not a kaizen-gate report: a package entry lacks its package_id, manifest or gates.',
    ],
    [{ ...approve, subject: {} }, 'The signed predicate is not a kaizen-gate report: it has no subject files.'],
  ])('explains why %j is not a report', (value, reason) => {
    expect(readReport(value)).toBe(reason);
  });

  it('accepts a report', () => {
    expect(readReport(approve)).toBe(approve);
  });
});

describe('verifyRecord: what to do about a refusal', () => {
  const files = filesOf(approve);
  const { commit: _commit, ...noCommit } = approve.subject;
  const other = 'e'.repeat(40);

  it.each<[string, () => string, Partial<RecordContext>, RegExp]>([
    [
      'a report made from a work tree (no commit)',
      () => signed({ ...approve, subject: noCommit }),
      {},
      /^The report was made from a work tree with uncommitted changes\. Commit them, run check again \(on a clean work tree it binds HEAD\), and verify that report with --commit HEAD\.$/,
    ],
    [
      'a report for another commit',
      () => signed(approve),
      { commit: other, digestAt: (_c, p) => files.get(COMMIT)?.get(p) },
      new RegExp(
        `^Verify it for the commit it was made for \\(--commit ${COMMIT}\\), or run check again at eeeeeeeeeeee for a report about that commit\\.$`,
      ),
    ],
    [
      'an untrusted signer',
      () => signed(approve),
      { trusted: [{ publicKeyPem: key('ed25519-other.pub.pem'), source: 'o.pem' }] },
      /^If you trust the signer, pass its public key with --key FILE or commit it under \.kaizen-gate\/keys\//,
    ],
    [
      'a changed payload',
      () => signed(approve).replace(/"payload":"(.)/, (_m, c: string) => `"payload":"${c === 'A' ? 'B' : 'A'}`),
      {},
      /^Do not rely on it: the report was changed after it was signed\./,
    ],
    [
      'an unsigned report',
      () => JSON.stringify({ unsigned: true, report: approve }),
      {},
      /^Sign reports with `check --signing-key KEY --out DIR`/,
    ],
  ])('%s', (_name, envelope, extra, advice) => {
    const result = verifyRecord(envelope(), context(files, extra));
    expect(result.kind).not.toBe('verified');
    expect(result.kind === 'verified' ? '' : result.advice).toMatch(advice);
  });
});
