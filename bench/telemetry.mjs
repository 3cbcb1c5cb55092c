// Telemetry benchmark (`npm run bench` runs it after the gate benchmark; alone:
// node bench/telemetry.mjs [--events 10000000] [--runs 3] [--window 1d] [--users 100000]).
//
// Generates compact JSON Lines events (seeded, two packages in canary and holdout cohorts, users
// repeating) into a temp folder, then aggregates them to sufficient statistics per (package, cohort,
// window, cluster) twice: with the pure streaming reader in a child process (so its peak RSS is its
// own, target ≤ 500 MB) and with DuckDB (optional dependency). Prints the medians, the peak RSS,
// and whether the two tables are equal (counts exactly, float sums to 1e-9 relative). Deletes the
// folder afterwards. Not a timed test: it never fails on the figures, only on unequal tables.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { aggregateWithDuckDb } from '../src/telemetry/duckdb.ts';
import { parseWindow } from '../src/stages/run.ts';
import { createRng } from '../src/stats/rng.ts';

const here = dirname(fileURLToPath(import.meta.url));
const { values: flags } = parseArgs({
  options: {
    events: { type: 'string' },
    runs: { type: 'string' },
    window: { type: 'string' },
    users: { type: 'string' },
    quick: { type: 'boolean' },
  },
  strict: false,
});
const EVENTS = Number(flags.events ?? (flags.quick ? 1_000_000 : 10_000_000));
const RUNS = Number(flags.runs ?? (EVENTS > 2_000_000 ? 1 : 3));
const WINDOW = parseWindow(flags.window ?? '1d');
const USERS = Number(flags.users ?? 100_000);
const log = (text) => process.stderr.write(`${text}\n`);
const median = (xs) => xs.toSorted((a, b) => a - b)[xs.length >> 1];
const work = mkdtempSync(join(tmpdir(), 'kaizen-telemetry-bench-'));
const file = join(work, 'events.jsonl');

try {
  log(
    `telemetry bench: ${EVENTS.toLocaleString('en-US')} events, ${USERS.toLocaleString('en-US')} users, window ${flags.window ?? '1d'}, ${RUNS} run(s); ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  );
  const started = performance.now();
  await generate(file);
  log(
    `generated ${(statSync(file).size / 1e9).toFixed(2)} GB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const stream = [];
  let rss = 0;
  const tableFile = join(work, 'stream-table.json');
  for (let run = 0; run < RUNS; run++) {
    const child = spawnSync(
      process.execPath,
      [join(here, 'telemetry-stream.mjs'), file, String(WINDOW), run === 0 ? tableFile : ''],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) throw new Error(`streaming reader failed: ${child.stderr}`);
    const result = JSON.parse(child.stdout);
    stream.push(result.ms);
    rss = Math.max(rss, result.maxRssMB);
  }
  const duck = [];
  let duckTable;
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    try {
      duckTable = await aggregateWithDuckDb([file], { windowMs: WINDOW });
    } catch (error) {
      log(`DuckDB: ${error instanceof Error ? error.message : String(error)}`);
      break;
    }
    duck.push(performance.now() - t);
  }
  const streamed = JSON.parse(readFileSync(tableFile, 'utf8'));
  const equal = duckTable === undefined ? undefined : sameTable(streamed, duckTable);
  const rate = (ms) => `${Math.round(EVENTS / (ms / 1000)).toLocaleString('en-US')} events/s`;
  console.log('');
  console.log(
    `| telemetry: ${EVENTS.toLocaleString('en-US')} events (${streamed.rows.length.toLocaleString('en-US')} groups) | median | throughput | peak RSS | target |`,
  );
  console.log('|---|---:|---:|---:|---|');
  console.log(
    `| streaming reader (pure JS) | ${s(median(stream))} | ${rate(median(stream))} | ${rss} MB | ≤ 500 MB: ${rss <= 500 ? 'PASS' : 'MISS'} |`,
  );
  console.log(
    `| DuckDB (read_json, same SQL) | ${duck.length ? s(median(duck)) : '—'} | ${duck.length ? rate(median(duck)) : '—'} | (in process) | |`,
  );
  console.log(
    `Equal results: ${equal === undefined ? 'not compared (DuckDB unavailable)' : equal ? 'yes (counts exactly, sums to 1e-9 relative)' : 'NO'}.`,
  );
  if (equal === false) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

function s(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Compact seeded events: two packages, canary and holdout, users repeating, one day. */
async function generate(path) {
  const rng = createRng(42);
  const out = createWriteStream(path, { highWaterMark: 1 << 22 });
  const day = Date.UTC(2026, 3, 1);
  let chunk = [];
  for (let i = 0; i < EVENTS; i++) {
    const canary = rng.nextFloat() < 0.5;
    const user = rng.nextInt(USERS);
    const t = new Date(day + Math.floor(rng.nextFloat() * 86_400_000)).toISOString();
    const success = rng.nextFloat() < (canary ? 0.86 : 0.9);
    const latency = Math.round(1800 * Math.exp(0.45 * (rng.nextFloat() + rng.nextFloat() + rng.nextFloat() - 1.5) * 2));
    chunk.push(
      `{"request_id":"r${i.toString(36)}","timestamp":"${t}","package_id":"${canary ? 'qa-r3' : 'qa-r2'}","application":"policy-qa","cohort":"${canary ? 'canary_05' : 'holdout'}","assignment_key":"u${(canary ? user : user + USERS).toString(36)}","outcome":{"success":${success}},"metrics":{"latency_ms":${latency},"cost_usd":${(0.02 + rng.nextInt(1000) / 1e5).toFixed(5)}}}`,
    );
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await new Promise((r) => out.once('drain', r));
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join('\n')}\n`);
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

function sameTable(a, b) {
  if (a.rows.length !== b.rows.length) return false;
  for (let i = 0; i < a.rows.length; i++) {
    const [pkg, cohort, window, cluster, values] = a.rows[i];
    const r = b.rows[i];
    if (pkg !== r.package_id || cohort !== r.cohort || window !== r.window_start || cluster !== r.cluster) return false;
    for (let j = 0; j < values.length; j++)
      if (Math.abs(values[j] - r.values[j]) > 1e-9 * Math.max(1, Math.abs(values[j]))) return false;
  }
  return JSON.stringify(a.completeness) === JSON.stringify(b.completeness);
}
