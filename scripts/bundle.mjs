// Builds dist/ from src/ with esbuild. TypeScript 7 (tsgo) has no JavaScript API, so esbuild strips
// the types and `tsc --noEmit` checks them separately. Output is deterministic: same source → same bytes.
import { build } from 'esbuild';
import { chmod, cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
process.chdir(new URL('..', import.meta.url).pathname);

// An optional argument builds elsewhere (the freshness test compares that with the committed dist/).
const target = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname;
// Build into a scratch directory and swap it in only when both entries built: a failed build
// leaves the previous dist/ in place instead of none.
const outdir = await mkdtemp(join(tmpdir(), 'kaizen-gate-bundle-'));

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  outdir,
  logLevel: 'warning',
  legalComments: 'none',
  charset: 'utf8',
  // DuckDB is an optional native module, loaded on demand by the telemetry engine; never bundled.
  external: ['@duckdb/node-api'],
  // Some dependencies still call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __kgCreateRequire } from 'node:module';\nconst require = __kgCreateRequire(import.meta.url);",
  },
};

// Both entries are small launchers (src/io/entry-worker.ts): dist/action.js runs dist/action-main.js
// on a worker thread (src/action/launcher.ts), and `kaizen-gate` (dist/cli.js) turns on Node's
// compile cache and runs dist/cli-main.js, on a worker for large inputs (src/cli/launcher.ts).
await build({ ...shared, entryPoints: { 'action-main': 'src/action.ts' } });
await build({ ...shared, entryPoints: { action: 'src/action/launcher.ts' } });
await build({ ...shared, entryPoints: { 'cli-main': 'src/cli.ts' } });
await build({
  ...shared,
  entryPoints: { cli: 'src/cli/launcher.ts' },
  banner: { js: '#!/usr/bin/env node' },
});

await chmod(outdir, 0o755);
await rm(target, { recursive: true, force: true });
try {
  await rename(outdir, target);
} catch {
  // rename fails across file systems (tmpdir on another mount); copy instead.
  await cp(outdir, target, { recursive: true });
  await rm(outdir, { recursive: true, force: true });
}
