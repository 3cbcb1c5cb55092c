import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.ts';
import { evidenceRecords, gateRepo, type GateRepo, toJsonl } from '../gates/scenario.ts';
import { runCliInProcess } from '../support/cli.ts';

// The local flow of the README (section "Gate a pull request") and docs/cli.md, command for
// command: keygen, check on the committed tree with the private key, verify the envelope for HEAD
// with the public key.

let built: GateRepo;
const home = mkdtempSync(join(tmpdir(), 'kaizen-home-'));
afterAll(() => {
  built.repo.cleanup();
  rmSync(home, { recursive: true, force: true });
});

beforeAll(async () => {
  built = gateRepo({ changed: ['policy-qa'] });
  const { repo } = built;
  repo.git('update-ref', 'refs/remotes/origin/main', built.base);
  expect((await runCliInProcess(repo.dir, ['keygen', '--out', join(home, '.kaizen-gate')])).code).toBe(0);
  // The evaluation step's output: untracked files beside the committed packages.
  const { parent, candidate } = evidenceRecords('policy-qa', { fix: 6 });
  repo.write('eval/parent.jsonl', toJsonl(parent));
  repo.write('eval/candidate.jsonl', toJsonl(candidate));
});

const check = [
  'check',
  '--base',
  'origin/main',
  '--parent-evidence',
  'eval/parent.jsonl',
  '--candidate-evidence',
  'eval/candidate.jsonl',
  '--out',
  'report/',
];
const signing = () => ['--signing-key', join(home, '.kaizen-gate/kaizen-gate.key')];
const verify = () => [
  'verify',
  'report/report.intoto.json',
  '--key',
  join(home, '.kaizen-gate/kaizen-gate.pub'),
  '--commit',
  'HEAD',
];

describe('the README flow: check on a committed tree, then verify --commit HEAD', () => {
  it('binds the report to HEAD and verifies', async () => {
    const checked = await runCliInProcess(built.repo.dir, [...check, ...signing()]);
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^APPROVE {2}/);
    const head = built.repo.git('rev-parse', 'HEAD');
    const report = JSON.parse(built.repo.read('report/report.json')) as Report;
    expect(report.subject.commit).toBe(head);
    expect(report.inputs.head).toEqual({ ref: 'HEAD', commit: head });
    const verified = await runCliInProcess(built.repo.dir, verify());
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(
      new RegExp(
        `^VALID: signed by sha256:[0-9a-f]{64} \\(\\S+kaizen-gate\\.pub\\) for commit ${head}; \\d+ subject files match\\.\\nDecision: approve`,
      ),
    );
  });

  it('on a work tree with uncommitted changes says which, and verify then says what to do', async () => {
    built.repo.write(
      'manifests/policy-qa/prompts/answer-format.md',
      `${built.repo.read('manifests/policy-qa/prompts/answer-format.md')}Be brief.\n`,
    );
    built.repo.write('notes.txt', 'scratch\n');
    try {
      const checked = await runCliInProcess(built.repo.dir, [...check, ...signing()]);
      expect(checked.stderr).toBe(
        'Note: the work tree has uncommitted changes (M manifests/policy-qa/prompts/answer-format.md, ?? notes.txt), so this report is about the work tree and names no commit; `kaizen-gate verify --commit` cannot check it. Commit them (or pass --head REF) and run check again for a report bound to a commit.\n',
      );
      const report = JSON.parse(built.repo.read('report/report.json')) as Report;
      expect(report.subject.commit).toBeUndefined();
      expect(report.inputs.head).toEqual({ ref: 'WORKTREE', commit: null });
      const verified = await runCliInProcess(built.repo.dir, verify());
      expect(verified.code).toBe(1);
      expect(verified.stderr.split('\n')[1]).toBe(
        '  What to do: The report was made from a work tree with uncommitted changes. Commit them, run check again (on a clean work tree it binds HEAD), and verify that report with --commit HEAD.',
      );
    } finally {
      built.repo.git('checkout', '--', 'manifests/policy-qa/prompts/answer-format.md');
      built.repo.remove('notes.txt');
    }
  });
});
