import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/io.ts';
import { runDiff, runLock } from '../../src/cli/manifest-commands.ts';
import { GitError } from '../../src/git/git.ts';
import type { PackageDiff } from '../../src/manifest/diff.ts';
import type { DiffDocument } from '../../src/manifest/render-diff.ts';
import { formatProblem, InputError } from '../../src/problem.ts';
import { validateAgainstSchema } from '../../src/schema/validate.ts';
import { makeRepo, runGit } from '../support/git-repo.ts';
import type { TempRepo } from '../support/git-repo.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIFF_SCHEMA = JSON.parse(readFileSync(join(ROOT, 'manifests/schema/diff.schema.json'), 'utf8')) as object;
const SYSTEM_PROMPT = 'manifests/policy-qa/prompts/system.md';

const repos: TempRepo[] = [];
afterAll(() => {
  for (const repo of repos) repo.cleanup();
});

/** A repository holding this project's example manifests and a README, committed once. */
function exampleRepo(): { repo: TempRepo; c0: string } {
  const repo = makeRepo();
  repos.push(repo);
  repo.copyIn(join(ROOT, 'manifests'), 'manifests');
  repo.write('README.md', '# example\n');
  return { repo, c0: repo.commit('examples') };
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command the way the CLI does: thrown input, usage and git errors become exit 2. */
function run(repo: TempRepo, command: (ctx: Parameters<typeof runDiff>[0]) => number, cwd = repo.dir): Run {
  let stdout = '';
  let stderr = '';
  const ctx = { cwd, stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  try {
    return { code: command(ctx), stdout, stderr };
  } catch (error: unknown) {
    if (error instanceof InputError) stderr += `${error.problems.map(formatProblem).join('\n')}\n`;
    else if (error instanceof UsageError || error instanceof GitError) stderr += `${error.message}\n`;
    else throw error;
    return { code: 2, stdout, stderr };
  }
}

const diff = (
  repo: TempRepo,
  options: { base?: string; head?: string; json?: boolean; all?: boolean },
  paths: string[] = [],
  cwd?: string,
): Run =>
  run(
    repo,
    (ctx) =>
      runDiff(ctx, paths, {
        json: options.json ?? false,
        ...(options.base ? { base: options.base } : {}),
        ...(options.head ? { head: options.head } : {}),
        ...(options.all ? { all: true } : {}),
      }),
    cwd,
  );

const lock = (repo: TempRepo): Run => run(repo, (ctx) => runLock(ctx, [], { check: false }));

/** Every JSON document the scenarios print, validated against the schema at the end. */
const printed: DiffDocument[] = [];
function diffJson(
  repo: TempRepo,
  options: { base: string; head?: string },
  paths: string[] = [],
): { code: number; doc: DiffDocument; stderr: string } {
  const result = diff(repo, { ...options, json: true }, paths);
  const doc = JSON.parse(result.stdout) as DiffDocument;
  printed.push(doc);
  return { code: result.code, doc, stderr: result.stderr };
}

const pkg = (doc: DiffDocument, manifest: string): PackageDiff => {
  const found = doc.packages.find((p) => p.manifest === manifest);
  expect(found, `${manifest} in ${doc.packages.map((p) => p.manifest).join(', ')}`).toBeDefined();
  return found!;
};

/** Edits a manifest field in place with a literal replacement, failing if the text is not there. */
function edit(repo: TempRepo, path: string, from: string, to: string): void {
  const text = repo.read(path);
  expect(text, `${path} must contain ${from}`).toContain(from);
  repo.write(path, text.replace(from, to));
}

function appendTo(repo: TempRepo, path: string, text: string): void {
  repo.write(path, `${repo.read(path)}${text}`);
}

/** A new package version: fresh package_id, parent = the current one. */
function bumpPackage(repo: TempRepo, manifest: string, next: string): void {
  const text = repo.read(manifest);
  const current = /^package_id: (\S+)$/m.exec(text)![1]!;
  repo.write(
    manifest,
    text
      .replace(`package_id: ${current}`, `package_id: ${next}`)
      .replace(/^parent_package_id: \S+$/m, `parent_package_id: ${current}`),
  );
}

describe('diff against a base commit', () => {
  it('(a) a prompt edit plus lock is a prompt_patch and passes', () => {
    const { repo, c0 } = exampleRepo();
    appendTo(repo, SYSTEM_PROMPT, '\nState the policy effective date.\n');
    bumpPackage(repo, 'manifests/policy-qa.yaml', 'policy-qa-2026-11-27-r4');
    expect(lock(repo).code).toBe(0);

    const { code, doc } = diffJson(repo, { base: c0 });
    expect(code).toBe(0);
    expect(doc.failed).toBe(false);
    expect(doc.packages.map((p) => p.manifest)).toEqual(['manifests/policy-qa.yaml']);
    const p = pkg(doc, 'manifests/policy-qa.yaml');
    expect(p.classes).toEqual(['prompt_patch']);
    expect(p.parent).toEqual({
      package_id: 'policy-qa-2026-11-20-r3',
      manifest: 'manifests/policy-qa.yaml',
      digest: expect.stringMatching(/^sha256:/),
      commit: c0,
      resolution: 'same_path',
    });
    expect(p.changes).toEqual([
      {
        component: 'prompt',
        key: 'prompt:system',
        field: 'sha256',
        change: 'modified',
        old: 'sha256:8742cf1d34e42e4c525ade3632decd8d1248c2dbc5fca0907e3411a1bdee628e',
        new: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      },
    ]);
    expect(p.problems).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(doc.unreferenced_changes).toEqual([]);
    expect(doc.changed_files).toEqual(['manifests/policy-qa.yaml', SYSTEM_PROMPT]);

    const text = diff(repo, { base: c0 });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('  classes: prompt_patch\n');
    expect(text.stdout).toContain('  package: policy-qa-2026-11-20-r3 → policy-qa-2026-11-27-r4\n');
    expect(text.stdout).toMatch(/ {4}modified prompt:system sha256: sha256:8742cf1d34e4… → sha256:[0-9a-f]{12}…\n/);
    expect(text.stdout).toMatch(/manifest check: ok\n$/);
  });

  it('(a) lock without a new package_id still classifies, with a warning', () => {
    const { repo, c0 } = exampleRepo();
    appendTo(repo, SYSTEM_PROMPT, '\nBe brief.\n');
    expect(lock(repo).code).toBe(0);
    const { code, doc } = diffJson(repo, { base: c0 });
    expect(code).toBe(0);
    const p = pkg(doc, 'manifests/policy-qa.yaml');
    expect(p.classes).toEqual(['prompt_patch']);
    expect(p.warnings).toEqual([
      'package_id policy-qa-2026-11-20-r3 is unchanged although behaviour changed; give each package version its own id',
    ]);
  });

  it('(b) a prompt edit without lock is an untracked change: located failure, exit 1', () => {
    const { repo, c0 } = exampleRepo();
    appendTo(repo, SYSTEM_PROMPT, '\nQuick tweak.\n');
    const text = diff(repo, { base: c0 });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      '  FAIL manifests/policy-qa.yaml:26:13 prompts[0].sha256: manifests/policy-qa/prompts/system.md changed but manifests/policy-qa.yaml still records sha256:8742cf1d34e4…; run `kaizen-gate lock` and give the package a new package_id\n',
    );
    expect(text.stdout).toMatch(/manifest check: FAILED\n$/);

    const { code, doc, stderr } = diffJson(repo, { base: c0 });
    expect(code).toBe(1);
    expect(doc.failed).toBe(true);
    const p = pkg(doc, 'manifests/policy-qa.yaml');
    expect(p.classes).toEqual(['prompt_patch']);
    expect(p.changes).toEqual([expect.objectContaining({ key: 'prompt:system', field: 'sha256', untracked: true })]);
    expect(p.problems).toEqual([
      {
        file: 'manifests/policy-qa.yaml',
        line: 26,
        column: 13,
        field: 'prompts[0].sha256',
        message:
          'manifests/policy-qa/prompts/system.md changed but manifests/policy-qa.yaml still records sha256:8742cf1d34e4…; run `kaizen-gate lock` and give the package a new package_id',
      },
    ]);
    // --json keeps stdout parseable and still tells the human on stderr.
    expect(stderr).toContain(
      'manifests/policy-qa.yaml:26:13 prompts[0].sha256: manifests/policy-qa/prompts/system.md changed but',
    );
  });

  it('(c) retrieval, tool, routing, guardrail and model changes get their classes, several at once', () => {
    const { repo, c0 } = exampleRepo();
    appendTo(repo, 'manifests/sql-analytics/tools/sql_readonly.json', '\n');
    appendTo(repo, 'manifests/sql-analytics/routing.json', '\n');
    edit(repo, 'manifests/sql-analytics.yaml', 'version: "2026-04-15"', 'version: "2026-05-01"');
    edit(
      repo,
      'manifests/doc-analysis.yaml',
      'corpus_snapshot: enterprise_docs_2026_11_14',
      'corpus_snapshot: enterprise_docs_2026_11_28',
    );
    appendTo(repo, 'manifests/shared/guardrails/pii-filter.json', '\n');
    edit(repo, 'manifests/policy-qa/suites/golden.jsonl', '\n', '\n\n');
    expect(lock(repo).code).toBe(0);

    const { code, doc } = diffJson(repo, { base: c0 });
    expect(code).toBe(0);
    expect(doc.packages.map((p) => [p.manifest, p.classes])).toEqual([
      ['manifests/doc-analysis.yaml', ['guardrail_update', 'retrieval_refresh']],
      ['manifests/policy-qa.yaml', ['guardrail_update']],
      ['manifests/sql-analytics.yaml', ['model_change', 'route_change', 'tool_schema_repair']],
    ]);
    const sql = pkg(doc, 'manifests/sql-analytics.yaml');
    expect(sql.changes.map((c) => `${c.change} ${c.key} ${c.field ?? ''}`)).toEqual([
      'modified model version',
      'modified tool:sql_readonly sha256',
      'modified routing sha256',
    ]);
    expect(sql.changes[0]).toMatchObject({ old: '2026-04-15', new: '2026-05-01' });
    // The suite file changed too: recorded as a change, but evaluation is not behaviour.
    expect(pkg(doc, 'manifests/policy-qa.yaml').changes.map((c) => c.key)).toEqual([
      'guardrail:pii-filter',
      'suite:policy_golden_v12',
    ]);
  });

  it('(c) only evaluation or metadata changed: no_behaviour_change', () => {
    const { repo, c0 } = exampleRepo();
    edit(repo, 'manifests/policy-qa/suites/redteam.jsonl', '\n', '\n\n');
    edit(
      repo,
      'manifests/policy-qa.yaml',
      'owners: ["@acme/hr-assistant"]',
      'owners: ["@acme/hr-assistant", "@acme/safety"]',
    );
    expect(lock(repo).code).toBe(0);
    const { doc } = diffJson(repo, { base: c0 });
    expect(pkg(doc, 'manifests/policy-qa.yaml').classes).toEqual(['no_behaviour_change']);
  });

  it('(d) returning to an earlier package after two changes is a rollback', () => {
    const { repo, c0 } = exampleRepo();
    const original = repo.read(SYSTEM_PROMPT);
    appendTo(repo, SYSTEM_PROMPT, '\nVersion two.\n');
    bumpPackage(repo, 'manifests/policy-qa.yaml', 'policy-qa-r4');
    lock(repo);
    repo.commit('r4');
    appendTo(repo, SYSTEM_PROMPT, '\nVersion three.\n');
    bumpPackage(repo, 'manifests/policy-qa.yaml', 'policy-qa-r5');
    lock(repo);
    const c2 = repo.commit('r5');

    repo.write(SYSTEM_PROMPT, original);
    bumpPackage(repo, 'manifests/policy-qa.yaml', 'policy-qa-r6');
    lock(repo);
    const { code, doc } = diffJson(repo, { base: c2 });
    expect(code).toBe(0);
    const p = pkg(doc, 'manifests/policy-qa.yaml');
    expect(p.classes).toEqual(['prompt_patch', 'rollback']);
    expect(p.rollback_of).toEqual({ package_id: 'policy-qa-2026-11-20-r3', commit: c0 });
    expect(diff(repo, { base: c2 }).stdout).toContain(
      `  classes: prompt_patch, rollback (rollback to policy-qa-2026-11-20-r3 @ ${c0.slice(0, 12)})\n`,
    );
  });

  it('(e) finds the parent by parent_package_id in another file', () => {
    const { repo, c0 } = exampleRepo();
    const next = repo
      .read('manifests/policy-qa.yaml')
      .replace('package_id: policy-qa-2026-11-20-r3', 'package_id: policy-qa-2026-12-01-r4')
      .replace('parent_package_id: policy-qa-2026-11-02-r2', 'parent_package_id: policy-qa-2026-11-20-r3')
      .replace('path: manifests/policy-qa/prompts/system.md', 'path: manifests/policy-qa/prompts/system-v4.md');
    repo.write('manifests/policy-qa-v4.yaml', next);
    repo.write('manifests/policy-qa/prompts/system-v4.md', `${repo.read(SYSTEM_PROMPT)}\nNew rule.\n`);
    expect(lock(repo).code).toBe(0);

    const { code, doc } = diffJson(repo, { base: c0 });
    expect(code).toBe(0);
    expect(doc.packages.map((p) => p.manifest)).toEqual(['manifests/policy-qa-v4.yaml']);
    const p = pkg(doc, 'manifests/policy-qa-v4.yaml');
    expect(p.parent).toMatchObject({
      package_id: 'policy-qa-2026-11-20-r3',
      manifest: 'manifests/policy-qa.yaml',
      resolution: 'parent_package_id',
      commit: c0,
    });
    expect(p.new_application).toBe(false);
    expect(p.classes).toEqual(['prompt_patch']);
    expect(p.changes.map((c) => `${c.key} ${c.field}`)).toEqual(['prompt:system path', 'prompt:system sha256']);
    expect(diff(repo, { base: c0 }).stdout).toContain(
      '  package: policy-qa-2026-11-20-r3 → policy-qa-2026-12-01-r4 (parent by parent_package_id, manifests/policy-qa.yaml)\n',
    );
  });

  it('(f) a new application has no parent and says so', () => {
    const { repo, c0 } = exampleRepo();
    repo.write(
      'manifests/benefits-qa.yaml',
      repo
        .read('manifests/policy-qa.yaml')
        .replace('application: policy-qa', 'application: benefits-qa')
        .replace('package_id: policy-qa-2026-11-20-r3', 'package_id: benefits-qa-r1')
        .replace('parent_package_id: policy-qa-2026-11-02-r2\n', '')
        .replace('type: prompt_patch', 'type: initial'),
    );
    const { code, doc } = diffJson(repo, { base: c0 });
    expect(code).toBe(0);
    const p = pkg(doc, 'manifests/benefits-qa.yaml');
    expect(p).toMatchObject({
      new_application: true,
      parent: null,
      classes: [],
      changes: [],
      problems: [],
      warnings: [],
    });
    expect(diff(repo, { base: c0 }).stdout).toContain(
      '  package: benefits-qa-r1 (new application: no parent at base)\n',
    );
  });

  it('(f) a new file naming a parent that does not exist fails at parent_package_id', () => {
    const { repo, c0 } = exampleRepo();
    repo.write(
      'manifests/benefits-qa.yaml',
      repo
        .read('manifests/policy-qa.yaml')
        .replace('package_id: policy-qa-2026-11-20-r3', 'package_id: benefits-qa-r2')
        .replace('parent_package_id: policy-qa-2026-11-02-r2', 'parent_package_id: benefits-qa-r1'),
    );
    const { code, doc } = diffJson(repo, { base: c0 });
    expect(code).toBe(1);
    expect(pkg(doc, 'manifests/benefits-qa.yaml').problems.map(formatProblem)).toEqual([
      `manifests/benefits-qa.yaml:7:20 parent_package_id: no manifest with package_id benefits-qa-r1 exists at the base commit ${c0.slice(0, 12)}, and manifests/benefits-qa.yaml is new; fix parent_package_id or remove it for a new application`,
    ]);
  });

  it('(g) lists changed files that no manifest references', () => {
    const { repo, c0 } = exampleRepo();
    appendTo(repo, 'README.md', 'More words.\n');
    repo.write('docs/notes.md', 'untracked notes\n');
    const { code, doc } = diffJson(repo, { base: c0 });
    expect(code).toBe(0);
    expect(doc.packages).toEqual([]);
    expect(doc.changed_files).toEqual(['README.md', 'docs/notes.md']);
    expect(doc.unreferenced_changes).toEqual(['README.md', 'docs/notes.md']);
    const text = diff(repo, { base: c0 }).stdout;
    expect(text).toContain('No package manifest is touched by this change.');
    expect(text).toContain('Changed files no manifest references:\n  README.md\n  docs/notes.md\n');
  });

  it('(j) --head compares a commit and ignores the working tree; without it the working tree counts', () => {
    const { repo, c0 } = exampleRepo();
    appendTo(repo, SYSTEM_PROMPT, '\nCommitted change.\n');
    bumpPackage(repo, 'manifests/policy-qa.yaml', 'policy-qa-r4');
    lock(repo);
    const c1 = repo.commit('r4');
    appendTo(repo, SYSTEM_PROMPT, '\nUncommitted, unlocked change.\n');
    repo.write('scratch.txt', 'not committed\n');

    const atHead = diffJson(repo, { base: c0, head: c1 });
    expect(atHead.code).toBe(0);
    expect(atHead.doc.head).toEqual({ ref: c1, commit: c1 });
    expect(pkg(atHead.doc, 'manifests/policy-qa.yaml').classes).toEqual(['prompt_patch']);
    expect(atHead.doc.changed_files).toEqual(['manifests/policy-qa.yaml', SYSTEM_PROMPT]);

    const byName = diffJson(repo, { base: 'HEAD~1', head: 'main' });
    expect(byName.doc.base).toEqual({ ref: 'HEAD~1', commit: c0 });
    expect(byName.doc.head).toEqual({ ref: 'main', commit: c1 });

    const worktree = diffJson(repo, { base: c0 });
    expect(worktree.code).toBe(1);
    expect(worktree.doc.head).toEqual({ ref: 'WORKTREE', commit: null });
    expect(worktree.doc.unreferenced_changes).toEqual(['scratch.txt']);
    expect(pkg(worktree.doc, 'manifests/policy-qa.yaml').problems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^manifests\/policy-qa\/prompts\/system\.md has sha256:[0-9a-f]{12}… but manifests\/policy-qa\.yaml records sha256:[0-9a-f]{12}…; run `kaizen-gate lock`$/,
      ),
    ]);

    // An unlocked edit that was committed fails the same way when reading the head commit.
    const c2 = repo.commit('unlocked tweak');
    const committed = diffJson(repo, { base: c1, head: c2 });
    expect(committed.code).toBe(1);
    expect(pkg(committed.doc, 'manifests/policy-qa.yaml').problems[0]?.message).toMatch(
      /^manifests\/policy-qa\/prompts\/system\.md changed but manifests\/policy-qa\.yaml still records /,
    );
  });

  it('takes manifest arguments relative to the working directory; --all compares an untouched package', () => {
    const { repo, c0 } = exampleRepo();
    const untouched = diff(repo, { base: c0, json: true }, ['policy-qa.yaml'], join(repo.dir, 'manifests'));
    expect((JSON.parse(untouched.stdout) as DiffDocument).packages).toEqual([]);
    const result = diff(repo, { base: c0, json: true, all: true }, ['policy-qa.yaml'], join(repo.dir, 'manifests'));
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as DiffDocument;
    printed.push(doc);
    expect(doc.packages.map((p) => [p.manifest, p.classes])).toEqual([
      ['manifests/policy-qa.yaml', ['no_behaviour_change']],
    ]);
  });
});

describe('diff: bad input is exit 2 with a clear message', () => {
  it('(i) a shallow clone without the base commit says to fetch full history', () => {
    const { repo, c0 } = exampleRepo();
    appendTo(repo, 'README.md', 'second\n');
    repo.commit('second');
    const clone = makeRepo('kaizen-clone-');
    repos.push(clone);
    clone.remove('.git');
    runGit(dirname(clone.dir), ['clone', '--quiet', '--depth', '1', `file://${repo.dir}`, clone.dir]);
    expect(runGit(clone.dir, ['rev-parse', '--is-shallow-repository'])).toBe('true');

    const result = diff(clone, { base: c0 });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `--base: ${c0} is not in this clone, which is shallow (history was not fetched); check out with full history: actions/checkout with \`fetch-depth: 0\`, or \`git fetch --unshallow\`\n`,
    );
    expect(result.stderr).not.toMatch(/at .*\.[jt]s:\d+/);
  });

  it.each<[string, { base?: string; head?: string }, RegExp]>([
    ['no --base', {}, /^diff needs --base <git-ref>/],
    [
      'an unknown base',
      { base: 'no-such-branch' },
      /^--base: no-such-branch does not name a commit in .*; fetch it first/,
    ],
    ['an unknown head', { base: 'HEAD', head: 'nope' }, /^--head: nope does not name a commit/],
    ['a ref that looks like an option', { base: '--output=/tmp/x' }, /^--base: "--output=\/tmp\/x" is not a git ref/],
  ])('%s', (_name, options, message) => {
    const { repo } = exampleRepo();
    const result = diff(repo, options);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('refuses a directory that is not a git repository', () => {
    const notGit = makeRepo('kaizen-nogit-');
    repos.push(notGit);
    notGit.remove('.git');
    const result = run(notGit, (ctx) => runDiff(ctx, [], { base: 'HEAD', json: false, repo: notGit.dir }));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not inside a git repository; diff compares git commits/);
  });
});

describe('diff.schema.json', () => {
  it('is draft 2020-12 and describes every property', () => {
    const schema = DIFF_SCHEMA as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const missing: string[] = [];
    const walk = (node: unknown, pointer: string): void => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      for (const [name, child] of Object.entries((record.properties ?? {}) as Record<string, unknown>)) {
        if (typeof (child as { description?: unknown }).description !== 'string')
          missing.push(`${pointer}/properties/${name}`);
        walk(child, `${pointer}/properties/${name}`);
      }
      for (const key of ['items', '$defs', 'oneOf'] as const) {
        const value = record[key];
        if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${pointer}/${key}/${i}`));
        else if (key === '$defs')
          for (const [name, child] of Object.entries((value ?? {}) as Record<string, unknown>))
            walk(child, `${pointer}/$defs/${name}`);
        else walk(value, `${pointer}/${key}`);
      }
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  it('accepts every document the scenarios printed', () => {
    // Runs after the scenarios above (vitest keeps file order): a, b, c, d, e, f, g, j and more.
    expect(printed.length).toBeGreaterThanOrEqual(12);
    for (const doc of printed) {
      expect(validateAgainstSchema(DIFF_SCHEMA, doc, { file: 'diff.json' })).toEqual([]);
    }
    expect(printed.some((doc) => doc.packages.some((p) => p.rollback_of))).toBe(true);
    expect(printed.some((doc) => doc.packages.some((p) => p.parent === null))).toBe(true);
    expect(printed.some((doc) => doc.packages.some((p) => p.changes.some((c) => c.untracked)))).toBe(true);
  });

  it.each<[string, (doc: Record<string, unknown>) => void, string]>([
    ['a missing field', (doc) => delete doc.failed, 'diff.json: missing required field "failed"'],
    [
      'an unknown class',
      (doc) => ((doc.packages as Record<string, unknown>[])[0]!.classes = ['prompt_tweak']),
      'diff.json packages[0].classes[0]: expected one of "prompt_patch", "retrieval_refresh", "tool_schema_repair", "route_change", "guardrail_update", "model_change", "rollback", "no_behaviour_change", found "prompt_tweak"',
    ],
    [
      'a short commit',
      (doc) => ((doc.base as Record<string, unknown>).commit = 'abc123'),
      'diff.json base.commit: "abc123" is not valid: A full git commit SHA (SHA-1 or SHA-256 repositories).',
    ],
    [
      'an extra field',
      (doc) => (doc.verdict = 'approve'),
      'diff.json verdict: unknown field "verdict"; expected one of schema, base, head, packages, changed_files, unreferenced_changes, failed',
    ],
  ])('rejects a document with %s', (_name, breakIt, expected) => {
    const doc = structuredClone(printed.find((d) => d.packages.length > 0)) as unknown as Record<string, unknown>;
    breakIt(doc);
    expect(validateAgainstSchema(DIFF_SCHEMA, doc, { file: 'diff.json' }).map(formatProblem)).toEqual([expected]);
  });
});
