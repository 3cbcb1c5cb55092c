// Writes the pinned suite files of the repository's own example packages, manifests/<app>/suites/
// {golden,redteam}.jsonl: one line per case the seeded workload generator (test/support/sim) can produce for
// the application — golden `<prefix>-g-00001`…, red team `<prefix>-rt-0001`… — so the committed
// example evidence, the `npm run example` scenarios and the tests all gate cases the suites list.
// Then re-records the suites' digests in the manifests, as `kaizen-gate lock` would.
// Usage: node scripts/generate-example-suites.mjs [--check]   (--check writes nothing, exits 1 when stale)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLASS_PROFILES } from '../test/support/sim/classes.ts';
import { DEMO_SCENARIOS, EXAMPLE_CLASSES } from '../test/support/sim/scenarios.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
// The largest workload any scenario asks for bounds the ids the generator can produce.
const golden = Math.max(...DEMO_SCENARIOS.map((s) => s.workload.goldenCases));
const redteam = Math.max(...DEMO_SCENARIOS.map((s) => s.workload.redteamCases));
const sha256 = (text) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
let stale = 0;
for (const [app, cls] of Object.entries(EXAMPLE_CLASSES)) {
  const { prefix } = CLASS_PROFILES[cls];
  const width = Math.max(5, String(golden).length);
  const files = {
    [`manifests/${app}/suites/golden.jsonl`]: Array.from(
      { length: golden },
      (_, i) => `{"case_id":"${prefix}-g-${String(i + 1).padStart(width, '0')}"}\n`,
    ).join(''),
    [`manifests/${app}/suites/redteam.jsonl`]: Array.from(
      { length: redteam },
      (_, i) => `{"case_id":"${prefix}-rt-${String(i + 1).padStart(4, '0')}"}\n`,
    ).join(''),
  };
  const manifestPath = join(root, 'manifests', `${app}.yaml`);
  let manifest = readFileSync(manifestPath, 'utf8');
  for (const [path, text] of Object.entries(files)) {
    const pattern = new RegExp(`(path: ${path.replaceAll('.', '\\.')}\\n\\s+sha256: )sha256:[0-9a-f]{64}`);
    if (!pattern.test(manifest)) throw new Error(`${manifestPath} does not pin ${path}`);
    manifest = manifest.replace(pattern, `$1${sha256(text)}`);
    let current = '';
    try {
      current = readFileSync(join(root, path), 'utf8');
    } catch {
      // A missing file is stale like a different one.
    }
    if (current === text) continue;
    stale += 1;
    if (check) console.log(`stale: ${path}`);
    else writeFileSync(join(root, path), text);
  }
  if (readFileSync(manifestPath, 'utf8') !== manifest) {
    stale += 1;
    if (check) console.log(`stale digests: manifests/${app}.yaml`);
    else writeFileSync(manifestPath, manifest);
  }
}
if (check && stale > 0) {
  console.log('Run `node scripts/generate-example-suites.mjs` to regenerate.');
  process.exitCode = 1;
} else if (!check)
  console.log(`${stale} file(s) written: ${golden} golden and ${redteam} red-team cases per application`);
