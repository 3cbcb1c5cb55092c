/**
 * The Action's entry (dist/action.js, which action.yml runs): runs the Action, bundled beside it as
 * dist/action-main.js, on a worker thread with a capped young generation (src/entry-worker.ts), as
 * the CLI does. A runner's `node dist/action.js` takes no Node options; this is how a large check
 * gets the same memory settings there.
 */
import { isMainThread } from 'node:worker_threads';
import { runOnWorker } from './entry-worker.ts';

if (isMainThread) {
  process.exitCode = await runOnWorker(new URL(import.meta.url));
} else {
  // Not bundled into this file: the main thread never loads the Action.
  const action = (await import(new URL('./action-main.js', import.meta.url).href)) as { start(): Promise<void> };
  await action.start();
}
