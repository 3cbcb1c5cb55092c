import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRecord } from '../../src/audit/verify-record.ts';
import { runCli } from '../../src/cli.ts';
import { parsePointer } from '../../src/delivery/pointer.ts';
import { digestsAtCommits } from '../../src/git/git.ts';
import { readNotes } from '../../src/git/notes.ts';
import { readStageReport } from '../../src/report/stage.ts';
import { recordNote } from '../../src/git/notes.ts';
import {
  commitAt,
  fixtureKey,
  fixtureKeyPath,
  releaseReport,
  signedEnvelope,
  writePackage,
} from '../support/audit-repo.ts';
import { buildRollbackHistory } from '../support/rollback-repo.ts';
import type { RollbackHistory } from '../support/rollback-repo.ts';

const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
  JSON.parse(
    readFileSync(new URL('../../manifests/schema/stage-report.schema.json', import.meta.url), 'utf8'),
  ) as object,
);
let history: RollbackHistory;
beforeAll(() => {
  history = buildRollbackHistory();
});
afterAll(() => history.cleanup());

async function cli(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, {
    cwd: history.work.dir,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { status, stdout, stderr };
}

describe('rollback on a real release history', () => {
  it('rehearses with --dry-run: skips rolled-back, untrusted, unsigned and rejected releases, checks the target, shows the pointer change, writes nothing', async () => {
    const head = history.work.git('rev-parse', 'HEAD');
    const { status, stdout } = await cli('rollback', 'policy-qa', '--dry-run', '--format', 'json');
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(report.stage).toBe('rollback');
    expect(report.decision.outcome).toBe('rehearsed');
    expect(report.rollback.to.package_id).toBe('qa-r2');
    expect(report.rollback.from.package_id).toBe('qa-r7');
    expect(
      report.rollback.skipped.map((s: { package_id: string; reason: string }) => [
        s.package_id,
        s.reason.split(' ').slice(0, 4).join(' '),
      ]),
    ).toEqual([
      ['qa-r6', 'its record is unsigned'],
      ['qa-r5', 'its record does not'],
      ['qa-r4', 'it was rolled back'],
      ['qa-r3', 'its signed record says'],
    ]);
    expect(report.rollback.rehearsal.map((c: { check: string; ok: boolean }) => [c.check, c.ok])).toEqual([
      ['manifest at its digest', true],
      ["valid under today's schema", true],
      ['every artifact at its digest', true],
    ]);
    expect(report.rollback.pointer_diff).toContain('- package_id: "qa-r7"');
    expect(report.rollback.pointer_diff).toContain('+ package_id: "qa-r2"');
    expect(report.previous).toMatchObject({ stage: 'offline' });
    expect(history.work.git('rev-parse', 'HEAD')).toBe(head);
  });

  it.each([
    ['qa-r3', 'its signed record says reject'],
    ['qa-r4', 'it was rolled back (canary report'],
    ['qa-r5', 'its record does not verify'],
    ['qa-r6', 'its record is unsigned'],
    ['qa-r9', 'No release of package qa-r9'],
  ])('refuses --to %s with the reason', async (target, reason) => {
    const { status, stdout } = await cli('rollback', 'policy-qa', '--to', target, '--dry-run');
    expect(status).toBe(1);
    expect(stdout).toContain(reason);
  });

  it('rolls back: commits the pointer, records a signed rollback report that verifies, and the next rollback goes further back', async () => {
    const statusOf = async (packageId: string): Promise<unknown> => {
      const log = await cli('log', '--format', 'json', '--allow-unsigned');
      return (JSON.parse(log.stdout) as { entries: { package_id: string; status: string }[] }).entries.findLast(
        (e) => e.package_id === packageId,
      )?.status;
    };
    expect(await statusOf('qa-r7')).toBe('approved');
    const { status, stderr } = await cli(
      'rollback',
      'policy-qa',
      '--record',
      '--signing-key',
      fixtureKeyPath('ed25519.key.pem'),
      '--pr-body',
      'pr.md',
    );
    expect(status).toBe(0);
    expect(stderr).toMatch(/rollback took \d+\.\d\d s/);
    const head = history.work.git('rev-parse', 'HEAD');
    const pointer = parsePointer(history.work.read('deploy/policy-qa.yaml'), 'deploy/policy-qa.yaml');
    expect(pointer).toMatchObject({ package_id: 'qa-r2', commit: history.commits.r2 });
    expect(history.work.read('pr.md')).toContain('+package_id: "qa-r2"');
    const notes = readNotes(history.work.dir, head);
    expect(notes).toHaveLength(1);
    const verified = verifyRecord(notes[0]!.text, {
      trusted: [{ publicKeyPem: fixtureKey('ed25519.pub.pem'), source: 'test', revoked: false }],
      commit: head,
      digestAt: digestsAtCommits(history.work.dir),
    });
    expect(verified.kind).toBe('verified');
    const report = readStageReport(verified.kind === 'verified' ? verified.report : undefined);
    expect(typeof report === 'string' ? report : report.decision.outcome).toBe('rolled_back');

    // qa-r2 is live now; qa-r7 was rolled back by the report just recorded, so the next target is qa-r1.
    const again = await cli('rollback', 'policy-qa', '--dry-run', '--format', 'json');
    expect(JSON.parse(again.stdout).rollback.to.package_id).toBe('qa-r1');
    const back = await cli('rollback', 'policy-qa', '--to', 'qa-r7', '--dry-run');
    expect(back.status).toBe(1);
    expect(back.stdout).toContain('it was rolled back (rollback on');
    // The Kaizen log reads the signed rollback record: the release it rolled back away from says so.
    expect(await statusOf('qa-r7')).toBe('rolled back');
  });

  it('refuses a target whose rehearsal fails: an artifact no longer at its recorded digest', async () => {
    writePackage(history.work, {
      path: 'manifests/policy-qa.yaml',
      application: 'policy-qa',
      packageId: 'qa-r8',
      parent: 'qa-r7',
      changeType: 'prompt_patch',
      summary: 's',
      problem: 'p',
      owner: '@ana-lima',
      prompt: 'Version 8.\n',
    });
    history.work.write('apps/policy-qa/prompts/system.md', 'Edited after locking.\n');
    const r8 = commitAt(history.work, 'policy-qa: r8 with a stale digest', '2026-02-20T09:00:00Z');
    const report = releaseReport(history.work, {
      commit: r8,
      base: r8,
      manifests: ['manifests/policy-qa.yaml'],
      outcome: { quality: [0.5, -1, 2] },
    });
    recordNote({
      repo: history.work.dir,
      commit: r8,
      note: JSON.stringify(signedEnvelope(report, 'ed25519.key.pem')),
      push: false,
    });
    const { status, stdout } = await cli('rollback', 'policy-qa', '--to', 'qa-r8', '--dry-run', '--format', 'json');
    expect(status).toBe(1);
    const out = JSON.parse(stdout);
    expect(validate(out) ? [] : validate.errors).toEqual([]);
    expect(out.decision.outcome).toBe('refused');
    expect(
      out.rollback.rehearsal.find((c: { check: string }) => c.check === 'every artifact at its digest'),
    ).toMatchObject({ ok: false });
    expect(out.decision.summary).toContain('the rehearsal failed (every artifact at its digest)');
  });

  it('refuses to run without trusted keys and when the pointer is malformed', async () => {
    const noKeys = await cli('rollback', 'policy-qa', '--dry-run', '--keys-dir', 'missing-dir');
    expect(noKeys.status).toBe(2);
    expect(noKeys.stderr).toContain('keys folder does not exist');
    const bad = await cli('rollback', 'policy-qa', '--dry-run', '--pointer', 'manifests/policy-qa.yaml');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('manifests/policy-qa.yaml apiVersion: expected "pointer.kaizen-gate/v1"');
  });
});
