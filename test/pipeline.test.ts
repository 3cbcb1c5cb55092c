import { afterAll, describe, expect, it } from 'vitest';
import { loadDefaultPolicy } from '../src/check.ts';
import type { GateName, GateResult } from '../src/gates/result.ts';
import { readPackageFiles } from '../src/evidence/package-files.ts';
import { readerAtCommit } from '../src/git/git.ts';
import { resolveChangeSet } from '../src/git/resolve.ts';
import { runPipeline } from '../src/pipeline.ts';
import type { EvidenceInput } from '../src/evidence/collect.ts';
import type { PipelineInput } from '../src/pipeline.ts';
import type { PackageReport, Report } from '../src/report/model.ts';
import { candidateId, evidenceRecords, gateRepo, PACKAGES, toJsonl } from './gates/scenario.ts';
import type { App, EvidenceLine, EvidenceSpec, GateRepo } from './gates/scenario.ts';
import { problemsOf } from './support/problems.ts';

const repos: GateRepo[] = [];
afterAll(() => {
  for (const { repo } of repos) repo.cleanup();
});

function repoWith(options: Parameters<typeof gateRepo>[0]): GateRepo {
  const built = gateRepo(options);
  repos.push(built);
  return built;
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const policy = loadDefaultPolicy();

/** Evidence inputs for one app: parent and candidate files. */
function evidenceFor(
  app: App,
  spec: EvidenceSpec = {},
  edit?: (side: 'parent' | 'candidate', records: EvidenceLine[]) => EvidenceLine[],
): EvidenceInput[] {
  const { parent, candidate } = evidenceRecords(app, spec);
  return [
    {
      path: `evidence/${app}/parent.jsonl`,
      side: 'parent',
      bytes: encode(toJsonl(edit ? edit('parent', parent) : parent)),
    },
    {
      path: `evidence/${app}/candidate.jsonl`,
      side: 'candidate',
      bytes: encode(toJsonl(edit ? edit('candidate', candidate) : candidate)),
    },
  ];
}

function run(built: GateRepo, evidence: readonly EvidenceInput[], extra: Partial<PipelineInput> = {}): Report {
  const changeSet = resolveChangeSet({ repo: built.repo.dir, base: built.base, head: built.head });
  const packageFiles = readPackageFiles(
    changeSet,
    readerAtCommit(built.repo.dir, built.head),
    readerAtCommit(built.repo.dir, built.base),
  );
  return runPipeline({ changeSet, evidence, policy, packageFiles, ...extra });
}

const gate = (pkg: PackageReport, name: GateName): GateResult => pkg.gates.find((g) => g.gate === name)!;

/** The report with every bootstrap-dependent number (intervals, p-values, cases needed) and the seed blanked. */
function withoutResampling(report: Report): unknown {
  return JSON.parse(JSON.stringify(report), (key, value: unknown) =>
    ['interval', 'p_value', 'adjusted_p', 'bound_at_alpha', 'seed'].includes(key)
      ? '…'
      : typeof value === 'string'
        ? value
            .replaceAll(/\d+% CI [^;)]*/g, 'CI …')
            .replaceAll(/p = [\d.<\s]+/g, 'p = …')
            .replaceAll(/bound,? ×[\d.]+/g, 'bound ×…')
        : value,
  );
}

/** The package reports with the worst cases' `file:line` sources blanked. */
function withoutSources(report: Report): unknown {
  return JSON.parse(JSON.stringify(report.packages), (key, value: unknown) => (key === 'source' ? '…' : value));
}

describe('runPipeline on a real repository', () => {
  const built = repoWith({ changed: ['policy-qa'] });

  it('approves a harmless prompt patch and binds the report to the commits, manifests and evidence', () => {
    const report = run(built, evidenceFor('policy-qa', { fix: 6 }));
    expect(report.decision.outcome).toBe('approve');
    expect(report.packages).toHaveLength(1);
    const pkg = report.packages[0]!;
    expect(pkg.package_id).toBe(candidateId('policy-qa'));
    expect(pkg.parent).toMatchObject({ package_id: PACKAGES['policy-qa'].baseId, resolution: 'same_path' });
    expect(pkg.diff.classes).toEqual(['prompt_patch']);
    expect(pkg.gates.map((g) => [g.gate, g.verdict])).toEqual([
      ['manifest', 'pass'],
      ['quality', 'pass'],
      ['safety', 'pass'],
      ['cost', 'pass'],
      ['latency', 'pass'],
    ]);
    expect(pkg.evidence).toEqual({
      paired_cases: 1500,
      by_suite: { golden: 300, safety: 1200 },
      clustered: false,
      max_trials: 1,
      judge: PACKAGES['policy-qa'].judge,
      binding: {
        parent: {
          status: 'bound',
          by: ['package_id'],
          reason: `The parent records name package ${PACKAGES['policy-qa'].baseId}.`,
        },
        candidate: {
          status: 'bound',
          by: ['package_id'],
          reason: `The candidate records name package ${candidateId('policy-qa')}.`,
        },
      },
      suites: [
        {
          id: 'policy_golden_v12',
          suite: 'golden',
          path: 'manifests/policy-qa/suites/golden.jsonl',
          cases: 2400,
          covered: 300,
          missing: ['pqa-g-00301', 'pqa-g-00302', 'pqa-g-00303', 'pqa-g-00304', 'pqa-g-00305'],
          missing_count: 2100,
        },
        {
          id: 'policy_redteam_v04',
          suite: 'safety',
          path: 'manifests/policy-qa/suites/redteam.jsonl',
          cases: 1200,
          covered: 1200,
          missing: [],
          missing_count: 0,
        },
      ],
    });
    expect(pkg.rollout.minimum_strategy).toBe('Offline gate + 5% canary');
    expect(report.subject.commit).toBe(built.head);
    expect(report.inputs.base.commit).toBe(built.base);
    expect(report.subject.manifests.map((m) => [m.path, m.role])).toEqual([
      ['manifests/policy-qa.yaml', 'candidate'],
      ['manifests/policy-qa.yaml', 'parent'],
    ]);
    expect(report.subject.evidence.map((e) => e.path)).toEqual([
      'evidence/policy-qa/parent.jsonl',
      'evidence/policy-qa/candidate.jsonl',
    ]);
    expect(report.subject.evidence.every((e) => /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true);
    expect(report.inputs.statistics).toMatchObject({
      confidence: 0.95,
      alpha: 0.05,
      first_look_share: 0.8,
      resamples: 10_000,
      seed: 20_260_426,
      min_cases: 30,
      min_clusters: 20,
    });
  });

  it('gives a byte-identical report for the same input and seed, and moves only the intervals with another seed', () => {
    const evidence = evidenceFor('policy-qa', { regress: 4, fix: 2, costFactor: 1.1 });
    const a = JSON.stringify(run(built, evidence));
    const b = JSON.stringify(run(built, evidence));
    expect(b).toBe(a);
    const other = run(built, evidence, { seed: 12_345 });
    expect(JSON.stringify(other)).not.toBe(a);
    expect(other.inputs.statistics.seed).toBe(12_345);
    // Cost per success is a ratio of continuous sums: its interval moves with any other seed.
    const cost = gate(other.packages[0]!, 'cost');
    const first = gate((JSON.parse(a) as Report).packages[0]!, 'cost');
    expect(cost.headline!.interval).not.toEqual(first.headline!.interval);
    expect(cost.headline!.estimate).toBe(first.headline!.estimate);
    expect(withoutResampling(other)).toEqual(withoutResampling(JSON.parse(a) as Report));
  });

  it('reads JSONL with a BOM, CRLF line ends and leading blank lines as the plain file', () => {
    const evidence = evidenceFor('policy-qa', { regress: 3, fix: 1 });
    const windows = evidence.map((file) => ({
      ...file,
      bytes: encode(
        `\ufeff\r\n  \r\n${new TextDecoder().decode('bytes' in file ? file.bytes : new Uint8Array()).replaceAll('\n', '\r\n')}`,
      ),
    }));
    const plain = run(built, evidence);
    const shifted = run(built, windows);
    expect(shifted.inputs.evidence.map((e) => e.format)).toEqual(['jsonl', 'jsonl']);
    // The same records two lines further down: only the worst cases' line numbers move.
    expect(withoutSources(shifted)).toEqual(withoutSources(plain));
    expect(plain.packages[0]!.worst_cases.length).toBeGreaterThan(0);
    expect(shifted.packages[0]!.worst_cases.map((c) => Number(c.source.split(':').at(-1)))).toEqual(
      plain.packages[0]!.worst_cases.map((c) => Number(c.source.split(':').at(-1)) + 2),
    );
  });

  it('rejects a candidate whose pass rate drops 5 pp, and lists the worst cases critical first', () => {
    const report = run(built, evidenceFor('policy-qa', { regress: 15 }));
    expect(report.decision.outcome).toBe('reject');
    const pkg = report.packages[0]!;
    expect(gate(pkg, 'quality').verdict).toBe('fail');
    expect(pkg.decision.summary).toBe('Rejected: the quality gate failed.');
    expect(pkg.worst_cases).toHaveLength(10);
    expect(pkg.worst_cases.every((c) => c.delta === -1)).toBe(true);
    const critical = pkg.worst_cases.filter((c) => c.critical);
    expect(pkg.worst_cases.slice(0, critical.length)).toEqual(critical);
    expect(pkg.worst_cases[0]!.source).toMatch(/^evidence\/policy-qa\/candidate\.jsonl:\d+$/);
  });

  it('accepts a 40 % cost rise offset by a significant quality gain of at least 3 pp', () => {
    // 30 parent failures, 27 fixed: +9 pp.
    const report = run(built, evidenceFor('policy-qa', { fix: 27, costFactor: 1.4 }));
    const pkg = report.packages[0]!;
    expect(gate(pkg, 'quality').headline!.estimate).toBe(9);
    expect(gate(pkg, 'cost')).toMatchObject({ verdict: 'pass' });
    expect(gate(pkg, 'cost').reason).toMatch(
      /justified by a quality gain shown to be at least 3\.0 pp \(one-sided 98 % lower bound \+\d\.\d pp\)\.$/,
    );
    const without = run(built, evidenceFor('policy-qa', { costFactor: 1.4 }));
    expect(gate(without.packages[0]!, 'cost').verdict).toBe('fail');
  });

  it('holds a candidate whose p95 latency rises 30 %', () => {
    const report = run(built, evidenceFor('policy-qa', { latencyFactor: 1.3 }));
    expect(report.decision.outcome).toBe('hold');
    expect(gate(report.packages[0]!, 'latency')).toMatchObject({ verdict: 'fail', on_failure: 'hold' });
  });

  it('fails the manifest gate when the candidate evidence is for another package', () => {
    const evidence = evidenceFor('policy-qa', {}, (side, records) =>
      side === 'candidate' ? records.map((r) => ({ ...r, package_id: 'policy-qa-2026-12-24-r9' })) : records,
    );
    const report = run(built, evidence);
    const pkg = report.packages[0]!;
    expect(report.decision.outcome).toBe('reject');
    expect(gate(pkg, 'manifest').verdict).toBe('fail');
    expect(gate(pkg, 'manifest').reason).toBe(
      `Candidate evidence is not bound to its package: 1500 candidate records (first at evidence/policy-qa/candidate.jsonl:1) name package policy-qa-2026-12-24-r9, but the candidate is ${candidateId('policy-qa')}.`,
    );
    expect(pkg.evidence.binding?.candidate.status).toBe('mismatched');
  });

  it('fails the manifest gate when the evidence was graded by a judge other than the pinned one', () => {
    const report = run(built, evidenceFor('policy-qa', { judge: { id: 'judge-large', version: '2026-06-01' } }));
    const manifest = gate(report.packages[0]!, 'manifest');
    expect(manifest.verdict).toBe('fail');
    expect(manifest.reason).toMatch(
      /^Evidence was judged by judge-large@2026-06-01, but manifests\/policy-qa\.yaml pins judge-large@2026-03-01/,
    );
    expect(report.decision.outcome).toBe('reject');
  });

  it('throws one InputError listing every evidence problem of both files, with file and line', () => {
    const evidence = evidenceFor('policy-qa', {}, (side, records) =>
      side === 'parent'
        ? records.map((r, i) => (i === 2 ? { ...r, latency_ms: 'NaN' } : i === 6 ? { ...r, score: 1.3 } : r))
        : records.map((r, i) => (i === 4 ? { ...r, suite: 'gold' } : r)),
    );
    const problems = problemsOf(() => run(built, evidence));
    expect(problems).toEqual([
      expect.stringMatching(
        /^evidence\/policy-qa\/candidate\.jsonl:5:\d+ suite: expected "golden", "safety" or "shadow", got the string "gold"$/,
      ),
      expect.stringMatching(/^evidence\/policy-qa\/parent\.jsonl:3:\d+ latency_ms: .*NaN/),
      expect.stringMatching(/^evidence\/policy-qa\/parent\.jsonl:7:\d+ score: expected a number in \[0, 1\], got 1\.3/),
    ]);
  });

  it('needs approval, not approval, when the evidence holds no golden cases', () => {
    const evidence = evidenceFor('policy-qa', {}, (_side, records) => records.filter((r) => r.suite === 'safety'));
    const report = run(built, evidence);
    expect(gate(report.packages[0]!, 'quality')).toMatchObject({
      verdict: 'inconclusive',
      reason:
        'The manifest declares the golden suite policy_golden_v12, but the evidence has no golden cases; the quality gate cannot run.',
    });
    expect(report.decision.outcome).toBe('needs_approval');
  });

  it('reports records of a stranger package in a two-sided file once, with their count', () => {
    const { parent, candidate } = evidenceRecords('policy-qa');
    const strangers = parent.slice(0, 50).map((r) => ({ ...r, package_id: 'other-app-r1' }));
    const evidence: EvidenceInput[] = [
      { path: 'evidence/both.jsonl', side: 'both', bytes: encode(toJsonl([...parent, ...candidate, ...strangers])) },
    ];
    expect(problemsOf(() => run(built, evidence))).toEqual([
      `evidence/both.jsonl:3001 package_id: record is for other-app-r1, neither the candidate ${candidateId('policy-qa')} nor the parent ${PACKAGES['policy-qa'].baseId} (and 49 more records for it)`,
    ]);
    expect(
      run(built, [{ path: 'evidence/both.jsonl', side: 'both', bytes: encode(toJsonl([...parent, ...candidate])) }])
        .decision.outcome,
    ).toBe('approve');
  });

  it('averages repeated trials into each case and gates the fractional pass rates', () => {
    // Three trials per golden case; the candidate's third trial fails on every third case.
    const evidence = evidenceFor('policy-qa', {}, (side, records) =>
      records.flatMap((r, i) =>
        r.suite !== 'golden'
          ? [r]
          : [0, 1, 2].map((trial) => ({
              ...r,
              trial,
              pass: side === 'candidate' && trial === 2 && i % 3 === 0 ? false : r.pass,
            })),
      ),
    );
    const report = run(built, evidence);
    const pkg = report.packages[0]!;
    expect(pkg.evidence).toMatchObject({ paired_cases: 1500, max_trials: 3 });
    // Of the 100 affected cases, 90 passed in the parent: each loses a third, −90/3/300 = −10 pp.
    const quality = gate(pkg, 'quality');
    expect(quality.headline!.estimate).toBeCloseTo(-10, 5);
    expect(quality.headline!.method).toBe('cluster-t');
    expect(quality.verdict).toBe('fail');
    // Two of three trials still pass, so no critical case counts as regressed in McNemar.
    expect(quality.measures.find((m) => m.name === 'critical_cases')!.label).toBe(
      'Critical cases: 0 regressed, 0 fixed of 12',
    );
  });

  it('reports a judge that differs between the two sides as an evidence error', () => {
    const problems = problemsOf(() =>
      run(built, evidenceFor('policy-qa', { candidateJudge: { id: 'judge-large', version: '2026-06-01' } })),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^evidence\/policy-qa\/candidate\.jsonl:1 judge\.version: the candidate was graded by .*a judge change is a metric reset, not a regression/,
    );
  });
});

describe('runPipeline: side-effect levels', () => {
  it('needs a named owner\u2019s approval at level 2 even when every gate passes, and fails a newly unsafe case', () => {
    const built = repoWith({ changed: ['policy-qa'], level: 2 });
    // 600 golden cases: with no pair disagreeing, 300 cannot show a drop of less than level 2's 1 pp.
    const report = run(built, evidenceFor('policy-qa', { golden: 600 }));
    const pkg = report.packages[0]!;
    expect(pkg.gates.every((g) => g.verdict === 'pass')).toBe(true);
    expect(report.decision.outcome).toBe('needs_approval');
    expect(pkg.decision.approvers).toEqual(['@acme/hr-assistant']);
    expect(pkg.rollout).toMatchObject({
      side_effect_level: 2,
      requires_human_approval: true,
      minimum_strategy: 'Holdout + human approval',
    });

    const unsafe = run(built, evidenceFor('policy-qa', { golden: 600, newlyUnsafe: 1 }));
    expect(unsafe.decision.outcome).toBe('reject');
    expect(gate(unsafe.packages[0]!, 'safety').reason).toMatch(
      /^1 case is newly unsafe at side-effect level 2 \(pqa-rt-0001\)/,
    );
  });
});

describe('runPipeline: several packages and none', () => {
  it('gates each changed package on its own records from shared files and combines the decisions', () => {
    const built = repoWith({ changed: ['policy-qa', 'sql-analytics'] });
    const qa = evidenceRecords('policy-qa', { fix: 3 });
    const sql = evidenceRecords('sql-analytics', { regress: 20 });
    const evidence: EvidenceInput[] = [
      { path: 'evidence/parent.jsonl', side: 'parent', bytes: encode(toJsonl([...qa.parent, ...sql.parent])) },
      {
        path: 'evidence/candidate.jsonl',
        side: 'candidate',
        bytes: encode(toJsonl([...sql.candidate, ...qa.candidate])),
      },
    ];
    const report = run(built, evidence);
    expect(report.packages.map((p) => [p.application, p.decision.outcome])).toEqual([
      ['policy-qa', 'approve'],
      ['sql-analytics', 'reject'],
    ]);
    expect(report.packages.map((p) => p.evidence.paired_cases)).toEqual([1500, 1500]);
    expect(report.decision).toEqual({ outcome: 'reject', summary: 'sql-analytics: reject.' });
    expect(report.subject.manifests.filter((m) => m.role === 'candidate').map((m) => m.path)).toEqual([
      'manifests/policy-qa.yaml',
      'manifests/sql-analytics.yaml',
    ]);
  });

  it('reports each evidence problem once, however many packages read the file', () => {
    const built = repoWith({ changed: ['policy-qa', 'sql-analytics'] });
    const qa = evidenceRecords('policy-qa');
    const sql = evidenceRecords('sql-analytics');
    const parent = `${toJsonl([...qa.parent, ...sql.parent])}{"package_id": broken\n`;
    const evidence: EvidenceInput[] = [
      { path: 'evidence/parent.jsonl', side: 'parent', bytes: encode(parent) },
      {
        path: 'evidence/candidate.jsonl',
        side: 'candidate',
        bytes: encode(toJsonl([...qa.candidate, ...sql.candidate])),
      },
    ];
    const problems = problemsOf(() => run(built, evidence));
    expect(problems).toEqual([expect.stringMatching(/^evidence\/parent\.jsonl:3001: not valid JSON/)]);
  });

  it('says nothing_to_gate when no manifest is touched', () => {
    const built = repoWith({ readme: true });
    const report = run(built, evidenceFor('policy-qa'));
    expect(report.packages).toEqual([]);
    expect(report.decision).toEqual({
      outcome: 'nothing_to_gate',
      summary: 'No package manifest is touched by this change; nothing to gate.',
    });
    expect(report.unreferenced_changes).toEqual(['README.md']);
  });
});
