import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readerAtCommit, readerAtWorktree } from '../../src/git/git.ts';
import { loadYaml } from '../../src/yaml/load.ts';
import { listArtifacts } from '../../src/manifest/model.ts';
import { unsafePathReason, verifyArtifacts } from '../../src/manifest/verify.ts';
import type { FileRead, ReadFile } from '../../src/manifest/verify.ts';
import { formatProblem } from '../../src/problem.ts';
import { makeRepo } from '../support/git-repo.ts';
import type { TempRepo } from '../support/git-repo.ts';
import { digestOf, shortDigest } from '../../src/digest.ts';

const SYSTEM = 'You answer HR policy questions with citations.\n';
const SYSTEM_DIGEST = digestOf(new TextEncoder().encode(SYSTEM));
const ZERO = `sha256:${'0'.repeat(64)}`;

let outside: string;
let repo: TempRepo;
let commit: string;

beforeAll(() => {
  // The repository lives inside a sandbox folder that also holds files outside it.
  outside = mkdtempSync(join(tmpdir(), 'kaizen-verify-'));
  writeFileSync(join(outside, 'secret.txt'), 'outside the repository\n');
  mkdirSync(join(outside, 'secrets'));
  writeFileSync(join(outside, 'secrets', 'key.txt'), 'outside too\n');
  repo = makeRepo();
  repo.write('prompts/system.md', SYSTEM);
  repo.write('prompts/dir.md/keep', 'a folder named like a file\n');
  repo.write('..notes.md', 'a file whose name starts with two dots\n');
  repo.symlink('system.md', 'prompts/linked.md');
  repo.symlink('../prompts', 'alias/prompts');
  repo.symlink(join(outside, 'secret.txt'), 'prompts/absolute-link.md');
  repo.symlink(relative(join(repo.dir, 'prompts'), join(outside, 'secret.txt')), 'prompts/relative-escape.md');
  repo.symlink(join(outside, 'secrets'), 'secrets');
  repo.symlink('nowhere.md', 'prompts/dangling.md');
  repo.symlink('loop-b.md', 'prompts/loop-a.md');
  repo.symlink('loop-a.md', 'prompts/loop-b.md');
  commit = repo.commit('artifacts');
});

afterAll(() => {
  repo.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

/** A manifest fragment with one prompt per entry, as verify sees it (schema not involved). */
function manifestText(prompts: readonly { path: string; sha256?: string }[]): string {
  return `prompts:\n${prompts.map((p, i) => `  - id: p${i}\n    path: ${JSON.stringify(p.path)}\n${p.sha256 ? `    sha256: ${p.sha256}\n` : ''}`).join('')}`;
}

function verify(prompts: readonly { path: string; sha256?: string }[], read: ReadFile): string[] {
  const { loaded, problems } = loadYaml(new TextEncoder().encode(manifestText(prompts)), 'm.yaml');
  expect(problems).toEqual([]);
  return verifyArtifacts(loaded!, read).problems.map(formatProblem);
}

describe('verifyArtifacts', () => {
  const readers: [string, () => ReadFile][] = [
    ['working tree', () => readerAtWorktree(repo.dir)],
    ['commit', () => readerAtCommit(repo.dir, commit)],
  ];

  describe.each(readers)('reading the %s', (_where, reader) => {
    it('accepts a file whose digest matches, and a symlink to it inside the repository', () => {
      const read = reader();
      expect(
        verify(
          [
            { path: 'prompts/system.md', sha256: SYSTEM_DIGEST },
            { path: 'prompts/linked.md', sha256: SYSTEM_DIGEST },
            { path: 'alias/prompts/system.md', sha256: SYSTEM_DIGEST },
          ],
          read,
        ),
      ).toEqual([]);
    });

    it('reports a missing artifact at its path', () => {
      expect(verify([{ path: 'prompts/nope.md', sha256: ZERO }], reader())).toEqual([
        'm.yaml:3:11 prompts[0].path: prompts/nope.md does not exist in the repository',
      ]);
    });

    it('reports a digest mismatch at the digest, with both digests', () => {
      expect(verify([{ path: 'prompts/system.md', sha256: ZERO }], reader())).toEqual([
        `m.yaml:4:13 prompts[0].sha256: prompts/system.md has ${shortDigest(SYSTEM_DIGEST)} but the manifest records sha256:000000000000…; run \`kaizen-gate lock\` if the change is intended`,
      ]);
    });

    it('reports a directory where a file is expected', () => {
      expect(verify([{ path: 'prompts/dir.md', sha256: ZERO }], reader())).toEqual([
        'm.yaml:3:11 prompts[0].path: prompts/dir.md is not a regular file',
      ]);
    });

    it('reports a dangling symlink as missing', () => {
      expect(verify([{ path: 'prompts/dangling.md', sha256: ZERO }], reader())).toEqual([
        'm.yaml:3:11 prompts[0].path: prompts/dangling.md does not exist in the repository',
      ]);
    });

    it('accepts a file whose name merely starts with ".."', () => {
      const digest = digestOf(new TextEncoder().encode('a file whose name starts with two dots\n'));
      expect(verify([{ path: '..notes.md', sha256: digest }], reader())).toEqual([]);
    });

    it.each([
      ['prompts/absolute-link.md', 'an absolute symlink out'],
      ['prompts/relative-escape.md', 'a relative symlink climbing out'],
      ['secrets/key.txt', 'a file under a symlinked folder outside'],
    ])('refuses %s (%s)', (path) => {
      const problems = verify([{ path, sha256: ZERO }], reader());
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        new RegExp(
          `^m\\.yaml:3:11 prompts\\[0\\]\\.path: ${path.replaceAll('.', '\\.')} (resolves outside the repository \\(symlink to |is a symlink pointing outside the repository \\()`,
        ),
      );
    });

    it('refuses a symlink loop without hanging', () => {
      const problems = verify([{ path: 'prompts/loop-a.md', sha256: ZERO }], reader());
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        /^m\.yaml:3:11 prompts\[0\]\.path: prompts\/loop-a\.md (does not exist in the repository|is a symlink chain that is too long)$/,
      );
    });

    it('reports every faulty artifact at once', () => {
      const problems = verify(
        [
          { path: 'prompts/nope.md', sha256: ZERO },
          { path: 'prompts/system.md', sha256: ZERO },
          { path: '/etc/passwd', sha256: ZERO },
          { path: 'prompts/../../x.md', sha256: ZERO },
          { path: 'prompts/dir.md', sha256: ZERO },
        ],
        reader(),
      );
      expect(problems.map((p) => p.split(':').slice(0, 3).join(':'))).toEqual([
        'm.yaml:3:11 prompts[0].path',
        'm.yaml:7:13 prompts[1].sha256',
        'm.yaml:9:11 prompts[2].path',
        'm.yaml:12:11 prompts[3].path',
        'm.yaml:15:11 prompts[4].path',
      ]);
    });
  });

  it.each<[string, string]>([
    ['/etc/passwd', '"/etc/passwd" is absolute; artifact paths are relative to the repository root'],
    ['C:/Windows/win.ini', '"C:/Windows/win.ini" is absolute; artifact paths are relative to the repository root'],
    ['../outside.md', '"../outside.md" leaves the repository ("..")'],
    ['prompts/../../outside.md', '"prompts/../../outside.md" leaves the repository ("..")'],
    ['prompts\\system.md', '"prompts\\\\system.md" uses backslashes; write repository paths with "/"'],
  ])('refuses %s before reading anything', (path, message) => {
    const reads: string[] = [];
    const spyless: ReadFile = (p): FileRead => {
      reads.push(p);
      return { kind: 'missing' };
    };
    expect(verify([{ path, sha256: ZERO }], spyless)).toEqual([`m.yaml:3:11 prompts[0].path: ${message}`]);
    expect(reads).toEqual([]);
  });
});

describe('unsafePathReason', () => {
  it.each<[string, string | undefined]>([
    ['prompts/system.md', undefined],
    ['..notes.md', undefined],
    ['a/..b/c', undefined],
    ['', 'is empty'],
    ['a\0b', 'contains a NUL byte'],
    ['..', 'leaves the repository ("..")'],
    ['a/../..', 'leaves the repository ("..")'],
    ['/abs', 'is absolute; artifact paths are relative to the repository root'],
    ['d:relative', 'is absolute; artifact paths are relative to the repository root'],
  ])('%j → %j', (path, reason) => {
    expect(unsafePathReason(path)).toBe(reason);
  });
});

describe('listArtifacts', () => {
  it('lists every file a full manifest references, with pointers', () => {
    const value = {
      prompts: [{ id: 'system', path: 'p.md', sha256: 'sha256:1' }],
      tools: [{ id: 'sql', version: 'v1', schema: 't.json', sha256: 'sha256:2' }],
      guardrails: [{ id: 'pii', path: 'g.json' }],
      retrieval: { manifest: { path: 'r.json', sha256: 'sha256:3' } },
      routing: { id: 'router-v2', path: 'route.json', sha256: 'sha256:4' },
      evaluation: {
        suites: [{ id: 'golden_v1', suite: 'golden', path: 's.jsonl', sha256: 'sha256:5' }],
        judge: { rubric: { path: 'rubric.md', sha256: 'sha256:6' } },
      },
    };
    expect(listArtifacts(value).map((a) => [a.key, a.path, a.recorded, a.pathPointer, a.digestPointer])).toEqual([
      ['prompt:system', 'p.md', 'sha256:1', '/prompts/0/path', '/prompts/0/sha256'],
      ['tool:sql', 't.json', 'sha256:2', '/tools/0/schema', '/tools/0/sha256'],
      ['guardrail:pii', 'g.json', undefined, '/guardrails/0/path', '/guardrails/0/sha256'],
      ['retrieval:manifest', 'r.json', 'sha256:3', '/retrieval/manifest/path', '/retrieval/manifest/sha256'],
      ['routing:router-v2', 'route.json', 'sha256:4', '/routing/path', '/routing/sha256'],
      ['suite:golden_v1', 's.jsonl', 'sha256:5', '/evaluation/suites/0/path', '/evaluation/suites/0/sha256'],
      ['judge:rubric', 'rubric.md', 'sha256:6', '/evaluation/judge/rubric/path', '/evaluation/judge/rubric/sha256'],
    ]);
  });

  it('skips entries without a string path instead of throwing', () => {
    expect(listArtifacts({ prompts: [null, 7, { id: 'x' }, { path: 3 }], tools: 'nope', evaluation: [] })).toEqual([]);
    expect(listArtifacts(null)).toEqual([]);
  });
});
