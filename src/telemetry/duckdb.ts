/**
 * The embedded DuckDB engine: runs the aggregation SQL over JSON Lines (gzip too) or Parquet files,
 * local or on object storage (s3://, https:// through DuckDB's httpfs), where a JavaScript reader
 * would have to download everything. DuckDB is a native module, so it is an optional dependency
 * loaded only when asked for; the pure streaming reader is the default everywhere and the bundled
 * Action never loads it.
 */
import { COLUMNS } from './columns.ts';
import { sortRows } from './aggregate.ts';
import type { AggregateOptions, AggregateRow, AggregateTable, CompletenessCounts } from './aggregate.ts';
import { buildAggregationSql, buildCompletenessSql, DUCKDB_DIALECT, sqlString } from './sql.ts';

/** The column types DuckDB reads JSON Lines with, so that absent fields are NULL, never guessed. */
export const DUCKDB_JSON_COLUMNS: Readonly<Record<string, string>> = {
  request_id: 'VARCHAR',
  timestamp: 'VARCHAR',
  package_id: 'VARCHAR',
  application: 'VARCHAR',
  cohort: 'VARCHAR',
  assignment_key: 'VARCHAR',
  category: 'VARCHAR',
  prompt_hash: 'VARCHAR',
  retrieval_manifest: 'STRUCT("index" VARCHAR, top_k BIGINT)',
  tool_trace: 'STRUCT(tool VARCHAR, status VARCHAR, latency_ms DOUBLE)[]',
  metrics: 'STRUCT(latency_ms DOUBLE, ttft_ms DOUBLE, input_tokens BIGINT, output_tokens BIGINT, cost_usd DOUBLE)',
  outcome:
    'STRUCT(success BOOLEAN, soft_failure BOOLEAN, judged_score DOUBLE, judge STRUCT(id VARCHAR, version VARCHAR))',
  output:
    'STRUCT(length_tokens BIGINT, refusal BOOLEAN, schema_valid BOOLEAN, tool_calls BIGINT, retries BIGINT, citations BIGINT, finish_reason VARCHAR)',
  safety: 'STRUCT(intervention BOOLEAN, injection_flag BOOLEAN, unsafe BOOLEAN)',
  feedback: 'STRUCT(rating BIGINT, correction_type VARCHAR, escalated BOOLEAN)',
  comparison: 'STRUCT(baseline_package_id VARCHAR, verdict VARCHAR)',
};

/** The message when the optional dependency is not installed. */
export const DUCKDB_MISSING =
  'The DuckDB engine needs the optional dependency @duckdb/node-api (npm install @duckdb/node-api); without it use the default streaming reader (--engine stream).';

/** Thrown when DuckDB is not installed or cannot load on this platform. */
export class EngineUnavailableError extends Error {
  override readonly name = 'EngineUnavailableError';
}

/** The FROM source for a list of files: read_json for .jsonl/.json(.gz), read_parquet for .parquet. */
export function duckDbSource(files: readonly string[]): string {
  if (files.length === 0) throw new RangeError('Expected at least one telemetry file.');
  const parquet = files.filter((f) => /\.parquet$/i.test(f));
  if (parquet.length !== 0 && parquet.length !== files.length)
    throw new RangeError('DuckDB reads one format per query: pass either Parquet or JSON Lines files.');
  const list = `[${files.map(sqlString).join(', ')}]`;
  if (parquet.length > 0) return `read_parquet(${list}, union_by_name = true)`;
  const columns = Object.entries(DUCKDB_JSON_COLUMNS)
    .map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`)
    .join(', ');
  return `read_json(${list}, format = 'newline_delimited', compression = 'auto_detect', columns = {${columns}})`;
}

interface DuckDbModule {
  DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<DuckDbConnection>; closeSync?: () => void }> };
}
interface DuckDbConnection {
  runAndReadAll(
    sql: string,
  ): Promise<{ getRowObjectsJS(): Record<string, unknown>[]; getColumnsJS(): unknown[][]; columnNames(): string[] }>;
  closeSync?: () => void;
}

async function loadDuckDb(): Promise<DuckDbModule> {
  // A variable specifier keeps bundlers from following the import: the Action never carries DuckDB.
  const name = '@duckdb/node-api';
  try {
    return (await import(name)) as DuckDbModule;
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new EngineUnavailableError(`${DUCKDB_MISSING} (${detail})`);
  }
}

/**
 * Aggregates telemetry files with DuckDB into the same table the streaming reader builds. DuckDB
 * reads the files with the contract's column types and does not validate events: run the streaming
 * reader (or validate at ingestion) to find and locate bad records.
 *
 * @throws EngineUnavailableError when @duckdb/node-api is not installed.
 * @throws Error with DuckDB's message when a file cannot be read.
 */
export async function aggregateWithDuckDb(
  files: readonly string[],
  options: AggregateOptions,
): Promise<AggregateTable> {
  const duckdb = await loadDuckDb();
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const sqlOptions = {
      source: duckDbSource(files),
      windowMs: options.windowMs,
      ...(options.application !== undefined ? { application: options.application } : {}),
      ...(options.untilMs !== undefined ? { untilMs: options.untilMs } : {}),
    };
    // Columns, not row objects: converting a few hundred thousand groups row by row costs more than the query.
    const result = await connection.runAndReadAll(buildAggregationSql(DUCKDB_DIALECT, sqlOptions));
    const names = result.columnNames();
    const columns = result.getColumnsJS();
    const rows = rowsFromColumns(names, columns);
    const completeness = (
      await connection.runAndReadAll(buildCompletenessSql(DUCKDB_DIALECT, sqlOptions))
    ).getRowObjectsJS();
    return tableFromSqlRows(rows, completeness, options.windowMs);
  } finally {
    connection.closeSync?.();
    instance.closeSync?.();
  }
}

function num(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v);
}

/** Row objects from column arrays, without DuckDB's per-row conversion. */
function rowsFromColumns(names: readonly string[], columns: readonly unknown[][]): Record<string, unknown>[] {
  const length = columns[0]?.length ?? 0;
  const rows: Record<string, unknown>[] = Array.from({ length }, () => ({}));
  names.forEach((name, c) => {
    const column = columns[c]!;
    for (let r = 0; r < length; r++) rows[r]![name] = column[r];
  });
  return rows;
}

/** Converts result rows of the two statements (numbers or bigints) into an aggregate table. */
export function tableFromSqlRows(
  rows: readonly Record<string, unknown>[],
  completeness: readonly Record<string, unknown>[],
  windowMs: number,
): AggregateTable {
  const out: AggregateRow[] = rows.map((r) => ({
    package_id: String(r['package_id']),
    cohort: String(r['cohort']),
    window_start: num(r['window_start']),
    cluster: String(r['cluster']),
    values: COLUMNS.map((c) => num(r[c.name])),
  }));
  const counts: CompletenessCounts[] = completeness.map((r) => ({
    cohort: String(r['cohort']),
    events: num(r['events']),
    with_package: num(r['with_package']),
    with_prompt_hash: num(r['with_prompt_hash']),
    with_retrieval: num(r['with_retrieval']),
    with_tool_trace: num(r['with_tool_trace']),
    complete_core: num(r['complete_core']),
    complete_retrieval: num(r['complete_retrieval']),
    complete_tools: num(r['complete_tools']),
    complete_all: num(r['complete_all']),
  }));
  const unattributed = counts.reduce((n, c) => n + c.events - c.with_package, 0);
  const sorted = sortRows(out);
  return {
    window_ms: windowMs,
    columns: COLUMNS.map((c) => c.name),
    rows: sorted,
    completeness: counts.toSorted((a, b) => (a.cohort < b.cohort ? -1 : a.cohort > b.cohort ? 1 : 0)),
    unattributed,
  };
}
