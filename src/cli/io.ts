import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../problem.ts';

/** Thrown for a bad command line; the CLI prints it with a pointer to --help and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
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
