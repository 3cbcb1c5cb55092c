/**
 * File access shared by both edges (the CLI and the Action): reading the files a user names, and
 * writing files so that nobody ever sees half of one. Nothing in the pure core imports this.
 */
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { InputError } from '../problem.ts';

/** Reads a file named on the command line or in an input; a file that cannot be read is an InputError saying why. */
export function readInputFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error: unknown) {
    throw new InputError([{ file: path, message: `${what} ${describeReadError(error)}` }]);
  }
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EISDIR':
      return 'is a directory, expected a file';
    case 'ELOOP':
      return 'is a symbolic link that loops (or a chain of links too long to follow)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'ENOTDIR':
      return 'does not exist (a part of its path is a file, not a directory)';
    default:
      return `cannot be read (${code ?? String(error)})`;
  }
}

/** A path relative to the repository root with `/` separators, the form manifests and GitHub use. */
export function toRepoPath(root: string, path: string): string {
  return relative(root, resolve(path)).split(sep).join('/');
}

/**
 * Writes a file so that readers never see half of it: write a temp file beside it, then rename.
 * A crash leaves the old file (or none), never a truncated one.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  writeFilesTogether(dirname(path), [[path, data]], options);
}

/** How to write: `what` names the content in errors ("the report"), `mode` the new files' permissions. */
export interface WriteOptions {
  readonly what?: string;
  readonly mode?: number;
  /** Never replace a file: a target that exists (even one created meanwhile) fails the whole set. */
  readonly exclusive?: boolean;
}

/**
 * Writes several files in one directory as a set: all are staged beside their targets and renamed
 * into place, and if a later rename fails the earlier ones are rolled back (the previous files
 * restored), so a reader never sees a new file beside an old sibling. A failure is an InputError
 * naming the path, with nothing half-written left behind.
 */
export function writeFilesTogether(
  dir: string,
  files: readonly (readonly [path: string, data: string | Uint8Array, mode?: number])[],
  options: WriteOptions = {},
): void {
  const { mode, what = 'the file', exclusive = false } = options;
  const suffix = randomBytes(6).toString('hex');
  const staged: string[] = [];
  const backups = new Map<string, string>();
  const committed: string[] = [];
  let failedAt = dir;
  try {
    mkdirSync(dir, { recursive: true });
    for (const [path, data, own] of files) {
      failedAt = path;
      const temp = `${path}.${suffix}.tmp`;
      staged.push(temp);
      const fileMode = own ?? mode;
      writeFileSync(temp, data, fileMode === undefined ? {} : { mode: fileMode });
    }
    for (const [index, [path]] of files.entries()) {
      failedAt = path;
      if (exclusive) {
        // A hard link fails when the target exists, where a rename would replace it.
        try {
          linkSync(staged[index]!, path);
        } catch (error: unknown) {
          if ((error as { code?: string }).code !== 'EEXIST') throw error;
          throw new Error('the file already exists (it appeared while kaizen-gate wrote)', { cause: error });
        }
        committed.push(path);
        continue;
      }
      if (files.length > 1 && existsSync(path) && statSync(path).isFile()) {
        const backup = `${path}.${suffix}.bak`;
        copyFileSync(path, backup);
        backups.set(path, backup);
      }
      renameSync(staged[index]!, path);
      committed.push(path);
    }
  } catch (error: unknown) {
    for (const path of committed.toReversed()) {
      const backup = backups.get(path);
      if (backup) renameSync(backup, path);
      else rmSync(path, { force: true });
    }
    throw new InputError([
      { file: failedAt, message: `cannot write ${what}: ${describeWriteError(error)}; nothing was written` },
    ]);
  } finally {
    for (const leftover of [...staged, ...backups.values()]) rmSync(leftover, { force: true });
  }
}

function describeWriteError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file is in the way where a directory is needed (the output path names a file)';
    case 'EISDIR':
      return 'a directory is in the way where the file should go';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
