import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefaultPolicy } from '../../src/check.ts';
import { chunksOf, EVIDENCE_LIMITS, openEvidenceFile } from '../../src/evidence/evidence-file.ts';
import { parseJsonlEvidence } from '../../src/evidence/jsonl.ts';
import { resolveChangeSet } from '../../src/git/resolve.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { formatProblem, InputError } from '../../src/problem.ts';
import { evidenceRecords, gateRepo, type GateRepo, toJsonl } from '../gates/scenario.ts';
import { runCliInProcess } from '../support/cli.ts';
import { problemsOf } from '../support/problems.ts';

// Bounded evidence input: each limit ends in a located error, never an internal error, a native
// stack or a stack overflow, and a flood of one mistake prints a few examples and a count.

const dir = mkdtempSync(join(tmpdir(), 'kaizen-limits-'));
const repos: GateRepo[] = [];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const { repo } of repos) repo.cleanup();
});

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const MiB = 1024 * 1024;
const line = (caseId: string, extra = ''): string =>
  `{"package_id":"p","suite":"golden","case_id":"${caseId}","category":"a","pass":true${extra}}`;

describe('a flood of one mistake', () => {
  it('150,000 lines with `judge` given as a string: three located examples and "and N more like this", through the whole pipeline', () => {
    const built = gateRepo({ changed: ['policy-qa'] });
    repos.push(built);
    const { parent, candidate } = evidenceRecords('policy-qa');
    const bad = Array.from(
      { length: 150_000 },
      (_, i) =>
        `{"package_id":"policy-qa-2026-12-01-r1","suite":"golden","case_id":"x${i}","category":"a","pass":true,"judge":"gpt-4o"}`,
    ).join('\n');
    const changeSet = resolveChangeSet({ repo: built.repo.dir, base: built.base, head: built.head });
    const problems = problemsOf(() =>
      runPipeline({
        changeSet,
        policy: loadDefaultPolicy(),
        evidence: [
          { path: 'parent.jsonl', side: 'parent', bytes: encode(toJsonl(parent)) },
          { path: 'candidate.jsonl', side: 'candidate', bytes: encode(`${toJsonl(candidate)}${bad}\n`) },
        ],
      }),
    );
    // The valid records come first (300 golden and 1,200 red-team cases), then the flood.
    const first = 1501;
    const message = 'expected an object like {"id": "gpt-4o-judge", "version": "2024-08-06"}, got the string "gpt-4o"';
    expect(problems).toEqual([
      `candidate.jsonl:${first}:100 judge: ${message}`,
      `candidate.jsonl:${first + 1}:100 judge: ${message}`,
      `candidate.jsonl:${first + 2}:100 judge: ${message}`,
      `candidate.jsonl:${first + 3} judge: and 149,997 more like this (lines ${first + 3}–${first + 149_999})`,
    ]);
  });

  it('counts the flood in the error’s total and header', () => {
    const error = new InputError(
      Array.from({ length: 3000 }, (_, i) => ({
        file: 'e.jsonl',
        line: i + 1,
        field: 'judge',
        message: `expected an object, got the string "j${i}"`,
      })),
      '3000 evidence problems',
    );
    expect(error.total).toBe(3000);
    expect(error.problems).toHaveLength(4);
    expect(error.problems[3]).toEqual({
      file: 'e.jsonl',
      line: 4,
      field: 'judge',
      message: 'and 2,997 more like this (lines 4–3000)',
      omitted: 2997,
    });
  });
});

describe('lines past the limits', () => {
  it('reports a line longer than the line limit without decoding it, and reads the lines around it', () => {
    const long = line('big', `,"x-blob":"${'a'.repeat(5 * MiB)}"`);
    const bytes = encode(`${line('a')}\n${long}\n${line('b')}\n`);
    const { records, problems } = parseJsonlEvidence(bytes, 'f.jsonl');
    expect(records.map((r) => r.case_id)).toEqual(['a', 'b']);
    expect(problems).toEqual([
      {
        file: 'f.jsonl',
        line: 2,
        message: `this line is ${long.length.toLocaleString('en-US')} bytes long; an evidence line (one record) may be at most 1 MiB, so it was not read`,
      },
    ]);
  });

  it('reports a huge case id as a long line, also when the line spans the chunks of a streamed file', () => {
    const path = join(dir, 'huge-id.jsonl');
    const huge = line('x'.repeat(3 * MiB));
    writeFileSync(path, `${line('a')}\n${huge}\n${line('b')}`);
    const stream = openEvidenceFile(path, 'huge-id.jsonl', 'candidate evidence');
    const { records, problems } = parseJsonlEvidence(
      chunksOf({ path: 'huge-id.jsonl', side: 'candidate', stream }),
      'huge-id.jsonl',
    );
    expect(records.map((r) => r.case_id)).toEqual(['a', 'b']);
    expect(problems).toEqual([
      {
        file: 'huge-id.jsonl',
        line: 2,
        message: `this line is ${huge.length.toLocaleString('en-US')} bytes long; an evidence line (one record) may be at most 1 MiB, so it was not read`,
      },
    ]);
  });

  it('reads a streamed file as its text reads, whatever the lines, chunks and decoding blocks', () => {
    // ASCII stretches and multi-byte ones, lines longer than a decoding block (60 KiB) and than
    // a read chunk's remainder, CRLF ends and a line past the limit: the stream reuses one read
    // buffer and decodes in blocks, and must give every record and problem that the text gives.
    const lines = Array.from({ length: 9_000 }, (_, i) => {
      const text = i % 1_000 < 500 ? 'plain' : `wörter ${'€'.repeat(i % 7)}`;
      const long = i % 1_500 === 7 ? 'x'.repeat(((i * 7_919) % 37) * 1_024 + 61 * 1_024) : '';
      const own = i === 4_321 ? `,"x-blob":"${'y'.repeat(MiB + 1)}"` : '';
      return `${line(`c${i}`, `,"output":"${text}${long}"${own}`)}${i % 11 === 0 ? '\r' : ''}`;
    });
    const text = `${lines.join('\n')}\n`;
    const path = join(dir, 'mixed.jsonl');
    writeFileSync(path, text);
    const stream = openEvidenceFile(path, 'mixed.jsonl', 'candidate evidence');
    const streamed = parseJsonlEvidence(chunksOf({ path: 'mixed.jsonl', side: 'candidate', stream }), 'mixed.jsonl');
    const read = parseJsonlEvidence(text, 'mixed.jsonl');
    expect(stream.size).toBeGreaterThan(2 * MiB);
    // Text counts a line's length in characters, bytes in bytes: the same number for this ASCII line.
    const inBytes = read.problems.map((problem) => ({
      ...problem,
      message: problem.message.replace(' characters long', ' bytes long'),
    }));
    expect(streamed.problems).toEqual(inBytes);
    expect(streamed.records.length).toBe(8_999);
    expect(streamed.problems.map((problem) => problem.line)).toEqual([4_322]);
    expect(streamed.records).toEqual(read.records);
    expect(streamed.lines).toBe(9_000);
  });

  it('stops reading at the line limit with a located error', () => {
    const text = `${line('a')}\n${'\n'.repeat(EVIDENCE_LIMITS.sideLines)}${line('b')}\n`;
    const { records, problems } = parseJsonlEvidence(encode(text), 'f.jsonl');
    expect(records.map((r) => r.case_id)).toEqual(['a']);
    expect(problems).toEqual([
      {
        file: 'f.jsonl',
        line: 500_001,
        message:
          'more than 500,000 lines of evidence for this side; reading stopped here (the limit keeps a run in bounded memory: fewer cases or trials per run)',
      },
    ]);
  });
});

const args = (parent: string, candidate: string, built: GateRepo) => [
  'check',
  '--base',
  built.base,
  '--head',
  built.head,
  '--parent-evidence',
  parent,
  '--candidate-evidence',
  candidate,
];

describe('evidence larger than a side may hold', () => {
  it('refuses a 2 GiB file from its size, without reading it (a sparse file)', async () => {
    const built = gateRepo({ changed: ['policy-qa'] });
    repos.push(built);
    const big = join(built.repo.dir, 'evidence/parent.jsonl');
    built.repo.write('evidence/parent.jsonl', '');
    truncateSync(big, 2 * 1024 * MiB);
    built.repo.write('evidence/candidate.jsonl', '');
    const run = await runCliInProcess(built.repo.dir, args('evidence/parent.jsonl', 'evidence/candidate.jsonl', built));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'evidence/parent.jsonl: parent evidence is 2.0 GiB; evidence is limited to 64 MiB per side, so it was not read (split the suite into fewer cases or trials, or drop fields the gates do not use)\n',
    );
  });

  it('refuses a side whose files add up past the limit, naming the largest', async () => {
    const built = gateRepo({ changed: ['policy-qa'] });
    repos.push(built);
    for (const name of ['a', 'b']) {
      built.repo.write(`evidence/${name}.jsonl`, '');
      truncateSync(join(built.repo.dir, `evidence/${name}.jsonl`), (name === 'a' ? 40 : 30) * MiB);
    }
    built.repo.write('evidence/c.jsonl', `${line('a')}\n`);
    const run = await runCliInProcess(built.repo.dir, [
      'check',
      '--base',
      built.base,
      '--head',
      built.head,
      '--parent-evidence',
      'evidence/a.jsonl',
      '--parent-evidence',
      'evidence/b.jsonl',
      '--candidate-evidence',
      'evidence/c.jsonl',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      '1 evidence problem\nevidence/a.jsonl: the parent evidence is 70 MiB in 2 files (this one 40 MiB); evidence is limited to 64 MiB per side, so nothing was read (run fewer cases or trials per check, or drop fields the gates do not use)\n',
    );
  });

  it('refuses a promptfoo file larger than a JSON document may be parsed whole', async () => {
    const built = gateRepo({ changed: ['policy-qa'] });
    repos.push(built);
    const path = join(built.repo.dir, 'evals/results.json');
    built.repo.write('evals/results.json', '');
    const fd = openSync(path, 'w');
    writeSync(fd, '{\n  "evalId": "eval-1",\n  "results": {');
    closeSync(fd);
    truncateSync(path, 40 * MiB);
    const run = await runCliInProcess(built.repo.dir, [
      'check',
      '--base',
      built.base,
      '--head',
      built.head,
      '--evidence',
      'evals/results.json',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      '1 evidence problem\nevals/results.json: the promptfoo output is 40 MiB; a promptfoo file is one JSON document, parsed whole, and may be at most 32 MiB (split the eval, or export JSON Lines evidence instead)\n',
    );
  });
});

describe('evidence that is not UTF-8', () => {
  it('is a located error: two case ids that differ only in a non-UTF-8 byte never merge through U+FFFD', () => {
    // "café" and "cafè" in Latin-1: decoded leniently, both would read "caf\uFFFD" and pair as one case.
    const head = '{"package_id":"p","suite":"golden","case_id":"caf';
    const tail = '","category":"a","pass":true}\n';
    const both = new Uint8Array([
      ...encode(`${line('ok')}\n${head}`),
      0xe9,
      ...encode(`${tail}${head}`),
      0xe8,
      ...encode(tail),
    ]);
    const { records, problems } = parseJsonlEvidence(both, 'latin1.jsonl');
    expect(records.map((r) => r.case_id)).toEqual(['ok']);
    expect(problems.map(formatProblem)).toEqual([
      `latin1.jsonl:2:${head.length + 1}: byte 0xe9 is not UTF-8; evidence must be UTF-8 text (re-export it as UTF-8: a case id read with the wrong encoding could match another one)`,
      `latin1.jsonl:3:${head.length + 1}: byte 0xe8 is not UTF-8; evidence must be UTF-8 text (re-export it as UTF-8: a case id read with the wrong encoding could match another one)`,
    ]);
  });

  it('is a located error in a promptfoo file too', async () => {
    const built = gateRepo({ changed: ['policy-qa'] });
    repos.push(built);
    built.repo.write(
      'evals/results.json',
      new Uint8Array([
        ...encode('{\n  "evalId": "e",\n  "results": {"version": 3, "note": "'),
        0xff,
        ...encode('"}\n}\n'),
      ]),
    );
    const run = await runCliInProcess(built.repo.dir, [
      'check',
      '--base',
      built.base,
      '--head',
      built.head,
      '--evidence',
      'evals/results.json',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('evals/results.json:3:38: byte 0xff is not UTF-8; evidence must be UTF-8 text');
  });
});
