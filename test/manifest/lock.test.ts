import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLock } from '../../src/cli/manifest-commands.ts';
import type { CommandContext } from '../../src/cli/manifest-commands.ts';
import { readerAtWorktree } from '../../src/git/git.ts';
import { lockManifest } from '../../src/manifest/lock.ts';
import { loadManifest } from '../../src/manifest/manifest.ts';
import { InputError, formatProblem } from '../../src/problem.ts';
import { digestOf } from '../../src/digest.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLES = ['manifests/policy-qa.yaml', 'manifests/doc-analysis.yaml', 'manifests/sql-analytics.yaml'];
const DIGEST = /sha256:[0-9a-f]{64}/g;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const mask = (text: string): string => text.replaceAll(DIGEST, 'sha256:<digest>');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kaizen-lock-'));
  cpSync(join(ROOT, 'manifests'), join(dir, 'manifests'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lock = (text: string | Uint8Array, file = 'manifests/x.yaml') =>
  lockManifest(typeof text === 'string' ? utf8(text) : text, file, readerAtWorktree(dir));
const digestOfFile = (path: string): string => digestOf(readFileSync(join(dir, path)));

/** A manifest fragment in many styles; its digests are placeholders lock must replace. */
function styled(a: string, b: string, c: string, d: string): string {
  return [
    '# yaml-language-server: $schema=./schema/package.schema.json',
    'apiVersion: kaizen-gate/v1   # trailing comment, odd spacing',
    'owners: ["@acme/hr-assistant"]',
    '',
    'prompts:',
    '  # before the first prompt',
    `  - {id: system, path: manifests/policy-qa/prompts/system.md, sha256: ${a}}   # flow`,
    '  - id: answer-format',
    '    path: "manifests/policy-qa/prompts/answer-format.md"',
    `    sha256: '${b}'  # single quoted`,
    'guardrails:',
    '  - path: manifests/shared/guardrails/pii-filter.json',
    `    sha256: "${c}"`,
    '    id: pii-filter',
    '',
    '',
    'evaluation:',
    '  judge:',
    '    rubric:',
    '      path: manifests/shared/rubrics/grounded-answer-v2.md',
    `      sha256: ${d}`,
    '',
  ].join('\n');
}

describe('lockManifest', () => {
  it.each(EXAMPLES)('%s: after a prompt edit only the digest changes, and a second run changes no byte', (file) => {
    const before = readFileSync(join(dir, file), 'utf8');
    const prompt = /path: (\S+\/prompts\/\S+)/.exec(before)![1]!;
    writeFileSync(join(dir, prompt), `${readFileSync(join(dir, prompt), 'utf8')}\nAlways cite the policy section.\n`);

    const first = lock(before, file);
    expect(first.problems).toEqual([]);
    expect(first.changed).toBe(true);
    expect(first.updates.map((u) => [u.path, u.new])).toEqual([[prompt, digestOfFile(prompt)]]);
    expect(mask(first.text)).toBe(mask(before));
    expect(first.text.split('\n').filter((line, i) => line !== before.split('\n')[i])).toEqual([
      `    sha256: ${digestOfFile(prompt)}`,
    ]);

    const second = lock(first.text, file);
    expect(second).toEqual({ text: first.text, changed: false, updates: [], problems: [] });
    expect(loadManifest(utf8(first.text), file, { readFile: readerAtWorktree(dir) }).problems).toEqual([]);
  });

  it('keeps comments, key order, quoting, flow style and blank lines; only digest values change', () => {
    const zero = `sha256:${'0'.repeat(64)}`;
    const before = styled(zero, zero, zero, zero);
    const result = lock(before);
    expect(result.problems).toEqual([]);
    const expected = styled(
      digestOfFile('manifests/policy-qa/prompts/system.md'),
      digestOfFile('manifests/policy-qa/prompts/answer-format.md'),
      digestOfFile('manifests/shared/guardrails/pii-filter.json'),
      digestOfFile('manifests/shared/rubrics/grounded-answer-v2.md'),
    );
    expect(result.text).toBe(expected);
    expect(result.updates.map((u) => u.field)).toEqual([
      'prompts[0].sha256',
      'prompts[1].sha256',
      'guardrails[0].sha256',
      'evaluation.judge.rubric.sha256',
    ]);
    expect(lock(result.text).changed).toBe(false);
  });

  it('adds a missing sha256 key beside its path, in block and flow mappings, at the end of a file', () => {
    const before = [
      'prompts:',
      '  - id: system   # no digest yet',
      '    path: manifests/policy-qa/prompts/system.md   # the main prompt',
      '    # a comment after the path',
      '  - {path: manifests/policy-qa/prompts/answer-format.md, id: answer-format}',
      'guardrails:',
      '  - path: manifests/shared/guardrails/pii-filter.json',
      '    id: pii-filter',
      'evaluation:',
      '  judge:',
      '    rubric:',
      '      path: manifests/shared/rubrics/grounded-answer-v2.md',
    ].join('\n');
    const result = lock(before);
    expect(result.problems).toEqual([]);
    expect(result.text).toBe(
      [
        'prompts:',
        '  - id: system   # no digest yet',
        '    path: manifests/policy-qa/prompts/system.md   # the main prompt',
        `    sha256: ${digestOfFile('manifests/policy-qa/prompts/system.md')}`,
        '    # a comment after the path',
        `  - {path: manifests/policy-qa/prompts/answer-format.md, sha256: ${digestOfFile('manifests/policy-qa/prompts/answer-format.md')}, id: answer-format}`,
        'guardrails:',
        '  - path: manifests/shared/guardrails/pii-filter.json',
        `    sha256: ${digestOfFile('manifests/shared/guardrails/pii-filter.json')}`,
        '    id: pii-filter',
        'evaluation:',
        '  judge:',
        '    rubric:',
        '      path: manifests/shared/rubrics/grounded-answer-v2.md',
        `      sha256: ${digestOfFile('manifests/shared/rubrics/grounded-answer-v2.md')}`,
      ].join('\n'),
    );
    expect(result.updates.every((u) => u.old === undefined)).toBe(true);
    expect(lock(result.text).changed).toBe(false);
  });

  it.each([
    ['an empty value', 'sha256:', ''],
    ['a null value', 'sha256: ~', ''],
    ['a block scalar', 'sha256: |\n      sha256:abc', ''],
  ])('fills %s', (_name, digestLine) => {
    const before = `prompts:\n  - id: system\n    path: manifests/policy-qa/prompts/system.md\n    ${digestLine}\n  - id: next\n    path: manifests/policy-qa/prompts/answer-format.md\n    sha256: ${digestOfFile('manifests/policy-qa/prompts/answer-format.md')}\n`;
    const result = lock(before);
    expect(result.problems).toEqual([]);
    expect(result.text).toBe(
      before.replace(digestLine, `sha256: ${digestOfFile('manifests/policy-qa/prompts/system.md')}`),
    );
  });

  it.each<[string, string, boolean]>([
    ['CRLF', '\r\n', false],
    ['BOM', '\n', true],
    ['CRLF and BOM', '\r\n', true],
  ])('keeps %s, for replaced and added digests', (_name, eol, bom) => {
    const zero = `sha256:${'0'.repeat(64)}`;
    const lf = `${styled(zero, zero, zero, zero)}tools:\n  - id: t\n    version: v1\n    schema: manifests/sql-analytics/tools/sql_readonly.json\n`;
    const encode = (text: string): Uint8Array => utf8(`${bom ? '\uFEFF' : ''}${text.replaceAll('\n', eol)}`);
    const result = lock(encode(lf));
    expect(result.problems).toEqual([]);
    const bytes = utf8(result.text);
    expect(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf).toBe(bom);
    const body = result.text.replace(/^\uFEFF/, '');
    expect(body.split(eol).join('\n').includes('\r')).toBe(false);
    if (eol === '\r\n') expect(body.match(/\n/g)?.length).toBe(body.match(/\r\n/g)?.length);
    expect(body.replaceAll('\r\n', '\n')).toContain(
      `    schema: manifests/sql-analytics/tools/sql_readonly.json\n    sha256: ${digestOfFile('manifests/sql-analytics/tools/sql_readonly.json')}\n`,
    );
    expect(lock(bytes).changed).toBe(false);
  });

  it('writes nothing and reports every artifact it cannot read', () => {
    const before =
      'prompts:\n  - id: a\n    path: manifests/nope.md\n    sha256: sha256:1\n  - id: b\n    path: ../escape.md\n  - id: c\n    path: manifests/policy-qa/prompts/system.md\n';
    const result = lock(before);
    expect(result.changed).toBe(false);
    expect(result.text).toBe(before);
    expect(result.updates).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      'manifests/x.yaml:3:11 prompts[0].path: manifests/nope.md does not exist in the repository',
      'manifests/x.yaml:6:11 prompts[1].path: "../escape.md" leaves the repository ("..")',
    ]);
  });

  it('refuses to guess when the digest is an alias or a list', () => {
    const before =
      'd: &d sha256:1\nprompts:\n  - id: a\n    path: manifests/policy-qa/prompts/system.md\n    sha256: *d\n  - id: b\n    path: manifests/policy-qa/prompts/answer-format.md\n    sha256: [x]\n';
    const result = lock(before);
    expect(result.changed).toBe(false);
    expect(result.problems.map(formatProblem)).toEqual([
      `manifests/x.yaml:5:13 prompts[0].sha256: cannot write the digest here; add \`sha256: ${digestOfFile('manifests/policy-qa/prompts/system.md')}\` by hand`,
      `manifests/x.yaml:8:13 prompts[1].sha256: cannot write the digest here; add \`sha256: ${digestOfFile('manifests/policy-qa/prompts/answer-format.md')}\` by hand`,
    ]);
  });

  it('returns YAML problems without touching the text', () => {
    const result = lock('a: 1\na: 2\n');
    expect(result.changed).toBe(false);
    expect(result.problems.map(formatProblem)).toEqual([
      'manifests/x.yaml:2:1: duplicate key a; each key may appear only once in a mapping',
    ]);
  });
});

function quiet(): CommandContext & { out: string[] } {
  const out: string[] = [];
  return { cwd: dir, stdout: (t) => out.push(t), stderr: (t) => out.push(t), out };
}

function snapshot(): string[] {
  return EXAMPLES.map((f) => readFileSync(join(dir, f), 'utf8'));
}

describe('runLock (the lock command)', () => {
  it('locks every manifest in manifests/, then finds nothing to do', () => {
    writeFileSync(join(dir, 'manifests/shared/guardrails/pii-filter.json'), '{"patterns": []}\n');
    const before = snapshot();
    expect(runLock(quiet(), [], { check: true, repo: dir })).toBe(1);
    expect(snapshot()).toEqual(before);
    expect(runLock(quiet(), [], { check: false, repo: dir })).toBe(0);
    const after = snapshot();
    // pii-filter is shared by policy-qa and doc-analysis; sql-analytics does not use it.
    expect(after.map((text, i) => text !== before[i])).toEqual([true, true, false]);
    expect(after.map(mask)).toEqual(before.map(mask));
    const ctx = quiet();
    expect(runLock(ctx, [], { check: false, repo: dir })).toBe(0);
    expect(ctx.out.join('')).toBe('all digests up to date\n');
    expect(snapshot()).toEqual(after);
  });

  it('writes nothing at all when one manifest has a problem', () => {
    writeFileSync(join(dir, 'manifests/shared/guardrails/pii-filter.json'), '{"patterns": ["changed"]}\n');
    const sql = join(dir, 'manifests/sql-analytics.yaml');
    writeFileSync(
      sql,
      readFileSync(sql, 'utf8').replace('manifests/sql-analytics/routing.json', 'manifests/sql-analytics/missing.json'),
    );
    const before = snapshot();
    let caught: unknown;
    try {
      runLock(quiet(), [], { check: false, repo: dir });
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).problems.map(formatProblem)).toEqual([
      'manifests/sql-analytics.yaml:37:9 routing.path: manifests/sql-analytics/missing.json does not exist in the repository',
    ]);
    expect(snapshot()).toEqual(before);
  });
});
