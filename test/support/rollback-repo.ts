/**
 * A release history for rollback: real commits of one application's manifest, each with a real
 * signed record in refs/notes/kaizen-gate (through the report builders the audit tests use), a
 * canary report that rolled one release back, and the GitOps pointer at the live release.
 */
import { recordNote } from '../../src/git/notes.ts';
import { renderPointer } from '../../src/delivery/pointer.ts';
import { attestStageReport, stageNoteLine } from '../../src/report/stage.ts';
import type { StageReport } from '../../src/report/stage.ts';
import {
  commitAt,
  fixtureKey,
  makeRepoWithOrigin,
  releaseReport,
  sha256,
  signedEnvelope,
  unsignedNote,
  writePackage,
} from './audit-repo.ts';
import type { PackageSpec } from './audit-repo.ts';
import type { TempRepo } from './git-repo.ts';

/** The releases, by name, and the repository. */
export interface RollbackHistory {
  readonly work: TempRepo;
  readonly origin: string;
  readonly commits: Readonly<Record<'r1' | 'r2' | 'r3' | 'r4' | 'r5' | 'r6' | 'r7' | 'deploy', string>>;
  readonly cleanup: () => void;
}

function spec(packageId: string, prompt: string, extra: Partial<PackageSpec> = {}): PackageSpec {
  return {
    path: 'manifests/policy-qa.yaml',
    application: 'policy-qa',
    packageId,
    changeType: 'prompt_patch',
    summary: `release ${packageId}`,
    problem: 'p',
    owner: '@ana-lima',
    prompt,
    ...extra,
  };
}

/**
 * | release | record | notes |
 * |---|---|---|
 * | r1 qa-r1 | approve, Ed25519 | |
 * | r2 qa-r2 | approve, Ed25519 | the expected rollback target |
 * | r3 qa-r3 | reject, Ed25519 | |
 * | r4 qa-r4 | approve, Ed25519 | then rolled back by a signed canary report |
 * | r5 qa-r5 | approve, signed by an untrusted key | |
 * | r6 qa-r6 | unsigned approve | |
 * | r7 qa-r7 | approve, Ed25519 | live (the pointer names it) |
 */
export function buildRollbackHistory(): RollbackHistory {
  const { origin, work, cleanup } = makeRepoWithOrigin();
  work.write('.kaizen-gate/keys/ed25519.pub.pem', fixtureKey('ed25519.pub.pem'));
  const commit = (
    name: string,
    packageId: string,
    prompt: string,
    day: number,
    extra: Partial<PackageSpec> = {},
  ): string => {
    writePackage(
      work,
      spec(packageId, prompt, { ...(day > 1 ? { parent: `qa-r${day - 1}` } : { changeType: 'initial' }), ...extra }),
    );
    return commitAt(work, `policy-qa: ${name}`, `2026-02-${String(day).padStart(2, '0')}T09:00:00Z`);
  };
  const commits: Record<string, string> = {};
  ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'].forEach((name, i) => {
    commits[name] = commit(name, `qa-${name}`, `You answer HR policy questions. Version ${i + 1}.\n`, i + 1);
  });
  const record = (name: string, note: string): void => {
    recordNote({ repo: work.dir, commit: commits[name]!, note, push: false });
  };
  const report = (name: string, quality: [number, number, number]) =>
    releaseReport(work, {
      commit: commits[name]!,
      base: commits[name]!,
      manifests: ['manifests/policy-qa.yaml'],
      outcome: { quality },
    });
  const approve: [number, number, number] = [0.5, -1, 2];
  for (const name of ['r1', 'r2', 'r4', 'r7'])
    record(name, JSON.stringify(signedEnvelope(report(name, approve), 'ed25519.key.pem')));
  record('r3', JSON.stringify(signedEnvelope(report('r3', [-4, -6, -2.5]), 'ed25519.key.pem')));
  record('r5', JSON.stringify(signedEnvelope(report('r5', approve), 'ed25519-other.key.pem')));
  record('r6', unsignedNote(report('r6', approve)));
  // The canary of qa-r4 was rolled back: a signed canary stage report on its release commit.
  const canary: StageReport = {
    schema: 'kaizen-gate/report/v1',
    stage: 'canary',
    tool: { name: 'kaizen-gate', version: 'test' },
    previous: null,
    application: 'policy-qa',
    package_id: 'qa-r4',
    parent_package_id: 'qa-r3',
    inputs: { telemetry: [], policy: {} },
    subject: {
      commit: commits['r4']!,
      manifests: [
        {
          path: 'manifests/policy-qa.yaml',
          sha256: sha256(work.git('show', `${commits['r4']}:manifests/policy-qa.yaml`) + '\n'),
          role: 'candidate',
          commit: commits['r4']!,
        },
      ],
      evidence: [],
      artifacts: [],
    },
    decision: {
      outcome: 'rollback',
      summary: 'Roll back: the task failure rate rose +4.1 pp [+1.2, +7.0] compared with the holdout.',
      reasons: [],
    },
    packages: [],
    unreferenced_changes: [],
    signature: { status: 'unsigned' },
  };
  record('r4', stageNoteLine(attestStageReport(canary, fixtureKey('ed25519.key.pem'), '')));
  const manifestAt = (name: string): string => work.git('show', `${commits[name]}:manifests/policy-qa.yaml`) + '\n';
  work.write(
    'deploy/policy-qa.yaml',
    renderPointer({
      application: 'policy-qa',
      package_id: 'qa-r7',
      manifest: 'manifests/policy-qa.yaml',
      commit: commits['r7']!,
      manifest_sha256: `sha256:${sha256(manifestAt('r7'))}`,
    }),
  );
  commits['deploy'] = commitAt(work, 'deploy qa-r7', '2026-02-08T09:00:00Z');
  return { work, origin, commits: commits as RollbackHistory['commits'], cleanup };
}
