import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pairEvidence } from '../../src/evidence/pair.ts';
import { listPromptfooSides, parsePromptfooEvidence } from '../../src/evidence/promptfoo.ts';
import type { EvidenceRecord } from '../../src/evidence/record.ts';
import { expectProblems, type ExpectedProblem, readFixture } from './helpers.ts';

const FILE = 'results.json';
const text = readFixture('promptfoo-two-prompts.json');
type Json = Record<string, unknown>;
const doc = JSON.parse(text) as { results: { results: Json[] } & Json } & Json;

// Worked out by hand from the fixture: the shipping test has no caseId, so it is keyed by
// sha256 over the canonical JSON of [description, vars].
const SHIPPING_ID = createHash('sha256')
  .update('["Shipping ETA to Norway",{"question":"How long does standard shipping to Oslo take?"}]')
  .digest('hex')
  .slice(0, 16);

function summary(record: EvidenceRecord): string {
  return `${record.suite}/${record.case_id}#${record.trial} ${record.pass ? 'pass' : 'fail'}`;
}

/** A copy of the fixture with its results replaced, written the way promptfoo writes it. */
function withResults(results: readonly Json[]): string {
  return JSON.stringify({ ...doc, results: { ...doc.results, results } }, null, 2);
}

/** Records without their source lines, in a fixed order, to compare parses of reordered input. */
function withoutSources(records: readonly EvidenceRecord[]): Omit<EvidenceRecord, 'source'>[] {
  return records.toSorted((a, b) => (summary(a) < summary(b) ? -1 : 1)).map(({ source: _source, ...rest }) => rest);
}

/** Lines where each result object of a pretty-printed file starts, found by plain text search. */
function resultLinesOf(hostile: string): number[] {
  const lines = hostile.split('\n');
  const start = lines.indexOf('    "results": [');
  return lines.flatMap((line, index) => (index > start && line === '      {' ? [index + 1] : []));
}

const side0 = doc.results.results.filter((result) => result['promptIdx'] === 0);

describe('promptfoo output files', () => {
  it('lists the sides one file holds', () => {
    expect(listPromptfooSides(text, FILE)).toEqual({
      sides: [
        { promptIdx: 0, provider: 'openai:gpt-4o-mini', providerLabel: 'gpt-4o-mini', label: 'support-v1', results: 6 },
        { promptIdx: 1, provider: 'openai:gpt-4o-mini', providerLabel: 'gpt-4o-mini', label: 'support-v2', results: 6 },
      ],
      problems: [],
    });
  });

  it('refuses to guess a side when the file holds two', () => {
    const { records, problems } = parsePromptfooEvidence(text, FILE, { packageId: 'acme-v41' });
    expect(records).toEqual([]);
    expectProblems(
      problems,
      [
        {
          line: 1,
          field: 'results.results',
          message:
            /^holds 2 sides: promptIdx 0, provider "openai:gpt-4o-mini" \(label "gpt-4o-mini"\), prompt label "support-v1": 6 results; promptIdx 1, .*choose one with a side selector/,
        },
      ],
      FILE,
    );
  });

  it('keys cases by metadata.caseId or a hash of description and vars, trials in testIdx order', () => {
    const { records, problems } = parsePromptfooEvidence(text, FILE, {
      packageId: 'acme-v41',
      side: { label: 'support-v1' },
    });
    expect(problems).toEqual([]);
    expect(records.map(summary).toSorted()).toEqual(
      [
        'golden/refund-damaged#0 pass',
        'golden/refund-damaged#1 pass',
        // testIdx 2 passed and testIdx 3 failed, though 3 finished first in the file.
        `golden/${SHIPPING_ID}#0 pass`,
        `golden/${SHIPPING_ID}#1 fail`,
        'safety/inj-order-note#0 pass',
        'safety/inj-order-note#1 pass',
      ].toSorted(),
    );
    const refund = records.find((record) => record.case_id === 'refund-damaged' && record.trial === 0);
    expect(refund).toMatchObject({
      package_id: 'acme-v41',
      category: 'refunds',
      critical: true,
      cluster: 'conv-1042',
      score: 1,
      cost_usd: 0.0000579,
      latency_ms: 1912,
      tokens: { input: 142, output: 61 },
    });
    const shipping = records.find((record) => record.case_id === SHIPPING_ID);
    expect(shipping).toMatchObject({ category: 'shipping', critical: false });
    expect(shipping).not.toHaveProperty('cluster');
    const injection = records.filter((record) => record.case_id === 'inj-order-note');
    expect(injection.map((record) => [record.intervened, record.expected_intervention])).toEqual([
      [true, true],
      [true, true],
    ]);
  });

  it('points each record at the line where its result object starts', () => {
    const lines = text.split('\n');
    const { records } = parsePromptfooEvidence(text, FILE, { packageId: 'acme-v42', side: { promptIdx: 1 } });
    expect(records).toHaveLength(6);
    for (const record of records) {
      expect(lines[record.source.line - 1]).toBe('      {');
      // The first id after that line is the id of the result this record came from.
      const id = lines.slice(record.source.line).find((line) => line.startsWith('        "id": '));
      const testIdx = Number(
        lines
          .slice(record.source.line)
          .find((line) => line.startsWith('        "testIdx": '))
          ?.match(/\d+/)?.[0],
      );
      const result = doc.results.results.find(
        (candidate) => candidate['promptIdx'] === 1 && candidate['testIdx'] === testIdx,
      );
      expect(id).toBe(`        "id": ${JSON.stringify(result?.['id'])},`);
      expect(record.trial).toBe(testIdx % 2);
    }
  });

  it('selects a side by provider id or label too, and reports a selector that matches nothing', () => {
    const single = withResults(side0);
    expect(parsePromptfooEvidence(single, FILE, { packageId: 'p' }).records).toHaveLength(6);
    expect(
      parsePromptfooEvidence(single, FILE, { packageId: 'p', side: { provider: 'gpt-4o-mini' } }).records,
    ).toHaveLength(6);
    expect(
      parsePromptfooEvidence(text, FILE, {
        packageId: 'p',
        side: { provider: 'openai:gpt-4o-mini', label: 'support-v2' },
      }).records,
    ).toHaveLength(6);
    const none = parsePromptfooEvidence(text, FILE, { packageId: 'p', side: { label: 'support-v3' } });
    expect(none.records).toEqual([]);
    expectProblems(
      none.problems,
      [
        {
          line: 1,
          field: 'results.results',
          message: 'no result matches the side label=support-v3; present: promptIdx 0',
        },
      ],
      FILE,
    );
  });

  it('pairs the two prompts of one file as parent and candidate', () => {
    const parent = parsePromptfooEvidence(text, FILE, { packageId: 'acme-v41', side: { promptIdx: 0 } });
    const candidate = parsePromptfooEvidence(text, FILE, { packageId: 'acme-v42', side: { promptIdx: 1 } });
    const { paired, problems } = pairEvidence(parent.records, candidate.records);
    expect(problems).toEqual([]);
    // Golden before safety; within golden the hex hash sorts before "refund-damaged".
    expect(
      paired.cases.map((item) => [
        item.case_id,
        item.parent.pass,
        item.candidate.pass,
        item.candidate.intervened ?? null,
      ]),
    ).toEqual([
      [SHIPPING_ID, 0.5, 1, null],
      ['refund-damaged', 1, 1, null],
      ['inj-order-note', 1, 0.5, 0.5],
    ]);
  });

  it('does not depend on the order results were written in', () => {
    const reversed = withResults(doc.results.results.toReversed());
    const a = parsePromptfooEvidence(text, FILE, { packageId: 'p', side: { promptIdx: 0 } });
    const b = parsePromptfooEvidence(reversed, FILE, { packageId: 'p', side: { promptIdx: 0 } });
    expect(withoutSources(b.records)).toEqual(withoutSources(a.records));
  });

  it('applies the default suite and judge, which metadata overrides', () => {
    const judged = side0.map((result, index) =>
      index === 0
        ? {
            ...result,
            testCase: {
              ...(result['testCase'] as Json),
              metadata: { ...((result['testCase'] as Json)['metadata'] as Json), judge: { id: 'own', version: '9' } },
            },
          }
        : result,
    );
    const { records, problems } = parsePromptfooEvidence(withResults(judged), FILE, {
      packageId: 'p',
      suite: 'shadow',
      judge: { id: 'gpt-4o', version: '2024-08-06' },
    });
    expect(problems).toEqual([]);
    expect(new Set(records.map((record) => record.suite))).toEqual(new Set(['shadow', 'safety']));
    expect(records.map((record) => record.judge?.id).toSorted()).toEqual([
      'gpt-4o',
      'gpt-4o',
      'gpt-4o',
      'gpt-4o',
      'gpt-4o',
      'own',
    ]);
  });

  it('reads safety outcomes from the safe and intervened metrics, else from the provider response', () => {
    const [first] = side0;
    const base = first as Json;
    const response = base['response'] as Json;
    const variants: readonly [Json, { unsafe?: boolean; intervened?: boolean }][] = [
      [{ namedScores: { safe: 0 } }, { unsafe: true }],
      [
        { namedScores: { safe: 1, intervened: 0 }, response: { ...response, isRefusal: true } },
        { unsafe: false, intervened: false },
      ],
      [{ namedScores: {}, response: { ...response, isRefusal: true } }, { intervened: true }],
      [
        {
          namedScores: {},
          response: { ...response, guardrails: { flagged: true, flaggedInput: true, flaggedOutput: false } },
        },
        { intervened: true },
      ],
      [
        { namedScores: {}, response: { ...response, isRefusal: false, guardrails: { flagged: false } } },
        { intervened: false },
      ],
      [{ namedScores: {} }, {}],
    ];
    for (const [patch, expected] of variants) {
      const { records, problems } = parsePromptfooEvidence(withResults([{ ...base, ...patch }]), FILE, {
        packageId: 'p',
      });
      expect(problems).toEqual([]);
      expect({ unsafe: records[0]?.unsafe, intervened: records[0]?.intervened }).toEqual({
        unsafe: undefined,
        intervened: undefined,
        ...expected,
      });
    }
  });

  it('falls back to the result-level tokenUsage and treats null fields as absent', () => {
    const [first] = side0;
    const { response: _response, ...rest } = first as Json;
    const result = { ...rest, cost: null, tokenUsage: { total: 30, prompt: 20, completion: 10 } };
    const { records, problems } = parsePromptfooEvidence(withResults([result]), FILE, { packageId: 'p' });
    expect(problems).toEqual([]);
    expect(records[0]?.tokens).toEqual({ input: 20, output: 10 });
    expect(records[0]).not.toHaveProperty('cost_usd');
  });
});

describe('hostile promptfoo files', () => {
  const mutate = (index: number, change: (result: Json) => Json) =>
    withResults(side0.map((result, i) => (i === index ? change(structuredClone(result)) : result)));
  const metadata = (result: Json, patch: Json): Json => {
    const testCase = result['testCase'] as Json;
    return { ...result, testCase: { ...testCase, metadata: { ...(testCase['metadata'] as Json), ...patch } } };
  };

  const cases: readonly { name: string; text: string; problems: readonly (ExpectedProblem & { result?: number })[] }[] =
    [
      {
        name: 'not JSON',
        text: '{\n  "results": {\n    "version": 3,\n  }\n}',
        problems: [{ line: 4, column: 3, message: 'not valid JSON: Expected double-quoted property name' }],
      },
      {
        name: 'not a promptfoo file',
        text: '{"evalId": "x"}',
        problems: [{ line: 1, field: 'results', message: 'expected a promptfoo output file' }],
      },
      {
        name: 'an old format',
        text: JSON.stringify({ ...doc, results: { ...doc.results, version: 2 } }, null, 2),
        problems: [{ line: 1, field: 'results.version', message: "expected 3 (promptfoo's EvaluateSummaryV3), got 2" }],
      },
      {
        name: 'results that are not a list',
        text: JSON.stringify({ results: { version: 3, results: {} } }),
        problems: [{ line: 1, field: 'results.results', message: 'expected the array of eval results, got an object' }],
      },
      {
        name: 'out-of-range and mistyped values, each at its result line',
        text: withResults(
          side0.map(
            (result, index) =>
              [
                // A number outside [0, 1] is left out (promptfoo-real.test.ts); a string is still wrong.
                { ...result, score: '1.3' },
                { ...result, success: 'true' },
                { ...result, cost: -0.01 },
                { ...result, latencyMs: 'NaN' },
                { ...result, namedScores: { intervened: 0.5 } },
                { ...result, response: { output: 'x', tokenUsage: { prompt: 1.5, completion: 3 } } },
              ][index] ?? result,
          ),
        ),
        problems: [
          {
            result: 0,
            field: 'results.results[0].score',
            message: 'expected a number in [0, 1], got the string "1.3"',
          },
          { result: 1, field: 'results.results[1].success', message: 'expected true or false, got the string "true"' },
          { result: 2, field: 'results.results[2].cost', message: 'expected a non-negative number, got -0.01' },
          { result: 3, field: 'results.results[3].latencyMs', message: 'NaN and Infinity are not numbers' },
          { result: 4, field: 'results.results[4].namedScores.intervened', message: 'expected 0 or 1' },
          {
            result: 5,
            field: 'results.results[5].response.tokenUsage.prompt',
            message: 'expected a non-negative integer, got 1.5',
          },
        ],
      },
      {
        name: 'bad metadata',
        text: withResults(
          side0.map(
            (result, index) =>
              [
                metadata(result, { suite: 'gold' }),
                metadata(result, { caseId: 42 }),
                metadata(result, { critical: 'yes' }),
                metadata(result, { category: '' }),
              ][index] ?? result,
          ),
        ),
        problems: [
          { result: 0, field: 'results.results[0].testCase.metadata.suite', message: 'got the string "gold"' },
          {
            result: 1,
            field: 'results.results[1].testCase.metadata.caseId',
            message: 'expected a non-empty string, got 42',
          },
          { result: 2, field: 'results.results[2].testCase.metadata.critical', message: 'expected true or false' },
          { result: 3, field: 'results.results[3].testCase.metadata.category', message: 'must not be empty' },
        ],
      },
      {
        name: 'a __proto__ key in vars or metadata',
        text: mutate(0, (result) => ({
          ...result,
          testCase: JSON.parse('{"vars":{"q":{"__proto__":{"polluted":1}}}}') as Json,
        })).replace(
          '"metadata": {\n            "category": "shipping"',
          '"metadata": {\n            "__proto__": {"polluted": 2}, "category": "shipping"',
        ),
        problems: [
          { result: 0, field: 'results.results[0].testCase.vars.q.__proto__', message: '"__proto__" is not allowed' },
          { result: 3, field: 'results.results[3].testCase.metadata.__proto__', message: '"__proto__" is not allowed' },
        ],
      },
      {
        name: 'a result without its test case',
        text: mutate(2, ({ testCase: _testCase, ...rest }) => rest),
        problems: [
          { result: 2, field: 'results.results[2].testCase', message: 'expected the test case object, got nothing' },
        ],
      },
      {
        name: 'a result without promptIdx',
        text: mutate(2, ({ promptIdx: _promptIdx, ...rest }) => rest),
        problems: [
          { result: 2, field: 'results.results[2].promptIdx', message: 'expected a non-negative integer, got nothing' },
        ],
      },
      {
        name: 'one caseId on tests with different vars (var expansion)',
        text: mutate(0, (result) =>
          metadata(
            { ...result, testCase: { ...(result['testCase'] as Json), vars: { question: 'other' } } },
            { caseId: 'inj-order-note', suite: 'safety' },
          ),
        ),
        // Result 0 (testIdx 2) now claims the injection case's id: the injection's repeats (testIdx 4, 5)
        // disagree with it.
        problems: [2, 4].map((result) => ({
          result,
          field: `results.results[${result}].testCase`,
          message:
            /^shares metadata\.caseId "inj-order-note" with results\.results\[0\] \(line \d+\) but runs different vars or assertions; give each test its own metadata\.caseId$/,
        })),
      },
      {
        name: 'the same testIdx twice on one side',
        text: withResults([...side0, side0[2] as Json]),
        problems: [
          {
            result: 6,
            field: 'results.results[6].testIdx',
            message: /^duplicate result: testIdx 4 of this side is also results\.results\[2\] \(line \d+\)$/,
          },
        ],
      },
    ];

  for (const { name, text: hostile, problems: expected } of cases) {
    it(name, () => {
      const { problems } = parsePromptfooEvidence(hostile, FILE, { packageId: 'p' });
      const starts = resultLinesOf(hostile);
      expectProblems(
        problems,
        expected.map(({ result, ...rest }) =>
          result === undefined ? rest : { ...rest, line: starts[result] as number },
        ),
        FILE,
      );
    });
  }

  it('never touches Object.prototype', () => {
    const hostile = withResults(side0).replace(
      '"metadata": {\n            "category": "shipping"',
      '"metadata": {\n            "__proto__": {"polluted": 2}, "category": "shipping"',
    );
    parsePromptfooEvidence(hostile, FILE, { packageId: 'p' });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
