import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { renderExampleEvidence } from '../support/sim/scenarios.ts';
import { readExamplePackage, ROOT } from '../sim/scenario-gates.ts';
// @ts-expect-error: a plain .mjs script without types, shared with `npm run example`.
import { DOCS_SCENARIO, reportExampleDocument } from '../../scripts/example.mjs';

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
  const kept: string[] = [];
  afterAll(() => {
    for (const path of [dir, ...kept]) rmSync(path, { recursive: true, force: true });
  });

  it(
    'shows an approved, a rejected and a held change, approves the committed examples, promotes and rolls back a canary, with the CLI built from this source',
    async () => {
      // A fresh bundle, not dist/: this checks the demo against the code as it is now.
      await build({ entryPoints: { cli: join(ROOT, 'src/cli.ts') }, outdir: join(dir, 'dist'), bundle: true, platform: 'node', format: 'esm', target: 'node24', logLevel: 'error', banner: { js: "import { createRequire as __kgCreateRequire } from 'node:module';\nconst require = __kgCreateRequire(import.meta.url);" } });
      cpSync(join(ROOT, 'gates'), join(dir, 'gates'), { recursive: true });
      const result = spawnSync(process.execPath, [join(ROOT, 'scripts/example.mjs'), '--keep'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KAIZEN_GATE_CLI: join(dir, 'dist/cli.js') } });
      kept.push(...[...result.stdout.matchAll(/is kept at (\S+)/g)].map((m) => m[1]!));
      expect(result.stderr).toBe('');
      expect(result.status, result.stdout).toBe(0);
      expect(result.stdout).toMatch(/^ {2}A\. .*\n {2}B\. .*\n {2}C\. .*\n {2}D\. .*\n {2}E\. .*\n {2}F\. /m);
      expect(result.stdout).toMatch(/^APPROVE {2}/m);
      expect(result.stdout).toMatch(/^REJECT {2}.*quality gate failed/m);
      expect(result.stdout).toMatch(/quality +FAIL .*Category time_windows fell/);
      expect(result.stdout).toMatch(/^HOLD {2}.*latency gate failed/m);
      expect(result.stdout).toMatch(/=== Scenario D: .*\n[\s\S]*--- as expected: approve/);
      expect(result.stdout).toMatch(/=== Scenario E: [\s\S]*promoted 20 %[\s\S]*--- as expected: exit 0/);
      expect(result.stdout).toMatch(/=== Scenario F: [\s\S]*rolled back[\s\S]*--- as expected: exit 1/);
      expect(result.stdout).toContain('6 of 6 scenarios gave the expected decision.');
      expect(kept).toHaveLength(2);

      // docs/report-example.md is what scenario B prints now (the commits have fixed dates).
      const report = readFileSync(join(kept[0]!, 'out', DOCS_SCENARIO, 'report.md'), 'utf8');
      const committed = readFileSync(join(ROOT, 'docs/report-example.md'), 'utf8');
      expect(committed === reportExampleDocument(report), 'docs/report-example.md is stale: run npm run example -- --write-docs').toBe(true);
      // Every number the README quotes from the example is one the report prints.
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      const excerpt = readme.split('<!-- report-excerpt:start -->')[1]!.split('<!-- report-excerpt:end -->')[0]!;
      for (const line of excerpt.split('\n').filter((l) => l.startsWith('|') || l.startsWith('**'))) expect(report).toContain(line);
    },
    300_000,
  );
});
