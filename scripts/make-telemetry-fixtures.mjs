// Writes the telemetry fixtures test/telemetry reads: a small seeded JSON Lines file (the simulator's
// events plus a few hand-made edge cases) and the same events as Parquet, written by DuckDB (the
// optional dependency) with nested struct columns and a TIMESTAMP WITH TIME ZONE column, Snappy
// compressed, in two row groups. Run: node scripts/make-telemetry-fixtures.mjs (Node 24 strips types).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateTelemetry, toTelemetryJsonl } from '../test/support/sim/telemetry.ts';
import { DUCKDB_JSON_COLUMNS, duckDbSource } from '../src/telemetry/duckdb.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'test', 'fixtures', 'telemetry');
mkdirSync(dir, { recursive: true });
const events = generateTelemetry({
  application: 'policy-qa',
  applicationClass: 'policy_qa',
  startMs: Date.UTC(2026, 3, 1),
  days: 1,
  seed: 5,
  lookAtMs: Date.UTC(2026, 3, 10),
  cohorts: [
    { cohort: 'holdout', package_id: 'qa-r2', requests_per_day: 150, users: 40 },
    { cohort: 'canary_05', package_id: 'qa-r3', requests_per_day: 150, users: 40 },
  ],
});
// Edge cases the aggregation must treat alike everywhere: no package id, no trace, empty trace,
// a failing tool, a 0 ms latency, an offset time zone, a correction without a rating.
events.push(
  {
    request_id: 'edge-1',
    timestamp: '2026-04-01T10:15:00+02:00',
    application: 'policy-qa',
    cohort: 'canary_05',
    assignment_key: 'u-edge',
    metrics: { latency_ms: 0 },
  },
  {
    request_id: 'edge-2',
    timestamp: '2026-04-01T11:00:00Z',
    package_id: 'qa-r3',
    application: 'policy-qa',
    cohort: 'canary_05',
    assignment_key: 'u-edge',
    tool_trace: [],
    outcome: { success: false },
  },
  {
    request_id: 'edge-3',
    timestamp: '2026-04-01T11:30:00.5Z',
    package_id: 'qa-r3',
    application: 'policy-qa',
    cohort: 'canary_05',
    assignment_key: 'u-edge',
    tool_trace: [
      { tool: 'search', status: 'timeout' },
      { tool: 'search', status: 'success' },
    ],
    feedback: { correction_type: 'date_boundary' },
    metrics: { latency_ms: 0, cost_usd: 0.002 },
  },
);
const jsonl = join(dir, 'events.jsonl');
writeFileSync(jsonl, toTelemetryJsonl(events));
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const columns = Object.keys(DUCKDB_JSON_COLUMNS).map((c) =>
  c === 'timestamp' ? `CAST("timestamp" AS TIMESTAMPTZ) AS "timestamp"` : `"${c}"`,
);
await connection.run(
  `COPY (SELECT ${columns.join(', ')} FROM ${duckDbSource([jsonl])}) TO '${join(dir, 'events.parquet')}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 200)`,
);
connection.closeSync();
instance.closeSync();
process.stderr.write(`wrote ${events.length} events to ${jsonl} and events.parquet\n`);
