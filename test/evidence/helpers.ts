import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Problem } from '../../src/problem.ts';

/** A problem a test expects: where, which field, and a fragment or pattern of the message. */
export interface ExpectedProblem {
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
  readonly message: string | RegExp;
}

/** Reads a fixture under test/fixtures/evidence/. */
export function readFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/evidence/${name}`, import.meta.url)), 'utf8');
}

function matches(problem: Problem, expected: ExpectedProblem, file: string): boolean {
  const message =
    typeof expected.message === 'string'
      ? problem.message.includes(expected.message)
      : expected.message.test(problem.message);
  return (
    problem.file === file &&
    message &&
    (expected.line === undefined || problem.line === expected.line) &&
    (expected.column === undefined || problem.column === expected.column) &&
    (expected.field === undefined || problem.field === expected.field)
  );
}

/** Asserts that the problems are exactly the expected ones (each matched once), in any order. */
export function expectProblems(actual: readonly Problem[], expected: readonly ExpectedProblem[], file: string): void {
  const unmatched = [...actual];
  const missing: ExpectedProblem[] = [];
  for (const want of expected) {
    const index = unmatched.findIndex((problem) => matches(problem, want, file));
    if (index < 0) missing.push(want);
    else unmatched.splice(index, 1);
  }
  expect({ missing, unexpected: unmatched }).toEqual({ missing: [], unexpected: [] });
}
