import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The project's own Node 24, the Action's runtime (`runs.using: node24`). */
export const NODE = join(ROOT, 'node_modules/.bin/node');
/** The bundled Action, as action.yml runs it. */
export const ACTION = join(ROOT, 'dist/action.js');
/** The bundled CLI. */
export const CLI = join(ROOT, 'dist/cli.js');
/** Environment variables of an outer Actions run, kept away from the Action under test. */
export const ACTION_ENV_PREFIXES = ['GITHUB_', 'INPUT_', 'RUNNER_', 'ACTIONS_', 'KAIZEN_GATE_'];
