import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { TelemetryAggregator, traceCompleteness } from '../../src/telemetry/aggregate.ts';
import type { AggregateTable } from '../../src/telemetry/aggregate.ts';
import { columnIndex } from '../../src/telemetry/columns.ts';
import { aggregateWithDuckDb } from '../../src/telemetry/duckdb.ts';
import { describeSummary } from '../../src/telemetry/problems.ts';
import { readTelemetryFiles } from '../../src/telemetry/read.ts';

const FIXTURES = new URL('../fixtures/telemetry/', import.meta.url).pathname;
const JSONL = join(FIXTURES, 'events.jsonl');
const PARQUET = join(FIXTURES, 'events.parquet');
const dir = mkdtempSync(join(tmpdir(), 'kaizen-telemetry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HOUR = 3_600_000;

async function streamed(
  path: string,
  label = 'events',
  windowMs = HOUR,
): Promise<{ table: AggregateTable; summary: Awaited<ReturnType<typeof readTelemetryFiles>> }> {
  const aggregator = new TelemetryAggregator({ windowMs });
  const summary = await readTelemetryFiles([{ path, label }], (e) => aggregator.add(e));
  return { table: aggregator.table(), summary };
}

/** Counts must match exactly; float sums (costs, log latencies) to 1e-9 relative: summation order differs. */
function expectSameTable(a: AggregateTable, b: AggregateTable): void {
  expect(b.rows.map((r) => [r.package_id, r.cohort, r.window_start, r.cluster])).toEqual(
    a.rows.map((r) => [r.package_id, r.cohort, r.window_start, r.cluster]),
  );
  a.rows.forEach((row, i) =>
    Array.from(row.values).forEach((v, j) =>
      expect(Math.abs(v - b.rows[i]!.values[j]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v))),
    ),
  );
  expect(b.completeness).toEqual(a.completeness);
  expect(b.unattributed).toBe(a.unattributed);
}

describe('telemetry readers', () => {
  it('streams JSON Lines, and the same file gzip-compressed, to the same aggregate', async () => {
    const plain = await streamed(JSONL);
    expect(plain.summary).toMatchObject({ events_read: 275, invalid_events: 0, problems: 0 });
    expect(plain.table.unattributed).toBe(1);
    const gz = join(dir, 'events.jsonl.gz');
    writeFileSync(gz, gzipSync(readFileSync(JSONL)));
    expectSameTable(plain.table, (await streamed(gz)).table);
  });

  it('reads Parquet (nested structs, a TIMESTAMP column, two row groups) to the same aggregate', async () => {
    const plain = await streamed(JSONL);
    const parquet = await streamed(PARQUET, 'events.parquet');
    expect(parquet.summary).toMatchObject({ events_read: 275, invalid_events: 0 });
    expectSameTable(plain.table, parquet.table);
  });

  it('locates every bad line and summarises per field, using the good lines', async () => {
    const file = join(dir, 'bad.jsonl');
    const good = readFileSync(JSONL, 'utf8').split('\n').slice(0, 3);
    writeFileSync(
      file,
      `\uFEFF${[good[0], '{"request_id": "x"', good[1], JSON.stringify({ ...JSON.parse(good[2]!), metrics: { latency_ms: -5, cost_usd: 'free' } }), '', '[1,2]', JSON.stringify({ ...JSON.parse(good[0]!), metrics: { latency_ms: -1 } })].join('\r\n')}\r\n`,
    );
    const { table, summary } = await streamed(file, 'bad.jsonl');
    expect(summary.events_read).toBe(6);
    expect(summary.invalid_events).toBe(4);
    expect(summary.located.map((p) => `${p.file}:${p.line}${p.field ? ` ${p.field}` : ''}: ${p.message}`)).toEqual([
      expect.stringMatching(/^bad.jsonl:2: not valid JSON/),
      'bad.jsonl:4 metrics.latency_ms: expected a non-negative number, got -5',
      'bad.jsonl:4 metrics.cost_usd: expected a non-negative number, got the string "free"',
      'bad.jsonl:6: expected a JSON object per line, got an array',
      'bad.jsonl:7 metrics.latency_ms: expected a non-negative number, got -1',
    ]);
    expect(describeSummary(summary)).toContain(
      'metrics.latency_ms: 2 problems, e.g. expected a non-negative number, got -5 (first at bad.jsonl:4, bad.jsonl:7)',
    );
    expect(table.rows.reduce((n, r) => n + r.values[columnIndex('requests')]!, 0)).toBe(2);
  });

  it('measures trace completeness against what the manifest has', async () => {
    const { table } = await streamed(JSONL);
    const canary = table.completeness.find((c) => c.cohort === 'canary_05')!;
    // The three hand-made edge events lack a package id or a prompt hash.
    expect(canary.events - canary.complete_all).toBe(3);
    expect(traceCompleteness(canary, { retrieval: true, tools: true })).toBeCloseTo(
      canary.complete_all / canary.events,
      12,
    );
    expect(traceCompleteness(canary, { retrieval: false, tools: false })).toBeCloseTo(
      canary.complete_core / canary.events,
      12,
    );
  });
});

describe('DuckDB engine (optional dependency, installed here)', () => {
  it('aggregates JSON Lines and Parquet to what the streaming reader computes', async () => {
    const plain = await streamed(JSONL);
    expectSameTable(plain.table, await aggregateWithDuckDb([JSONL], { windowMs: HOUR }));
    expectSameTable(plain.table, await aggregateWithDuckDb([PARQUET], { windowMs: HOUR }));
  });

  it('applies the application and look-time filters the same way', async () => {
    const untilMs = Date.UTC(2026, 3, 1, 12);
    const aggregator = new TelemetryAggregator({ windowMs: 4 * HOUR, application: 'policy-qa', untilMs });
    await readTelemetryFiles([{ path: JSONL, label: 'events' }], (e) => aggregator.add(e));
    const duck = await aggregateWithDuckDb([JSONL], { windowMs: 4 * HOUR, application: 'policy-qa', untilMs });
    expectSameTable(aggregator.table(), duck);
    expect(duck.rows.every((r) => r.window_start < untilMs)).toBe(true);
  });
});
