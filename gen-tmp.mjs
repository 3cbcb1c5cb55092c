import { createWriteStream } from 'node:fs';
import { createRng } from './src/stats/rng.ts';
const EVENTS = Number(process.argv[2]); const USERS = 100000; const path = process.argv[3];
const rng = createRng(42);
const out = createWriteStream(path, { highWaterMark: 1 << 22 });
const day = Date.UTC(2026, 3, 1);
let chunk = [];
for (let i = 0; i < EVENTS; i++) {
  const canary = rng.nextFloat() < 0.5; const user = rng.nextInt(USERS);
  const t = new Date(day + Math.floor(rng.nextFloat() * 86_400_000)).toISOString();
  chunk.push(`{"request_id":"r${i.toString(36)}","timestamp":"${t}","package_id":"${canary ? 'qa-r3' : 'qa-r2'}","application":"policy-qa","cohort":"${canary ? 'canary_05' : 'holdout'}","assignment_key":"u${(canary ? user : user + USERS).toString(36)}","outcome":{"success":${rng.nextFloat() < 0.9}},"metrics":{"latency_ms":${Math.round(1800 * rng.nextFloat())},"cost_usd":${(0.02 + rng.nextInt(1000) / 1e5).toFixed(5)}}}`);
  if (chunk.length === 10_000) { if (!out.write(`${chunk.join('\n')}\n`)) await new Promise((r) => out.once('drain', r)); chunk = []; }
}
if (chunk.length) out.write(`${chunk.join('\n')}\n`);
await new Promise((r) => out.end(r));
