import { describe, expect, it } from 'vitest';
import { detectEvidenceFormat, parseEvidence } from '../../src/evidence/detect.ts';
import { readFixture } from './helpers.ts';

const promptfoo = readFixture('promptfoo-two-prompts.json');
const jsonl = readFixture('parent.jsonl');

describe('detectEvidenceFormat', () => {
  const cases: readonly [string, string, 'jsonl' | 'promptfoo' | undefined][] = [
    ['JSONL fixture', jsonl, 'jsonl'],
    ['JSONL with a BOM, CRLF and leading blank lines', `\ufeff\r\n\r\n${jsonl.replaceAll('\n', '\r\n')}`, 'jsonl'],
    ['JSONL whose first line is broken', `{"package_id": "p",\n${jsonl}`, 'jsonl'],
    ['a single JSONL record', '{"package_id":"p","suite":"golden","case_id":"c","category":"x","pass":true}', 'jsonl'],
    ['promptfoo, pretty-printed', promptfoo, 'promptfoo'],
    ['promptfoo, on one line', JSON.stringify(JSON.parse(promptfoo)), 'promptfoo'],
    ['promptfoo with a BOM', `\ufeff${promptfoo}`, 'promptfoo'],
    ['a truncated promptfoo file', promptfoo.slice(0, 2000), 'promptfoo'],
    ['empty', '', undefined],
    ['only whitespace', ' \n\t\n', undefined],
    ['a JSON array', '[{"package_id":"p"}]', undefined],
    ['YAML', 'package_id: p\nsuite: golden\n', undefined],
    ["another tool's pretty JSON", '{\n  "samples": []\n}', undefined],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name} → ${String(expected)}`, () => {
      expect(detectEvidenceFormat(text)).toBe(expected);
    });
  }
});

describe('parseEvidence', () => {
  it('reads JSONL and checks the package', () => {
    const result = parseEvidence(jsonl, 'parent.jsonl', { packageId: 'acme-support-v41' });
    expect(result.format).toBe('jsonl');
    expect(result.problems).toEqual([]);
    expect(result.records).toHaveLength(7);
    expect(parseEvidence(jsonl, 'parent.jsonl', { packageId: 'other' }).problems).toEqual([
      expect.objectContaining({
        line: 1,
        field: 'package_id',
        message: expect.stringContaining('(7 records, the first here), but this side is package "other"'),
      }),
    ]);
  });

  it('reads one side of a promptfoo file, which needs the package id', () => {
    const result = parseEvidence(promptfoo, 'results.json', {
      packageId: 'acme-v42',
      side: { label: 'support-v2' },
      suite: 'golden',
      judge: { id: 'j', version: '1' },
    });
    expect(result.format).toBe('promptfoo');
    expect(result.problems).toEqual([]);
    expect(result.records.map((record) => record.package_id)).toEqual(Array.from({ length: 6 }, () => 'acme-v42'));
    expect(parseEvidence(promptfoo, 'results.json', { side: { promptIdx: 0 } }).problems).toEqual([
      {
        file: 'results.json',
        line: 1,
        message: 'promptfoo results do not name a package; the package id must be given with them',
      },
    ]);
  });

  it('says what it expected when it recognises neither format', () => {
    expect(parseEvidence('', 'e.jsonl').problems).toEqual([
      { file: 'e.jsonl', line: 1, message: 'the evidence file is empty' },
    ]);
    expect(parseEvidence('suite: golden', 'e.yaml').problems).toEqual([
      {
        file: 'e.yaml',
        line: 1,
        message:
          'not evidence: expected JSON Lines (one record object per line), a promptfoo output file (`promptfoo eval -o results.json`) or a Vitest JSON report (`vitest run --reporter=json --outputFile.json=results.json`, e.g. vitest-evals)',
      },
    ]);
  });
});
