import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { renderExampleEvidence } from '../support/sim/scenarios.ts';
import { readExamplePackage, ROOT } from '../sim/scenario-gates.ts';

const APPLICATIONS = readdirSync(join(ROOT, 'manifests'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''))
  .toSorted();

describe('examples/evidence', () => {
  it('is exactly what scripts/generate-example-evidence.mjs writes for the manifests as they are', () => {
    const files = renderExampleEvidence(APPLICATIONS.map((application) => readExamplePackage(application).identity));
    expect(files.map((f) => f.path).toSorted()).toEqual(APPLICATIONS.flatMap((a) => [`examples/evidence/${a}/candidate.jsonl`, `examples/evidence/${a}/parent.jsonl`]));
    for (const file of files) {
      // Compared as a boolean so that a mismatch prints the path, not megabytes of JSON.
      const committed = readFileSync(join(ROOT, file.path), 'utf8');
      expect(committed === file.content, `${file.path} is stale: run node scripts/generate-example-evidence.mjs`).toBe(true);
    }
  });

  it('has the package ids of each manifest and its parent on the right side', () => {
    for (const application of APPLICATIONS) {
      const { identity } = readExamplePackage(application);
      const ids = (side: string): Set<string> =>
        new Set(
          readFileSync(join(ROOT, 'examples/evidence', application, `${side}.jsonl`), 'utf8')
            .trimEnd()
            .split('\n')
            .map((line) => (JSON.parse(line) as { package_id: string }).package_id),
        );
      expect(ids('parent')).toEqual(new Set([identity.parentPackageId]));
      expect(ids('candidate')).toEqual(new Set([identity.packageId]));
    }
  });
});

describe('npm run example', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaizen-gate-example-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'shows an approved, a rejected and a held change, and approves the committed examples, with the CLI built from this source',
    async () => {
      // A fresh bundle, not dist/: this checks the demo against the code as it is now.
      await build({ entryPoints: { cli: join(ROOT, 'src/cli.ts') }, outdir: join(dir, 'dist'), bundle: true, platform: 'node', format: 'esm', target: 'node24', logLevel: 'error', banner: { js: "import { createRequire as __kgCreateRequire } from 'node:module';\nconst require = __kgCreateRequire(import.meta.url);" } });
      cpSync(join(ROOT, 'gates'), join(dir, 'gates'), { recursive: true });
      const result = spawnSync(process.execPath, [join(ROOT, 'scripts/example.mjs')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KAIZEN_GATE_CLI: join(dir, 'dist/cli.js') } });
      expect(result.stderr).toBe('');
      expect(result.status, result.stdout).toBe(0);
      expect(result.stdout).toMatch(/^APPROVE {2}/m);
      expect(result.stdout).toMatch(/^REJECT {2}.*quality gate failed/m);
      expect(result.stdout).toMatch(/quality +FAIL .*Category time_windows fell/);
      expect(result.stdout).toMatch(/^HOLD {2}.*latency gate failed/m);
      expect(result.stdout).toMatch(/=== Scenario D: .*\n[\s\S]*--- as expected: approve/);
      expect(result.stdout).toContain('4 of 4 scenarios gave the expected decision.');
    },
    180_000,
  );
});
