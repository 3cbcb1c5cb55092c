// No way around the gate: every way the security review walked a prompt change past kaizen-gate —
// a long comment, JSON-style YAML, quoted keys, and a manifest deleted, emptied, renamed away,
// re-encoded or replaced — ends in reject (or needs approval) with the reason, never exit 0.
// Run through `runCli` in process on a real repository that also holds workflows, Kubernetes
// objects, policies and broken fixtures (test/git/corpus.ts).
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import type { DiffDocument } from '../../src/manifest/render-diff.ts';
import type { Report } from '../../src/report/model.ts';
import { candidateId, evidenceRecords, PACKAGES, toJsonl } from '../gates/scenario.ts';
import type { EvidenceSpec } from '../gates/scenario.ts';
import { asJsonYaml, buildCorpus, promptPatch } from './corpus.ts';
import type { Corpus } from './corpus.ts';

const MANIFEST = PACKAGES['policy-qa'].manifest;
const BASE_ID = PACKAGES['policy-qa'].baseId;

let corpus: Corpus;
beforeAll(() => {
  corpus = buildCorpus();
});
afterAll(() => corpus?.repo.cleanup());

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd: corpus.repo.dir,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

/** Writes the evidence (gitignored, as an evaluation step leaves it) for policy-qa. */
function evidence(spec: EvidenceSpec): string[] {
  const { parent, candidate } = evidenceRecords('policy-qa', spec);
  corpus.repo.write('evidence/parent.jsonl', toJsonl(parent));
  corpus.repo.write('evidence/candidate.jsonl', toJsonl(candidate));
  return ['--parent-evidence', 'evidence/parent.jsonl', '--candidate-evidence', 'evidence/candidate.jsonl'];
}

/** A regression of 10 pp on policy-qa: what the bypasses tried to ship. */
const REGRESSION: EvidenceSpec = { regress: 30 };

async function check(
  head: string,
  spec: EvidenceSpec = REGRESSION,
  ...extra: string[]
): Promise<{ run: Run; report: Report }> {
  const run = await cli(
    'check',
    '--base',
    corpus.base,
    '--head',
    head,
    ...evidence(spec),
    '--format',
    'json',
    ...extra,
  );
  if (run.stdout === '') throw new Error(`check printed no report (exit ${run.code}): ${run.stderr}`);
  return { run, report: JSON.parse(run.stdout) as Report };
}

async function diff(head: string, ...extra: string[]): Promise<{ run: Run; doc: DiffDocument }> {
  const run = await cli('diff', '--base', corpus.base, '--head', head, '--json', ...extra);
  return { run, doc: JSON.parse(run.stdout) as DiffDocument };
}

describe('the corpus: every command gates exactly the touched package', () => {
  it('diff and check gate policy-qa alone, whatever else the repository holds and the change touches', async () => {
    const head = corpus.variant(
      'prompt patch, and edits to a workflow, a Kubernetes object and a broken fixture',
      (repo) => {
        promptPatch(repo);
        repo.write('.github/workflows/ci.yml', `${repo.read('.github/workflows/ci.yml')}      - run: npm run lint\n`);
        repo.write('deploy/k8s/app.yaml', repo.read('deploy/k8s/app.yaml').replace('replicas: 2', 'replicas: 3'));
        repo.write('test/fixtures/broken-k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata: [still unclosed\n');
      },
    );
    const { run: diffRun, doc } = await diff(head);
    expect(diffRun).toMatchObject({ code: 0, stderr: '' });
    expect(doc.packages.map((p) => [p.manifest, p.package_id, p.classes])).toEqual([
      [MANIFEST, candidateId('policy-qa'), ['prompt_patch']],
    ]);
    expect(doc.unreferenced_changes).toEqual([
      '.github/workflows/ci.yml',
      'deploy/k8s/app.yaml',
      'test/fixtures/broken-k8s.yaml',
    ]);

    const { run, report } = await check(head, {});
    expect(run.code).toBe(0);
    expect(report.decision.outcome).toBe('approve');
    expect(report.packages.map((p) => p.manifest)).toEqual([MANIFEST]);
  });

  it('validate and lock look at the same manifests, and refuse a file that is not one', async () => {
    corpus.repo.git('checkout', '--quiet', '--detach', corpus.base);
    expect(await cli('validate', 'manifests')).toMatchObject({ code: 0, stdout: '3 manifests valid\n' });
    // The whole repository: policies, workflows and Kubernetes objects are skipped; what is broken
    // and names kaizen-gate is reported (a broken policy cannot be told from a broken manifest).
    const all = await cli('validate');
    expect(all.code).toBe(2);
    expect([
      ...new Set(
        all.stderr
          .split('\n')
          .filter((l) => /^\S+:\d/.test(l))
          .map((l) => l.split(':')[0]),
      ),
    ]).toEqual(['test/fixtures/broken-policy.yaml', 'test/fixtures/invalid-manifest.yaml']);
    expect(await cli('lock', '--check', 'manifests')).toMatchObject({ code: 0, stdout: 'all digests up to date\n' });
    const policy = await cli('lock', 'gates/strict.yaml');
    expect(policy).toMatchObject({ code: 2, stdout: '' });
    expect(policy.stderr).toBe(
      'gates/strict.yaml: is a kaizen-gate GatePolicy document, not a Package; lock works on Package manifests (apiVersion kaizen-gate/v1, kind Package)\n',
    );
    const workflow = await cli('lock', '.github/workflows/ci.yml');
    expect(workflow).toMatchObject({ code: 2 });
    expect(workflow.stderr).toContain('.github/workflows/ci.yml: is not a kaizen-gate document');
  });

  it('log shows the manifests of the repository and nothing else', async () => {
    corpus.repo.git('checkout', '--quiet', '--detach', corpus.base);
    const run = await cli('log', '--format', 'json');
    expect(run.code).toBe(0);
    const entries = (JSON.parse(run.stdout) as { entries: { manifest: string; measure: string }[] }).entries;
    expect(entries.map((e) => e.manifest)).toEqual([
      'manifests/doc-analysis.yaml',
      'manifests/policy-qa.yaml',
      'manifests/sql-analytics.yaml',
      'test/fixtures/invalid-manifest.yaml',
    ]);
    expect(entries.at(-1)?.measure).toBe('invalid manifest');
  });
});

/** A bypass that leaves a valid manifest: the package is still found, and the regression rejects it. */
const STILL_FOUND: [string, (text: string) => string][] = [
  ['a comment of 5 kB above the manifest', (text) => `${'# Reviewed by the platform team. '.repeat(160)}\n${text}`],
  ['JSON-style YAML', (text) => asJsonYaml(text)],
  ['quoted keys', (text) => text.replace(/^(\s*(?:- )?)([a-z_A-Z]+):/gm, '$1"$2":')],
  ['a UTF-8 byte order mark and CRLF line ends', (text) => `\ufeff${text.replaceAll('\n', '\r\n')}`],
];

describe('a manifest written another way is still gated', () => {
  it.each(STILL_FOUND)('%s', async (_name, rewrite) => {
    const head = corpus.variant(`prompt patch as ${_name}`, (repo) => {
      promptPatch(repo);
      repo.write(MANIFEST, rewrite(repo.read(MANIFEST)));
    });
    const { run, report } = await check(head);
    expect(run.code).toBe(1);
    expect(report.packages.map((p) => [p.manifest, p.package_id, p.decision.outcome])).toEqual([
      [MANIFEST, candidateId('policy-qa'), 'reject'],
    ]);
    expect(report.packages[0]?.decision.reasons[0]).toMatch(/^quality: /);
  });
});

/** A bypass that takes the manifest away: a manifest-gate failure naming the file and what happened. */
const TAKEN_AWAY: [string, (repo: Corpus['repo']) => void, RegExp][] = [
  [
    'deleted',
    (repo) => repo.remove(MANIFEST),
    /^was deleted; at the base commit it holds package policy-qa-2026-11-20-r3 of policy-qa/,
  ],
  ['emptied', (repo) => repo.write(MANIFEST, ''), /^was emptied/],
  ['emptied but for a comment', (repo) => repo.write(MANIFEST, '# moved to the new deploy system\n'), /^was emptied/],
  [
    'renamed to .yaml.bak',
    (repo) => {
      repo.write(`${MANIFEST}.bak`, repo.read(MANIFEST));
      repo.remove(MANIFEST);
    },
    /^was renamed to manifests\/policy-qa\.yaml\.bak, which is not a file kaizen-gate reads as a manifest/,
  ],
  [
    're-encoded as UTF-16',
    (repo) =>
      repo.write(MANIFEST, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(repo.read(MANIFEST), 'utf16le')])),
    /^can no longer be read as a manifest \(file is UTF-16 encoded/,
  ],
  [
    'replaced by a gate policy',
    (repo) => repo.write(MANIFEST, repo.read('gates/strict.yaml')),
    /^is now a kaizen-gate GatePolicy document, not a Package/,
  ],
  [
    'replaced by a Kubernetes object',
    (repo) => repo.write(MANIFEST, repo.read('deploy/k8s/configmap.yaml')),
    /^is now not a kaizen-gate document/,
  ],
  [
    'stripped of its kind',
    (repo) => repo.write(MANIFEST, repo.read(MANIFEST).replace('kind: Package\n', '')),
    /^is now a kaizen-gate \(no kind\) document/,
  ],
  [
    'made invalid',
    (repo) => repo.write(MANIFEST, repo.read(MANIFEST).replace('side_effect_level: 0', 'side_effect_level: low')),
    /^is not a valid package manifest at the head \(1 problem/,
  ],
];

describe('a manifest taken away fails the manifest gate', () => {
  it.each(TAKEN_AWAY)('%s', async (name, takeAway, message) => {
    const head = corpus.variant(`prompt patch, manifest ${name}`, (repo) => {
      promptPatch(repo);
      takeAway(repo);
    });
    const { run, report } = await check(head);
    expect(run.code).toBe(1);
    expect(report.decision.outcome).toBe('reject');
    expect(report.packages).toHaveLength(1);
    const pkg = report.packages[0]!;
    expect(pkg.manifest).toBe(MANIFEST);
    expect(pkg.gates[0]).toMatchObject({ gate: 'manifest', verdict: 'fail' });
    expect(pkg.diff.problems[0]?.message).toMatch(message);
    expect(pkg.decision.reasons[0]).toMatch(
      new RegExp(`^manifest: manifests/policy-qa\\.yaml(:1:1)?: ${message.source.slice(1)}`),
    );
    // The parent is the base package; the report binds it, and a candidate only where a file is.
    expect(pkg.parent).toMatchObject({ package_id: BASE_ID, manifest: MANIFEST, commit: corpus.base });
    const roles = report.subject.manifests.map((m) => m.role);
    expect(roles).toEqual(name === 'deleted' || name.startsWith('renamed') ? ['parent'] : ['candidate', 'parent']);

    const { run: diffRun, doc } = await diff(head);
    expect(diffRun.code).toBe(1);
    expect(doc.failed).toBe(true);
    expect(doc.packages[0]?.failure?.message).toMatch(
      new RegExp(`^manifests/policy-qa\\.yaml ${message.source.slice(1)}`),
    );
  });

  it('a rename with a new manifest of the same application is followed', async () => {
    const head = corpus.variant('prompt patch, manifest moved', (repo) => {
      promptPatch(repo);
      repo.write('apps/policy-qa/package.yaml', repo.read(MANIFEST).replace(/^parent_package_id: .*\n/m, ''));
      repo.remove(MANIFEST);
    });
    const { run, report } = await check(head);
    expect(run.code).toBe(1);
    expect(
      report.packages.map((p) => [p.manifest, p.parent?.manifest, p.parent?.resolution, p.decision.outcome]),
    ).toEqual([['apps/policy-qa/package.yaml', MANIFEST, 'renamed', 'reject']]);
    expect(report.packages[0]?.decision.reasons[0]).toMatch(/^quality: /);
  });

  it('in the working tree too (no --head)', async () => {
    corpus.repo.git('checkout', '--quiet', '--detach', corpus.base);
    promptPatch(corpus.repo);
    corpus.repo.remove(MANIFEST);
    try {
      const run = await cli('check', '--base', corpus.base, ...evidence(REGRESSION));
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        'manifests/policy-qa.yaml: was deleted; at the base commit it holds package policy-qa-2026-11-20-r3',
      );
    } finally {
      corpus.repo.git('checkout', '--quiet', '--force', corpus.base);
    }
  });

  it('a new file that names kaizen-gate but cannot be read is a failure too; an untouched one is never read for errors', async () => {
    const head = corpus.variant('a broken new manifest', (repo) => {
      repo.write('apps/new/package.yaml', 'apiVersion: kaizen-gate/v1\nkind: Package\npackage_id: [unclosed\n');
    });
    const { run, report } = await check(head);
    expect(run.code).toBe(1);
    expect(
      report.packages.map((p) => [p.manifest, p.diff.problems.map((q) => `${q.line}:${q.message.split(', so ')[0]}`)]),
    ).toEqual([
      [
        'apps/new/package.yaml',
        [
          '1:names kaizen-gate but cannot be read as YAML',
          '4:Flow sequence in block collection must be sufficiently indented and end with a ]',
        ],
      ],
    ]);
  });
});

describe('manifest selection', () => {
  it('limits discovery; --all gates every selected package and names each one without evidence with the files searched', async () => {
    const head = corpus.variant('prompt patch', (repo) => promptPatch(repo));
    const limited = await check(head, {}, 'manifests/sql-analytics.yaml');
    expect(limited.report.decision.outcome).toBe('nothing_to_gate');
    expect(limited.run.code).toBe(0);
    const run = await cli('check', '--base', corpus.base, '--head', head, ...evidence({}), '--all', 'manifests/*.yaml');
    expect(run.code).toBe(2);
    const searched = 'files searched: evidence/parent.jsonl, evidence/candidate.jsonl';
    expect(run.stderr).toBe(
      '2 evidence problems\n' +
        `manifests/doc-analysis.yaml: no evidence record is for package doc-analysis-2026-11-14-r7; ${searched}\n` +
        `manifests/sql-analytics.yaml: no evidence record is for package sql-analytics-2026-11-18-r12; ${searched}\n`,
    );
    const all = await check(head, {}, '--all', MANIFEST);
    expect(all.report.packages.map((p) => [p.manifest, p.decision.outcome])).toEqual([[MANIFEST, 'approve']]);
  });

  it('a selection that matches no manifest is invalid input, naming what it is', async () => {
    const head = corpus.variant('prompt patch', (repo) => promptPatch(repo));
    const run = await cli(
      'check',
      '--base',
      corpus.base,
      '--head',
      head,
      ...evidence({}),
      'gates/strict.yaml',
      'nothing/*.yaml',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'gates/strict.yaml: is a kaizen-gate GatePolicy document, not a Package; name package manifests (apiVersion kaizen-gate/v1, kind Package)\n' +
        'nothing/*.yaml: matches no YAML file (*.yaml, *.yml) at the base or the head\n',
    );
  });
});

describe('a policy the pull request cannot loosen', () => {
  it('reads the policy at the base: loosening it in the same PR does not let a regression through', async () => {
    const head = corpus.variant('prompt patch and a looser policy', (repo) => {
      promptPatch(repo);
      repo.write(
        'gates/strict.yaml',
        'apiVersion: kaizen-gate/v1\nkind: GatePolicy\nstatistics:\n  alpha: 0.001\ngates:\n  quality:\n    max_drop_pp: 50\n    min_category_cases: 100000\n',
      );
    });
    const { run, report } = await check(head, REGRESSION, '--policy', 'gates/strict.yaml');
    expect(run.code).toBe(1);
    expect(report.decision.outcome).toBe('reject');
    expect(report.inputs.statistics.alpha).toBe(0.05);
    expect(report.policy_change).toMatchObject({ file: 'gates/strict.yaml', status: 'modified' });
    expect(report.policy_change?.loosened.map((c) => c.field)).toContain('levels.0.quality.max_drop_pp');
    expect(report.unreferenced_changes).not.toContain('gates/strict.yaml');
    expect(report.packages[0]?.decision.reasons.at(-1)).toMatch(
      /^policy: gates\/strict\.yaml loosens statistics\.alpha 0\.05 → 0\.001; quality\.max_drop_pp 1\.5 → 50/,
    );
  });

  it('a loosened policy turns an approval into needs_approval by an owner; a tightening applies at once', async () => {
    const looser = corpus.variant('a looser policy', (repo) => {
      promptPatch(repo);
      repo.write(
        'gates/strict.yaml',
        'apiVersion: kaizen-gate/v1\nkind: GatePolicy\ngates:\n  quality:\n    max_drop_pp: 3\n',
      );
    });
    const loose = await check(looser, {}, '--policy', 'gates/strict.yaml');
    expect(loose.run.code).toBe(3);
    expect(loose.report.packages[0]?.decision).toMatchObject({
      outcome: 'needs_approval',
      approvers: ['@acme/hr-assistant'],
    });
    expect(loose.report.packages[0]?.decision.summary).toBe(
      'Needs approval: the gates pass under the base policy, but this change loosens the gate policy (gates/strict.yaml); one of @acme/hr-assistant must approve.',
    );

    const tighter = corpus.variant('a tighter policy', (repo) => {
      promptPatch(repo);
      repo.write(
        'gates/strict.yaml',
        'apiVersion: kaizen-gate/v1\nkind: GatePolicy\nstatistics:\n  min_cases: 40\ngates:\n  quality:\n    max_drop_pp: 1\n',
      );
    });
    // Enough cases to show non-inferiority within the tighter 1 pp margin.
    const tight = await check(tighter, { golden: 1200 }, '--policy', 'gates/strict.yaml');
    expect(tight.report.packages[0]?.decision.reasons).toEqual([]);
    expect(tight.run.code).toBe(0);
    expect(tight.report.inputs.statistics.min_cases).toBe(40);
    // strict.yaml sets the margin in `gates`, so it is in force at every level.
    expect(tight.report.policy_change?.tightened.map((c) => c.field)).toEqual([
      'statistics.min_cases',
      ...['0', '1', '2', '3'].map((l) => `levels.${l}.quality.max_drop_pp`),
    ]);
  });

  it('a policy file added by the PR is compared with the defaults', async () => {
    const head = corpus.variant('a new, looser policy', (repo) => {
      promptPatch(repo);
      repo.write(
        'gates/mine.yaml',
        'apiVersion: kaizen-gate/v1\nkind: GatePolicy\ngates:\n  cost:\n    max_cost_per_success_increase_pct: 900\n',
      );
    });
    const { run, report } = await check(head, {}, '--policy', 'gates/mine.yaml');
    expect(run.code).toBe(3);
    expect(report.policy_change).toMatchObject({ file: 'gates/mine.yaml', status: 'added' });
  });

  it('refuses a policy outside the repository or behind a symlink that leaves it, quoting nothing of it', async () => {
    const head = corpus.variant('prompt patch', (repo) => promptPatch(repo));
    const outside = await cli(
      'check',
      '--base',
      corpus.base,
      '--head',
      head,
      ...evidence({}),
      '--policy',
      '../elsewhere.yaml',
    );
    expect(outside).toMatchObject({ code: 2, stdout: '' });
    expect(outside.stderr).toBe(
      '../elsewhere.yaml: the policy file must be inside the repository: it is read at the base commit, where a pull request cannot change it\n',
    );

    const secret = join(corpus.repo.dir, '..', `secret-${process.pid}.pem`);
    corpus.repo.write(
      `../secret-${process.pid}.pem`,
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIKEYMATERIALKEYMATERIALKEYMATERIAL\n-----END PRIVATE KEY-----\n',
    );
    const linked = corpus.variant('a policy symlinked out of the repository', (repo) => {
      promptPatch(repo);
      symlinkSync(secret, join(repo.dir, 'gates/linked.yaml'));
    });
    const escaped = await cli(
      'check',
      '--base',
      corpus.base,
      '--head',
      linked,
      ...evidence({}),
      '--policy',
      'gates/linked.yaml',
    );
    expect(escaped.code).toBe(2);
    expect(escaped.stderr).toMatch(
      /^gates\/linked\.yaml: policy file at the head is a symlink pointing outside the repository/,
    );
    expect(escaped.stderr).not.toContain('KEYMATERIAL');

    const inside = corpus.variant('a key file as policy', (repo) => {
      promptPatch(repo);
      repo.write(
        'keys/ci.pem',
        '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIKEYMATERIALKEYMATERIALKEYMATERIAL\n-----END PRIVATE KEY-----\n',
      );
    });
    const notPolicy = await cli(
      'check',
      '--base',
      corpus.base,
      '--head',
      inside,
      ...evidence({}),
      '--policy',
      'keys/ci.pem',
    );
    expect(notPolicy).toMatchObject({
      code: 2,
      stderr:
        'keys/ci.pem: policy file at the head is not a kaizen-gate GatePolicy document (apiVersion: kaizen-gate/v1, kind: GatePolicy)\n',
    });
  });
});
