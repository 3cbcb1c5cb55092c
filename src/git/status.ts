/**
 * Whether a work tree can stand for HEAD: a check without an explicit head binds its report to
 * HEAD only when every tracked file matches it and no untracked file besides the run's own inputs
 * and outputs is present, so `verify --commit HEAD` can check that report.
 */
import { git } from './git.ts';

/**
 * Files that differ from HEAD: changed, staged, deleted or untracked (ignored files are not
 * counted), except `own` — the run's evidence files and report folder, repository-relative, which
 * are inputs and outputs of the check, not part of the package.
 */
export function uncommittedFiles(repo: string, own: readonly string[]): string[] {
  const records = git(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'])
    .toString()
    .split('\0');
  const files: string[] = [];
  for (const record of records) {
    if (record.length < 4) continue;
    const path = record.slice(3);
    if (own.some((mine) => path === mine || path.startsWith(`${mine.replace(/\/+$/, '')}/`))) continue;
    files.push(`${record.slice(0, 2).trim() || '??'} ${path}`);
  }
  return files.toSorted((a, b) => (a.slice(3) < b.slice(3) ? -1 : 1));
}
