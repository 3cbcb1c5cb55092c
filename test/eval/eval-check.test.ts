// `check --eval` in process on a real git repository: both sides run by the harness in worktrees
// of their commits, their output read and bound like any evidence file; failures, timeouts and
// empty outputs stop the check with the end of the log and no evidence used.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PromptfooRepo } from '../evidence/promptfoo-repo.ts';
import { buildRepo, checkEval, COMMAND, HARNESS, PROMPT } from './eval-repo.ts';

const repos: PromptfooRepo[] = [];
afterAll(() => {
  for (const built of repos) built.repo.cleanup();
});
const fresh = (): PromptfooRepo => {
  const built = buildRepo();
  repos.push(built);
  return built;
};

/** The `harness: KEY=value` lines a log holds. */
function harnessLines(log: string): Record<string, string> {
  return Object.fromEntries([...log.matchAll(/^harness: ([\w-]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('check --eval', () => {
  it('runs the parent at the base and the candidate at the head, each in a worktree, and gates their output', async () => {
    const built = fresh();
    const { code, report, stderr } = await checkEval(built, ['--out', 'out'], { env: { 'INPUT_SIGNING-KEY': 'secret', ACTIONS_RUNTIME_TOKEN: 'token' } });
    expect(code, stderr).not.toBe(2);
    const pkg = report!.packages[0]!;
    expect(pkg.evidence.binding?.parent.status).toBe('bound');
    expect(pkg.evidence.binding?.candidate.status).toBe('bound');
    expect(pkg.evidence.eval?.command).toBe(COMMAND);
    expect(pkg.evidence.eval?.parent).toMatchObject({ status: 'ran', package_id: 'acme-support-r1', commit: built.base, evidence: 'out/eval/acme-support-r2/parent.json' });
    expect(pkg.evidence.eval?.candidate).toMatchObject({ status: 'ran', package_id: 'acme-support-r2', commit: built.head, evidence: 'out/eval/acme-support-r2/candidate.json' });
    expect(pkg.evidence.eval?.parent?.reason).toMatch(/no evidence is stored/);
    expect(report!.inputs.evidence).toEqual([
      { path: 'out/eval/acme-support-r2/parent.json', side: 'parent', format: 'promptfoo' },
      { path: 'out/eval/acme-support-r2/candidate.json', side: 'candidate', format: 'promptfoo' },
    ]);
    for (const [side, commit, id] of [['parent', built.base, 'acme-support-r1'], ['candidate', built.head, 'acme-support-r2']] as const) {
      const env = harnessLines(readFileSync(join(built.repo.dir, 'out/eval/acme-support-r2', `${side}.log`), 'utf8'));
      expect(env).toMatchObject({
        KAIZEN_GATE_SIDE: side,
        KAIZEN_GATE_PACKAGE_ID: id,
        KAIZEN_GATE_MANIFEST: 'manifests/acme-support.yaml',
        KAIZEN_GATE_COMMIT: commit,
        KAIZEN_GATE_OUTPUT: join(built.repo.dir, `out/eval/acme-support-r2/${side}.json`),
        KAIZEN_GATE_WORKSPACE: built.repo.dir,
        'INPUT_SIGNING-KEY': '(absent)',
        PROMPTFOO_FAILED_TEST_EXIT_CODE: '0',
      });
      expect(env['cwd']?.startsWith(built.repo.dir)).toBe(false);
      expect(stderr).toContain(`eval: acme-support-r2 ${side} started (package ${id} at ${commit.slice(0, 12)})`);
    }
    // The worktrees are gone, and so is git's record of them.
    expect(built.repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
  });
});
