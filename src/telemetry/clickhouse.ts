/**
 * The ClickHouse adapter, for teams whose telemetry already lives in a ClickHouse table: the same
 * aggregation SQL (sql.ts) in ClickHouse's dialect, sent over the HTTP interface, so only the
 * sufficient statistics leave the warehouse. The table is flat: a nested field `a.b` is the column
 * `a_b`; booleans are UInt8; the tool trace is `tool_trace_status Array(String)` with
 * `tool_trace_present UInt8` (arrays cannot be NULL there). docs/stages.md has the CREATE TABLE.
 */
import type { SqlDialect } from './columns.ts';
import type { AggregateOptions, AggregateTable } from './aggregate.ts';
import { tableFromSqlRows } from './duckdb.ts';
import { buildAggregationSql, buildCompletenessSql, sqlString } from './sql.ts';

/** Options of the ClickHouse dialect. */
export interface ClickHouseDialectOptions {
  /**
   * Expression for the event time in epoch milliseconds. The default needs DateTime64 (ClickHouse
   * 20.1 or later); older servers can pass `toUnixTimestamp(parseDateTimeBestEffort(timestamp)) * 1000`
   * (whole seconds).
   */
  readonly epochMs?: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** ClickHouse's spelling of the aggregation's engine-specific parts. */
export function clickHouseDialect(options: ClickHouseDialectOptions = {}): SqlDialect {
  return {
    name: 'clickhouse',
    field: (path) => {
      const column = path.replaceAll('.', '_');
      if (!IDENTIFIER.test(column)) throw new RangeError(`Not a ClickHouse column name: ${column}`);
      return column;
    },
    ln: (x) => `log(${x})`,
    traceLength: () => 'length(tool_trace_status)',
    traceFailures: () => "arrayCount(s -> s != 'success', tool_trace_status)",
    tracePresent: () => 'tool_trace_present = 1',
    epochMs: () => options.epochMs ?? 'toUnixTimestamp64Milli(parseDateTime64BestEffort(timestamp, 3))',
    literal: sqlString,
    true: '1',
    false: '0',
  };
}

/** Where the server is and which table holds the events. */
export interface ClickHouseTarget {
  /** HTTP interface, e.g. http://127.0.0.1:8123 */
  readonly url: string;
  /** Table name, optionally `database.table`. */
  readonly table: string;
  readonly user?: string;
  readonly password?: string;
  readonly dialect?: ClickHouseDialectOptions;
}

/** The two statements the adapter sends, for a dry run or a review. */
export function clickHouseStatements(
  target: ClickHouseTarget,
  options: AggregateOptions,
): { aggregation: string; completeness: string } {
  if (!target.table.split('.').every((part) => IDENTIFIER.test(part)))
    throw new RangeError(`Not a ClickHouse table name: ${target.table}`);
  const dialect = clickHouseDialect(target.dialect);
  const sqlOptions = {
    source: target.table,
    windowMs: options.windowMs,
    ...(options.application !== undefined ? { application: options.application } : {}),
    ...(options.untilMs !== undefined ? { untilMs: options.untilMs } : {}),
  };
  return {
    aggregation: `${buildAggregationSql(dialect, sqlOptions)}\nFORMAT JSONEachRow`,
    completeness: `${buildCompletenessSql(dialect, sqlOptions)}\nFORMAT JSONEachRow`,
  };
}

/**
 * Runs the aggregation on a ClickHouse server and returns the table the streaming reader would.
 *
 * @throws Error naming the server and ClickHouse's own message when a query fails.
 */
export async function aggregateWithClickHouse(
  target: ClickHouseTarget,
  options: AggregateOptions,
): Promise<AggregateTable> {
  const { aggregation, completeness } = clickHouseStatements(target, options);
  const rows = await query(target, aggregation);
  const counts = await query(target, completeness);
  return tableFromSqlRows(rows, counts, options.windowMs);
}

async function query(target: ClickHouseTarget, sql: string): Promise<Record<string, unknown>[]> {
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
  if (target.user !== undefined) headers['x-clickhouse-user'] = target.user;
  if (target.password !== undefined) headers['x-clickhouse-key'] = target.password;
  let response: Response;
  try {
    response = await fetch(target.url, { method: 'POST', headers, body: sql });
  } catch (error: unknown) {
    throw new Error(
      `Cannot reach ClickHouse at ${target.url}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const text = await response.text();
  if (!response.ok)
    throw new Error(
      `ClickHouse at ${target.url} refused the aggregation query (HTTP ${response.status}): ${text.trim().slice(0, 500)}`,
    );
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
