// Runs the ClickHouse adapter against a real server: `npm run test:clickhouse` (not part of
// `npm test`/CI, which cannot assume a ClickHouse binary). Needs `clickhouse-server` on PATH
// (Debian: apt-get install clickhouse-server, version 18.16 in bookworm). The test starts its own
// server in a temp folder on free ports, loads the telemetry fixture into the flat table, and checks
// the adapter's aggregate against the streaming reader's.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelemetryAggregator } from '../../src/telemetry/aggregate.ts';
import { aggregateWithClickHouse } from '../../src/telemetry/clickhouse.ts';
import { readTelemetryFiles } from '../../src/telemetry/read.ts';
import { CREATE_TELEMETRY_TABLE, flatRow } from '../support/clickhouse-table.ts';

const JSONL = new URL('../fixtures/telemetry/events.jsonl', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'kaizen-clickhouse-'));
let server: ChildProcess | undefined;
let url = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

async function query(sql: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', body: sql });
  const text = await response.text();
  if (!response.ok) throw new Error(text);
  return text;
}

beforeAll(async () => {
  const [http, tcp, inter] = [await freePort(), await freePort(), await freePort()];
  url = `http://127.0.0.1:${http}/`;
  server = spawn(
    'clickhouse-server',
    [
      '--config-file=/etc/clickhouse-server/config.xml',
      '--',
      `--path=${dir}/data/`,
      `--tmp_path=${dir}/tmp/`,
      `--logger.log=${dir}/log`,
      `--logger.errorlog=${dir}/err`,
      `--http_port=${http}`,
      `--tcp_port=${tcp}`,
      `--interserver_http_port=${inter}`,
      '--listen_host=127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  // Ready when it answers; the hook timeout bounds the wait.
  for (;;) {
    try {
      await query('SELECT 1');
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await query(CREATE_TELEMETRY_TABLE);
  const rows = readFileSync(JSONL, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.stringify(flatRow(JSON.parse(line) as Record<string, unknown>)));
  await query(`INSERT INTO telemetry FORMAT JSONEachRow\n${rows.join('\n')}`);
}, 60_000);

afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('ClickHouse adapter against a real server', () => {
  it('computes the same aggregate as the streaming reader', async () => {
    const windowMs = 3_600_000;
    const aggregator = new TelemetryAggregator({ windowMs });
    await readTelemetryFiles([{ path: JSONL, label: 'events' }], (e) => aggregator.add(e));
    const expected = aggregator.table();
    // ClickHouse before 20.1 has no DateTime64: event times to the second.
    const actual = await aggregateWithClickHouse(
      { url, table: 'telemetry', dialect: { epochMs: 'toUnixTimestamp(parseDateTimeBestEffort(timestamp)) * 1000' } },
      { windowMs },
    );
    expect(actual.rows.map((r) => [r.package_id, r.cohort, r.window_start, r.cluster])).toEqual(
      expected.rows.map((r) => [r.package_id, r.cohort, r.window_start, r.cluster]),
    );
    expected.rows.forEach((row, i) =>
      Array.from(row.values).forEach((v, j) =>
        expect(Math.abs(v - actual.rows[i]!.values[j]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v))),
      ),
    );
    expect(actual.completeness).toEqual(expected.completeness);
  });
});
