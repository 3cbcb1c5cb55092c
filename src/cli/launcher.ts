/**
 * The `kaizen-gate` command (dist/cli.js): turns on Node's compile cache, then runs the CLI, which
 * is bundled beside it as dist/cli-main.js. The cache keeps V8's compiled code of the CLI between
 * runs, in the system's temp directory, checked against the file's content and the Node version,
 * so a run after the first does not compile the bundle again (about 30 ms of its start on a 2-CPU
 * machine). `NODE_DISABLE_COMPILE_CACHE=1` turns it off. With large inputs the CLI runs on a worker
 * thread with a capped young generation (src/io/entry-worker.ts; `KAIZEN_GATE_WORKER` overrides).
 */
import { enableCompileCache } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { entryTerminal, runOnWorker, useWorker } from '../io/entry-worker.ts';

type Cli = { main(options?: { readonly stdoutIsTTY?: boolean }): Promise<void> };
// Not bundled into this file: the cache applies to modules loaded after it is turned on.
const loadCli = async (): Promise<Cli> => (await import(new URL('./cli-main.js', import.meta.url).href)) as Cli;

enableCompileCache();
if (isMainThread) {
  const choice = useWorker(process.argv.slice(2), process.cwd(), process.env.KAIZEN_GATE_WORKER);
  if (choice.problem !== undefined) {
    process.stderr.write(`kaizen-gate: ${choice.problem}\n`);
    process.exitCode = 2;
  } else if (choice.worker) {
    process.exitCode = await runOnWorker(new URL(import.meta.url));
  } else {
    await (await loadCli()).main();
  }
} else {
  const terminal = entryTerminal();
  await (await loadCli()).main(terminal === undefined ? {} : { stdoutIsTTY: terminal.stdout });
}
