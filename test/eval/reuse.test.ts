// Parent evidence reused by evaluation fingerprint: stored by `kaizen-gate eval --store`, found by
// `check --eval` and named in the report and the signed subjects; a changed suite file or
// judge, an expired max-parent-age or a tampered stored copy means it is not used.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { evidenceRef } from '../../src/eval/stored.ts';
import { subjectsOf } from '../../src/report/attest.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderText } from '../../src/report/text.ts';
import type { PromptfooRepo } from '../evidence/promptfoo-repo.ts';
import { buildRepo, checkEval, cli, COMMAND } from './eval-repo.ts';

const repos: PromptfooRepo[] = [];
afterAll(() => {
  for (const built of repos) built.repo.cleanup();
});
const T0 = new Date('2026-03-01T12:00:00Z');
const schema = JSON.parse(
  readFileSync(new URL('../../manifests/schema/report.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const days = (n: number): Date => new Date(T0.getTime() + n * 86_400_000);

/** A repository whose base package's evidence was stored at T0 by `eval --store`; returns its ref. */
async function makeStoredRepo(): Promise<{ built: PromptfooRepo; ref: string }> {
  const built = buildRepo();
  repos.push(built);
  const run = await cli(
    built.repo.dir,
    ['eval', '--command', COMMAND, '--head', built.base, '--store', '--out', 'seed'],
    { now: T0 },
  );
  expect(run.code, run.stderr).toBe(0);
  const ref = /as (refs\/kaizen-gate\/evidence\/[0-9a-f]{64})/.exec(run.stdout)?.[1];
  expect(run.stdout).toContain(
    `acme-support-r1 candidate (acme-support-r1 at ${built.base.slice(0, 12)}): seed/eval/acme-support-r1/candidate.json`,
  );
  expect(ref).toBeDefined();
  return { built, ref: ref! };
}

// Tests that only read the store share one repository (edits to the parent go on new commits);
// the one that tampers with the stored copy gets its own.
let shared: Promise<{ built: PromptfooRepo; ref: string }> | undefined;
const storedRepo = (): Promise<{ built: PromptfooRepo; ref: string }> => (shared ??= makeStoredRepo());

/** Commits an edit on top of the base (detached), returning the new base; the head is left as it is. */
function editBase(built: PromptfooRepo, edit: () => void): string {
  const { repo } = built;
  repo.git('checkout', '--quiet', '--detach', built.base);
  edit();
  repo.git('add', 'apps', 'manifests');
  repo.git('commit', '--quiet', '-m', 'edit the parent');
  const commit = repo.git('rev-parse', 'HEAD');
  repo.git('checkout', '--quiet', '--detach', built.head);
  return commit;
}

async function lock(built: PromptfooRepo): Promise<void> {
  const run = await cli(built.repo.dir, ['lock', 'manifests/acme-support.yaml']);
  expect(run.code, run.stderr).toBe(0);
}

describe('stored parent evidence', () => {
  it('is reused by the next check against the same parent: not run, named in the report and the signed subjects', async () => {
    const { built, ref } = await storedRepo();
    {
      const attempt = 1;
      const { code, report, stderr } = await checkEval(built, ['--out', `out${attempt}`], { now: days(1) });
      expect(code, stderr).not.toBe(2);
      const origin = report!.packages[0]!.evidence.eval!;
      const name = `${ref}:evidence.json`;
      expect(origin.parent).toEqual({
        status: 'reused',
        package_id: 'acme-support-r1',
        commit: built.base,
        produced_at: T0.toISOString(),
        evidence: name,
        fingerprint: `sha256:${ref.slice(-64)}`,
        ref,
      });
      expect(origin.candidate.status).toBe('ran');
      expect(stderr).toContain(
        `eval: acme-support-r2 parent reused from ${ref} (produced ${T0.toISOString()} at ${built.base.slice(0, 12)})`,
      );
      expect(stderr).not.toContain('parent started');
      expect(existsSync(join(built.repo.dir, `out${attempt}/eval/acme-support-r2/parent.log`))).toBe(false);
      // The stored bytes are what the gates read, bound to the parent package like any file.
      expect(report!.packages[0]!.evidence.binding?.parent.status).toBe('bound');
      const seeded = readFileSync(join(built.repo.dir, 'seed/eval/acme-support-r1/candidate.json'));
      const sha = createHash('sha256').update(seeded).digest('hex');
      expect(report!.subject.evidence).toContainEqual({ path: name, sha256: sha });
      expect(subjectsOf(report!)).toContainEqual({ name, digest: { sha256: sha } });
      expect(renderMarkdown(report!)).toContain(
        `Eval: parent evidence reused from ${ref}: produced ${T0.toISOString()} for acme-support-r1 at ${built.base.slice(0, 12)}; not run again`,
      );
      expect(renderText(report!, { color: false })).toContain(`  eval: parent evidence reused from ${ref}`);
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('verifies against the stored copy: `verify --evidence-dir` finds the reused file by its git name', async () => {
    const { built } = await storedRepo();
    const key = join(process.cwd(), 'test/fixtures/keys/ed25519.key.pem');
    const checked = await cli(
      built.repo.dir,
      [
        'check',
        '--base',
        built.base,
        '--head',
        built.head,
        '--policy',
        'small-suites.yaml',
        '--eval',
        COMMAND,
        '--out',
        'signed',
        '--signing-key',
        key,
      ],
      { now: days(1) },
    );
    expect(checked.code, checked.stderr).not.toBe(2);
    const verified = await cli(built.repo.dir, [
      'verify',
      'signed/report.intoto.json',
      '--key',
      join(process.cwd(), 'test/fixtures/keys/ed25519.pub.pem'),
      '--commit',
      built.head,
      '--evidence-dir',
      '.',
    ]);
    expect(verified.stdout + verified.stderr).toMatch(/VALID|valid/);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });

  // A changed rubric or prompt changes the fingerprint the same way (test/eval/plan.test.ts).
  it('is not used once a suite file of the parent changed: the parent is run again', async () => {
    const { built } = await storedRepo();
    const suite = 'apps/acme-support/suites/golden.jsonl';
    const base = editBase(built, () => built.repo.write(suite, `${built.repo.read(suite)}\n`));
    built.repo.git('checkout', '--quiet', '--detach', base);
    await lock(built);
    built.repo.git('commit', '--quiet', '-am', 'lock');
    const locked = built.repo.git('rev-parse', 'HEAD');
    built.repo.git('checkout', '--quiet', '--detach', built.head);
    const { code, report, stderr } = await checkEval({ ...built, base: locked }, ['--out', 'out'], { now: days(1) });
    expect(code, stderr).not.toBe(2);
    expect(report!.packages[0]!.evidence.eval?.parent).toMatchObject({
      status: 'ran',
      commit: locked,
      reason: expect.stringContaining('no evidence is stored for its evaluation fingerprint'),
    });
  });

  it('is not used once the judge changed: the parent is run again', async () => {
    const { built } = await storedRepo();
    const base = editBase(built, () =>
      built.repo.write(
        'manifests/acme-support.yaml',
        built.repo.read('manifests/acme-support.yaml').replace('version: "2026-03-01"', 'version: "2026-04-01"'),
      ),
    );
    const { stderr } = await checkEval({ ...built, base }, ['--out', 'out'], { now: days(1) });
    // Both sides are run; pairing then refuses scores of two judges (a metric reset), as for any evidence.
    expect(stderr).toContain(`eval: acme-support-r2 parent started (package acme-support-r1 at ${base.slice(0, 12)})`);
    expect(stderr).not.toContain('parent reused');
  });

  it('is not used once older than max-parent-age, nor with max-parent-age 0', async () => {
    const { built } = await storedRepo();
    const old = await checkEval(built, ['--out', 'out'], { now: days(8) });
    expect(old.report!.packages[0]!.evidence.eval?.parent).toMatchObject({
      status: 'ran',
      reason: `the stored evidence was produced ${T0.toISOString()}, 8d ago, more than max-parent-age 7d`,
    });
    const off = await checkEval(built, ['--out', 'out', '--max-parent-age', '0'], { now: days(1) });
    expect(off.report!.packages[0]!.evidence.eval?.parent).toMatchObject({
      status: 'ran',
      reason: 'reuse of stored parent evidence is off (max-parent-age 0)',
    });
  });

  it('is refused when the stored file was tampered with: the check stops, nothing is gated', async () => {
    const { built, ref } = await makeStoredRepo();
    const { repo } = built;
    const tree = repo.git('ls-tree', ref);
    const metadataBlob = /blob ([0-9a-f]+)\tmetadata\.json/.exec(tree)![1]!;
    const evidence = repo.git('show', `${ref}:evidence.json`).replace('"success": true', '"success": false');
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: evidence })
      .toString()
      .trim();
    const newTree = execFileSync('git', ['mktree'], {
      cwd: repo.dir,
      input: `100644 blob ${blob}\tevidence.json\n100644 blob ${metadataBlob}\tmetadata.json\n`,
    })
      .toString()
      .trim();
    const commit = repo.git('commit-tree', newTree, '-p', ref, '-m', 'tampered');
    repo.git('update-ref', ref, commit);
    const { code, stderr, stdout } = await checkEval(built, ['--out', 'out'], { now: days(1) });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${ref}: stored evidence ${ref}:evidence.json has sha256`);
    expect(stderr).toContain('the stored file was changed after it was written, so it is not used');
    expect(stderr).not.toContain('eval: acme-support-r2 candidate started');
    expect(evidenceRef(`sha256:${ref.slice(-64)}`)).toBe(ref);
  });
});
