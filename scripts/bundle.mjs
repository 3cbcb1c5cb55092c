// Builds dist/ from src/ with esbuild. TypeScript 7 (tsgo) has no JavaScript API, so esbuild strips
// the types and `tsc --noEmit` checks them separately. Output is deterministic: same source → same bytes.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
process.chdir(new URL('..', import.meta.url).pathname);

// An optional argument builds elsewhere (the freshness test compares that with the committed dist/).
const outdir = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname;
await rm(outdir, { recursive: true, force: true });

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  outdir,
  logLevel: 'warning',
  legalComments: 'none',
  charset: 'utf8',
  // Some dependencies still call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __kgCreateRequire } from 'node:module';\nconst require = __kgCreateRequire(import.meta.url);" },
};

await build({ ...shared, entryPoints: { action: 'src/action.ts' } });
await build({
  ...shared,
  entryPoints: { cli: 'src/cli.ts' },
  banner: { js: `#!/usr/bin/env node\n${shared.banner.js}` },
});
