/**
 * Problems with telemetry records: every one is located (`file:line field: message`), and since a
 * day of a large application can hold millions of bad lines, they are also summarised per field
 * with a count and the first places, so that the summary is readable and the full list bounded.
 */
import type { Problem } from '../problem.ts';

/** One field's problems: how many, and where the first ones are. */
export interface FieldProblems {
  readonly field: string;
  readonly count: number;
  /** The first message for this field, e.g. `expected a non-negative number, got -3`. */
  readonly example: string;
  /** `file:line` of the first few. */
  readonly first: readonly string[];
}

/** What a reader says about the records it could not use. */
export interface ProblemSummary {
  readonly events_read: number;
  readonly invalid_events: number;
  readonly problems: number;
  readonly by_field: readonly FieldProblems[];
  /** Located problems, the first `limit` of them (all when `truncated` is false). */
  readonly located: readonly Problem[];
  readonly truncated: boolean;
}

const FIRST_PLACES = 3;

/** Collects problems while a reader streams: counts everything, keeps the first `limit` located. */
export class ProblemLog {
  private readonly limit: number;
  private readonly fields = new Map<string, { count: number; example: string; first: string[] }>();
  private readonly kept: Problem[] = [];
  private total = 0;
  private invalid = 0;
  private read = 0;

  constructor(limit = 1000) {
    this.limit = limit;
  }

  /** Records one problem at `file:line`. */
  add(problem: Problem): void {
    this.total += 1;
    if (this.kept.length < this.limit) this.kept.push(problem);
    const key = problem.field ?? '';
    let entry = this.fields.get(key);
    if (!entry) {
      entry = { count: 0, example: problem.message, first: [] };
      this.fields.set(key, entry);
    }
    entry.count += 1;
    if (entry.first.length < FIRST_PLACES) entry.first.push(`${problem.file}:${problem.line ?? 0}`);
  }

  /** Counts one event read, and whether it had a problem. */
  countEvent(valid: boolean): void {
    this.read += 1;
    if (!valid) this.invalid += 1;
  }

  /** The summary so far; fields by count, most frequent first. */
  summary(): ProblemSummary {
    const by_field = [...this.fields]
      .map(([field, e]) => ({ field, count: e.count, example: e.example, first: [...e.first] }))
      .toSorted((a, b) => b.count - a.count || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
    return {
      events_read: this.read,
      invalid_events: this.invalid,
      problems: this.total,
      by_field,
      located: [...this.kept],
      truncated: this.total > this.kept.length,
    };
  }
}

/** Merges the summaries of several files. */
export function mergeSummaries(summaries: readonly ProblemSummary[], limit = 1000): ProblemSummary {
  const log = new ProblemLog(limit);
  let read = 0;
  let invalid = 0;
  const fields = new Map<string, { count: number; example: string; first: string[] }>();
  for (const s of summaries) {
    read += s.events_read;
    invalid += s.invalid_events;
    for (const f of s.by_field) {
      const entry = fields.get(f.field) ?? { count: 0, example: f.example, first: [] };
      entry.count += f.count;
      entry.first.push(...f.first.slice(0, FIRST_PLACES - entry.first.length));
      fields.set(f.field, entry);
    }
    for (const p of s.located) log.add(p);
  }
  const located = log.summary().located;
  const problems = summaries.reduce((n, s) => n + s.problems, 0);
  const by_field = [...fields]
    .map(([field, e]) => ({ field, ...e }))
    .toSorted((a, b) => b.count - a.count || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return {
    events_read: read,
    invalid_events: invalid,
    problems,
    by_field,
    located,
    truncated: problems > located.length,
  };
}

/** One line per field: `metrics.latency_ms: 12 events, e.g. expected … (first at a.jsonl:3, a.jsonl:9)`. */
export function describeSummary(summary: ProblemSummary): string[] {
  return summary.by_field.map((f) => {
    const field = f.field === '' ? '(whole record)' : f.field;
    return `${field}: ${f.count.toLocaleString('en-US')} problem${f.count === 1 ? '' : 's'}, e.g. ${f.example} (first at ${f.first.join(', ')})`;
  });
}
