import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../problem.ts';

/** Thrown for a bad command line; the CLI prints it with a pointer to --help and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Writes a file so that readers never see half of it: write a temp file beside it, then rename.
 * A crash leaves the old file (or none), never a truncated one.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode?: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, data, mode === undefined ? {} : { mode });
    renameSync(temp, path);
  } catch (error: unknown) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Reads a file named on the command line or in an input, as an InputError when it is missing. */
export function readInputFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error: unknown) {
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory, expected a file' : `cannot be read (${code ?? String(error)})`;
    throw new InputError([{ file: path, message: `${what} ${reason}` }]);
  }
}

/**
 * Expands files and directories (relative to `cwd`) into absolute paths of YAML files, recursively
 * and sorted, skipping dot-dirs and node_modules. A path that does not exist is reported as typed.
 */
export function expandYamlPaths(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).toSorted((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(full);
    }
  };
  const missing = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      missing.push({ file: given, message: 'does not exist' });
      continue;
    }
    if (stats.isDirectory()) walk(path);
    else out.push(path);
  }
  if (missing.length > 0) throw new InputError(missing);
  return out;
}

/** A path relative to the repository root with `/` separators, the form manifests and GitHub use. */
export function toRepoPath(root: string, path: string): string {
  return relative(root, resolve(path)).split(sep).join('/');
}
