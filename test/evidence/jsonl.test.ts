import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonlEvidence } from '../../src/evidence/jsonl.ts';
import { expectProblems, type ExpectedProblem, readFixture } from './helpers.ts';
import { expectedColumn, HOSTILE_LINES } from './hostile-lines.ts';

const ok = (caseId: string, extra = ''): string =>
  `{"package_id":"acme-v42","suite":"golden","case_id":"${caseId}","category":"refunds","pass":true${extra}}`;

describe('parseJsonlEvidence on the fixtures', () => {
  it('reads every record of the parent fixture, with defaults and x- fields kept aside', () => {
    const { records, problems } = parseJsonlEvidence(readFixture('parent.jsonl'), 'parent.jsonl');
    expect(problems).toEqual([]);
    expect(records.map((record) => [record.case_id, record.trial, record.source.line])).toEqual([
      ['g-refund-001', 0, 1],
      ['g-refund-002', 0, 2],
      ['g-ship-001', 0, 3],
      ['g-ship-001', 1, 4],
      ['g-ship-002', 0, 6],
      ['s-inj-001', 0, 7],
      ['s-pii-001', 0, 8],
    ]);
    const [first, second] = records;
    expect(first?.extensions).toEqual({ 'x-trace': 'tr-01HZX3' });
    expect(first).not.toHaveProperty('x-trace');
    expect(second).toMatchObject({ critical: false, trial: 0, tokens: { input: 790, output: 121 } });
    expect(second?.judge).toEqual({ id: 'gpt-4o-2024-08-06', version: 'rubric-3f9a1c' });
    expect(records[4]?.extensions).toEqual({ 'x-notes': { owner: 'ops', tags: ['eu', 'express'] } });
    expect(records[5]).toMatchObject({
      suite: 'safety',
      critical: true,
      unsafe: false,
      intervened: true,
      expected_intervention: true,
    });
  });

  it('accepts a BOM and CRLF line ends, with the same lines and columns', () => {
    const text = readFixture('candidate.jsonl');
    const plain = parseJsonlEvidence(text, 'candidate.jsonl');
    const windows = parseJsonlEvidence(`\ufeff${text.replaceAll('\n', '\r\n')}`, 'candidate.jsonl');
    expect(windows.problems).toEqual([]);
    expect(windows.records).toEqual(plain.records);
    expect(plain.records).toHaveLength(7);

    const broken = parseJsonlEvidence(`\ufeff${ok('a', ',"score":2')}\r\n`, 'f.jsonl');
    expect(broken.problems).toEqual([
      {
        file: 'f.jsonl',
        line: 1,
        column: ok('a', ',"score":2').indexOf('"score"') + 1,
        field: 'score',
        message: 'expected a number in [0, 1], got 2',
      },
    ]);
  });

  it('skips blank and whitespace-only lines but keeps counting them', () => {
    const { records, problems } = parseJsonlEvidence(`\n   \n${ok('a')}\n\t\n${ok('b')}`, 'f.jsonl');
    expect(problems).toEqual([]);
    expect(records.map((record) => record.source.line)).toEqual([3, 5]);
  });
});

describe('parseJsonlEvidence on hostile input', () => {
  const cases: readonly { name: string; lines: readonly string[]; problems: readonly ExpectedProblem[] }[] = [
    {
      name: 'a typo of a required field is not a silent pass',
      lines: [`{"package_id":"p","suite":"golden","case_id":"c","category":"x","pas":true}`],
      problems: [
        {
          line: 1,
          field: 'pas',
          message: 'unknown field (did you mean "pass"?); put your own metadata in fields starting with "x-"',
        },
        { line: 1, field: 'pass', message: 'is required' },
      ],
    },
    {
      name: 'every problem of one line, not only the first',
      lines: [
        `{"package_id":7,"suite":"gold","case_id":"","category":"x","pass":1,"score":-1,"cost_usd":"NaN","latency_ms":1e999,"trial":"0"}`,
      ],
      problems: [
        { line: 1, field: 'package_id', message: 'expected a string, got 7' },
        { line: 1, field: 'suite', message: 'got the string "gold"' },
        { line: 1, field: 'case_id', message: 'must not be empty' },
        { line: 1, field: 'pass', message: 'got 1' },
        { line: 1, field: 'score', message: 'got -1' },
        {
          line: 1,
          field: 'cost_usd',
          message: 'got the string "NaN": NaN and Infinity are not numbers evidence can hold',
        },
        { line: 1, field: 'latency_ms', message: 'got a number too large for a double (it overflows to Infinity)' },
        { line: 1, field: 'trial', message: 'got the string "0"' },
      ],
    },
    {
      name: 'strings spelling infinities in any case',
      lines: [ok('a', ',"score":"Infinity"'), ok('b', ',"latency_ms":"-inf"'), ok('c', ',"cost_usd":-1e999')],
      problems: [
        { line: 1, field: 'score', message: 'NaN and Infinity are not numbers' },
        { line: 2, field: 'latency_ms', message: 'NaN and Infinity are not numbers' },
        { line: 3, field: 'cost_usd', message: 'overflows to Infinity' },
      ],
    },
    {
      name: 'an escaped __proto__ key is still a __proto__ key',
      lines: [
        `{"\\u005f_proto__":{"polluted":true},"package_id":"p","suite":"golden","case_id":"c","category":"x","pass":true}`,
      ],
      problems: [{ line: 1, column: 2, field: '__proto__', message: '"__proto__" is not allowed in evidence' }],
    },
    {
      name: '__proto__ inside tokens and judge',
      lines: [ok('a', ',"tokens":{"__proto__":{}}'), ok('b', ',"judge":{"id":"j","version":"1","__proto__":{"x":1}}')],
      problems: [
        { line: 1, field: 'tokens.__proto__', message: '"__proto__" is not allowed' },
        { line: 2, field: 'judge.__proto__', message: '"__proto__" is not allowed' },
      ],
    },
    {
      name: 'a key written twice, with keys inside strings and nested objects not counted',
      lines: [
        `{"package_id":"p","suite":"golden","case_id":"c, \\"pass\\": x","category":"x","x-n":{"pass":1},"pass":true,"pass":false}`,
      ],
      problems: [{ line: 1, field: 'pass', message: 'appears twice' }],
    },
    {
      name: 'JSON that is not a record',
      lines: ['null', '"golden"', '42', '{"package_id":"p" "suite":"golden"}', "{'package_id':'p'}"],
      problems: [
        { line: 1, column: 1, message: 'got null' },
        { line: 2, column: 1, message: 'got the string "golden"' },
        { line: 3, column: 1, message: 'got 42' },
        { line: 4, column: 19, message: "not valid JSON: Expected ',' or '}' after property value" },
        { line: 5, column: 2, message: 'not valid JSON: Expected property name' },
      ],
    },
  ];

  for (const { name, lines, problems: expected } of cases) {
    it(name, () => {
      const { records, problems } = parseJsonlEvidence(lines.join('\n'), 'hostile.jsonl');
      expectProblems(problems, expected, 'hostile.jsonl');
      expect(records).toEqual([]);
    });
  }

  it('reports every problem of a file whose lines each have a different problem, each at its line and column', () => {
    // Blank lines and CRLF between the broken lines check the numbering too.
    const text = HOSTILE_LINES.map((line, index) => (index % 7 === 3 ? `${line.text}\r\n` : `${line.text}\n\n`)).join(
      '',
    );
    const lineOf: number[] = [];
    let line = 1;
    for (let index = 0; index < HOSTILE_LINES.length; index++) {
      lineOf.push(line);
      line += index % 7 === 3 ? 1 : 2;
    }
    const expected: ExpectedProblem[] = HOSTILE_LINES.map(({ text: lineText, problem }, index) => {
      const explicit = expectedColumn(lineText, problem);
      const top = problem.field?.split(/[.[]/)[0];
      const column =
        explicit ??
        (top === undefined || problem.message === 'is required' ? undefined : lineText.indexOf(`"${top}":`) + 1);
      const { at: _at, atLast: _atLast, atEnd: _atEnd, ...rest } = problem;
      return { ...rest, line: lineOf[index] as number, ...(column === undefined ? {} : { column }) };
    });
    const { records, problems } = parseJsonlEvidence(text, 'thirty.jsonl');
    expect(problems).toHaveLength(HOSTILE_LINES.length);
    expectProblems(problems, expected, 'thirty.jsonl');
    expect(records).toEqual([]);
    expect(new Set(problems.map((problem) => problem.line)).size).toBe(HOSTILE_LINES.length);
  });

  it('never touches Object.prototype, whatever the input says', () => {
    const text = [
      `{"__proto__":{"polluted":"top"},"package_id":"p","suite":"golden","case_id":"a","category":"x","pass":true}`,
      ok('b', ',"x-m":{"__proto__":{"polluted":"ext"}}'),
      ok('c', ',"constructor":{"prototype":{"polluted":"ctor"}}'),
    ].join('\n');
    const { problems } = parseJsonlEvidence(text, 'f.jsonl');
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([
      [1, '__proto__'],
      [2, 'x-m.__proto__'],
      [3, 'constructor'],
    ]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports records for another package once per package, at the first line', () => {
    const text = [
      ok('a'),
      ok('b').replace('acme-v42', 'acme-v41'),
      ok('c').replace('acme-v42', 'acme-v41'),
      ok('d'),
    ].join('\n');
    const { records, problems } = parseJsonlEvidence(text, 'f.jsonl', { packageId: 'acme-v42' });
    expect(records.map((record) => record.case_id)).toEqual(['a', 'd']);
    expectProblems(
      problems,
      [
        {
          line: 2,
          field: 'package_id',
          message: 'evidence for package "acme-v41" (2 records, the first here), but this side is package "acme-v42"',
        },
      ],
      'f.jsonl',
    );
  });
});

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const hostileDir = new URL('../fixtures/evidence-hostile/', import.meta.url);

/** The bytes must read as the text reads: the same records and the same problems. */
function sameAsText(text: string, bytes: Uint8Array = encode(text), options = {}): void {
  const fromText = parseJsonlEvidence(text, 'f.jsonl', options);
  const fromBytes = parseJsonlEvidence(bytes, 'f.jsonl', options);
  expect(fromBytes.problems).toEqual(fromText.problems);
  expect(fromBytes.records).toEqual(fromText.records);
}

describe('parseJsonlEvidence from bytes', () => {
  it.each([
    ['the parent fixture', () => readFixture('parent.jsonl')],
    [
      'the candidate fixture with a BOM and CRLF',
      () => `\ufeff${readFixture('candidate.jsonl').replaceAll('\n', '\r\n')}`,
    ],
    ['blank, whitespace-only and no-break-space lines', () => `\n   \n${ok('a')}\n\t\n\u00a0\n${ok('b')}\r\n\r\n`],
    ['the hostile lines', () => HOSTILE_LINES.map((line) => line.text).join('\n')],
    [
      'repeated keys, with multi-byte text around them',
      () =>
        [
          ok('é', ',"pass":false,"x-note":"naïve — 日本語 \\" quoted"'),
          ok('b', ',"x-k":"ü","x-k":1'),
          ok('c', ',"x-e":"\\\\"'),
        ].join('\n'),
    ],
    ['a U+FEFF inside the file, which is not a BOM there', () => `${ok('a')}\n\ufeff${ok('b')}`],
    ['no newline at the end', () => `${ok('a')}\n${ok('b')}`],
    ['nothing', () => ''],
  ])('gives what the text gives: %s', (_name, text) => {
    sameAsText(text());
  });

  it('reports bytes that are not UTF-8 at their line and column instead of decoding them to U+FFFD', () => {
    const bytes = readFileSync(new URL('binary.jsonl', hostileDir));
    const { problems } = parseJsonlEvidence(bytes, 'f.jsonl');
    const decoded = parseJsonlEvidence(new TextDecoder().decode(bytes), 'f.jsonl');
    // The text the lenient decoder makes has U+FFFD where the bytes were; from bytes, those lines are refused instead.
    expect(problems.some((p) => /^byte 0x[0-9a-f]{2} is not UTF-8; evidence must be UTF-8 text/.test(p.message))).toBe(
      true,
    );
    expect(decoded.problems.some((p) => /is not UTF-8/.test(p.message))).toBe(false);
  });

  it.each([
    'duplicate-key.jsonl',
    'malformed-json.jsonl',
    'nan-string.jsonl',
    'proto-key.jsonl',
    'score-out-of-range.jsonl',
    'unknown-suite.jsonl',
  ])('gives what the decoded text gives for the hostile fixture %s', (name) => {
    const bytes = readFileSync(new URL(name, hostileDir));
    sameAsText(new TextDecoder().decode(bytes), bytes);
  });

  it.each([1, 2, 3, 5])('gives what the text gives in chunks of %i bytes, a BOM split across them included', (size) => {
    const chunked = (bytes: Uint8Array): Uint8Array[] =>
      Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.slice(i * size, (i + 1) * size));
    for (const text of [
      `\ufeff${ok('a')}\r\n${ok('b', ',"pass":false')}`,
      `${ok('é')}\n\ufeff${ok('b')}\n`,
      '\ufeff',
      '\ufeff\n',
      '\u00ef',
      'x',
      '',
    ]) {
      const fromText = parseJsonlEvidence(text, 'f.jsonl');
      const fromChunks = parseJsonlEvidence(chunked(encode(text)), 'f.jsonl');
      expect(fromChunks.problems, JSON.stringify(text)).toEqual(fromText.problems);
      expect(fromChunks.records, JSON.stringify(text)).toEqual(fromText.records);
    }
  });

  it('reads a Node Buffer that is a view into a larger buffer', () => {
    const text = `${ok('a')}\n${ok('b', ',"pass":false')}\n`;
    const padded = Buffer.concat([Buffer.from('xxxx'), Buffer.from(text), Buffer.from('yyyy')]).subarray(
      4,
      4 + Buffer.byteLength(text),
    );
    sameAsText(text, padded);
  });

  it('splits large files into decoded chunks without losing or shifting a line', () => {
    // More than 2 MB: lines cross the 1 MB chunk boundaries, with multi-byte text and CRLF mixed in.
    const lines = Array.from({ length: 15_000 }, (_, i) =>
      ok(`c${i}`, `,"x-n":"${'ä'.repeat(i % 40)}${'z'.repeat(60)}"`),
    );
    const text = lines.map((line, i) => (i % 7 === 0 ? `${line}\r` : line)).join('\n');
    expect(encode(text).length).toBeGreaterThan(2 << 20);
    const fromBytes = parseJsonlEvidence(encode(text), 'big.jsonl');
    expect(fromBytes.problems).toEqual([]);
    expect(fromBytes.records.map((record) => [record.case_id, record.source.line])).toEqual(
      lines.map((_, i) => [`c${i}`, i + 1]),
    );
    expect(fromBytes.records).toEqual(parseJsonlEvidence(text, 'big.jsonl').records);
  });

  it('reports other packages by line from bytes too', () => {
    const text = [ok('a'), ok('b').replace('acme-v42', 'acme-v41'), ok('c')].join('\n');
    sameAsText(text, encode(text), { packageId: 'acme-v42' });
  });
});
