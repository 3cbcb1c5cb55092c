import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.ts';
import type { CliResult } from '../support/cli.ts';
import { makeRepo, runGit } from '../support/git-repo.ts';
import type { TempRepo } from '../support/git-repo.ts';

// validate, lock and diff through the CLI entry, in process; test/e2e/cli.test.ts runs the bundle.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const STACK_TRACE = /at .*\.[jt]s:\d+/;
// sha256 of 'edited\n', shortened the way messages print it.
const EDITED_DIGEST = `sha256:${createHash('sha256').update('edited\n').digest('hex').slice(0, 12)}…`;

const cli = (cwd: string, ...args: string[]): Promise<CliResult> => runCliInProcess(cwd, args);

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});

/** A temp folder (not a git repository) holding a copy of the example manifests. */
function exampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kaizen-cli-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(ROOT, 'manifests'), join(dir, 'manifests'), { recursive: true });
  return dir;
}

function exampleRepo(): { repo: TempRepo; c0: string } {
  const repo = makeRepo();
  cleanups.push(() => repo.cleanup());
  repo.copyIn(join(ROOT, 'manifests'), 'manifests');
  return { repo, c0: repo.commit('examples') };
}

/** Every file under `dir` with its bytes, to prove a command wrote nothing (or exactly something). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name)).toString('base64'));
  }
  return out;
}

const POLICY_QA = 'manifests/policy-qa.yaml';
const replaceIn = (dir: string, path: string, from: string, to: string): void => {
  const text = readFileSync(join(dir, path), 'utf8');
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  writeFileSync(join(dir, path), text.replace(from, to));
};

describe('kaizen-gate validate (bundled CLI)', () => {
  it('exits 0 on the repository examples', async () => {
    const result = await cli(ROOT, 'validate', 'manifests');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('3 manifests valid\n');
    expect(result.code).toBe(0);
  });

  it('defaults to the whole repository and accepts single files', async () => {
    const { repo } = exampleRepo();
    repo.write('gates/default.yaml', readFileSync(join(ROOT, 'gates/default.yaml')));
    repo.write('.github/workflows/ci.yml', 'on: push\n');
    expect(await cli(repo.dir, 'validate')).toMatchObject({ code: 0, stdout: '3 manifests valid\n' });
    expect(await cli(ROOT, 'validate', 'manifests/sql-analytics.yaml')).toMatchObject({
      code: 0,
      stdout: '1 manifest valid\n',
    });
  });

  it('accepts CRLF line ends and a BOM', async () => {
    const dir = exampleCopy();
    const text = readFileSync(join(dir, POLICY_QA), 'utf8');
    writeFileSync(join(dir, POLICY_QA), `\uFEFF${text.replaceAll('\n', '\r\n')}`);
    expect(await cli(dir, 'validate', 'manifests')).toMatchObject({ code: 0, stdout: '3 manifests valid\n' });
  });

  // Each row breaks a copy of policy-qa.yaml one way; the first problem line is given exactly.
  it.each<[string, (dir: string) => void, string]>([
    [
      'duplicate key',
      (d) => replaceIn(d, POLICY_QA, 'kind: Package\n', 'kind: Package\nkind: Package\n'),
      'manifests/policy-qa.yaml:5:1: duplicate key kind; each key may appear only once in a mapping',
    ],
    [
      'alias bomb',
      (d) =>
        writeFileSync(
          join(d, POLICY_QA),
          `apiVersion: kaizen-gate/v1\nkind: Package\na: &a [x, x, x, x, x, x, x, x, x, x]\n${'bcdefghij'
            .split('')
            .map((n, i) => `${n}: &${n} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)
            .join('\n')}\n`,
        ),
      'manifests/policy-qa.yaml:4:12 c[8][1]: more than 100 alias expansions (an alias bomb?); write the values out',
    ],
    [
      '__proto__ key',
      (d) => replaceIn(d, POLICY_QA, 'kind: Package\n', 'kind: Package\n__proto__: {isAdmin: true}\n'),
      'manifests/policy-qa.yaml:5:1 __proto__: key "__proto__" is not allowed (it could alter object prototypes)',
    ],
    [
      'non-string key',
      (d) => replaceIn(d, POLICY_QA, '  max_tokens: 800', '  800: max_tokens'),
      'manifests/policy-qa.yaml:22:5 model.params: key 800 is a number, not a string; quote it ("800") if it is meant as text',
    ],
    [
      'two documents',
      (d) =>
        writeFileSync(
          join(d, POLICY_QA),
          `${readFileSync(join(d, POLICY_QA), 'utf8')}---\n${readFileSync(join(d, POLICY_QA), 'utf8')}`,
        ),
      'manifests/policy-qa.yaml:60:1: expected one YAML document, found 2; put each package in its own file',
    ],
    [
      'empty file',
      (d) => writeFileSync(join(d, POLICY_QA), ''),
      'manifests/policy-qa.yaml:1:1: file is empty (no YAML content); expected a mapping',
    ],
    [
      'binary junk',
      (d) =>
        writeFileSync(
          join(d, POLICY_QA),
          Buffer.concat([Buffer.from('apiVersion: kaizen-gate/v1\nkind: '), Buffer.from([0x00, 0xff, 0x13, 0x37])]),
        ),
      'manifests/policy-qa.yaml:2:7: binary content (control character U+0000); expected a UTF-8 YAML text file',
    ],
    [
      'missing required field',
      (d) => replaceIn(d, POLICY_QA, 'application: policy-qa\n', ''),
      'manifests/policy-qa.yaml:3:1: missing required field "application"',
    ],
    [
      'bad side_effect_level',
      (d) => replaceIn(d, POLICY_QA, 'side_effect_level: 0', 'side_effect_level: 5'),
      'manifests/policy-qa.yaml:8:20 side_effect_level: expected one of 0, 1, 2, 3, found number 5',
    ],
    [
      'typo in a field name',
      (d) => replaceIn(d, POLICY_QA, '  rollback_metric:', '  rollback_metrc:'),
      'manifests/policy-qa.yaml:55:1 delivery: missing required field "rollback_metric"',
    ],
    [
      'missing artifact',
      (d) => rmSync(join(d, 'manifests/policy-qa/prompts/answer-format.md')),
      'manifests/policy-qa.yaml:28:11 prompts[1].path: manifests/policy-qa/prompts/answer-format.md does not exist in the repository',
    ],
    [
      'digest mismatch',
      (d) => writeFileSync(join(d, 'manifests/policy-qa/prompts/system.md'), 'edited\n'),
      `manifests/policy-qa.yaml:26:13 prompts[0].sha256: manifests/policy-qa/prompts/system.md has ${EDITED_DIGEST} but the manifest records sha256:8742cf1d34e4…; run \`kaizen-gate lock\` if the change is intended`,
    ],
    [
      'absolute path',
      (d) => replaceIn(d, POLICY_QA, 'path: manifests/policy-qa/prompts/system.md', 'path: /etc/passwd'),
      'manifests/policy-qa.yaml:25:11 prompts[0].path: "/etc/passwd" is not valid: Repository-relative path with `/` separators; absolute paths and `..` segments are rejected.',
    ],
    [
      'path with ..',
      (d) => replaceIn(d, POLICY_QA, 'path: manifests/policy-qa/prompts/system.md', 'path: manifests/../../secret.md'),
      'manifests/policy-qa.yaml:25:11 prompts[0].path: "manifests/../../secret.md" is not valid: Repository-relative path with `/` separators; absolute paths and `..` segments are rejected.',
    ],
    [
      'symlink out of the repository',
      (d) => {
        rmSync(join(d, 'manifests/policy-qa/prompts/system.md'));
        symlinkSync('/etc/hostname', join(d, 'manifests/policy-qa/prompts/system.md'));
      },
      'manifests/policy-qa.yaml:25:11 prompts[0].path: manifests/policy-qa/prompts/system.md resolves outside the repository (symlink to /etc/hostname)',
    ],
  ])('exits 2 on %s, with file:line:col and no stack trace', async (_name, breakIt, firstProblem) => {
    const dir = exampleCopy();
    breakIt(dir);
    const result = await cli(dir, 'validate', 'manifests');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.stderr.split('\n')).toContain(firstProblem);
  });

  it('in a directory, skips YAML that is not a manifest but reports YAML it cannot read', async () => {
    const dir = exampleCopy();
    writeFileSync(join(dir, 'manifests/notes.yaml'), 'owner: docs team\nlist: [a, b]\n');
    writeFileSync(join(dir, 'manifests/topics.yml'), '- a\n- b\n');
    expect(await cli(dir, 'validate', 'manifests')).toMatchObject({ code: 0, stdout: '3 manifests valid\n' });
    writeFileSync(join(dir, 'manifests/broken.yaml'), 'a: [1, 2\n');
    const broken = await cli(dir, 'validate', 'manifests');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(
      'manifests/broken.yaml:2:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    // Named explicitly, a file is always validated.
    const named = await cli(dir, 'validate', 'manifests/topics.yml');
    expect(named.code).toBe(2);
    expect(named.stderr).toContain(
      'manifests/topics.yml:1:1: expected a mapping with the fields of a kaizen-gate Package (apiVersion, kind, package_id, ...), found a list',
    );
  });

  it('lists every problem of a manifest with six faults, and the count', async () => {
    const dir = exampleCopy();
    cpSync(join(ROOT, 'test/fixtures/manifests/six-faults.yaml'), join(dir, 'six-faults.yaml'));
    const result = await cli(dir, 'validate', 'six-faults.yaml', '--repo', dir);
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('6 problems in 1 manifest');
    expect(lines.slice(1).map((line) => /^six-faults\.yaml:(\d+:\d+)/.exec(line)?.[1])).toEqual([
      '3:1',
      '7:20',
      '20:18',
      '25:13',
      '36:11',
      '57:3',
    ]);
  });

  it('exits 2 when a path does not exist or holds no manifest', async () => {
    const missing = await cli(ROOT, 'validate', 'no/such/dir');
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('no/such/dir: does not exist\n');
    const empty = await cli(ROOT, 'validate', 'test/fixtures/evidence');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('test/fixtures/evidence: no kaizen-gate manifests found\n');
  });
});

describe('kaizen-gate lock (bundled CLI)', () => {
  it('updates the digest of an edited prompt, then changes no byte on a second run', async () => {
    const dir = exampleCopy();
    writeFileSync(join(dir, 'manifests/policy-qa/prompts/system.md'), 'A new system prompt.\n');
    const before = readFileSync(join(dir, POLICY_QA), 'utf8');

    const first = await cli(dir, 'lock');
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(
      /^manifests\/policy-qa\.yaml prompts\[0\]\.sha256: sha256:8742cf1d\S+ → sha256:[0-9a-f]{64}\nlocked 1 manifest\n$/,
    );
    const after = readFileSync(join(dir, POLICY_QA), 'utf8');
    expect(after).not.toBe(before);
    expect(after.replace(/sha256: sha256:[0-9a-f]{64}/g, '')).toBe(before.replace(/sha256: sha256:[0-9a-f]{64}/g, ''));
    expect(await cli(dir, 'validate')).toMatchObject({ code: 0 });

    const files = snapshot(dir);
    const second = await cli(dir, 'lock');
    expect(second).toEqual({ code: 0, stdout: 'all digests up to date\n', stderr: '' });
    expect(snapshot(dir)).toEqual(files);
    expect(await cli(dir, 'lock', '--check')).toEqual({ code: 0, stdout: 'all digests up to date\n', stderr: '' });
  });

  it('--check exits 1 and writes nothing when a digest is stale', async () => {
    const dir = exampleCopy();
    writeFileSync(join(dir, 'manifests/policy-qa/prompts/system.md'), 'A new system prompt.\n');
    const files = snapshot(dir);
    const result = await cli(dir, 'lock', '--check');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1 manifest(s) need `kaizen-gate lock`');
    expect(snapshot(dir)).toEqual(files);
  });

  it('writes nothing when any manifest has a problem', async () => {
    const dir = exampleCopy();
    writeFileSync(join(dir, 'manifests/shared/guardrails/pii-filter.json'), '{}\n');
    rmSync(join(dir, 'manifests/sql-analytics/routing.json'));
    const files = snapshot(dir);
    const result = await cli(dir, 'lock');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'manifests/sql-analytics.yaml:37:9 routing.path: manifests/sql-analytics/routing.json does not exist in the repository',
    );
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(snapshot(dir)).toEqual(files);
  });
});

describe('kaizen-gate diff (bundled CLI, real git)', () => {
  it('a prompt edited and locked is a prompt_patch: exit 0', async () => {
    const { repo, c0 } = exampleRepo();
    writeFileSync(join(repo.dir, 'manifests/policy-qa/prompts/system.md'), 'A better prompt.\n');
    expect((await cli(repo.dir, 'lock')).code).toBe(0);
    const result = await cli(repo.dir, 'diff', '--base', c0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('  classes: prompt_patch\n');
    expect(result.code).toBe(0);
  });

  it('a prompt edited without lock is reported and exits 1', async () => {
    const { repo, c0 } = exampleRepo();
    writeFileSync(join(repo.dir, 'manifests/policy-qa/prompts/system.md'), 'A quick tweak.\n');
    const result = await cli(repo.dir, 'diff', '--base', c0);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'manifests/policy-qa/prompts/system.md changed but manifests/policy-qa.yaml still records sha256:8742cf1d34e4…',
    );
    const json = await cli(repo.dir, 'diff', '--base', c0, '--json');
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { failed: boolean }).failed).toBe(true);
  });

  it('a shallow clone without the base exits 2 and says fetch-depth: 0', async () => {
    const { repo, c0 } = exampleRepo();
    repo.write('README.md', 'second commit\n');
    repo.commit('second');
    const parent = mkdtempSync(join(tmpdir(), 'kaizen-shallow-'));
    cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
    runGit(parent, ['clone', '--quiet', '--depth', '1', `file://${repo.dir}`, 'clone']);
    const result = await cli(join(parent, 'clone'), 'diff', '--base', c0);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('fetch-depth: 0');
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});

/** The command names `kaizen-gate --help` lists. */
async function commands(): Promise<string[]> {
  const help = (await cli(ROOT, '--help')).stdout;
  const list = help.slice(help.indexOf('Commands:\n') + 'Commands:\n'.length).split('\n\n')[0]!;
  return list
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0]!)
    .filter(Boolean);
}

describe('kaizen-gate usage', () => {
  it('--help exits 0 and lists the manifest commands', async () => {
    const result = await cli(ROOT, '--help');
    expect(result.code).toBe(0);
    expect(await commands()).toEqual(expect.arrayContaining(['validate', 'lock', 'diff']));
  });

  it('every command has --help that exits 0', async () => {
    for (const command of await commands()) {
      const result = await cli(ROOT, command, '--help');
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).toMatch(new RegExp(`^Usage: kaizen-gate ${command}\\b`));
      expect(result.stderr, command).toBe('');
    }
  });

  it.each<[string, string[], string]>([
    ['an unknown command', ['frobnicate'], 'kaizen-gate: unknown command "frobnicate"'],
    ['an unknown flag', ['validate', '--frobnicate'], 'kaizen-gate: unknown option --frobnicate; options: --repo'],
    ['a misspelt flag', ['diff', '--bsae', 'main'], 'kaizen-gate: unknown option --bsae (did you mean --base?)'],
    ['a flag missing its value', ['diff', '--base'], 'kaizen-gate: --base needs a value'],
    ['diff without --base', ['diff'], 'kaizen-gate: diff needs --base <git-ref>'],
  ])('%s exits 2 with a usage hint and no stack trace', async (_name, args, message) => {
    const result = await cli(ROOT, ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Run `kaizen-gate --help` for usage.');
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});
