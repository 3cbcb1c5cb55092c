/**
 * The `kaizen-gate` command (dist/cli.js): turns on Node's compile cache, then runs the CLI, which
 * is bundled beside it as dist/cli-main.js, on a worker thread with a capped young generation
 * (src/entry-worker.ts; a 100,000-case check takes about a tenth less time and memory). The cache
 * keeps V8's compiled code of the CLI between runs, in the system's temp directory, checked against
 * the file's content and the Node version, so a run after the first does not compile the bundle
 * again (about 30 ms of its start on a 2-CPU machine). `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 * `node dist/cli-main.js` runs the CLI on the main thread, without either.
 */
import { enableCompileCache } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { entryTerminal, runOnWorker } from './entry-worker.ts';

enableCompileCache();
if (isMainThread) {
  process.exitCode = await runOnWorker(new URL(import.meta.url));
} else {
  // Not bundled into this file: the cache applies to modules loaded after it is turned on.
  const cli = (await import(new URL('./cli-main.js', import.meta.url).href)) as {
    main(options?: { readonly stdoutIsTTY?: boolean }): Promise<void>;
  };
  const terminal = entryTerminal();
  await cli.main(terminal === undefined ? {} : { stdoutIsTTY: terminal.stdout });
}
