import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTES_REF, parseNoteText, readAllNotes, readNotes, recordNote } from '../../src/git/notes.ts';
import { runGit } from '../support/git-repo.ts';
import { makeOriginTemplate, type OriginTemplate } from '../support/audit-repo.ts';
import type { Clone } from '../support/audit-repo.ts';

// recordNote runs git with this process's environment: keep the machine's git config out, so the
// identity fallback is exercised and nothing depends on who runs the tests.
const saved = { global: process.env.GIT_CONFIG_GLOBAL, nosystem: process.env.GIT_CONFIG_NOSYSTEM };
beforeAll(() => {
  process.env.GIT_CONFIG_GLOBAL = '/dev/null';
  process.env.GIT_CONFIG_NOSYSTEM = '1';
});
afterAll(() => {
  if (saved.global === undefined) delete process.env.GIT_CONFIG_GLOBAL;
  else process.env.GIT_CONFIG_GLOBAL = saved.global;
  if (saved.nosystem === undefined) delete process.env.GIT_CONFIG_NOSYSTEM;
  else process.env.GIT_CONFIG_NOSYSTEM = saved.nosystem;
});

let template: OriginTemplate;
beforeAll(() => {
  template = makeOriginTemplate();
});
afterAll(() => template?.cleanup());

/** An origin with one commit on main, and `n` clones of it (copies of one template). */
function setup(n: number): { origin: string; commit: string; clones: Clone[] } {
  return { ...template.copy(n), commit: template.commit };
}

const remoteNote = (origin: string, commit: string): string[] =>
  runGit(origin, ['notes', `--ref=${NOTES_REF}`, 'show', commit]).split('\n');

function writeHook(clone: Clone, body: string): void {
  const path = join(clone.dir, '.git', 'hooks', 'pre-push');
  writeFileSync(path, `#!/bin/sh\ncat > /dev/null\nunset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE\n${body}\nexit 0\n`);
  chmodSync(path, 0o755);
}

describe('recordNote', () => {
  it('creates the notes ref on a remote that has none, pushes it, and reads back the parsed line', () => {
    const { origin, commit, clones } = setup(1);
    const [a] = clones as [Clone];
    const outcome = recordNote({ repo: a.dir, commit, note: '{"n":1}', push: true });
    expect(outcome).toMatchObject({ added: true, pushed: true, attempts: 1 });
    expect(outcome.message).toBe(
      `recorded the report on ${commit.slice(0, 12)} in ${NOTES_REF} and pushed it to origin`,
    );
    expect(remoteNote(origin, commit)).toEqual(['{"n":1}']);
    expect(readNotes(a.dir, commit)).toEqual([{ line: 1, text: '{"n":1}', value: { n: 1 } }]);
    expect(readNotes(a.dir, 'HEAD')).toHaveLength(1);
  });

  it('appends to an existing note, never overwrites it, and does not add an identical line twice', () => {
    const { origin, commit, clones } = setup(1);
    const [a] = clones as [Clone];
    // A note somebody else wrote by hand stays.
    runGit(a.dir, ['notes', `--ref=${NOTES_REF}`, 'add', '-m', 'written by hand', commit]);
    expect(recordNote({ repo: a.dir, commit, note: '{"n":1}', push: true }).added).toBe(true);
    expect(recordNote({ repo: a.dir, commit, note: '{"n":2}', push: true }).added).toBe(true);
    const again = recordNote({ repo: a.dir, commit, note: '{"n":1}', push: true });
    expect(again.added).toBe(false);
    expect(again.message).toContain('already recorded');
    expect(remoteNote(origin, commit)).toEqual(['written by hand', '{"n":1}', '{"n":2}']);
    expect(readNotes(a.dir, commit).map((l) => l.value)).toEqual([undefined, { n: 1 }, { n: 2 }]);
    expect(readNotes(a.dir, commit)[0]?.error).toMatch(/JSON/);
  });

  it('merges notes another clone pushed before recording (fetch first), keeping both', () => {
    const { origin, commit, clones } = setup(2);
    const [a, b] = clones as [Clone, Clone];
    recordNote({ repo: a.dir, commit, note: '{"by":"a"}', push: true });
    const outcome = recordNote({ repo: b.dir, commit, note: '{"by":"b"}', push: true });
    expect(outcome.attempts).toBe(1);
    expect(remoteNote(origin, commit).toSorted()).toEqual(['{"by":"a"}', '{"by":"b"}']);
  });

  it('when a concurrent push lands between fetch and push: rejected, then fetch, merge, retry keeps both notes', () => {
    const { origin, commit, clones } = setup(3);
    const [a, b, auditor] = clones as [Clone, Clone, Clone];
    // A records locally; B's pre-push hook publishes A's note the first time B pushes, exactly
    // in the window between B's fetch and B's push.
    recordNote({ repo: a.dir, commit, note: '{"by":"a"}', push: false });
    const mark = join(b.dir, '.git', 'raced');
    writeHook(b, `if [ ! -f '${mark}' ]; then touch '${mark}'; git -C '${a.dir}' push -q origin ${NOTES_REF}; fi`);
    const outcome = recordNote({ repo: b.dir, commit, note: '{"by":"b"}', push: true });
    expect(outcome.attempts).toBe(2);
    expect(outcome.message).toContain('after 1 concurrent update by another writer');
    expect(remoteNote(origin, commit).toSorted()).toEqual(['{"by":"a"}', '{"by":"b"}']);
    // An auditor's fresh fetch sees both.
    auditor.git('fetch', '--quiet', 'origin', 'refs/notes/*:refs/notes/*');
    expect(readNotes(auditor.dir, commit).map((l) => l.value)).toEqual([{ by: 'a' }, { by: 'b' }]);
  });

  it('gives up after maxAttempts with a clear error when other writers keep pushing, keeping the note locally', () => {
    const { commit, clones } = setup(2);
    const [a, b] = clones as [Clone, Clone];
    const counter = join(b.dir, '.git', 'count');
    writeHook(
      b,
      `n=$(cat '${counter}' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '${counter}'
git -C '${a.dir}' -c user.name=a -c user.email=a@example.test notes --ref=${NOTES_REF} add -f -m "{\\"other\\":$n}" HEAD
git -C '${a.dir}' push -q origin ${NOTES_REF}`,
    );
    expect(() => recordNote({ repo: b.dir, commit, note: '{"by":"b"}', push: true, maxAttempts: 3 })).toThrow(
      /Could not push refs\/notes\/kaizen-gate to origin: it was rejected 3 times because other writers kept updating it.*The note is recorded locally/,
    );
    expect(readNotes(b.dir, commit).map((l) => l.value)).toContainEqual({ by: 'b' });
  });

  it('uses a kaizen-gate identity for notes commits when none is configured, without touching the config', () => {
    const { commit, clones } = setup(1);
    const [a] = clones as [Clone];
    expect(() => runGit(a.dir, ['config', 'user.name'], { GIT_CONFIG_GLOBAL: '/dev/null' })).toThrow();
    recordNote({ repo: a.dir, commit, note: '{"n":1}', push: true });
    const author = runGit(a.dir, ['log', '-1', '--format=%an <%ae>|%cn <%ce>', NOTES_REF], {
      GIT_CONFIG_GLOBAL: '/dev/null',
    });
    expect(author).toBe('kaizen-gate <kaizen-gate@noreply.invalid>|kaizen-gate <kaizen-gate@noreply.invalid>');
    expect(() => runGit(a.dir, ['config', '--local', 'user.name'])).toThrow();
    expect(() => runGit(a.dir, ['config', '--local', 'user.email'])).toThrow();
  });

  it('records locally without a remote when push is false', () => {
    const { commit, clones } = setup(1);
    const [a] = clones as [Clone];
    a.git('remote', 'remove', 'origin');
    const outcome = recordNote({ repo: a.dir, commit, note: '{"local":true}', push: false });
    expect(outcome).toMatchObject({ added: true, pushed: false, attempts: 0 });
    expect(
      readAllNotes(a.dir)
        .get(commit)
        ?.map((l) => l.value),
    ).toEqual([{ local: true }]);
  });

  it.each([
    ['a note with a line break', '{"a":1}\n{"b":2}', /one non-empty line/],
    ['an empty note', '  ', /one non-empty line/],
  ])('refuses %s', (_name, note, error) => {
    const { commit, clones } = setup(1);
    expect(() => recordNote({ repo: clones[0]!.dir, commit, note, push: false })).toThrow(error);
  });

  it('wraps a push that fails for another reason than a concurrent writer', () => {
    const { commit, clones } = setup(1);
    const [a] = clones as [Clone];
    a.git('remote', 'set-url', 'origin', join(a.dir, 'no-such-remote'));
    expect(() => recordNote({ repo: a.dir, commit, note: '{"n":1}', push: true })).toThrow(
      /Failed to fetch refs\/notes\/kaizen-gate from origin/,
    );
  });
});

describe('readAllNotes and parseNoteText', () => {
  it('is empty when the notes ref does not exist', () => {
    const { clones } = setup(1);
    expect(readAllNotes(clones[0]!.dir).size).toBe(0);
  });

  it('skips blank lines and keeps 1-based line numbers', () => {
    expect(parseNoteText('{"a":1}\n\n  {"b":2}  \n')).toEqual([
      { line: 1, text: '{"a":1}', value: { a: 1 } },
      { line: 3, text: '{"b":2}', value: { b: 2 } },
    ]);
  });
});
