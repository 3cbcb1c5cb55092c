// Whether `check` without --head can bind its report to a commit: on a work tree whose tracked
// files all match HEAD and that holds no untracked files besides the run's own inputs and outputs,
// the work tree *is* HEAD, so the report names that commit and `verify --commit HEAD` can check it.
import { git } from '../git/git.ts';

/**
 * Files that differ from HEAD: changed, staged, deleted or untracked (ignored files are not
 * counted), except `own` — the run's evidence files and report folder, repository-relative, which
 * are inputs and outputs of the check, not part of the package.
 */
export function uncommittedFiles(repo: string, own: readonly string[]): string[] {
  const records = git(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']).toString().split('\0');
  const files: string[] = [];
  for (const record of records) {
    if (record.length < 4) continue;
    const path = record.slice(3);
    if (own.some((mine) => path === mine || path.startsWith(`${mine.replace(/\/+$/, '')}/`))) continue;
    files.push(`${record.slice(0, 2).trim() || '??'} ${path}`);
  }
  return files.toSorted((a, b) => (a.slice(3) < b.slice(3) ? -1 : 1));
}

/** The notice `check` prints when the work tree cannot stand for a commit. */
export function describeUncommitted(files: readonly string[]): string {
  const shown = files.slice(0, 10).join(', ');
  const more = files.length > 10 ? ` and ${files.length - 10} more` : '';
  return (
    `Note: the work tree has uncommitted changes (${shown}${more}), so this report is about the work tree and names no commit; ` +
    '`kaizen-gate verify --commit` cannot check it. Commit them (or pass --head REF) and run check again for a report bound to a commit.\n'
  );
}
