/**
 * The aggregation as SQL: one statement built from the column table (columns.ts), so DuckDB over
 * local or object-store files and a ClickHouse server compute what the streaming reader computes.
 * Only a dialect's few functions differ. Pure: engines (duckdb.ts, clickhouse.ts) run it.
 */
import { COLUMNS } from './columns.ts';
import type { SqlDialect } from './columns.ts';

/** What the statement selects, beyond the dialect. */
export interface SqlAggregateOptions {
  /** The FROM clause's source: a table name or a table function call. */
  readonly source: string;
  readonly windowMs: number;
  readonly application?: string;
  readonly untilMs?: number;
}

/** Result columns of the grouping key, before the column sums. */
export const KEY_COLUMNS = ['package_id', 'cohort', 'window_start', 'cluster'] as const;

function where(d: SqlDialect, options: SqlAggregateOptions, extra: readonly string[] = []): string {
  const conditions = [...extra];
  if (options.application !== undefined)
    conditions.push(`${d.field('application')} = ${d.literal(options.application)}`);
  if (options.untilMs !== undefined) conditions.push(`${d.epochMs()} < ${integer(options.untilMs, 'untilMs')}`);
  return conditions.length === 0 ? '' : `\nWHERE ${conditions.join('\n  AND ')}`;
}

function integer(value: number, name: string): string {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`Expected \`${name}\` to be a safe integer, got ${String(value)}.`);
  return String(value);
}

/**
 * SELECT package_id, cohort, window_start, cluster, SUM(<column>)… GROUP BY the key, for events
 * with a package id. Rows come back in the order {@link sortRows} gives.
 */
export function buildAggregationSql(d: SqlDialect, options: SqlAggregateOptions): string {
  const w = integer(options.windowMs, 'windowMs');
  const sums = COLUMNS.map((c) => `  SUM(${c.sql(d)}) AS ${c.name}`);
  return [
    'SELECT',
    `  ${d.field('package_id')} AS package_id,`,
    `  ${d.field('cohort')} AS cohort,`,
    `  CAST(FLOOR(${d.epochMs()} / ${w}) AS BIGINT) * ${w} AS window_start,`,
    `  ${d.field('assignment_key')} AS cluster,`,
    sums.join(',\n'),
    `FROM ${options.source}${where(d, options, [`${d.field('package_id')} IS NOT NULL`])}`,
    // Aliases, not positions: ClickHouse before 21 reads `GROUP BY 1` as a constant.
    'GROUP BY package_id, cohort, window_start, cluster',
    'ORDER BY package_id, cohort, window_start, cluster',
  ].join('\n');
}

/** Per cohort: events, and how many carry each trace field and their conjunctions. */
export function buildCompletenessSql(d: SqlDialect, options: SqlAggregateOptions): string {
  const has = (path: string): string => `${d.field(path)} IS NOT NULL`;
  const core = `${has('package_id')} AND ${has('prompt_hash')}`;
  return [
    'SELECT',
    `  ${d.field('cohort')} AS cohort,`,
    '  COUNT(*) AS events,',
    `  ${count(has('package_id'))} AS with_package,`,
    `  ${count(has('prompt_hash'))} AS with_prompt_hash,`,
    `  ${count(has('retrieval_manifest.index'))} AS with_retrieval,`,
    `  ${count(d.tracePresent())} AS with_tool_trace,`,
    `  ${count(core)} AS complete_core,`,
    `  ${count(`${core} AND ${has('retrieval_manifest.index')}`)} AS complete_retrieval,`,
    `  ${count(`${core} AND ${d.tracePresent()}`)} AS complete_tools,`,
    `  ${count(`${core} AND ${has('retrieval_manifest.index')} AND ${d.tracePresent()}`)} AS complete_all`,
    `FROM ${options.source}${where(d, options)}`,
    'GROUP BY cohort',
    'ORDER BY cohort',
  ].join('\n');
}

function count(condition: string): string {
  return `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
}

/** ANSI string literal: single quotes doubled. */
export function sqlString(text: string): string {
  if (text.includes('\u0000')) throw new RangeError('A SQL string literal cannot hold a NUL character.');
  return `'${text.replaceAll("'", "''")}'`;
}

/** DuckDB over JSON Lines or Parquet read with the telemetry columns: nested fields are struct members. */
export const DUCKDB_DIALECT: SqlDialect = {
  name: 'duckdb',
  field: (path) =>
    path
      .split('.')
      .map((part) => `"${part}"`)
      .join('.'),
  ln: (x) => `LN(${x})`,
  traceLength: () => 'COALESCE(LEN("tool_trace"), 0)',
  traceFailures: () => `COALESCE(LEN(LIST_FILTER("tool_trace", t -> t."status" <> 'success')), 0)`,
  tracePresent: () => '"tool_trace" IS NOT NULL',
  epochMs: () => 'EPOCH_MS(CAST("timestamp" AS TIMESTAMPTZ))',
  true: 'TRUE',
  false: 'FALSE',
  literal: sqlString,
};
