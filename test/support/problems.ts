import { formatProblem, InputError } from '../../src/problem.ts';

/** The problems `fn` throws as an InputError, formatted as the CLI prints them; fails when it throws none. */
export function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof InputError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected an InputError');
}
