/**
 * Release histories for the audit tests: real git repositories with package manifests whose
 * artifacts exist and match their digests, commits at chosen dates, and hand-built reports bound
 * to those commits (subjects read back from git), signed with the fixture keys.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readerAtCommit } from '../../src/git/git.ts';
import type { GateResult } from '../../src/gates/result.ts';
import { loadManifest } from '../../src/manifest/manifest.ts';
import type { SideEffectLevel } from '../../src/manifest/model.ts';
import type { FileRead } from '../../src/manifest/verify.ts';
import { attestReport } from '../../src/report/attest.ts';
import type { Envelope } from '../../src/report/sign.ts';
import type { Report } from '../../src/report/model.ts';
import {
  hex,
  manifestPass,
  packageReport,
  ppMeasure,
  ratioGate,
  report as buildReport,
  STATISTICS,
} from '../fixtures/reports/build.ts';
import { headCommit, makeRepo, runGit } from './git-repo.ts';
import type { TempRepo } from './git-repo.ts';

/** A fixture key file's text. */
export function fixtureKey(name: string): string {
  return readFileSync(new URL(`../fixtures/keys/${name}`, import.meta.url), 'utf8');
}

/** Absolute path of a fixture key file. */
export function fixtureKeyPath(name: string): string {
  return new URL(`../fixtures/keys/${name}`, import.meta.url).pathname;
}

/** sha256 hex of text or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What one package version says; its files are written by {@link writePackage}. */
export interface PackageSpec {
  readonly path: string;
  readonly application: string;
  readonly packageId: string;
  readonly parent?: string;
  readonly level?: SideEffectLevel;
  readonly changeType: string;
  readonly summary: string;
  readonly problem: string;
  readonly owner: string;
  /** Content of the system prompt (the behaviour that changes between versions). */
  readonly prompt: string;
  readonly topK?: number;
}

/** Writes a package's prompt, suite and rubric files and its manifest with correct digests. */
export function writePackage(repo: TempRepo, spec: PackageSpec): void {
  const dir = `apps/${spec.application}`;
  const files = {
    prompt: `${dir}/prompts/system.md`,
    suite: `${dir}/suites/golden.jsonl`,
    rubric: `${dir}/rubric.md`,
  };
  repo.write(files.prompt, spec.prompt);
  repo.write(files.suite, `{"case_id":"c1","input":"q"}\n`);
  repo.write(files.rubric, 'Grounded, cites the policy.\n');
  const digest = (path: string): string => `sha256:${sha256(repo.read(path))}`;
  const yaml = [
    'apiVersion: kaizen-gate/v1',
    'kind: Package',
    `package_id: ${spec.packageId}`,
    `application: ${spec.application}`,
    ...(spec.parent ? [`parent_package_id: ${spec.parent}`] : []),
    `side_effect_level: ${spec.level ?? 0}`,
    'owners: ["@acme/assistants"]',
    'change:',
    `  type: ${spec.changeType}`,
    `  summary: ${JSON.stringify(spec.summary)}`,
    `  problem: ${JSON.stringify(spec.problem)}`,
    `  owner: "${spec.owner}"`,
    'model:',
    '  provider: managed_api',
    '  endpoint: llm-medium-2026-04',
    '  version: "2026-04-15"',
    'prompts:',
    '  - id: system',
    `    path: ${files.prompt}`,
    `    sha256: ${digest(files.prompt)}`,
    'retrieval:',
    '  corpus_snapshot: policy_docs_v17',
    '  embedding_model: embed-small-v3',
    `  top_k: ${spec.topK ?? 8}`,
    'evaluation:',
    '  suites:',
    '    - id: golden_v1',
    '      suite: golden',
    `      path: ${files.suite}`,
    `      sha256: ${digest(files.suite)}`,
    '  judge:',
    '    model: judge-large',
    '    version: "2026-03-01"',
    '    rubric:',
    `      path: ${files.rubric}`,
    `      sha256: ${digest(files.rubric)}`,
    'delivery:',
    '  rollback_metric: negative_feedback_rate',
    '',
  ].join('\n');
  repo.write(spec.path, yaml);
}

/** Stages everything and commits with author and committer date `iso`; returns the SHA. */
export function commitAt(repo: TempRepo, message: string, iso: string): string {
  repo.git('add', '--all');
  runGit(repo.dir, ['commit', '--quiet', '--allow-empty', '--no-verify', '-m', message], {
    GIT_AUTHOR_DATE: iso,
    GIT_COMMITTER_DATE: iso,
  });
  return headCommit(repo.dir);
}

/** Merges `branch` into the current branch with a merge commit dated `iso` (a merged pull request). */
export function mergeAt(repo: TempRepo, branch: string, iso: string): string {
  runGit(repo.dir, ['merge', '--quiet', '--no-ff', '--no-edit', '-m', `Merge ${branch}`, branch], {
    GIT_AUTHOR_DATE: iso,
    GIT_COMMITTER_DATE: iso,
  });
  return headCommit(repo.dir);
}

/** How a release's gates came out; the decision follows from them through the real `decide`. */
export interface ReleaseOutcome {
  /** Quality headline: estimate and 95 % interval in pp. */
  readonly quality: readonly [number, number, number];
  /** Latency ratio gate fails (a hold). */
  readonly latencyFails?: boolean;
}

/** Options of {@link releaseReport}. */
export interface ReleaseReportOptions {
  readonly commit: string;
  readonly base: string;
  /** Manifest paths gated in this release (read at `commit`). */
  readonly manifests: readonly string[];
  /** Parent manifest path at `base` per candidate path, when it differs (a rename). */
  readonly parentPaths?: Readonly<Record<string, string>>;
  readonly outcome: ReleaseOutcome;
  /** Evidence files bound into the report (not committed unless the test commits them). */
  readonly evidence?: readonly { readonly path: string; readonly bytes: string }[];
}

function bytesOf(read: FileRead, path: string): Uint8Array {
  if (read.kind !== 'file') throw new Error(`${path} is not in the commit`);
  return read.bytes;
}

/**
 * A report for a release at `commit`, its subjects (manifests, artifacts, parents at `base`) read
 * from git, so that verification against the repository succeeds unless something is tampered with.
 */
export function releaseReport(repo: TempRepo, options: ReleaseReportOptions): Report {
  const atCommit = readerAtCommit(repo.dir, options.commit);
  const atBase = readerAtCommit(repo.dir, options.base);
  const manifests: Report['subject']['manifests'][number][] = [];
  const artifacts: { path: string; sha256: string }[] = [];
  const packages = options.manifests.map((path) => {
    const bytes = bytesOf(atCommit(path), path);
    const loaded = loadManifest(bytes, path, { readFile: atCommit });
    const manifest = loaded.manifest;
    if (!manifest) throw new Error(`${path} is not a valid manifest: ${JSON.stringify(loaded.problems)}`);
    manifests.push({ path, sha256: sha256(bytes), role: 'candidate', commit: options.commit });
    for (const artifact of loaded.artifacts)
      artifacts.push({ path: artifact.path, sha256: sha256(bytesOf(atCommit(artifact.path), artifact.path)) });
    const parentPath = options.parentPaths?.[path] ?? path;
    const parentRead = atBase(parentPath);
    const parentBytes = parentRead.kind === 'file' ? parentRead.bytes : undefined;
    const parentManifest = parentBytes ? loadManifest(parentBytes, parentPath).manifest : undefined;
    if (parentBytes)
      manifests.push({ path: parentPath, sha256: sha256(parentBytes), role: 'parent', commit: options.base });
    const [estimate, lower, upper] = options.outcome.quality;
    const qualityFails = upper < 0 && estimate < -2;
    const gates: GateResult[] = [
      manifestPass('fixture'),
      {
        gate: 'quality',
        verdict: qualityFails ? 'fail' : 'pass',
        reason: qualityFails ? 'Pass rate dropped beyond the 2.0 pp margin.' : 'Pass rate within the 2.0 pp margin.',
        headline: ppMeasure(
          'pass_rate_delta',
          'Pass rate (golden, paired)',
          estimate,
          lower,
          upper,
          400,
          qualityFails ? 'fail' : 'pass',
        ),
        measures: [],
        on_failure: 'reject',
      },
      options.outcome.latencyFails
        ? ratioGate('latency', 'fail', 1.35, 1.25, 1.46, 400, 'p95 latency rose 35.0 %, above the 20 % limit.')
        : ratioGate('latency', 'pass', 1.02, 0.97, 1.08, 400, 'p95 latency within the 20 % limit.'),
    ];
    return packageReport({
      application: manifest.application,
      package_id: manifest.package_id,
      manifest: path,
      manifest_digest: loaded.digest,
      side_effect_level: manifest.side_effect_level,
      rollback_metric: manifest.delivery.rollback_metric,
      owners: manifest.owners,
      change: {
        type: manifest.change.type,
        summary: manifest.change.summary,
        problem: manifest.change.problem,
        owner: manifest.change.owner,
      },
      parent: parentManifest
        ? {
            package_id: parentManifest.package_id,
            manifest: parentPath,
            digest: `sha256:${sha256(parentBytes!)}`,
            commit: options.base,
            resolution: 'same_path',
          }
        : null,
      diff: { classes: [], changes: [], warnings: [], problems: [] },
      evidence: { paired_cases: 400, by_suite: { golden: 400 }, clustered: false, max_trials: 1 },
      gates,
      categories: [],
      worst_cases: [],
    });
  });
  const evidence = (options.evidence ?? []).map((e) => ({ path: e.path, sha256: sha256(e.bytes) }));
  return buildReport(packages, {
    inputs: {
      base: { ref: options.base, commit: options.base },
      head: { ref: options.commit, commit: options.commit },
      policy: [{ file: 'gates/default.yaml', digest: hex('c0d1') }],
      statistics: STATISTICS,
      evidence: evidence.map((e) => ({ path: e.path, side: 'both' as const, format: 'jsonl' })),
    },
    subject: {
      repository: 'acme/assistants',
      commit: options.commit,
      manifests,
      evidence,
      artifacts: dedupe(artifacts),
    },
  });
}

function dedupe(files: readonly { path: string; sha256: string }[]): { path: string; sha256: string }[] {
  return [...new Map(files.map((f) => [f.path, f])).values()];
}

/** The signed DSSE envelope of a report (one line of JSON, as notes hold it). */
export function signedEnvelope(report: Report, keyFile: string): Envelope {
  const attested = attestReport(report, fixtureKey(keyFile), 'test');
  if (!attested.envelope) throw new Error('expected a signed envelope');
  return attested.envelope;
}

/** The note line for an unsigned report, as the Action records it without a signing key. */
export function unsignedNote(report: Report): string {
  const attested = attestReport(report, undefined, 'no signing-key input: pull requests from forks get no secrets');
  return JSON.stringify({ unsigned: true, report: attested.report });
}

/** A bare repository to serve as `origin`, and a work repository with it as remote. */
export function makeRepoWithOrigin(): { origin: string; work: TempRepo; cleanup: () => void } {
  const origin = mkdtempSync(join(tmpdir(), 'kaizen-origin-'));
  runGit(origin, ['init', '--quiet', '--bare', '--initial-branch=main']);
  const work = makeRepo('kaizen-audit-');
  work.git('remote', 'add', 'origin', origin);
  return {
    origin,
    work,
    cleanup: () => {
      work.cleanup();
      rmSync(origin, { recursive: true, force: true });
    },
  };
}

/** A clone: its folder, git in it, and its removal. */
export interface Clone {
  readonly dir: string;
  git(...args: string[]): string;
  cleanup(): void;
}

/** Clones `origin` into a new temp folder. */
export function cloneOf(origin: string, prefix = 'kaizen-clone-'): Clone {
  const parent = mkdtempSync(join(tmpdir(), prefix));
  const dir = join(parent, 'clone');
  runGit(parent, ['clone', '--quiet', origin, dir]);
  return {
    dir,
    git: (...args: string[]) => runGit(dir, args),
    cleanup: () => rmSync(parent, { recursive: true, force: true }),
  };
}

/** A bare origin holding one commit on main, and a clone of it: built once with git, copied per test. */
export interface OriginTemplate {
  /** The commit on main (README.md, "hello"). */
  readonly commit: string;
  /** A fresh copy of the origin and `n` clones whose `origin` remote is that copy; removed by `cleanup`. */
  copy(n: number): { readonly origin: string; readonly clones: Clone[] };
  /** Removes the template and every copy. */
  cleanup(): void;
}

/**
 * Builds an {@link OriginTemplate}. Copies are made with the file system, not git: a test that
 * needs fresh repositories gets them without the processes of init, commit, push and clone.
 */
export function makeOriginTemplate(): OriginTemplate {
  const { origin, work, cleanup } = makeRepoWithOrigin();
  work.write('README.md', 'hello\n');
  const commit = work.commit('first');
  work.git('push', '--quiet', 'origin', 'main');
  const clone = cloneOf(origin);
  const removals: (() => void)[] = [cleanup, clone.cleanup];
  const copyDir = (from: string, prefix: string): string => {
    const parent = mkdtempSync(join(tmpdir(), prefix));
    removals.push(() => rmSync(parent, { recursive: true, force: true }));
    const to = join(parent, 'repo');
    cpSync(from, to, { recursive: true });
    return to;
  };
  return {
    commit,
    copy(n) {
      const copiedOrigin = copyDir(origin, 'kaizen-origin-');
      const clones = Array.from({ length: n }, (): Clone => {
        const dir = copyDir(clone.dir, 'kaizen-clone-');
        const config = join(dir, '.git', 'config');
        writeFileSync(config, readFileSync(config, 'utf8').replaceAll(origin, copiedOrigin));
        return {
          dir,
          git: (...args: string[]) => runGit(dir, args),
          cleanup: () => rmSync(dirname(dir), { recursive: true, force: true }),
        };
      });
      return { origin: copiedOrigin, clones };
    },
    cleanup: () => {
      for (const remove of removals) remove();
    },
  };
}

/** The releases of {@link buildReleaseHistory}, by name, with their commits and signed envelopes. */
export interface ReleaseHistory {
  readonly origin: string;
  readonly work: TempRepo;
  readonly commits: Readonly<Record<'qa1' | 'sql1' | 'qa2' | 'qa3' | 'qa4' | 'yamlOnly' | 'sql2' | 'sql3', string>>;
  /** Envelopes recorded on the commits (signed ones), by release name. */
  readonly envelopes: Readonly<Record<'qa1' | 'sql1' | 'qa2' | 'qa3' | 'qa4', Envelope>>;
  readonly reports: Readonly<Record<'qa1' | 'sql1' | 'qa2' | 'qa3' | 'qa4' | 'sql2', Report>>;
  /** Evidence bound into qa2's report; not committed. */
  readonly qa2Evidence: { readonly path: string; readonly bytes: string };
  readonly cleanup: () => void;
}

const QA_V1_PROMPT = 'You answer HR policy questions.\n';
const QA_V2_PROMPT = 'You answer HR policy questions. Cite the policy and its effective date.\n';

/** A policy-qa package version. */
function qa(packageId: string, extra: Partial<PackageSpec>): PackageSpec {
  return {
    path: 'manifests/policy-qa.yaml',
    application: 'policy-qa',
    packageId,
    changeType: 'prompt_patch',
    summary: '',
    problem: '',
    owner: '@ana-lima',
    prompt: QA_V1_PROMPT,
    ...extra,
  };
}

/** An sql-analytics package version (side-effect level 2). */
function sql(packageId: string, extra: Partial<PackageSpec>): PackageSpec {
  return {
    path: 'manifests/sql.yaml',
    application: 'sql-analytics',
    packageId,
    level: 2,
    changeType: 'prompt_patch',
    summary: '',
    problem: '',
    owner: '@omar-d',
    prompt: 'Write read-only SQL.\n',
    ...extra,
  };
}

/**
 * A repository with a history of releases, pushed to a bare origin with the reports recorded as
 * notes (through recordNote, the Action's path):
 *
 * | release | date (UTC) | manifest | decision | record |
 * |---|---|---|---|---|
 * | qa1 | 2025-12-30 | manifests/policy-qa.yaml, initial | approve | Ed25519 |
 * | sql1 | 2025-12-31 | manifests/sql.yaml, level 2 | needs approval | P-256 |
 * | qa2 | 2026-01-05 | prompt patch | approve | Ed25519, evidence not committed |
 * | qa3 | 2026-01-06 | retrieval refresh, merged from a branch | reject | Ed25519 |
 * | qa4 | 2026-01-07 | rollback to qa2's behaviour | approve | Ed25519 |
 * | yamlOnly | 2026-01-08 | a YAML file that is not a manifest | — | — |
 * | sql2 | 2026-01-09 | prompt patch | hold | unsigned |
 * | sql3 | 2026-01-10 | renamed to manifests/sql-analytics.yaml | — | none |
 */
export function buildReleaseHistory(record: (repo: string, commit: string, note: string) => void): ReleaseHistory {
  const { origin, work, cleanup } = makeRepoWithOrigin();
  work.write('.kaizen-gate/keys/ed25519.pub.pem', fixtureKey('ed25519.pub.pem'));
  work.write('.kaizen-gate/keys/p256.pub.pem', fixtureKey('p256.pub.pem'));
  writePackage(
    work,
    qa('qa-r1', {
      changeType: 'initial',
      summary: 'First release of the HR assistant',
      problem: 'Employees wait days for HR answers',
    }),
  );
  const qa1 = commitAt(work, 'policy-qa: first release', '2025-12-30T09:00:00Z');
  writePackage(
    work,
    sql('sql-r1', {
      changeType: 'initial',
      summary: 'Analytics assistant, read-only SQL',
      problem: 'Analysts, "ad hoc" queries, and a backlog',
    }),
  );
  const sql1 = commitAt(work, 'sql: first release', '2025-12-31T09:00:00Z');
  writePackage(
    work,
    qa('qa-r2', {
      parent: 'qa-r1',
      prompt: QA_V2_PROMPT,
      summary: 'Require citations and an effective date',
      problem: 'Answers omit which policy version applies',
    }),
  );
  const qa2 = commitAt(work, 'policy-qa: citations', '2026-01-05T09:00:00Z');
  work.git('checkout', '--quiet', '-b', 'retrieval');
  writePackage(
    work,
    qa('qa-r3', {
      parent: 'qa-r2',
      prompt: QA_V2_PROMPT,
      topK: 12,
      changeType: 'retrieval_refresh',
      summary: 'Retrieve 12 passages instead of 8',
      problem: 'Long policies are cut off',
    }),
  );
  commitAt(work, 'policy-qa: top_k 12', '2026-01-06T08:00:00Z');
  work.git('checkout', '--quiet', 'main');
  const qa3 = mergeAt(work, 'retrieval', '2026-01-06T10:00:00Z');
  writePackage(
    work,
    qa('qa-r4', {
      parent: 'qa-r3',
      prompt: QA_V2_PROMPT,
      changeType: 'rollback',
      summary: 'Roll back to qa-r2 retrieval',
      problem: 'qa-r3 regressed the golden suite',
    }),
  );
  const qa4 = commitAt(work, 'policy-qa: roll back', '2026-01-07T09:00:00Z');
  work.write('apps/policy-qa/config.yaml', 'cache: true\n');
  const yamlOnly = commitAt(work, 'config only', '2026-01-08T09:00:00Z');
  writePackage(
    work,
    sql('sql-r2', {
      parent: 'sql-r1',
      prompt: 'Write read-only SQL. Prefer CTEs.\n',
      summary: 'Prefer CTEs',
      problem: 'Nested subqueries time out',
    }),
  );
  const sql2 = commitAt(work, 'sql: CTEs', '2026-01-09T09:00:00Z');
  work.remove('manifests/sql.yaml');
  writePackage(
    work,
    sql('sql-r3', {
      path: 'manifests/sql-analytics.yaml',
      parent: 'sql-r2',
      prompt: 'Write read-only SQL. Prefer CTEs.\n',
      changeType: 'no_behaviour_change',
      summary: 'Rename the manifest',
      problem: 'Name did not match the application',
    }),
  );
  const sql3 = commitAt(work, 'sql: rename manifest', '2026-01-10T09:00:00Z');
  work.git('push', '--quiet', 'origin', 'main');

  const qa2Evidence = {
    path: 'evidence/qa-r2.jsonl',
    bytes: '{"package_id":"qa-r2","suite":"golden","case_id":"c1","pass":true}\n',
  };
  const reports = {
    qa1: releaseReport(work, {
      commit: qa1,
      base: qa1,
      manifests: ['manifests/policy-qa.yaml'],
      outcome: { quality: [0.5, -1.0, 2.0] },
    }),
    sql1: releaseReport(work, {
      commit: sql1,
      base: qa1,
      manifests: ['manifests/sql.yaml'],
      outcome: { quality: [0.2, -1.5, 1.9] },
    }),
    qa2: releaseReport(work, {
      commit: qa2,
      base: sql1,
      manifests: ['manifests/policy-qa.yaml'],
      outcome: { quality: [1.2, -0.4, 2.8] },
      evidence: [qa2Evidence],
    }),
    qa3: releaseReport(work, {
      commit: qa3,
      base: qa2,
      manifests: ['manifests/policy-qa.yaml'],
      outcome: { quality: [-3.1, -5.0, -1.2] },
    }),
    qa4: releaseReport(work, {
      commit: qa4,
      base: qa3,
      manifests: ['manifests/policy-qa.yaml'],
      outcome: { quality: [3.0, 1.1, 4.9] },
    }),
    sql2: releaseReport(work, {
      commit: sql2,
      base: yamlOnly,
      manifests: ['manifests/sql.yaml'],
      outcome: { quality: [0.1, -1.0, 1.2], latencyFails: true },
    }),
  };
  const envelopes = {
    qa1: signedEnvelope(reports.qa1, 'ed25519.key.pem'),
    sql1: signedEnvelope(reports.sql1, 'p256.key.pem'),
    qa2: signedEnvelope(reports.qa2, 'ed25519.key.pem'),
    qa3: signedEnvelope(reports.qa3, 'ed25519.key.pem'),
    qa4: signedEnvelope(reports.qa4, 'ed25519.key.pem'),
  };
  for (const name of ['qa1', 'sql1', 'qa2', 'qa3', 'qa4'] as const) {
    record(work.dir, reports[name].subject.commit!, JSON.stringify(envelopes[name]));
  }
  record(work.dir, sql2, unsignedNote(reports.sql2));
  return {
    origin,
    work,
    commits: { qa1, sql1, qa2, qa3, qa4, yamlOnly, sql2, sql3 },
    envelopes,
    reports,
    qa2Evidence,
    cleanup,
  };
}
