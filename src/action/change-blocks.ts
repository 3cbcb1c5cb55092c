import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { showFile } from '../git/git.ts';
import { loadYaml } from '../yaml/load.ts';
import { changeBlockOf } from '../report/annotations.ts';
import type { LineRange } from '../report/annotations.ts';
import type { Report } from '../report/model.ts';

/**
 * The `change:` block of each candidate manifest at the report's head commit (or in the work
 * tree), where gate annotations point: the report itself carries no source positions. A manifest
 * that cannot be read is left out, and its annotations fall back to line 1.
 */
export function readChangeBlocks(
  report: Report,
  workspace: string,
  debug: (message: string) => void,
): Map<string, LineRange> {
  const blocks = new Map<string, LineRange>();
  const commit = report.inputs.head.commit;
  for (const pkg of report.packages) {
    try {
      const bytes = commit ? showFile(workspace, commit, pkg.manifest) : readFileSync(resolve(workspace, pkg.manifest));
      const loaded = bytes ? loadYaml(bytes, pkg.manifest).loaded : undefined;
      const block = loaded ? changeBlockOf(loaded) : undefined;
      if (block) blocks.set(pkg.manifest, block);
    } catch (error: unknown) {
      debug(`No change block for ${pkg.manifest}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return blocks;
}
