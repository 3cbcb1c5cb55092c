import { describe, expect, it } from 'vitest';
import {
  countProblems,
  formatProblem,
  InputError,
  problemKind,
  ProblemCollector,
  summariseProblems,
} from '../src/problem.ts';
import type { Problem } from '../src/problem.ts';

const at = (line: number, field: string, message: string, file = 'e.jsonl'): Problem => ({
  file,
  line,
  column: 3,
  field,
  message,
});

const missing = (name: string): Problem => ({ file: 'm.yaml', line: 1, message: `missing required field "${name}"` });

describe('problem kinds', () => {
  it('treat quoted values and numbers in a message about a field as the same mistake', () => {
    expect(problemKind(at(1, 'judge', 'expected an object, got the string "a"'))).toBe(
      problemKind(at(9, 'judge', 'expected an object, got the string "b"')),
    );
    expect(problemKind(at(1, 'score', 'expected a number in [0, 1], got 1.3'))).toBe(
      problemKind(at(2, 'score', 'expected a number in [0, 1], got 7')),
    );
    expect(problemKind(at(1, 'results.results[3].testIdx', 'x'))).toBe(
      problemKind(at(1, 'results.results[40].testIdx', 'x')),
    );
    expect(problemKind(at(1, 'judge', 'expected an object, got the string "a"'))).not.toBe(
      problemKind(at(1, 'judge', 'expected an object, got 5')),
    );
  });

  it('keep quoted names apart when the problem names no field', () => {
    expect(problemKind(missing('package_id'))).not.toBe(problemKind(missing('application')));
  });
});

describe('summariseProblems', () => {
  it('keeps three located examples per kind and puts "and N more like this (lines a–b)" right after them', () => {
    const problems = [
      ...Array.from({ length: 3000 }, (_, i) => at(i + 1, 'judge', `expected an object, got the string "j${i}"`)),
      at(2, 'pass', 'expected true or false, got the string "yes"'),
    ];
    const listed = summariseProblems(problems).map(formatProblem);
    expect(listed).toEqual([
      'e.jsonl:1:3 judge: expected an object, got the string "j0"',
      'e.jsonl:2:3 judge: expected an object, got the string "j1"',
      'e.jsonl:2:3 pass: expected true or false, got the string "yes"',
      'e.jsonl:3:3 judge: expected an object, got the string "j2"',
      'e.jsonl:4 judge: and 2,997 more like this (lines 4–3000)',
    ]);
    expect(countProblems(summariseProblems(problems))).toBe(3001);
  });

  it('is stable when applied again (a reader summarised, then the error does)', () => {
    const once = summariseProblems(Array.from({ length: 50 }, (_, i) => at(i + 1, 'judge', 'bad')));
    expect(summariseProblems(once)).toEqual(once);
  });

  it('lists at most 60 lines whatever the kinds, and counts the rest', () => {
    const problems = Array.from({ length: 500 }, (_, i) => at(i + 1, `x-field${i}`, 'unknown field'));
    const listed = summariseProblems(problems);
    expect(listed).toHaveLength(60);
    expect(listed.at(-1)).toEqual({ file: 'e.jsonl', line: 60, message: 'and 441 more problems', omitted: 441 });
    expect(countProblems(listed)).toBe(500);
  });
});

describe('ProblemCollector', () => {
  it('holds a bounded number of problems however many arrive', () => {
    const collector = new ProblemCollector(3, 10);
    for (let i = 0; i < 100_000; i++) collector.push(at(i + 1, `f${i % 1000}`, 'bad'));
    expect(collector.size).toBe(100_000);
    const listed = collector.list();
    // Ten kinds with three examples and a summary each, and one line for the kinds past the first ten.
    expect(listed).toHaveLength(41);
    expect(listed.at(-1)).toMatchObject({
      message: 'and 99,000 more of other kinds (lines 11–100000)',
      omitted: 99_000,
    });
    expect(countProblems(listed)).toBe(100_000);
  });
});

describe('InputError', () => {
  it('lists the summarised problems and keeps the total', () => {
    const error = new InputError(Array.from({ length: 10 }, (_, i) => at(i + 1, 'judge', 'bad')));
    expect(error.total).toBe(10);
    expect(error.message.split('\n')).toEqual([
      'e.jsonl:1:3 judge: bad',
      'e.jsonl:2:3 judge: bad',
      'e.jsonl:3:3 judge: bad',
      'e.jsonl:4 judge: and 7 more like this (lines 4–10)',
    ]);
  });
});
