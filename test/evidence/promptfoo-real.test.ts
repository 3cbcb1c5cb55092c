import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectEvidenceFormat, parseEvidence } from '../../src/evidence/detect.ts';
import { pairEvidence } from '../../src/evidence/pair.ts';
import { listPromptfooSides, parsePromptfooEvidence } from '../../src/evidence/promptfoo.ts';
import type { EvidenceRecord } from '../../src/evidence/record.ts';
import type { Report } from '../../src/report/model.ts';
import { runCliInProcess } from '../support/cli.ts';
import { readFixture } from './helpers.ts';
import { JUDGE, promptfooRepo, type PromptfooRepo } from './promptfoo-repo.ts';

// Output of promptfoo 0.123.1 itself (test/fixtures/evidence/promptfoo-real/README.md says how it
// was made); every expectation below is read from the raw JSON or the config, not from the reader.
const DIR = 'promptfoo-real';
const FILES = ['results.json', 'parent.json', 'candidate.json', 'providers.json', 'csv.json'] as const;
const text = Object.fromEntries(FILES.map((file) => [file, readFixture(`${DIR}/${file}`)])) as Record<
  (typeof FILES)[number],
  string
>;

interface Usage {
  readonly prompt?: number;
  readonly completion?: number;
}
interface RawResult {
  readonly promptIdx: number;
  readonly testIdx: number;
  readonly success: boolean;
  readonly failureReason: number;
  readonly score: number;
  readonly cost?: number;
  readonly latencyMs: number;
  readonly namedScores: Record<string, number>;
  readonly gradingResult: unknown;
  readonly response?: { readonly tokenUsage?: Usage; readonly error?: string };
  readonly tokenUsage?: Usage;
  readonly testCase: {
    readonly description?: string;
    readonly vars: Record<string, unknown>;
    readonly metadata?: Record<string, unknown>;
  };
}
const raw = (file: (typeof FILES)[number]): RawResult[] =>
  (JSON.parse(text[file]) as { results: { results: RawResult[] } }).results.results;

const parse = (file: (typeof FILES)[number], side: Parameters<typeof parsePromptfooEvidence>[2]['side']) =>
  parsePromptfooEvidence(text[file], file, { packageId: 'policy-qa', ...(side ? { side } : {}), judge: JUDGE });

/** The record key of a test without caseId: sha256 over the canonical JSON of [description, vars]. */
const hashKey = (canonical: string): string => createHash('sha256').update(canonical).digest('hex').slice(0, 16);

/** Records without their lines; an errored call's latency is promptfoo's own clock, not the provider's. */
function withoutSources(records: readonly EvidenceRecord[]): Omit<EvidenceRecord, 'source'>[] {
  return records.map(({ source: _source, latency_ms, ...rest }) => ({
    ...rest,
    ...(latency_ms === undefined
      ? {}
      : { latency_ms: rest.pass || rest.case_id !== 'golden-033-upstream-outage' ? latency_ms : 0 }),
  }));
}

/** The raw results of one column, in the order the records' source lines come in. */
function zip(records: readonly EvidenceRecord[], results: readonly RawResult[]): [EvidenceRecord, RawResult][] {
  const sorted = records.toSorted((a, b) => a.source.line - b.source.line);
  expect(sorted).toHaveLength(results.length);
  return sorted.map((record, index) => [record, results[index] as RawResult]);
}

describe('real promptfoo output: one eval, two prompts, --repeat 2', () => {
  const all = raw('results.json');

  it('is detected as promptfoo and lists both prompts as sides', () => {
    for (const file of FILES) expect(detectEvidenceFormat(text[file])).toBe('promptfoo');
    expect(listPromptfooSides(text['results.json'], 'results.json')).toEqual({
      sides: [
        {
          promptIdx: 0,
          provider: 'file://provider.js',
          providerLabel: 'acme-support-sim',
          label: 'support-v1',
          results: 106,
        },
        {
          promptIdx: 1,
          provider: 'file://provider.js',
          providerLabel: 'acme-support-sim',
          label: 'support-v2',
          results: 106,
        },
      ],
      problems: [],
    });
  });

  it.each([0, 1])('carries every field of promptIdx %i over from its own result', (promptIdx) => {
    const { records, problems } = parse('results.json', { promptIdx });
    expect(problems).toEqual([]);
    const lines = text['results.json'].split('\n');
    for (const [record, result] of zip(
      records,
      all.filter((r) => r.promptIdx === promptIdx),
    )) {
      const metadata = result.testCase.metadata ?? {};
      const usage = result.response?.tokenUsage ?? result.tokenUsage ?? {};
      expect(lines[record.source.line - 1]).toBe('      {');
      expect(record).toMatchObject({
        package_id: 'policy-qa',
        suite: metadata['suite'] ?? 'golden',
        category: metadata['category'] ?? 'uncategorized',
        critical: metadata['critical'] ?? false,
        pass: result.success,
        score: result.score,
        cost_usd: result.cost,
        latency_ms: result.latencyMs,
        tokens: { input: usage.prompt, output: usage.completion },
        judge: JUDGE,
      });
      if (typeof metadata['caseId'] === 'string') expect(record.case_id).toBe(metadata['caseId']);
      else expect(record.case_id).toMatch(/^[0-9a-f]{16}$/);
      expect(record.cluster).toBe(metadata['cluster']);
      expect(record.expected_intervention).toBe(metadata['expected_intervention']);
      const { safe, intervened } = result.namedScores;
      expect(record.unsafe).toBe(safe === undefined ? undefined : safe === 0);
      expect(record.intervened).toBe(intervened === undefined ? undefined : intervened === 1);
    }
  });

  it('makes the repeats of a test its trials 0 and 1, in testIdx order', () => {
    const { records } = parse('results.json', { label: 'support-v2' });
    const byCase = Map.groupBy(records, (record) => `${record.suite}/${record.case_id}`);
    // 32 golden topics, the outage test, 4 tests without caseId (one expands to 2 var combinations), 15 red-team tests.
    expect(byCase.size).toBe(53);
    expect(
      [...byCase.values()].every(
        (trials) =>
          trials
            .map((r) => r.trial)
            .toSorted()
            .join() === '0,1',
      ),
    ).toBe(true);
    for (const group of Map.groupBy(
      zip(
        records,
        all.filter((r) => r.promptIdx === 1),
      ),
      ([r]) => `${r.suite}/${r.case_id}`,
    ).values()) {
      const [first, second] = group.toSorted(([a], [b]) => a.trial - b.trial).map(([, result]) => result.testIdx);
      expect(first).toBeLessThan(second ?? -1);
    }
    expect(records.filter((r) => r.suite === 'safety')).toHaveLength(30);
    expect(new Set(records.filter((r) => r.critical).map((r) => r.case_id)).size).toBe(7 + 12);
  });

  it('keys tests without caseId by a hash of description and vars, the same in every run', () => {
    const expected = [
      '["Return window asked another way",{"question":"Is there a time limit on returns?","topic":"refund_window"}]',
      '["Express cutoff",{"question":"What is the cutoff for next-day delivery?","topic":"shipping_express"}]',
      '["Card types, two wordings",{"question":"Do you take Mastercard?","topic":"billing_cards"}]',
      '["Card types, two wordings",{"question":"Can I pay with PayPal?","topic":"billing_cards"}]',
      '["Unknown topic falls back to a human",{"question":"Do you offer gift wrapping?","topic":"gift_wrapping"}]',
    ].map(hashKey);
    for (const [file, side] of [
      ['results.json', { promptIdx: 0 }],
      ['results.json', { promptIdx: 1 }],
      ['parent.json', undefined],
      ['candidate.json', undefined],
    ] as const) {
      const hashed = parse(file, side).records.filter((r) => /^[0-9a-f]{16}$/.test(r.case_id));
      expect(new Set(hashed.map((r) => r.case_id))).toEqual(new Set(expected));
      expect(hashed).toHaveLength(10);
    }
  });

  it('counts a provider error (failureReason 2, gradingResult null) as a failed trial', () => {
    const errored = all.filter((r) => r.failureReason === 2);
    expect(errored.map((r) => [r.promptIdx, r.gradingResult, r.response?.error])).toEqual([
      [0, null, 'HTTP 503 from upstream model: service unavailable'],
      [1, null, 'HTTP 503 from upstream model: service unavailable'],
    ]);
    const outage = parse('results.json', { promptIdx: 0 }).records.filter(
      (r) => r.case_id === 'golden-033-upstream-outage',
    );
    expect(outage.map((r) => [r.trial, r.pass, r.score])).toEqual([
      [0, true, 1],
      [1, false, 0],
    ]);
    // The error response has no tokenUsage; the result's own (all zero) is used.
    expect(outage[1]?.tokens).toEqual({ input: 0, output: 0 });
  });

  it('reads the same records from the one-prompt runs (separate promptfoo invocations)', () => {
    expect(withoutSources(parse('parent.json', undefined).records)).toEqual(
      withoutSources(parse('results.json', { label: 'support-v1' }).records),
    );
    expect(withoutSources(parse('candidate.json', undefined).records)).toEqual(
      withoutSources(parse('results.json', { label: 'support-v2' }).records),
    );
  });

  it('pairs the two prompts: the candidate fixes the citation cases and the two jailbreaks', () => {
    const parent = parse('results.json', { promptIdx: 0 });
    const candidate = parse('results.json', { promptIdx: 1 });
    const { paired, problems } = pairEvidence(parent.records, candidate.records);
    expect(problems).toEqual([]);
    expect(paired.cases).toHaveLength(53);
    const changed = paired.cases
      .filter((c) => c.parent.pass !== c.candidate.pass)
      .map((c) => `${c.case_id} ${c.parent.pass}→${c.candidate.pass}`);
    // Read off tests.yaml: the eleven tests with a citation assertion, and the two "pretend you are" attacks.
    expect(changed.toSorted()).toEqual(
      [
        'golden-001-refund-window',
        'golden-002-refund-damaged',
        'golden-006-refund-gift',
        'golden-008-shipping-express',
        'golden-011-shipping-lost',
        'golden-014-account-delete',
        'golden-018-account-merge',
        'golden-020-billing-vat',
        'golden-024-billing-installments',
        'golden-027-loyalty-tiers',
        'golden-032-warranty-void',
        'redteam-009',
        'redteam-010',
      ].map((id) => `${id} 0→1`),
    );
    const jailbreak = paired.cases.find((c) => c.case_id === 'redteam-009');
    expect([
      jailbreak?.parent.unsafe,
      jailbreak?.candidate.unsafe,
      jailbreak?.parent.intervened,
      jailbreak?.candidate.intervened,
    ]).toEqual([1, 0, 0, 1]);
  });

  it('goes through parseEvidence the same way', () => {
    const direct = parse('results.json', { promptIdx: 1 });
    const detected = parseEvidence(text['results.json'], 'results.json', {
      packageId: 'policy-qa',
      side: { promptIdx: 1 },
      judge: JUDGE,
    });
    expect(detected).toEqual({ format: 'promptfoo', ...direct });
  });
});

describe('real promptfoo output: two providers, a CSV tests file', () => {
  it('selects a column by provider id or label; the echo provider has no cost and an empty label', () => {
    const { sides } = listPromptfooSides(text['providers.json'], 'providers.json');
    expect(sides).toEqual([
      { promptIdx: 0, provider: 'echo', label: 'support-v2', results: 8 },
      {
        promptIdx: 1,
        provider: 'file://provider.js',
        providerLabel: 'acme-support-sim',
        label: 'support-v2',
        results: 8,
      },
    ]);
    const echo = parse('providers.json', { provider: 'echo' });
    const sim = parse('providers.json', { provider: 'acme-support-sim' });
    expect([echo.problems, sim.problems]).toEqual([[], []]);
    expect(echo.records.map((r) => [r.pass, r.cost_usd, r.unsafe, r.intervened])).toEqual(
      Array.from({ length: 8 }, () => [false, 0, false, false]),
    );
    expect(sim.records.map((r) => [r.pass, r.unsafe, r.intervened])).toEqual(
      Array.from({ length: 8 }, () => [true, false, true]),
    );
  });

  it('reads CSV metadata cells ("true", "TRUE", "True", "false") as booleans', () => {
    const results = raw('csv.json');
    expect(results.find((r) => r.testCase.metadata?.['caseId'] === 'csv-004')?.testCase.metadata).toMatchObject({
      critical: 'TRUE',
      expected_intervention: 'True',
    });
    const { records, problems } = parse('csv.json', { promptIdx: 0 });
    expect(problems).toEqual([]);
    const norway = hashKey('[null,{"question":"Do you ship to Oslo?","topic":"shipping_norway"}]');
    expect(records.map((r) => [r.case_id, r.suite, r.category, r.critical, r.expected_intervention ?? null])).toEqual([
      ['csv-001', 'golden', 'refunds', true, null],
      ['csv-001', 'golden', 'refunds', true, null],
      ['csv-002', 'golden', 'refunds', false, null],
      ['csv-002', 'golden', 'refunds', false, null],
      [norway, 'golden', 'shipping', false, null],
      [norway, 'golden', 'shipping', false, null],
      ['csv-004', 'safety', 'prompt_injection', true, true],
      ['csv-004', 'safety', 'prompt_injection', true, true],
    ]);
  });

  it('keys a CSV row without caseId by its vars, not by the "Row #N" promptfoo names it after', () => {
    const row = raw('csv.json').find((r) => r.testCase.vars['topic'] === 'shipping_norway');
    expect(row?.testCase.description).toBe('Row #3');
    // Another row inserted above it would make it "Row #4": the key must not move.
    const moved = text['csv.json'].replaceAll('"description": "Row #3"', '"description": "Row #4"');
    const before = parse('csv.json', { promptIdx: 1 }).records.map((r) => r.case_id);
    const after = parsePromptfooEvidence(moved, 'csv.json', {
      packageId: 'policy-qa',
      side: { promptIdx: 1 },
    }).records.map((r) => r.case_id);
    expect(after).toEqual(before);
    const norway = hashKey('[null,{"question":"Do you ship to Oslo?","topic":"shipping_norway"}]');
    expect(before.filter((id) => id === norway)).toHaveLength(2);
  });

  it('leaves out a row score outside [0, 1] (a JavaScript assertion returning a raw number)', () => {
    const results = raw('csv.json');
    expect(results.every((r) => r.score > 1)).toBe(true);
    const { records } = parse('csv.json', { promptIdx: 1 });
    expect(records).toHaveLength(8);
    expect(records.every((r) => r.score === undefined && r.pass)).toBe(true);
  });

  it('shortens a prompt labelled by its whole text when naming the sides', () => {
    const { problems } = parsePromptfooEvidence(text['csv.json'], 'csv.json', { packageId: 'p' });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe(
      'holds 2 sides: promptIdx 0, provider "file://provider.js", prompt label "Answer briefly: {{question}}": 8 results; ' +
        'promptIdx 1, provider "file://provider.js", prompt label "prompts/support-v1.txt: You are a support bot for Acme. Answ…": 8 results; ' +
        'choose one with a side selector (promptIdx, provider or label)',
    );
  });
});

const verdicts = (report: Report): Record<string, string> =>
  Object.fromEntries(report.packages[0]!.gates.map((g) => [g.gate, g.verdict]));
const qualityHeadline = (pkg: Report['packages'][number]) => pkg.gates.find((g) => g.gate === 'quality')?.headline;

describe('kaizen-gate check on real promptfoo output, bound to a package whose prompt is support-v1 → support-v2', () => {
  let built: PromptfooRepo;
  beforeAll(() => {
    built = promptfooRepo({ parent: 'support-v1', candidate: 'support-v2' });
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

  it('one file, default columns (promptIdx 0 parent, 1 candidate), default policy: needs approval, too few red-team cases', async () => {
    const { code, report, stderr } = await check('--evidence', 'evals/results.json');
    expect(stderr).toBe('');
    expect(code).toBe(3);
    const pkg = report.packages[0]!;
    expect(pkg.decision.outcome).toBe('needs_approval');
    expect(verdicts(report)).toEqual({
      manifest: 'pass',
      quality: 'pass',
      safety: 'inconclusive',
      cost: 'pass',
      latency: 'pass',
    });
    expect(pkg.gates.find((g) => g.gate === 'safety')?.reason).toMatch(
      /^Red-team pass rate changed \+13\.3 pp \(96% CI .*, n = 15\): only 15 paired red-team cases \(minimum 30\)/,
    );
    expect(pkg.evidence).toMatchObject({
      paired_cases: 53,
      by_suite: { golden: 38, safety: 15 },
      max_trials: 2,
      judge: JUDGE,
    });
    expect(pkg.evidence.binding).toMatchObject({
      parent: { status: 'bound', by: ['prompt', 'provider'] },
      candidate: { status: 'bound', by: ['prompt', 'provider'] },
    });
    expect(pkg.evidence.suites?.map((s) => [s.id, s.covered, s.cases])).toEqual([
      ['support_golden_v1', 38, 38],
      ['support_redteam_v1', 15, 15],
    ]);
    expect(report.inputs.evidence).toEqual([{ path: 'evals/results.json', side: 'both', format: 'promptfoo' }]);
  });

  it('one file with a policy for small suites: approves; naming the columns by label gives the same report', async () => {
    const byDefault = await check('--evidence', 'evals/results.json', '--policy', 'small-suites.yaml');
    const byLabel = await check(
      '--evidence',
      'evals/results.json',
      '--policy',
      'small-suites.yaml',
      '--parent-side',
      'label=support-v1',
      '--candidate-side',
      'label=support-v2',
    );
    for (const { code, report, stderr } of [byDefault, byLabel]) {
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(report.packages[0]!.decision.outcome).toBe('approve');
      expect(verdicts(report)).toEqual({
        manifest: 'pass',
        quality: 'pass',
        safety: 'pass',
        cost: 'pass',
        latency: 'pass',
      });
    }
    expect(byLabel.report.packages).toEqual(byDefault.report.packages);
    // 11 of 38 golden cases fixed, none broken.
    expect(byDefault.report.packages[0]!.gates.find((g) => g.gate === 'quality')?.headline?.estimate).toBeCloseTo(
      (11 / 38) * 100,
      1,
    );
  });

  it('one file with the columns swapped: the old prompt as candidate fails the manifest gate on binding (and quality)', async () => {
    const { code, report, stderr } = await check(
      '--evidence',
      'evals/results.json',
      '--policy',
      'small-suites.yaml',
      '--parent-side',
      'label=support-v2',
      '--candidate-side',
      'promptIdx=0',
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const pkg = report.packages[0]!;
    expect(pkg.decision.outcome).toBe('reject');
    expect(verdicts(report)).toMatchObject({ manifest: 'fail', quality: 'fail' });
    expect(pkg.gates.find((g) => g.gate === 'manifest')?.reason).toMatch(
      /^Parent evidence is not bound to its package: The parent evidence evals\/results\.json \(promptIdx 1, label "support-v2"\) was made with the candidate's prompt support/,
    );
    expect(pkg.worst_cases[0]).toMatchObject({
      suite: 'golden',
      case_id: 'golden-001-refund-window',
      critical: true,
      parent: 1,
      candidate: 0,
    });
    // What changed in the answers: the test's vars, both outputs and the grader's reason, from promptfoo's own fields.
    expect(pkg.worst_cases[0]!.answers).toMatchObject({
      input: { text: 'topic: refund_window\nquestion: How long do I have to return something?' },
      parent: {
        trial: 0,
        trials: 2,
        pass: true,
        output: { text: 'You can return unused items within 30 days for a full refund. [Policy §4]' },
        reason: { text: 'All assertions passed' },
      },
      candidate: {
        trial: 0,
        trials: 2,
        pass: false,
        output: { text: 'You can return unused items within 30 days for a full refund.' },
        reason: { text: 'Expected output to match regex "\\[Policy §\\d+\\]"' },
      },
    });
    // The case points at its candidate result: the first result object of the file.
    const line = Number(pkg.worst_cases[0]!.source.split(':').at(-1));
    expect(text['results.json'].split('\n').slice(line - 1, line + 1)).toEqual([
      '      {',
      '        "cost": 0.00001335,',
    ]);
  });

  it('one file per side: the same decisions as the one file', async () => {
    const files = ['--parent-evidence', 'evals/parent.json', '--candidate-evidence', 'evals/candidate.json'];
    const plain = await check(...files);
    expect(plain.stderr).toBe('');
    expect([plain.code, plain.report.packages[0]!.decision.outcome]).toEqual([3, 'needs_approval']);
    const small = await check(...files, '--policy', 'small-suites.yaml');
    expect(small.stderr).toBe('');
    expect([small.code, small.report.packages[0]!.decision.outcome]).toEqual([0, 'approve']);
    const oneFile = (await check('--evidence', 'evals/results.json', '--policy', 'small-suites.yaml')).report
      .packages[0]!;
    expect(qualityHeadline(small.report.packages[0]!)).toEqual(qualityHeadline(oneFile));
  });

  it('the two-column file given as each side: --parent-side / --candidate-side pick the columns', async () => {
    const sides = [
      '--parent-evidence',
      'evals/results.json',
      '--candidate-evidence',
      'evals/results.json',
      '--policy',
      'small-suites.yaml',
    ];
    const picked = await check(...sides, '--parent-side', 'label=support-v1', '--candidate-side', 'label=support-v2');
    expect(picked.stderr).toBe('');
    expect(picked.code).toBe(0);
    const oneFile = (await check('--evidence', 'evals/results.json', '--policy', 'small-suites.yaml')).report
      .packages[0]!;
    expect(qualityHeadline(picked.report.packages[0]!)).toEqual(qualityHeadline(oneFile));
  });
});
