// The package as `npm pack` makes it (what `npm i <tarball>` or a git dependency installs): the
// files it ships are enough for the CLI to run — the bundle, the default policy and the schemas —
// with no node_modules beside it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE, ROOT } from './paths.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kaizen-gate-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm pack', () => {
  it('ships a CLI that runs on its own: --help, and validate of the example manifests', () => {
    execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: ROOT, stdio: 'pipe' });
    const [tarball] = readdirSync(scratch).filter((name) => name.endsWith('.tgz'));
    expect(tarball).toMatch(/^kaizen-gate-\d+\.\d+\.\d+\.tgz$/);
    execFileSync('tar', ['-xzf', join(scratch, tarball!), '-C', scratch]);
    const bin = join(scratch, 'package/dist/cli.js');

    const help = spawnSync(NODE, [bin, '--help'], { cwd: scratch, encoding: 'utf8' });
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(/^kaizen-gate \d+\.\d+\.\d+: release gate for LLM application packages/);
    expect(help.status).toBe(0);

    // The manifest schema is bundled; validate reads the example packages through it.
    const validate = spawnSync(NODE, [bin, 'validate', join(ROOT, 'manifests')], { cwd: ROOT, encoding: 'utf8' });
    expect(validate.stdout + validate.stderr).toBe('3 manifests valid\n');
  });
});
