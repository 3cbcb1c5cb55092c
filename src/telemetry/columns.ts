/**
 * The sufficient statistics kept per (package, cohort, window, cluster): one table of columns, each
 * defined once for the streaming reader (a function of an event) and once as SQL (an expression
 * summed by GROUP BY), so the pure reader, DuckDB and ClickHouse compute the same numbers. Every
 * column is a sum over events; a missing field contributes 0 to its sum and its `_n` count.
 */
import { isNegativeFeedback } from './event.ts';
import type { TelemetryEvent } from './event.ts';

/** How a SQL engine spells the few things that differ between engines. */
export interface SqlDialect {
  readonly name: string;
  /** The expression for a nested event field, e.g. `outcome.success`. */
  field(path: string): string;
  /** Natural logarithm. */
  ln(expression: string): string;
  /** Number of tool calls in `tool_trace` (0 when absent). */
  traceLength(): string;
  /** Tool calls whose status is not `success`. */
  traceFailures(): string;
  /** Whether the event has a tool trace at all (an empty one counts). */
  tracePresent(): string;
  /** Event time in epoch milliseconds. */
  epochMs(): string;
  /** The boolean literals (ClickHouse before 21 stores booleans as UInt8 and has no TRUE). */
  readonly true: string;
  readonly false: string;
  /** A string literal. */
  literal(text: string): string;
}

/** One aggregated column. */
export interface Column {
  readonly name: string;
  readonly doc: string;
  readonly js: (e: TelemetryEvent) => number;
  readonly sql: (d: SqlDialect) => string;
}

const when = (condition: string): string => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
const present = (d: SqlDialect, path: string): string => when(`${d.field(path)} IS NOT NULL`);
const isTrue = (d: SqlDialect, path: string): string => when(`${d.field(path)} = ${d.true}`);
const isFalse = (d: SqlDialect, path: string): string => when(`${d.field(path)} = ${d.false}`);
const valueOf = (d: SqlDialect, path: string): string => `COALESCE(${d.field(path)}, 0)`;
const flag = (x: boolean | undefined): number => (x === true ? 1 : 0);
const has = (x: unknown): number => (x === undefined || x === null ? 0 : 1);

/** Smallest latency the log takes, so a 0 ms record cannot make the geometric mean −∞. */
export const LATENCY_LOG_FLOOR_MS = 1;

/** Every column, in the order rows hold them. */
export const COLUMNS: readonly Column[] = [
  { name: 'requests', doc: 'events', js: () => 1, sql: () => '1' },
  {
    name: 'success_n',
    doc: 'events with outcome.success',
    js: (e) => has(e.outcome?.success),
    sql: (d) => present(d, 'outcome.success'),
  },
  {
    name: 'failures',
    doc: 'outcome.success = false',
    js: (e) => (e.outcome?.success === false ? 1 : 0),
    sql: (d) => isFalse(d, 'outcome.success'),
  },
  {
    name: 'soft_n',
    doc: 'events with outcome.soft_failure',
    js: (e) => has(e.outcome?.soft_failure),
    sql: (d) => present(d, 'outcome.soft_failure'),
  },
  {
    name: 'soft_failures',
    doc: 'outcome.soft_failure = true',
    js: (e) => flag(e.outcome?.soft_failure),
    sql: (d) => isTrue(d, 'outcome.soft_failure'),
  },
  {
    name: 'judged_n',
    doc: 'events with a judged score',
    js: (e) => has(e.outcome?.judged_score),
    sql: (d) => present(d, 'outcome.judged_score'),
  },
  {
    name: 'judged_sum',
    doc: 'sum of judged scores',
    js: (e) => e.outcome?.judged_score ?? 0,
    sql: (d) => valueOf(d, 'outcome.judged_score'),
  },
  {
    name: 'feedback_n',
    doc: 'events with any feedback field',
    js: (e) =>
      e.feedback !== undefined &&
      (has(e.feedback.rating) || has(e.feedback.correction_type) || has(e.feedback.escalated))
        ? 1
        : 0,
    sql: (d) =>
      when(
        ['feedback.rating', 'feedback.correction_type', 'feedback.escalated']
          .map((p) => `${d.field(p)} IS NOT NULL`)
          .join(' OR '),
      ),
  },
  {
    name: 'negative_feedback',
    doc: 'rating −1, a correction, or an escalation',
    js: (e) => (isNegativeFeedback(e.feedback) ? 1 : 0),
    sql: (d) =>
      when(
        `${d.field('feedback.rating')} = -1 OR (${d.field('feedback.correction_type')} IS NOT NULL AND ${d.field('feedback.correction_type')} <> '') OR ${d.field('feedback.escalated')} = ${d.true}`,
      ),
  },
  {
    name: 'escalations',
    doc: 'feedback.escalated = true',
    js: (e) => flag(e.feedback?.escalated),
    sql: (d) => isTrue(d, 'feedback.escalated'),
  },
  {
    name: 'unsafe_n',
    doc: 'events with safety.unsafe',
    js: (e) => has(e.safety?.unsafe),
    sql: (d) => present(d, 'safety.unsafe'),
  },
  {
    name: 'unsafe',
    doc: 'safety.unsafe = true',
    js: (e) => flag(e.safety?.unsafe),
    sql: (d) => isTrue(d, 'safety.unsafe'),
  },
  {
    name: 'intervention_n',
    doc: 'events with safety.intervention',
    js: (e) => has(e.safety?.intervention),
    sql: (d) => present(d, 'safety.intervention'),
  },
  {
    name: 'interventions',
    doc: 'safety.intervention = true',
    js: (e) => flag(e.safety?.intervention),
    sql: (d) => isTrue(d, 'safety.intervention'),
  },
  {
    name: 'refusal_n',
    doc: 'events with output.refusal',
    js: (e) => has(e.output?.refusal),
    sql: (d) => present(d, 'output.refusal'),
  },
  {
    name: 'refusals',
    doc: 'output.refusal = true',
    js: (e) => flag(e.output?.refusal),
    sql: (d) => isTrue(d, 'output.refusal'),
  },
  {
    name: 'schema_n',
    doc: 'events with output.schema_valid',
    js: (e) => has(e.output?.schema_valid),
    sql: (d) => present(d, 'output.schema_valid'),
  },
  {
    name: 'schema_invalid',
    doc: 'output.schema_valid = false',
    js: (e) => (e.output?.schema_valid === false ? 1 : 0),
    sql: (d) => isFalse(d, 'output.schema_valid'),
  },
  {
    name: 'answer_n',
    doc: 'answers (not refusals) with a citation count',
    js: (e) => (e.output?.citations !== undefined && e.output.refusal !== true ? 1 : 0),
    sql: (d) =>
      when(
        `${d.field('output.citations')} IS NOT NULL AND COALESCE(${d.field('output.refusal')}, ${d.false}) = ${d.false}`,
      ),
  },
  {
    name: 'uncited',
    doc: 'answers with no citation',
    js: (e) => (e.output?.citations === 0 && e.output.refusal !== true ? 1 : 0),
    sql: (d) =>
      when(`${d.field('output.citations')} = 0 AND COALESCE(${d.field('output.refusal')}, ${d.false}) = ${d.false}`),
  },
  { name: 'traced', doc: 'events with a tool_trace', js: (e) => has(e.tool_trace), sql: (d) => when(d.tracePresent()) },
  {
    name: 'tool_calls',
    doc: 'tool calls in traces',
    js: (e) => e.tool_trace?.length ?? 0,
    sql: (d) => d.traceLength(),
  },
  {
    name: 'tool_failures',
    doc: 'tool calls whose status is not success',
    js: (e) =>
      e.tool_trace === undefined ? 0 : e.tool_trace.reduce((n, c) => n + (c.status === 'success' ? 0 : 1), 0),
    sql: (d) => d.traceFailures(),
  },
  {
    name: 'latency_n',
    doc: 'events with metrics.latency_ms',
    js: (e) => has(e.metrics?.latency_ms),
    sql: (d) => present(d, 'metrics.latency_ms'),
  },
  {
    name: 'latency_sum',
    doc: 'sum of latency_ms',
    js: (e) => e.metrics?.latency_ms ?? 0,
    sql: (d) => valueOf(d, 'metrics.latency_ms'),
  },
  {
    name: 'latency_log_sum',
    doc: 'sum of ln(max(latency_ms, 1)): the geometric mean',
    js: (e) =>
      e.metrics?.latency_ms === undefined ? 0 : Math.log(Math.max(e.metrics.latency_ms, LATENCY_LOG_FLOOR_MS)),
    sql: (d) =>
      `CASE WHEN ${d.field('metrics.latency_ms')} IS NULL THEN 0 ELSE ${d.ln(`greatest(${d.field('metrics.latency_ms')}, ${LATENCY_LOG_FLOOR_MS})`)} END`,
  },
  {
    name: 'cost_n',
    doc: 'events with metrics.cost_usd',
    js: (e) => has(e.metrics?.cost_usd),
    sql: (d) => present(d, 'metrics.cost_usd'),
  },
  {
    name: 'cost_sum',
    doc: 'sum of cost_usd',
    js: (e) => e.metrics?.cost_usd ?? 0,
    sql: (d) => valueOf(d, 'metrics.cost_usd'),
  },
  {
    name: 'output_tokens_n',
    doc: 'events with metrics.output_tokens',
    js: (e) => has(e.metrics?.output_tokens),
    sql: (d) => present(d, 'metrics.output_tokens'),
  },
  {
    name: 'output_tokens_sum',
    doc: 'sum of output_tokens',
    js: (e) => e.metrics?.output_tokens ?? 0,
    sql: (d) => valueOf(d, 'metrics.output_tokens'),
  },
  {
    name: 'comparisons',
    doc: 'paired judge comparisons',
    js: (e) => has(e.comparison),
    sql: (d) => present(d, 'comparison.verdict'),
  },
  {
    name: 'wins',
    doc: 'comparisons won',
    js: (e) => (e.comparison?.verdict === 'win' ? 1 : 0),
    sql: (d) => when(`${d.field('comparison.verdict')} = ${d.literal('win')}`),
  },
  {
    name: 'losses',
    doc: 'comparisons lost',
    js: (e) => (e.comparison?.verdict === 'loss' ? 1 : 0),
    sql: (d) => when(`${d.field('comparison.verdict')} = ${d.literal('loss')}`),
  },
];

/** A column's position in a row. */
export const COLUMN_INDEX: Readonly<Record<string, number>> = Object.fromEntries(COLUMNS.map((c, i) => [c.name, i]));

/** Values per row. */
export const WIDTH = COLUMNS.length;

/** The position of a column by name. @throws Error for an unknown name (a bug). */
export function columnIndex(name: string): number {
  const index = COLUMN_INDEX[name];
  if (index === undefined) throw new Error(`No telemetry column named ${name}.`);
  return index;
}
