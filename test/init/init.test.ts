// `kaizen-gate init` in process on real repositories: an empty repository with a promptfoo config
// gets a locked manifest that validate accepts, the release-gate workflow and a key pair; nothing
// is ever overwritten, and a repository with nothing to gate is told why.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeRepo } from '../support/git-repo.ts';
import type { TempRepo } from '../support/git-repo.ts';
import { cli } from '../eval/eval-repo.ts';
import { writePromptfooProject } from './promptfoo-project.ts';

const repos: TempRepo[] = [];
afterAll(() => {
  for (const repo of repos) repo.cleanup();
});
function emptyRepo(): TempRepo {
  const repo = makeRepo('kaizen-init-');
  repos.push(repo);
  return repo;
}

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: { gate: { steps: { uses?: string; run?: string; with?: Record<string, string> }[] } };
}

describe('kaizen-gate init', () => {
  it('writes a locked manifest from a promptfoo config, the workflow and a key pair, and says what comes next', async () => {
    const repo = emptyRepo();
    writePromptfooProject(repo);
    const run = await cli(repo.dir, ['init', '--keys', '--application', 'acme-support', '--owner', '@acme/support']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'wrote manifests/acme-support.yaml\nwrote .github/workflows/release-gate.yml\nwrote .kaizen-gate/keys/kaizen-gate.pub\nwrote .kaizen-gate/kaizen-gate.key (mode 0600, ignored by git)\nwrote .kaizen-gate/.gitignore\n',
    );
    const next = run.stdout.split('Next:\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(next).toEqual([
      '  1. git add manifests/acme-support.yaml .github/workflows/release-gate.yml .kaizen-gate/keys/kaizen-gate.pub .kaizen-gate/.gitignore && git commit -m "Release gate: first kaizen-gate manifest and workflow"',
      '  2. gh secret set KAIZEN_GATE_SIGNING_KEY < .kaizen-gate/kaizen-gate.key && rm .kaizen-gate/kaizen-gate.key',
      `  3. npx kaizen-gate eval --command 'npx --yes promptfoo eval -c promptfooconfig.yaml -o "$KAIZEN_GATE_OUTPUT" --no-progress-bar --no-table --no-share' --store --push`,
    ]);

    const validate = await cli(repo.dir, ['validate']);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    const manifest = parse(repo.read('manifests/acme-support.yaml')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      package_id: 'acme-support-r1',
      application: 'acme-support',
      owners: ['@acme/support'],
      model: { provider: 'file', endpoint: 'acme-support-sim' },
      prompts: [{ id: 'support', path: 'prompts/support.txt', sha256: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }],
      routing: { id: 'promptfoo-provider', path: 'provider.js' },
      evaluation: {
        // tests.yaml holds golden and red-team (metadata.suite: safety) tests: pinned as both suites.
        suites: [
          { id: 'tests_golden', suite: 'golden', path: 'tests.yaml' },
          { id: 'tests_safety', suite: 'safety', path: 'tests.yaml' },
        ],
        judge: { model: 'promptfoo-assertions', version: '1', rubric: { path: 'promptfooconfig.yaml' } },
      },
    });
    // Locked: running lock again changes nothing.
    const lock = await cli(repo.dir, ['lock', '--check']);
    expect(lock.code, lock.stdout + lock.stderr).toBe(0);

    const workflow = parse(repo.read('.github/workflows/release-gate.yml')) as Workflow;
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    expect(workflow.permissions).toEqual({ contents: 'write', checks: 'write', 'pull-requests': 'write' });
    const step = workflow.jobs.gate.steps.find((s) => s.uses?.startsWith('kaizen-gate/kaizen-gate@'));
    expect(step?.with).toEqual({
      'eval-command':
        'npx --yes promptfoo eval -c promptfooconfig.yaml -o "$KAIZEN_GATE_OUTPUT" --no-progress-bar --no-table --no-share',
      'signing-key': '${{ secrets.KAIZEN_GATE_SIGNING_KEY }}',
    });
    expect(workflow.jobs.gate.steps.find((s) => s.uses === 'actions/checkout@v5')?.with).toEqual({ 'fetch-depth': 0 });

    expect(statSync(join(repo.dir, '.kaizen-gate/kaizen-gate.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(repo.dir, '.kaizen-gate/kaizen-gate.key'), 'utf8')).toMatch(
      /^-----BEGIN PRIVATE KEY-----/,
    );
    expect(repo.git('check-ignore', '.kaizen-gate/kaizen-gate.key')).toBe('.kaizen-gate/kaizen-gate.key');
  });

  it('never overwrites a file: with any of its files present it writes none of them', async () => {
    const repo = emptyRepo();
    writePromptfooProject(repo);
    repo.write('.github/workflows/release-gate.yml', 'name: ours\n');
    const run = await cli(repo.dir, ['init']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '.github/workflows/release-gate.yml: already exists; init never overwrites a file, so nothing was written',
    );
    expect(repo.read('.github/workflows/release-gate.yml')).toBe('name: ours\n');
    expect(() => statSync(join(repo.dir, 'manifests'))).toThrow(/ENOENT/);

    repo.remove('.github');
    expect((await cli(repo.dir, ['init', '--application', 'acme'])).code).toBe(0);
    const before = repo.read('manifests/acme.yaml');
    const again = await cli(repo.dir, ['init', '--application', 'acme']);
    expect(again.code).toBe(2);
    expect(again.stderr.match(/already exists/g)).toHaveLength(2);
    expect(repo.read('manifests/acme.yaml')).toBe(before);
  });

  it('uses prompt files and *.eval.ts files when there is no promptfoo config', async () => {
    const repo = emptyRepo();
    repo.write('src/prompts/answer.md', 'Answer from the handbook.\n');
    repo.write('evals/answer.eval.ts', 'import { evalite } from "evalite";\n');
    const run = await cli(repo.dir, ['init', '--application', 'hr-bot']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('no promptfoo config: 1 *.eval.ts file(s) are pinned as the golden suite');
    expect(parse(repo.read('manifests/hr-bot.yaml'))).toMatchObject({
      prompts: [{ id: 'answer', path: 'src/prompts/answer.md' }],
      evaluation: { suites: [{ id: 'answer_golden', suite: 'golden', path: 'evals/answer.eval.ts' }] },
    });
    expect((await cli(repo.dir, ['validate'])).code).toBe(0);
  });

  it('says what is missing when there is nothing to gate', async () => {
    const repo = emptyRepo();
    repo.write('README.md', '# nothing here\n');
    const run = await cli(repo.dir, ['init']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no prompt found');
    expect(run.stderr).toContain('no evaluation suite found');
  });
});
