// The bundled CLI as users run it (`node dist/cli.js`, the package's bin), once per command on one
// real repository with a prompt patch: every command starts, reads its flags, talks to git, writes
// its files and exits with the documented status. Behaviour case by case is tested in process
// under test/cli/; this file is about the bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.ts';
import { evidenceRecords, gateRepo, toJsonl } from '../gates/scenario.ts';
import type { GateRepo } from '../gates/scenario.ts';
import { gitEnv } from '../support/git-repo.ts';
import { CLI, NODE } from './paths.ts';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundle and waits for it; no kill timer (the test's own limit is generous). */
function kaizenGate(cwd: string, ...args: string[]): Run {
  const result = spawnSync(NODE, [CLI, ...args], { cwd, env: gitEnv({ NO_COLOR: '1' }), encoding: 'utf8' });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The run as text, for assertion messages: what the bundle printed. */
const shown = (run: Run): string => `exit ${run.code}\n${run.stdout}${run.stderr}`;

let built: GateRepo;
beforeAll(() => {
  built = gateRepo({ changed: ['policy-qa'] });
  const { parent, candidate } = evidenceRecords('policy-qa', { regress: 15 });
  built.repo.write('evidence/parent.jsonl', toJsonl(parent));
  built.repo.write('evidence/candidate.jsonl', toJsonl(candidate));
}, 600_000);
afterAll(() => built?.repo.cleanup());

describe('the bundled CLI', () => {
  it('--help and --version', () => {
    const help = kaizenGate(built.repo.dir, '--help');
    expect(help.code, shown(help)).toBe(0);
    expect(help.stdout).toMatch(/^kaizen-gate \d+\.\d+\.\d+: release gate/);
    const version = kaizenGate(built.repo.dir, '--version');
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('validate and lock --check on the candidate tree', () => {
    const validate = kaizenGate(built.repo.dir, 'validate');
    expect(validate.stdout, shown(validate)).toBe('3 manifests valid\n');
    expect(validate.code).toBe(0);
    const lock = kaizenGate(built.repo.dir, 'lock', '--check');
    expect(lock.stdout, shown(lock)).toBe('all digests up to date\n');
    expect(lock.code).toBe(0);
  });

  it('diff classifies the prompt patch', () => {
    const diff = kaizenGate(built.repo.dir, 'diff', '--base', built.base, '--head', built.head);
    expect(diff.stdout, shown(diff)).toContain('  classes: prompt_patch\n');
    expect(diff.code).toBe(0);
  });

  it('check rejects the regression, signs the report, and verify accepts it; keygen makes a key pair', () => {
    const keys = join(built.repo.dir, '.keys');
    const keygen = kaizenGate(built.repo.dir, 'keygen', '--out', keys);
    expect(keygen.code, shown(keygen)).toBe(0);
    expect(existsSync(join(keys, 'kaizen-gate.key'))).toBe(true);

    const check = kaizenGate(
      built.repo.dir,
      'check',
      '--base',
      built.base,
      '--head',
      built.head,
      '--parent-evidence',
      'evidence/parent.jsonl',
      '--candidate-evidence',
      'evidence/candidate.jsonl',
      '--out',
      'out',
      '--signing-key',
      join(keys, 'kaizen-gate.key'),
    );
    expect(check.stdout, shown(check)).toMatch(/^REJECT {2}Rejected: the quality gate failed\.\n/);
    expect(check.code).toBe(1);
    const report = JSON.parse(readFileSync(join(built.repo.dir, 'out/report.json'), 'utf8')) as Report;
    expect(report.signature.status).toBe('signed');

    const verify = kaizenGate(
      built.repo.dir,
      'verify',
      'out/report.intoto.json',
      '--key',
      join(keys, 'kaizen-gate.pub'),
      '--commit',
      built.head,
    );
    expect(verify.code, shown(verify)).toBe(0);
    expect(verify.stdout).toMatch(/reject/i);
  });

  // `script` (util-linux) runs the CLI on a pseudo-terminal, on the main thread and on the worker
  // (src/io/entry-worker.ts), which cannot see that stdout is a terminal and must be told.
  it.skipIf(spawnSync('script', ['--version']).status !== 0).each(['never', 'always'])(
    'check colours its verdict on a terminal, and not with NO_COLOR (KAIZEN_GATE_WORKER=%s)',
    (worker) => {
      const command = [NODE, CLI, 'check', '--base', built.base, '--head', built.head]
        .concat(['--parent-evidence', 'evidence/parent.jsonl', '--candidate-evidence', 'evidence/candidate.jsonl'])
        .map((word) => `'${word}'`)
        .join(' ');
      const { NO_COLOR: _unset, ...env } = gitEnv({ KAIZEN_GATE_WORKER: worker });
      const onTerminal = (extra: Record<string, string>): string =>
        spawnSync('script', ['-qec', command, '/dev/null'], {
          cwd: built.repo.dir,
          env: { ...env, ...extra },
          encoding: 'utf8',
        }).stdout;
      const coloured = onTerminal({});
      expect(coloured.startsWith('\u001b['), coloured).toBe(true);
      expect(coloured).toContain('mREJECT\u001b[0m');
      expect(onTerminal({ NO_COLOR: '1' })).toMatch(/^REJECT {2}Rejected/);
    },
  );

  it('a KAIZEN_GATE_WORKER other than auto, always or never exits 2 saying so', () => {
    const run = spawnSync(NODE, [CLI, '--version'], {
      env: gitEnv({ KAIZEN_GATE_WORKER: 'sometimes' }),
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('kaizen-gate: KAIZEN_GATE_WORKER is "sometimes"; expected auto, always or never\n');
  });

  it('log lists the releases of the history', () => {
    const log = kaizenGate(built.repo.dir, 'log', '--format', 'json');
    expect(log.code, shown(log)).toBe(0);
    const entries = (JSON.parse(log.stdout) as { entries: { package_id: string }[] }).entries;
    expect(entries.map((e) => e.package_id)).toContain('policy-qa-2026-12-01-r1');
  });

  it('an unknown command exits 2 with a usage hint', () => {
    const run = kaizenGate(built.repo.dir, 'frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Run `kaizen-gate --help` for usage.');
  });
});
