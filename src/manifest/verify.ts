import type { Problem } from '../problem.ts';
import { fieldOf } from '../yaml/load.ts';
import type { LoadedYaml } from '../yaml/load.ts';
import { listArtifacts } from './model.ts';
import type { ArtifactEntry } from './model.ts';
import { digestOf, shortDigest } from '../digest.ts';

/** What reading a repository path gave: the bytes, or why there are none. */
export type FileRead =
  | { readonly kind: 'file'; readonly bytes: Uint8Array }
  | { readonly kind: 'missing' }
  | { readonly kind: 'not-a-file' }
  | { readonly kind: 'escapes'; readonly reason: string };

/** Reads a repository-relative path from some tree (working tree or a git ref). Supplied by the edges. */
export type ReadFile = (path: string) => FileRead;

/**
 * Lexical checks on a repository-relative path; returns why it is unsafe, or undefined when fine.
 * Symlinks are the reader's job: it knows the tree.
 */
export function unsafePathReason(path: string): string | undefined {
  if (path === '') return 'is empty';
  if (path.includes('\0')) return 'contains a NUL byte';
  if (path.includes('\\')) return 'uses backslashes; write repository paths with "/"';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
    return 'is absolute; artifact paths are relative to the repository root';
  if (path.split('/').some((segment) => segment === '..')) return 'leaves the repository ("..")';
  return undefined;
}

/** An artifact with the digest of its current content, when it could be read. */
export interface VerifiedArtifact extends ArtifactEntry {
  readonly actual: string | undefined;
  /** True when the file exists but its digest differs from the recorded one. */
  readonly mismatch: boolean;
  /** The problem reported for this artifact, if any. */
  readonly problem?: Problem;
}

/**
 * Checks that every file the manifest references exists inside the repository and matches its
 * recorded digest. Returns one problem per fault, all at once.
 */
export function verifyArtifacts(
  loaded: LoadedYaml,
  readFile: ReadFile,
): { artifacts: VerifiedArtifact[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const artifacts: VerifiedArtifact[] = [];
  for (const entry of listArtifacts(loaded.value)) {
    const { actual, problem: reason } = readArtifact(entry, readFile);
    const mismatch = entry.recorded !== undefined && actual !== undefined && entry.recorded !== actual;
    const problem = reason
      ? locate(loaded, entry.pathPointer, reason)
      : mismatch
        ? locate(
            loaded,
            entry.digestPointer,
            `${entry.path} has ${shortDigest(actual!)} but the manifest records ${shortDigest(entry.recorded!)}; run \`kaizen-gate lock\` if the change is intended`,
          )
        : undefined;
    artifacts.push({ ...entry, actual, mismatch, ...(problem ? { problem } : {}) });
    if (problem) problems.push(problem);
  }
  return { artifacts, problems };
}

/** Reads one artifact and digests it, or says why it can't be. */
export function readArtifact(entry: ArtifactEntry, readFile: ReadFile): { actual?: string; problem?: string } {
  const unsafe = unsafePathReason(entry.path);
  if (unsafe) return { problem: `${JSON.stringify(entry.path)} ${unsafe}` };
  const read = readFile(entry.path);
  switch (read.kind) {
    case 'file':
      return { actual: digestOf(read.bytes) };
    case 'missing':
      return { problem: `${entry.path} does not exist in the repository` };
    case 'not-a-file':
      return { problem: `${entry.path} is not a regular file` };
    case 'escapes':
      return { problem: `${entry.path} ${read.reason}` };
  }
}

/** A problem at the position of a JSON pointer in a loaded file. */
export function locate(loaded: LoadedYaml, pointer: string, message: string): Problem {
  const position = loaded.positions.get(pointer) ?? loaded.keyPositions.get(pointer);
  const field = fieldOf(pointer);
  return {
    file: loaded.file,
    ...(position ? { line: position.line, column: position.column } : {}),
    ...(field ? { field } : {}),
    message,
  };
}
