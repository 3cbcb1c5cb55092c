// What src/git/git.ts remembers so that a command starts fewer git processes: blobs read in one
// batch, full hashes already resolved, a repository root already found. Each is checked by taking
// git away (an empty PATH) after the first read: the answer must come back the same without it.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changedPaths,
  commitsTouching,
  findRepoRoot,
  GitError,
  prefetchFiles,
  readBlobs,
  readerAtCommit,
  resolveCommit,
  resolveCommits,
} from '../../src/git/git.ts';
import { makeRepo, type TempRepo } from '../support/git-repo.ts';
import { problemsOf } from '../support/problems.ts';

let repo: TempRepo;
let first: string;
let second: string;
const noGit = mkdtempSync(join(tmpdir(), 'kaizen-no-git-'));

beforeAll(() => {
  repo = makeRepo();
  repo.write('apps/qa/prompt.md', 'v1\n');
  repo.write('apps/qa/suite.jsonl', '{"case_id":"c1"}\n');
  repo.write('README.md', 'readme\n');
  repo.symlink('prompt.md', 'apps/qa/link.md');
  first = repo.commit('first');
  repo.write('apps/qa/prompt.md', 'v2\n');
  second = repo.commit('second');
});

afterAll(() => {
  repo.cleanup();
  rmSync(noGit, { recursive: true, force: true });
});

/** Runs `body` with no git on PATH, so any git process it starts fails. */
function withoutGit<T>(body: () => T): T {
  const saved = process.env.PATH;
  process.env.PATH = noGit;
  try {
    return body();
  } finally {
    process.env.PATH = saved;
  }
}

/** Runs `body` with a git that counts its runs (a wrapper first on PATH). */
function countingGit<T>(body: () => T): { value: T; runs: number } {
  const shim = mkdtempSync(join(tmpdir(), 'kaizen-git-shim-'));
  const log = join(shim, 'runs.log');
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(join(shim, 'git'), `#!/bin/sh\necho run >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  const saved = process.env.PATH;
  process.env.PATH = `${shim}:${saved ?? ''}`;
  try {
    const value = body();
    return { value, runs: existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0 };
  } finally {
    process.env.PATH = saved;
    rmSync(shim, { recursive: true, force: true });
  }
}

const text = (read: ReturnType<ReturnType<typeof readerAtCommit>>): string =>
  read.kind === 'file' ? read.bytes.toString() : read.kind;

describe('prefetchFiles', () => {
  it('reads the files of several commits in one call; readers then need no git process', () => {
    prefetchFiles(repo.dir, [
      { commit: first, paths: ['apps/qa/prompt.md', './apps/qa/suite.jsonl', 'no/such/file', 'apps/qa'] },
      { commit: second, paths: new Set(['apps/qa/prompt.md']) },
    ]);
    const [atFirst, atSecond] = [readerAtCommit(repo.dir, first), readerAtCommit(repo.dir, second)];
    // Tree listings and prefetched blobs are cached; a path not in the tree needs no blob.
    withoutGit(() => {
      expect(text(atFirst('apps/qa/prompt.md'))).toBe('v1\n');
      expect(text(atFirst('apps/qa/suite.jsonl'))).toBe('{"case_id":"c1"}\n');
      expect(text(atSecond('apps/qa/prompt.md'))).toBe('v2\n');
      expect(text(atFirst('no/such/file'))).toBe('missing');
      expect(text(atFirst('apps/qa'))).toBe('not-a-file');
    });
    // Not prefetched: the reader still reads it, with git.
    expect(() => withoutGit(() => readerAtCommit(repo.dir, first)('README.md'))).toThrow(GitError);
    expect(text(readerAtCommit(repo.dir, first)('README.md'))).toBe('readme\n');
  });

  it('leaves symlinks to the reader, which follows them inside the tree as before', () => {
    prefetchFiles(repo.dir, [{ commit: first, paths: ['apps/qa/link.md'] }]);
    expect(text(readerAtCommit(repo.dir, first)('apps/qa/link.md'))).toBe('v1\n');
  });
});

describe('readBlobs', () => {
  it('returns each object by id, skips missing ids, and remembers the blobs for readers', () => {
    const id = repo.git('rev-parse', `${second}:README.md`);
    const missing = '0'.repeat(40);
    const blobs = readBlobs(repo.dir, [id, id, missing]);
    expect([...blobs.keys()]).toEqual([id]);
    expect(blobs.get(id)?.toString()).toBe('readme\n');
    expect(withoutGit(() => text(readerAtCommit(repo.dir, second)('README.md')))).toBe('readme\n');
    // Asked again, what is remembered needs no git; anything else still does.
    expect(
      withoutGit(() => readBlobs(repo.dir, [id]))
        .get(id)
        ?.toString(),
    ).toBe('readme\n');
    expect(() => withoutGit(() => readBlobs(repo.dir, [id, missing]))).toThrow(GitError);
  });
});

describe('resolveCommits', () => {
  it('resolves several refs in one git process, and each ref that is not a commit on its own with its message', () => {
    const refs = [
      { ref: 'HEAD~1', flag: '--base' },
      { ref: 'HEAD', flag: '--head' },
    ];
    expect(countingGit(() => resolveCommits(repo.dir, refs))).toEqual({ value: [first, second], runs: 1 });
    expect(resolveCommits(repo.dir, [{ ref: second, flag: '--base' }, ...refs])).toEqual([second, first, second]);
    for (const bad of ['no-such-ref', 'HEAD~1..HEAD', 'README.md', '--all']) {
      const expected = problemsOf(() => resolveCommit(repo.dir, bad, '--head'));
      expect(expected.length).toBe(1);
      expect(problemsOf(() => resolveCommits(repo.dir, [refs[0]!, { ref: bad, flag: '--head' }]))).toEqual(expected);
    }
  });
});

describe('resolveCommit', () => {
  it('resolves a full hash once with git, then from memory; names are always asked again', () => {
    expect(resolveCommit(repo.dir, second)).toBe(second);
    expect(withoutGit(() => resolveCommit(repo.dir, second))).toBe(second);
    expect(resolveCommit(repo.dir, 'HEAD')).toBe(second);
    expect(() => withoutGit(() => resolveCommit(repo.dir, 'HEAD'))).toThrow(/HEAD does not name a commit/);
    // A hash of another repository is not taken on trust.
    const other = makeRepo();
    try {
      expect(() => resolveCommit(other.dir, second)).toThrow(new RegExp(`${second} does not name a commit`));
    } finally {
      other.cleanup();
    }
  });
});

describe('findRepoRoot', () => {
  it('remembers a directory that is the top level of its work tree while its .git is there', () => {
    expect(findRepoRoot(repo.dir)).toBe(repo.dir);
    expect(withoutGit(() => findRepoRoot(repo.dir))).toBe(repo.dir);
    // A subfolder is asked every time (a repository may be created inside it).
    expect(findRepoRoot(join(repo.dir, 'apps'))).toBe(repo.dir);
    expect(withoutGit(() => findRepoRoot(join(repo.dir, 'apps')))).toBeUndefined();
    const gone = makeRepo();
    expect(findRepoRoot(gone.dir)).toBe(gone.dir);
    rmSync(join(gone.dir, '.git'), { recursive: true, force: true });
    expect(findRepoRoot(gone.dir)).toBeUndefined();
    gone.cleanup();
  });
});

describe('changedPaths from two tree listings', () => {
  it('names what git diff --name-only --no-renames names: contents, modes, symlinks, submodules, files become folders', () => {
    const other = makeRepo();
    try {
      other.write('a/keep.md', 'same\n');
      other.write('a/edit.md', 'v1\n');
      other.write('a/gone.md', 'bye\n');
      other.write('tool.sh', 'echo\n');
      other.write('was-file', 'file\n');
      other.write('dir/inner.md', 'inner\n');
      other.write('ä/ü.md', 'unicode\n');
      other.symlink('keep.md', 'a/link.md');
      // A submodule that is not checked out: its gitlink, and an empty folder where it would be.
      mkdirSync(join(other.dir, 'vendor/sub'), { recursive: true });
      other.git('update-index', '--add', '--cacheinfo', `160000,${first},vendor/sub`);
      const before = other.commit('before');
      other.write('a/edit.md', 'v2\n');
      other.remove('a/gone.md');
      other.write('a/new.md', 'new\n');
      chmodSync(join(other.dir, 'tool.sh'), 0o755);
      other.remove('was-file');
      other.write('was-file/now-inside.md', 'inside\n');
      rmSync(join(other.dir, 'dir'), { recursive: true });
      other.write('dir', 'now a file\n');
      other.remove('a/link.md');
      other.symlink('edit.md', 'a/link.md');
      other.git('update-index', '--add', '--cacheinfo', `160000,${second},vendor/sub`);
      const after = other.commit('after');
      const byGit = other
        .git('diff', '--name-only', '-z', '--no-renames', before, after)
        .split('\0')
        .filter(Boolean)
        .toSorted();
      expect(byGit).toContain('vendor/sub');
      expect(byGit).toContain('tool.sh');
      expect(byGit.length).toBeGreaterThan(8);
      expect(changedPaths(other.dir, before, after)).toEqual(byGit);
      expect(changedPaths(other.dir, after, before)).toEqual(byGit);
    } finally {
      other.cleanup();
    }
  });
});

describe('changedPaths and commitsTouching', () => {
  it('between commits named by hash, answer from memory the second time; by name, ask git every time', () => {
    expect(changedPaths(repo.dir, first, second)).toEqual(['apps/qa/prompt.md']);
    expect(commitsTouching(repo.dir, second, 'apps/qa/prompt.md')).toEqual([second, first]);
    withoutGit(() => {
      expect(changedPaths(repo.dir, first, second)).toEqual(['apps/qa/prompt.md']);
      expect(commitsTouching(repo.dir, second, 'apps/qa/prompt.md')).toEqual([second, first]);
    });
    expect(commitsTouching(repo.dir, second, 'README.md')).toEqual([first]);
    expect(() => withoutGit(() => changedPaths(repo.dir, first, 'HEAD'))).toThrow(GitError);
    expect(() => withoutGit(() => commitsTouching(repo.dir, 'HEAD', 'apps/qa/prompt.md'))).toThrow(GitError);
  });
});
