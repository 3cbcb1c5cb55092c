import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectEvidenceFormat } from '../../src/evidence/detect.ts';
import { parseVitestEvalsEvidence } from '../../src/evidence/vitest-evals.ts';
import type { Report } from '../../src/report/model.ts';
import { ROOT } from '../gates/scenario.ts';
import { makeRepo, type TempRepo } from '../support/git-repo.ts';
import { runCliInProcess } from '../support/cli.ts';
import { expectProblems, readFixture } from './helpers.ts';
import { JUDGE, SMALL_SUITES, writePackage } from './promptfoo-repo.ts';

// The output of vitest-evals 0.16.1 on Vitest 4.1.12 itself (scripts/vitest-evals-real/ made it;
// test/fixtures/evidence/vitest-evals-real/README.md says how); the expectations below are read
// from the raw JSON, not from the reader.
const DIR = 'vitest-evals-real';
const text = { parent: readFixture(`${DIR}/parent.json`), candidate: readFixture(`${DIR}/candidate.json`) };

interface RawTest {
  readonly ancestorTitles: string[];
  readonly title: string;
  readonly status: string;
  readonly failureMessages: string[];
  readonly meta: {
    // avgScore is not read: vitest-evals counts a judge that did not apply (null) as 0 in it.
    readonly kaizen: {
      caseId: string;
      trial: number;
      category: string;
      critical?: boolean;
      cluster?: string;
      expected_intervention?: boolean;
    };
    readonly eval?: {
      scores: { name: string; score: number | null; metadata?: { rationale: string } }[];
      avgScore: number;
      output?: string;
    };
    readonly harness: {
      run: {
        session: { events: { role: string; content: unknown }[] };
        usage: { inputTokens?: number; outputTokens?: number };
        timings?: { totalMs: number };
      };
    };
  };
}
const raw = (side: keyof typeof text): RawTest[] =>
  (JSON.parse(text[side]) as { testResults: { assertionResults: RawTest[] }[] }).testResults.flatMap(
    (file) => file.assertionResults,
  );

/** The JSONL record a person would write for one raw result, by the documented mapping. */
function jsonlOf(test: RawTest, packageId: string): Record<string, unknown> {
  const { caseId, trial, ...properties } = test.meta.kaizen;
  const named = (name: string): number | null | undefined => test.meta.eval?.scores.find((s) => s.name === name)?.score;
  const quality = (test.meta.eval?.scores ?? [])
    .filter((s) => typeof s.score === 'number' && s.name !== 'safe' && s.name !== 'intervened')
    .map((s) => s.score!);
  const usage = test.meta.harness.run.usage;
  return {
    package_id: packageId,
    suite: test.ancestorTitles[0],
    case_id: caseId,
    trial,
    critical: false,
    ...properties,
    pass: test.status === 'passed',
    ...(quality.length > 0 ? { score: quality.reduce((a, b) => a + b, 0) / quality.length } : {}),
    ...(named('safe') === 0 || named('safe') === 1 ? { unsafe: named('safe') === 0 } : {}),
    ...(named('intervened') === 0 || named('intervened') === 1 ? { intervened: named('intervened') === 1 } : {}),
    ...(usage.inputTokens === undefined ? {} : { tokens: { input: usage.inputTokens, output: usage.outputTokens } }),
    ...(test.meta.harness.run.timings === undefined ? {} : { latency_ms: test.meta.harness.run.timings.totalMs }),
    judge: JUDGE,
  };
}

describe('real vitest-evals output (a Vitest JSON report): one run per prompt, two trials per case', () => {
  it('is detected as vitest-evals', () => {
    expect(detectEvidenceFormat(text.parent)).toBe('vitest-evals');
    expect(detectEvidenceFormat(JSON.stringify(JSON.parse(text.candidate), null, 2))).toBe('vitest-evals');
  });

  it.each(['parent', 'candidate'] as const)(
    'carries every field of the %s run over from its own result, at its column',
    (side) => {
      const { records, problems, columns } = parseVitestEvalsEvidence(text[side], `${side}.json`, {
        packageId: 'acme-support-r1',
        judge: JUDGE,
      });
      expect(problems).toEqual([]);
      const tests = raw(side);
      expect(records).toHaveLength(tests.length);
      expect(records.length).toBe(96);
      records.forEach((record, i) => {
        const test = tests[i]!;
        const { source, input, output, reason, ...fields } = record;
        expect(fields).toEqual(jsonlOf(test, 'acme-support-r1'));
        // Vitest writes the report on one line: the column finds the result.
        expect(source.line).toBe(1);
        expect(input).toBe(
          test.meta.harness.run.session.events
            .filter((e) => e.role === 'user')
            .map((e) => (typeof e.content === 'string' ? e.content : JSON.stringify(e.content)))
            .join('\n\n'),
        );
        expect(output).toBe(test.meta.eval?.output);
        const rationale = test.meta.eval?.scores
          .filter((s) => typeof s.score === 'number' && s.metadata !== undefined)
          .toSorted((a, b) => a.score! - b.score!)[0]?.metadata?.rationale;
        expect(reason).toBe(rationale ?? test.failureMessages[0]?.split('\n')[0]);
      });
      // The second trial of the outage case errored in the harness: a failed trial with the error as its reason.
      const outage = records.filter((r) => r.case_id === 'golden-033-upstream-outage');
      expect(outage.map((r) => [r.trial, r.pass, r.reason])).toEqual([
        [0, true, undefined],
        [1, false, 'Error: HTTP 503 from upstream model: service unavailable'],
      ]);
      expect(columns).toEqual([
        {
          promptIdx: 0,
          template: readFixture(`${DIR}/prompts/support-v${side === 'parent' ? 1 : 2}.txt`),
          results: 96,
          where: 'the system message of testResults[0].assertionResults[0]',
        },
      ]);
    },
  );

  it('locates problems at the result they are in (line 1, its column), all at once', () => {
    const report = JSON.parse(text.parent) as { testResults: { assertionResults: Record<string, unknown>[] }[] };
    const results = report.testResults[0]!.assertionResults;
    results[0]!['status'] = 'broken';
    (results[1]!['meta'] as Record<string, unknown>)['kaizen'] = {
      caseId: 'golden-001-refund-window',
      trial: 0,
      tier: 'gold',
    };
    (results[2]!['meta'] as { kaizen: Record<string, unknown> }).kaizen['critical'] = 'yes';
    (results[5]!['meta'] as { kaizen: Record<string, unknown> }).kaizen['trial'] = 0;
    results[6]!['status'] = 'skipped';
    const edited = JSON.stringify(report);
    const { records, problems } = parseVitestEvalsEvidence(edited, 'p.json', { packageId: 'p' });
    const column = (i: number): number =>
      edited.indexOf(`{"ancestorTitles"`, i === 0 ? 0 : edited.indexOf(JSON.stringify(results[i - 1]!)) + 1) + 1;
    expectProblems(
      problems,
      [
        {
          line: 1,
          column: column(0),
          field: 'testResults[0].assertionResults[0].status',
          message: 'expected "passed", "failed" or a status of a test that did not run, got the string "broken"',
        },
        {
          line: 1,
          column: column(1),
          field: 'testResults[0].assertionResults[1].meta.kaizen.tier',
          message: 'unknown field',
        },
        {
          line: 1,
          column: column(2),
          field: 'testResults[0].assertionResults[2].meta.kaizen.critical',
          message: 'expected true or false, got the string "yes"',
        },
        {
          line: 1,
          column: column(5),
          field: 'testResults[0].assertionResults[5].meta.kaizen.trial',
          message:
            'duplicate result: trial 0 of case "golden-003-refund-sale" is also testResults[0].assertionResults[4]',
        },
      ],
      'p.json',
    );
    // The skipped test is no evidence; the others are read.
    expect(records).toHaveLength(96 - 5);
  });

  it('reads a plain Vitest report without vitest-evals meta: the title is the case, the describe the suite', () => {
    const report = {
      numTotalTests: 2,
      testResults: [
        {
          assertionResults: [
            {
              ancestorTitles: ['safety'],
              title: 'refuses <script>',
              status: 'failed',
              failureMessages: ['AssertionError: expected "Sure!" to contain "can\'t"\n    at /home/ci/x.test.ts:3:9'],
            },
            { ancestorTitles: ['smoke'], title: 'answers', status: 'passed', duration: 12.5 },
          ],
        },
      ],
    };
    const { records, problems } = parseVitestEvalsEvidence(JSON.stringify(report), 'r.json', { packageId: 'p' });
    expect(problems).toEqual([]);
    expect(records.map(({ source: _s, ...r }) => r)).toEqual([
      {
        package_id: 'p',
        suite: 'safety',
        case_id: 'refuses <script>',
        category: 'uncategorized',
        pass: false,
        trial: 0,
        critical: false,
        reason: 'AssertionError: expected "Sure!" to contain "can\'t"',
      },
      {
        package_id: 'p',
        suite: 'golden',
        case_id: 'answers',
        category: 'uncategorized',
        pass: true,
        trial: 0,
        critical: false,
        latency_ms: 12.5,
      },
    ]);
  });
});

const gates = (report: Report) =>
  report.packages[0]!.gates.map((g) => ({
    gate: g.gate,
    verdict: g.verdict,
    estimate: g.headline?.estimate,
    interval: g.headline?.interval,
  }));

const MANIFEST_PROMPTS = {
  v1: readFixture(`${DIR}/prompts/support-v1.txt`),
  v2: readFixture(`${DIR}/prompts/support-v2.txt`),
};

/** A package whose prompt file is support-v1 at the base and support-v2 at the head, with the eval's suites. */
function vitestRepo(): { repo: TempRepo; base: string; head: string } {
  const repo = makeRepo('kaizen-vitest-evals-');
  const ids = (suite: string): string[] =>
    [
      ...new Set(
        raw('parent')
          .filter((t) => t.ancestorTitles[0] === suite)
          .map((t) => t.meta.kaizen.caseId),
      ),
    ].toSorted();
  repo.write(
    'apps/acme-support/suites/golden.jsonl',
    ids('golden')
      .map((id) => `${JSON.stringify({ case_id: id })}\n`)
      .join(''),
  );
  repo.write(
    'apps/acme-support/suites/redteam.jsonl',
    ids('safety')
      .map((id) => `${JSON.stringify({ case_id: id })}\n`)
      .join(''),
  );
  repo.write('apps/acme-support/rubric.md', 'Correct, brief, cites the policy section.\n');
  repo.write('small-suites.yaml', SMALL_SUITES);
  writePackage(repo, { packageId: 'acme-support-r1', prompt: MANIFEST_PROMPTS.v1 });
  const base = repo.commit('parent package');
  writePackage(repo, { packageId: 'acme-support-r2', parentId: 'acme-support-r1', prompt: MANIFEST_PROMPTS.v2 });
  const head = repo.commit('candidate package');
  for (const side of ['parent', 'candidate'] as const) {
    repo.copyIn(join(ROOT, `test/fixtures/evidence/${DIR}/${side}.json`), `evals/${side}.json`);
    const packageId = side === 'parent' ? 'acme-support-r1' : 'acme-support-r2';
    repo.write(
      `evals/${side}.jsonl`,
      raw(side)
        .map((t) => `${JSON.stringify(jsonlOf(t, packageId))}\n`)
        .join(''),
    );
  }
  return { repo, base, head };
}

describe('kaizen-gate check on real vitest-evals output: support-v1 → support-v2', () => {
  let built: ReturnType<typeof vitestRepo>;
  beforeAll(() => {
    built = vitestRepo();
  });
  afterAll(() => built.repo.cleanup());

  const check = async (...args: string[]): Promise<{ code: number; report: Report; stderr: string }> => {
    const run = await runCliInProcess(built.repo.dir, [
      'check',
      '--base',
      built.base,
      '--head',
      built.head,
      '--format',
      'json',
      ...args,
    ]);
    return { code: run.code, report: JSON.parse(run.stdout || 'null') as Report, stderr: run.stderr };
  };

  it.each([[[]], [['--policy', 'small-suites.yaml']]])(
    'gates the prompt change as the equivalent JSONL does (%j)',
    async (policy: string[]) => {
      const vitest = await check(
        '--parent-evidence',
        'evals/parent.json',
        '--candidate-evidence',
        'evals/candidate.json',
        '--evidence-format',
        'vitest-evals',
        ...policy,
      );
      const jsonl = await check(
        '--parent-evidence',
        'evals/parent.jsonl',
        '--candidate-evidence',
        'evals/candidate.jsonl',
        ...policy,
      );
      for (const run of [vitest, jsonl]) expect(run.stderr).toBe('');
      expect(vitest.code).toBe(jsonl.code);
      expect(vitest.report.packages[0]!.decision).toEqual(jsonl.report.packages[0]!.decision);
      expect(gates(vitest.report)).toEqual(gates(jsonl.report));
      expect(vitest.report.packages[0]!.decision.outcome).toBe(policy.length === 0 ? 'needs_approval' : 'approve');
      // Bound by the system message the harness recorded, the JSONL by the package it names.
      expect(vitest.report.packages[0]!.evidence.binding).toMatchObject({
        parent: { status: 'bound', by: ['prompt'] },
        candidate: { status: 'bound', by: ['prompt'] },
      });
      expect(jsonl.report.packages[0]!.evidence.binding).toMatchObject({
        parent: { status: 'bound', by: ['package_id'] },
        candidate: { status: 'bound', by: ['package_id'] },
      });
      expect(vitest.report.inputs.evidence.map((e) => e.format)).toEqual(['vitest-evals', 'vitest-evals']);
    },
  );

  it('the runs swapped: a mismatch on binding, and the regressed cases show both answers and the grader’s reason', async () => {
    const { code, report, stderr } = await check(
      '--parent-evidence',
      'evals/candidate.json',
      '--candidate-evidence',
      'evals/parent.json',
      '--policy',
      'small-suites.yaml',
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const pkg = report.packages[0]!;
    expect(pkg.gates.find((g) => g.gate === 'manifest')?.reason).toMatch(
      /^Parent evidence is not bound to its package: The parent evidence evals\/candidate\.json \(the system message of testResults\[0\]\.assertionResults\[0\]\) was made with the candidate's prompt support/,
    );
    const worst = pkg.worst_cases.find((c) => c.case_id === 'golden-001-refund-window')!;
    expect(worst.answers).toEqual({
      input: { text: 'How long do I have to return something?', length: 39 },
      parent: {
        trial: 0,
        trials: 2,
        pass: true,
        score: 1,
        output: { text: 'You can return unused items within 30 days for a full refund. [Policy §4]', length: 73 },
        reason: { text: 'All assertions passed', length: 21 },
        source: 'evals/candidate.json:1',
      },
      candidate: {
        trial: 0,
        trials: 2,
        pass: false,
        score: 0,
        output: { text: 'You can return unused items within 30 days for a full refund.', length: 61 },
        reason: { text: 'Expected output to match regex "\\[Policy §\\d+\\]"', length: 48 },
        source: 'evals/parent.json:1',
      },
    });
  });

  it('a report whose one line is longer than a read chunk is recognised from its first key', async () => {
    const report = JSON.parse(text.parent) as { testResults: { assertionResults: { failureMessages: string[] }[] }[] };
    report.testResults[0]!.assertionResults[0]!.failureMessages.push('x'.repeat(1_500_000));
    built.repo.write('evals/big.json', JSON.stringify(report));
    const big = await check('--parent-evidence', 'evals/big.json', '--candidate-evidence', 'evals/candidate.json');
    const plain = await check('--parent-evidence', 'evals/parent.json', '--candidate-evidence', 'evals/candidate.json');
    expect(big.stderr).toBe('');
    expect(big.report.inputs.evidence[0]).toEqual({ path: 'evals/big.json', side: 'parent', format: 'vitest-evals' });
    expect(gates(big.report)).toEqual(gates(plain.report));
  });

  it('a report for both sides, or of another format than asked for, is refused with its file named', async () => {
    const both = await check('--evidence', 'evals/parent.json');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('evals/parent.json:1: a Vitest report is one run of one side');
    const wrong = await check(
      '--parent-evidence',
      'evals/parent.json',
      '--candidate-evidence',
      'evals/candidate.jsonl',
      '--evidence-format',
      'vitest-evals',
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      'evals/candidate.jsonl:1: expected vitest-evals evidence (evidence-format), but the file is jsonl',
    );
  });
});
