/**
 * The Action's entry (dist/action.js, which action.yml runs): runs the Action, bundled beside it as
 * dist/action-main.js, on a worker thread with a capped young generation (src/io/entry-worker.ts). A
 * runner's `node dist/action.js` takes no Node options; this is how a large check gets the cap
 * there. Unlike the CLI it always does: the worker's start (about 80 ms) is little beside a step's.
 */
import { isMainThread } from 'node:worker_threads';
import { runOnWorker } from '../io/entry-worker.ts';

if (isMainThread) {
  process.exitCode = await runOnWorker(new URL(import.meta.url));
} else {
  // Not bundled into this file: the main thread never loads the Action.
  const action = (await import(new URL('./action-main.js', import.meta.url).href)) as { start(): Promise<void> };
  await action.start();
}
