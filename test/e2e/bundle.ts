import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ACTION, NODE, ROOT } from './paths.ts';

/** The bundle the tests run, and how to remove a private build. */
export interface ActionBundle {
  readonly path: string;
  /** False when dist/action.js differs from a fresh build of src/ (test/project/dist.test.ts fails then too). */
  readonly committed: boolean;
  cleanup(): void;
}

// Built once per process: the e2e files share their workers (isolate: false), and the source does
// not change during a run. A private build is removed when the process exits.
let built: ActionBundle | undefined;

/**
 * dist/action.js when it and dist/action-main.js equal a fresh `npm run bundle` of src/; otherwise that fresh build, made
 * in a private folder laid out like the package (dist/ beside gates/, which the bundle reads), so
 * the tests exercise the source without rewriting dist/ under other test files that run it.
 * `cleanup` leaves the build to the other files of the process.
 */
export function actionBundle(): ActionBundle {
  if (built === undefined) {
    const fresh = buildActionBundle();
    process.once('exit', () => fresh.cleanup());
    built = { ...fresh, cleanup: () => {} };
  }
  return built;
}

function buildActionBundle(): ActionBundle {
  const dir = mkdtempSync(join(tmpdir(), 'kaizen-bundle-'));
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    execFileSync(NODE, [join(ROOT, 'scripts/bundle.mjs'), join(dir, 'dist')], { cwd: ROOT, stdio: 'pipe' });
    const fresh = join(dir, 'dist/action.js');
    // dist/action.js is a launcher; the Action is the bundle beside it, and both must be current.
    const current = ['action.js', 'action-main.js'].every((file) => {
      const committed = join(dirname(ACTION), file);
      return existsSync(committed) && readFileSync(join(dir, 'dist', file)).equals(readFileSync(committed));
    });
    if (current) {
      cleanup();
      return { path: ACTION, committed: true, cleanup: () => {} };
    }
    cpSync(join(ROOT, 'gates'), join(dir, 'gates'), { recursive: true });
    return { path: fresh, committed: false, cleanup };
  } catch (error: unknown) {
    cleanup();
    throw error;
  }
}
