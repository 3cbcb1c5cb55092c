import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/telemetry/columns.ts';
import { clickHouseDialect, clickHouseStatements } from '../../src/telemetry/clickhouse.ts';
import { duckDbSource } from '../../src/telemetry/duckdb.ts';
import { buildAggregationSql, DUCKDB_DIALECT, sqlString } from '../../src/telemetry/sql.ts';

// The SQL every engine runs comes from one column table; these check what changes per dialect and
// what must never reach a server unquoted. The statements run for real in read.test.ts (DuckDB) and
// test/clickhouse (a ClickHouse server, outside CI).
describe('aggregation SQL', () => {
  it('sums every column once, groups by the key names, and filters by application and look time', () => {
    const sql = buildAggregationSql(DUCKDB_DIALECT, {
      source: 't',
      windowMs: 3_600_000,
      application: 'policy-qa',
      untilMs: 1_775_000_000_000,
    });
    for (const c of COLUMNS) expect(sql).toContain(` AS ${c.name}`);
    expect(sql).toContain('GROUP BY package_id, cohort, window_start, cluster');
    expect(sql).toContain(`"application" = 'policy-qa'`);
    expect(sql).toContain('EPOCH_MS(CAST("timestamp" AS TIMESTAMPTZ)) < 1775000000000');
    expect(sql).toContain(
      'CAST(FLOOR(EPOCH_MS(CAST("timestamp" AS TIMESTAMPTZ)) / 3600000) AS BIGINT) * 3600000 AS window_start',
    );
  });

  it("speaks ClickHouse's dialect: flat columns, UInt8 booleans, arrayCount over the trace, DateTime64 by default", () => {
    const { aggregation, completeness } = clickHouseStatements(
      { url: 'http://127.0.0.1:8123', table: 'analytics.telemetry' },
      { windowMs: 60_000 },
    );
    expect(aggregation).toContain('FROM analytics.telemetry');
    expect(aggregation).toContain('CASE WHEN outcome_success = 0 THEN 1 ELSE 0 END');
    expect(aggregation).toContain("arrayCount(s -> s != 'success', tool_trace_status)");
    expect(aggregation).toContain('toUnixTimestamp64Milli(parseDateTime64BestEffort(timestamp, 3))');
    expect(aggregation).toContain('log(greatest(metrics_latency_ms, 1))');
    expect(aggregation.endsWith('FORMAT JSONEachRow')).toBe(true);
    expect(completeness).toContain('tool_trace_present = 1');
    expect(aggregation).not.toContain('TRUE');
    expect(clickHouseDialect({ epochMs: 'toUnixTimestamp(ts) * 1000' }).epochMs()).toBe('toUnixTimestamp(ts) * 1000');
  });

  it('quotes strings and refuses identifiers that could inject SQL', () => {
    expect(sqlString("o'neil")).toBe("'o''neil'");
    expect(() =>
      clickHouseStatements({ url: 'http://x', table: 'telemetry; DROP TABLE x' }, { windowMs: 1000 }),
    ).toThrow('Not a ClickHouse table name');
    expect(duckDbSource(["it's.jsonl"])).toContain("['it''s.jsonl']");
    expect(() => duckDbSource(['a.parquet', 'b.jsonl'])).toThrow('one format per query');
    expect(() => buildAggregationSql(DUCKDB_DIALECT, { source: 't', windowMs: 1.5 })).toThrow('safe integer');
  });
});
