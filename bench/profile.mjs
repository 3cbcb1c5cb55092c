// Self time by function from a V8 CPU profile (the .cpuprofile that `node --cpu-prof` writes, or
// what node:inspector's Profiler.stop returns). Used by `npm run bench -- --profile`; also a CLI:
//   node bench/profile.mjs DIR_OR_FILE [top]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Rows of { name, ms, share } sorted by self time, `top` of them. */
export function summariseProfile(profile, top = 15) {
  const nodeTime = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    nodeTime.set(profile.samples[i], (nodeTime.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byFunction = new Map();
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    const where = frame.url ? `${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}` : '';
    const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + (nodeTime.get(node.id) ?? 0));
  }
  const total = [...byFunction.values()].reduce((a, b) => a + b, 0) || 1;
  return [...byFunction.entries()]
    .toSorted((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / total }));
}

/** Prints the rows as an indented table. */
export function printProfile(rows, indent = '    ') {
  for (const row of rows)
    console.log(
      `${indent}${row.ms.toFixed(1).padStart(9)} ms ${(100 * row.share).toFixed(1).padStart(5)} %  ${row.name}`,
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: node bench/profile.mjs DIR_OR_FILE [top]');
    process.exit(2);
  }
  const file = statSync(target).isDirectory()
    ? join(
        target,
        readdirSync(target)
          .filter((f) => f.endsWith('.cpuprofile'))
          .toSorted()
          .at(-1),
      )
    : target;
  printProfile(summariseProfile(JSON.parse(readFileSync(file, 'utf8')), Number(process.argv[3] ?? 25)), '');
}
