/** A located problem with user input: a file, where in it, which field, and what was expected. */
export interface Problem {
  readonly file: string;
  /** 1-based line, when the problem has a position. */
  readonly line?: number;
  /** 1-based column, when the problem has a position. */
  readonly column?: number;
  /** Dotted path of the field, e.g. `prompts[0].sha256`. */
  readonly field?: string;
  readonly message: string;
}

/** Formats a problem as `file:line:col field: message`, the shape editors and GitHub annotations link. */
export function formatProblem(problem: Problem): string {
  let where = problem.file;
  if (problem.line !== undefined) {
    where += `:${problem.line}`;
    if (problem.column !== undefined) where += `:${problem.column}`;
  }
  const field = problem.field ? ` ${problem.field}` : '';
  return `${where}${field}: ${problem.message}`;
}

/** Orders problems by file, line and column so every listing reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems.toSorted(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

/**
 * Thrown for invalid user input (manifests, evidence, policy, keys, flags). Carries every problem
 * found, not only the first; the edges turn it into exit status 2 or a failed step.
 */
export class InputError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], summary?: string) {
    const sorted = sortProblems(problems);
    super(summary ?? sorted.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = sorted;
  }
}
