// Writes examples/evidence/<application>/{parent,candidate}.jsonl for the repository's own example
// packages (manifests/*.yaml), with the seeded workload generator. Deterministic: running it again
// gives the same bytes, and test/examples/evidence.test.ts checks the committed files against it.
// Usage: node scripts/generate-example-evidence.mjs [--check]   (--check writes nothing, exits 1 when stale)
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
// Node 24 strips the types of the TypeScript source; the generator is not part of the bundle.
import { identityOfManifest, renderExampleEvidence } from '../test/support/sim/scenarios.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifests = readdirSync(join(root, 'manifests'))
  .filter((name) => name.endsWith('.yaml'))
  .toSorted()
  .map((name) => identityOfManifest(parse(readFileSync(join(root, 'manifests', name), 'utf8')), `manifests/${name}`));
const check = process.argv.includes('--check');
let stale = 0;
for (const file of renderExampleEvidence(manifests)) {
  const path = join(root, file.path);
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // A missing file is stale like a different one.
    }
    if (current !== file.content) {
      stale += 1;
      console.log(`stale: ${file.path}`);
    }
    continue;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.content);
  console.log(`wrote ${file.path} (${file.content.split('\n').length - 1} records)`);
}
if (check && stale > 0) {
  console.log('Run `node scripts/generate-example-evidence.mjs` to regenerate.');
  process.exitCode = 1;
}
