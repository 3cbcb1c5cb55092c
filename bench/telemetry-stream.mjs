// Child of bench/telemetry.mjs: aggregates one JSON Lines file with the streaming reader and prints
// {ms, maxRssMB}; with a third argument, also writes the table there (rows as arrays) for comparison.
import { writeFileSync } from 'node:fs';
import { TelemetryAggregator } from '../src/telemetry/aggregate.ts';
import { readTelemetryFiles } from '../src/telemetry/read.ts';

const [file, windowText, tableFile] = process.argv.slice(2);
const start = performance.now();
const aggregator = new TelemetryAggregator({ windowMs: Number(windowText) });
const summary = await readTelemetryFiles([{ path: file, label: 'events.jsonl' }], (event) => aggregator.add(event));
const table = aggregator.table();
const ms = performance.now() - start;
const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
if (summary.invalid_events > 0) throw new Error(`${summary.invalid_events} invalid events`);
if (tableFile)
  writeFileSync(
    tableFile,
    JSON.stringify({
      rows: table.rows.map((r) => [r.package_id, r.cohort, r.window_start, r.cluster, Array.from(r.values)]),
      completeness: table.completeness,
    }),
  );
process.stdout.write(JSON.stringify({ ms, maxRssMB, groups: table.rows.length }));
