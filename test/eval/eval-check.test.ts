// `check --eval` in process on a real git repository: both sides run by the harness in worktrees
// of their commits, their output read and bound like any evidence file; failures, timeouts and
// empty outputs stop the check with the end of the log and no evidence used.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import type { PromptfooRepo } from '../evidence/promptfoo-repo.ts';
import type { Report } from '../../src/report/model.ts';
import { buildRepo, checkEval, cli, COMMAND, HARNESS, PROMPT } from './eval-repo.ts';

// One repository for the whole file: every test writes to its own out folder, and none commits.
let shared: PromptfooRepo | undefined;
afterAll(() => shared?.repo.cleanup());
const fresh = (): PromptfooRepo => (shared ??= buildRepo());

/** Whether a process runs: it exists and is not a zombie waiting for its new parent to reap it. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/\) [ZX] /.test(stat);
}

/** The `harness: KEY=value` lines a log holds. */
function harnessLines(log: string): Record<string, string> {
  return Object.fromEntries([...log.matchAll(/^harness: ([\w-]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('check --eval', () => {
  it('runs the parent at the base and the candidate at the head, each in a worktree, and gates their output', async () => {
    const built = fresh();
    const { code, report, stderr } = await checkEval(built, ['--out', 'out'], {
      env: { 'INPUT_SIGNING-KEY': 'secret', ACTIONS_RUNTIME_TOKEN: 'token' },
    });
    expect(code, stderr).not.toBe(2);
    const pkg = report!.packages[0]!;
    expect(pkg.evidence.binding?.parent.status).toBe('bound');
    expect(pkg.evidence.binding?.candidate.status).toBe('bound');
    expect(pkg.evidence.eval?.command).toBe(COMMAND);
    expect(pkg.evidence.eval?.parent).toMatchObject({
      status: 'ran',
      package_id: 'acme-support-r1',
      commit: built.base,
      evidence: 'out/eval/acme-support-r2/parent.json',
    });
    expect(pkg.evidence.eval?.candidate).toMatchObject({
      status: 'ran',
      package_id: 'acme-support-r2',
      commit: built.head,
      evidence: 'out/eval/acme-support-r2/candidate.json',
    });
    expect(pkg.evidence.eval?.parent?.reason).toMatch(/no evidence is stored/);
    expect(report!.inputs.evidence).toEqual([
      { path: 'out/eval/acme-support-r2/parent.json', side: 'parent', format: 'promptfoo' },
      { path: 'out/eval/acme-support-r2/candidate.json', side: 'candidate', format: 'promptfoo' },
    ]);
    for (const [side, commit, id] of [
      ['parent', built.base, 'acme-support-r1'],
      ['candidate', built.head, 'acme-support-r2'],
    ] as const) {
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

describe('a run that fails', () => {
  it('stops the check with its exit status and the end of its output; no report, no evidence used', async () => {
    const built = fresh();
    const { code, stderr, stdout } = await checkEval(built, ['--out', 'failed'], { command: `${COMMAND} --mode fail` });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'kaizen-gate: the eval command failed in 2 of 2 eval runs, so no evidence was used and nothing was gated.',
    );
    expect(stderr).toMatch(
      /acme-support-r2 candidate \(package acme-support-r2 at [0-9a-f]{12}\): exited with status 3 after \d+\.\d s/,
    );
    expect(stderr).toContain('log: failed/eval/acme-support-r2/candidate.log');
    expect(stderr).toContain('last 20 lines of its output:');
    expect(stderr).toContain('      | Error: the provider refused the request (401 invalid api key)');
    expect(stderr).toContain('      | progress line 30');
    expect(stderr).not.toContain('| progress line 10\n');
    expect(existsSync(join(built.repo.dir, 'failed/report.json'))).toBe(false);
    expect(built.repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
  });

  it('is stopped at the timeout with its whole process group, and says so', async () => {
    const built = fresh();
    const { code, stderr } = await checkEval(built, ['--out', 'hung', '--eval-timeout', '1s'], {
      command: `${COMMAND} --mode hang`,
    });
    expect(code).toBe(2);
    expect(stderr).toContain(
      'did not finish within 1 s (the eval timeout) and was stopped: its process group was sent SIGTERM, then SIGKILL',
    );
    for (const side of ['parent', 'candidate']) {
      const log = readFileSync(join(built.repo.dir, `hung/eval/acme-support-r2/${side}.log`), 'utf8');
      const pids = [/pid=(\d+)/.exec(log)?.[1], /child=(\d+)/.exec(log)?.[1]].map(Number);
      for (const pid of pids) expect(isRunning(pid), `process ${pid} of the ${side} run still runs`).toBe(false);
    }
    expect(built.repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
  });

  it.each([
    [
      'empty',
      'left KAIZEN_GATE_OUTPUT (empty/eval/acme-support-r2/candidate.json) empty; an empty file is no evidence',
    ],
    [
      'none',
      'wrote nothing to KAIZEN_GATE_OUTPUT (none/eval/acme-support-r2/candidate.json); the command must write its evidence there',
    ],
  ])('exits 0 with output %s: an error naming the command, never an empty evidence file', async (mode, message) => {
    const built = fresh();
    const command = `${COMMAND} --mode ${mode}`;
    const { code, stderr } = await checkEval(built, ['--out', mode], { command });
    expect(code).toBe(2);
    expect(stderr).toContain(`command (run with sh -c): ${command}`);
    expect(stderr).toContain(`exited with status 0 but ${message}`);
  });

  it('is a usage error beside candidate evidence, and auto needs --eval', async () => {
    const built = fresh();
    expect((await checkEval(built, ['--candidate-evidence', 'evals/candidate.json'])).stderr).toContain(
      "--eval runs the candidate's eval; drop --candidate-evidence",
    );
    const auto = await checkEval(built, ['--parent-evidence', 'auto'], { command: '' });
    expect(auto.code).toBe(2);
    expect(auto.stderr).toContain('--eval needs the command');
  });
});

describe('without --head', () => {
  it('gates HEAD, since the eval runs commits, and names the uncommitted changes it leaves aside', async () => {
    // Its own repository: the shared one holds other tests' output folders, untracked too.
    const built = buildRepo();
    onTestFinished(() => built.repo.cleanup());
    built.repo.write('notes.txt', 'draft\n');
    const run = await cli(built.repo.dir, [
      'check',
      '--base',
      built.base,
      '--policy',
      'small-suites.yaml',
      '--format',
      'json',
      '--eval',
      COMMAND,
    ]);
    expect(run.code, run.stderr).not.toBe(2);
    expect((JSON.parse(run.stdout) as Report).inputs.head).toEqual({ ref: 'HEAD', commit: built.head });
    expect(run.stderr).toContain(
      'Note: --eval evaluates commits, so this check is about HEAD; the uncommitted changes (',
    );
    const note = run.stderr.split('\n').find((line) => line.startsWith('Note: --eval'))!;
    expect(note).toContain('?? notes.txt');
    expect(note).not.toContain('kaizen-gate-report');
  });
});

describe('parent evidence from files', () => {
  it('reads the parent from them and runs only the candidate', async () => {
    const built = fresh();
    const { code, report, stderr } = await checkEval(built, [
      '--out',
      'files',
      '--parent-evidence',
      'evals/parent.json',
    ]);
    expect(code, stderr).not.toBe(2);
    expect(report!.packages[0]!.evidence.eval?.parent).toBeUndefined();
    expect(report!.inputs.evidence.map((e) => [e.path, e.side])).toEqual([
      ['evals/parent.json', 'parent'],
      ['files/eval/acme-support-r2/candidate.json', 'candidate'],
    ]);
    expect(existsSync(join(built.repo.dir, 'files/eval/acme-support-r2/parent.log'))).toBe(false);
    expect(PROMPT).toBe('apps/acme-support/prompts/support.txt');
    expect(HARNESS).toMatch(/promptfoo-sim\.mjs$/);
  });
});

describe('kaizen-gate eval', () => {
  it('with --base runs both sides of the change and prints their outputs; --push needs --store', async () => {
    const built = fresh();
    const run = await cli(built.repo.dir, [
      'eval',
      '--command',
      COMMAND,
      '--base',
      built.base,
      '--head',
      built.head,
      '--out',
      'ev',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean).toSorted()).toEqual([
      `acme-support-r2 candidate (acme-support-r2 at ${built.head.slice(0, 12)}): ev/eval/acme-support-r2/candidate.json`,
      `acme-support-r2 parent (acme-support-r1 at ${built.base.slice(0, 12)}): ev/eval/acme-support-r2/parent.json`,
    ]);
    const push = await cli(built.repo.dir, ['eval', '--command', COMMAND, '--push']);
    expect(push.code).toBe(2);
    expect(push.stderr).toContain('--push goes with --store');
  });
});
