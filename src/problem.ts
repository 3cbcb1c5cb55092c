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
  /**
   * Set on a summary line ("and N more like this (lines a–b)"): how many problems it stands for.
   * Such a line is not a problem of its own.
   */
  readonly omitted?: number;
}

/** How many located examples of one kind of problem a listing shows before summarising the rest. */
export const EXAMPLES_PER_KIND = 3;

/** How many problems a listing shows at most, whatever their kinds; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 60;

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

/** How many problems a listing stands for: summary lines count what they summarise. */
export function countProblems(problems: readonly Problem[]): number {
  let total = 0;
  for (const problem of problems) total += problem.omitted ?? 1;
  return total;
}

/**
 * What makes two problems "the same mistake": the file, the field with its indices dropped, and
 * the message with numbers dropped — and, when the problem names its field, with quoted values
 * dropped too. `judge` given as a string on 3,000 lines is one kind; a judge given as a string and
 * one given as a number are two; "missing required field "x"" and "… "y"" (no field) are two.
 */
export function problemKind(problem: Problem): string {
  const field = (problem.field ?? '').replaceAll(/\[\d+\]/g, '[]');
  let message = problem.message.replaceAll(/\d[\d,._]*/g, '#');
  if (field !== '') message = message.replaceAll(/"(?:[^"\\]|\\.)*"/g, '"…"');
  return `${problem.file}\u0000${field}\u0000${message}`;
}

interface KindTally {
  examples: number;
  omitted: number;
  first?: Problem;
  low: number;
  high: number;
}

/**
 * Collects problems in bounded memory: the first few of each kind are kept as they are; the rest
 * of a kind are only counted, with the range of lines they are on. A flood of 150,000 identical
 * mistakes costs a few objects, and its listing stays readable. Problems arrive in file order
 * (a reader's), so the kept ones are the first in the file.
 */
export class ProblemCollector {
  private readonly kept: Problem[] = [];
  private readonly kinds = new Map<string, KindTally>();
  private readonly other: KindTally = { examples: 0, omitted: 0, low: Infinity, high: -Infinity };

  private readonly examplesPerKind: number;
  private readonly maxKinds: number;

  /** `maxKinds` bounds memory: problems of kinds beyond it are only counted, together. */
  constructor(examplesPerKind = EXAMPLES_PER_KIND, maxKinds = 200) {
    this.examplesPerKind = examplesPerKind;
    this.maxKinds = maxKinds;
  }

  /** Adds one problem (the name lets it stand where a `Problem[]` was pushed to). */
  push(problem: Problem): void {
    if (problem.omitted !== undefined) {
      this.kept.push(problem);
      return;
    }
    const key = problemKind(problem);
    let tally = this.kinds.get(key);
    if (tally === undefined) {
      if (this.kinds.size >= this.maxKinds) {
        count(this.other, problem);
        return;
      }
      tally = { examples: 0, omitted: 0, low: Infinity, high: -Infinity };
      this.kinds.set(key, tally);
    }
    if (tally.examples < this.examplesPerKind) {
      tally.examples++;
      this.kept.push(problem);
    } else {
      count(tally, problem);
    }
  }

  /** Adds several problems. */
  pushAll(problems: Iterable<Problem>): void {
    for (const problem of problems) this.push(problem);
  }

  /** How many problems were added, kept or counted. */
  get size(): number {
    let total = countProblems(this.kept) + this.other.omitted;
    for (const tally of this.kinds.values()) total += tally.omitted;
    return total;
  }

  /** The kept problems and one summary line per kind that had more. */
  list(): Problem[] {
    const out = [...this.kept];
    for (const tally of this.kinds.values()) if (tally.omitted > 0) out.push(summaryOf(tally, 'like this'));
    if (this.other.omitted > 0) out.push(summaryOf(this.other, 'of other kinds'));
    return out;
  }
}

function count(tally: KindTally, problem: Problem): void {
  tally.omitted++;
  tally.first ??= problem;
  if (problem.line !== undefined) {
    if (problem.line < tally.low) tally.low = problem.line;
    if (problem.line > tally.high) tally.high = problem.line;
  }
}

function summaryOf(tally: KindTally, what: string): Problem {
  const first = tally.first!;
  const lines =
    tally.high < 0 ? '' : tally.low === tally.high ? ` (line ${tally.low})` : ` (lines ${tally.low}–${tally.high})`;
  const summary: Problem = {
    file: first.file,
    ...(first.line === undefined ? {} : { line: first.line }),
    ...(first.field === undefined || what !== 'like this' ? {} : { field: first.field }),
    message: `and ${tally.omitted.toLocaleString('en-US')} more ${what}${lines}`,
    omitted: tally.omitted,
  };
  if (what === 'like this') summaryKinds.set(summary, problemKind(first));
  return summary;
}

/**
 * Shortens a listing: at most a few examples of each kind of problem, then "and N more like this
 * (lines a–b)" right after the last example it continues, and at most `maxListed` lines in all.
 * Summary lines already in the listing are kept.
 */
export function summariseProblems(problems: readonly Problem[], maxListed = MAX_LISTED_PROBLEMS): Problem[] {
  const collector = new ProblemCollector(EXAMPLES_PER_KIND, Number.MAX_SAFE_INTEGER);
  collector.pushAll(sortProblems(problems));
  const collected = collector.list();
  const examples = sortProblems(collected.filter((problem) => problem.omitted === undefined));
  const summaries = collected.filter((problem) => problem.omitted !== undefined);
  // Each summary follows the last example of its kind; one without examples (passed in) goes by its place.
  const after = new Map<number, Problem[]>();
  const loose: Problem[] = [];
  for (const summary of summaries) {
    const kind = summary.message.includes(' more like this') ? kindOfSummary(summary) : undefined;
    const index = kind === undefined ? -1 : examples.findLastIndex((example) => problemKind(example) === kind);
    if (index < 0) loose.push(summary);
    else after.set(index, [...(after.get(index) ?? []), summary]);
  }
  const listed: Problem[] = [];
  examples.forEach((example, index) => listed.push(example, ...(after.get(index) ?? [])));
  const all = loose.length === 0 ? listed : mergeByPlace(listed, loose);
  if (all.length <= maxListed) return all;
  const kept = all.slice(0, maxListed - 1);
  const rest = all.slice(maxListed - 1);
  const first = rest[0]!;
  const omitted = countProblems(rest);
  return [
    ...kept,
    {
      file: first.file,
      ...(first.line === undefined ? {} : { line: first.line }),
      message: `and ${omitted.toLocaleString('en-US')} more problems`,
      omitted,
    },
  ];
}

// Summaries remember their kind through the problem they were made from.
const summaryKinds = new WeakMap<Problem, string>();

function kindOfSummary(summary: Problem): string | undefined {
  return summaryKinds.get(summary);
}

function mergeByPlace(listed: readonly Problem[], loose: readonly Problem[]): Problem[] {
  const out = [...listed];
  for (const problem of loose) {
    const index = out.findIndex((other) => sortProblems([problem, other])[0] === problem);
    if (index < 0) out.push(problem);
    else out.splice(index, 0, problem);
  }
  return out;
}

/**
 * Thrown for invalid user input (manifests, evidence, policy, keys, flags). Carries every problem
 * found, not only the first, as a readable listing: a few examples of each kind of problem, the
 * rest summarised. The edges turn it into exit status 2 or a failed step.
 */
export class InputError extends Error {
  readonly problems: readonly Problem[];
  /** How many problems were found, including those only counted in summary lines. */
  readonly total: number;

  constructor(problems: readonly Problem[], summary?: string) {
    const listed = summariseProblems(sortProblems(problems));
    super(summary ?? listed.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = listed;
    this.total = countProblems(problems);
  }
}
