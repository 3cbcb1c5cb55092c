// Storing what eval runs produced under their fingerprints: `kaizen-gate eval --store` and the
// Action's record mode, where the merged candidate's evidence becomes the next pull request's
// parent evidence.
import { readFileSync } from 'node:fs';
import { storeEvidence } from '../git/evidence-store.ts';
import type { StoreEvidenceOutcome } from '../git/evidence-store.ts';
import type { EvalRunResult } from './run.ts';
import { storedFileName, storedMetadataOf } from './stored.ts';

/** What storing one run did: stored (and maybe pushed), or why not. */
export type StoredRun =
  | { readonly run: EvalRunResult; readonly outcome: StoreEvidenceOutcome }
  | { readonly run: EvalRunResult; readonly skipped: string };

/**
 * Stores each run's output under its evaluation fingerprint (a run without one is skipped, with
 * the reason), pushing each ref when asked.
 *
 * @throws GitError when git fails or a push stays rejected.
 */
export function storeRunEvidence(
  repo: string,
  runs: readonly EvalRunResult[],
  command: string,
  options: { readonly push: boolean; readonly remote?: string },
): StoredRun[] {
  return runs.map((run) => {
    const { target } = run;
    if (target.fingerprint === undefined) {
      return {
        run,
        skipped:
          `${target.forPackage} ${target.side}: not stored, a file its manifest references could not be read, ` +
          `so it has no evaluation fingerprint`,
      };
    }
    const bytes = readFileSync(run.outputPath);
    const metadata = storedMetadataOf(
      {
        fingerprint: target.fingerprint,
        package_id: target.packageId,
        manifest: target.manifest,
        commit: target.commit,
        produced_at: run.startedAt.toISOString(),
        command,
      },
      storedFileName(run.outputPath),
      bytes,
    );
    return {
      run,
      outcome: storeEvidence({
        repo,
        metadata,
        bytes,
        push: options.push,
        ...(options.remote === undefined ? {} : { remote: options.remote }),
      }),
    };
  });
}
